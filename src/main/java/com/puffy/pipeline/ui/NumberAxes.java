package com.puffy.pipeline.ui;

import java.util.function.DoubleFunction;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Every value axis of the app, each writing its tick labels as the app writes numbers (decision 0640): "1,500"
 * orders, "0.5%", "$25k". A NumberAxis left to itself labels its ticks with a DecimalFormat of the machine's locale,
 * made when the axis is and again when its range changes: a German machine read "1.500" orders and "0,5%" beside the
 * app's "1,500" and "0.5%" (decision 0819). ArchitectureTest lets no other class make one.
 */
public final class NumberAxes {
    private NumberAxes() {
    }

    /** An axis of counts: "0", "1,500", "2.5". */
    public static NumberAxis counts() {
        return writtenBy(Formats::axisNumber);
    }

    /** An axis of percentages, its values in percent (1.2 for 1.2 %): "0.2%", "15%". */
    public static NumberAxis percents() {
        return writtenBy(Formats::axisPercent);
    }

    /** An axis whose ticks {@code label} writes. */
    public static NumberAxis writtenBy(DoubleFunction<String> label) {
        NumberAxis axis = new NumberAxis();
        axis.setTickLabelFormatter(labels(label));
        return axis;
    }

    /** Tick labels written by {@code label}, for an axis whose labels change with what it shows. */
    public static StringConverter<Number> labels(DoubleFunction<String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return label.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                // A NumberAxis only writes its labels; nothing reads one back.
                throw new UnsupportedOperationException("an axis' tick label is not read back: " + text);
            }
        };
    }
}
