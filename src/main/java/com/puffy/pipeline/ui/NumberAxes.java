package com.puffy.pipeline.ui;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Every value axis of the app, each writing its tick labels as the app writes numbers (decision 0640): "1,500"
 * orders, "0.5%", "$25k", all labels of an axis with the decimals of its step (decision 0824). A NumberAxis left to itself labels its ticks with a DecimalFormat of the machine's locale,
 * made when the axis is and again when its range changes: a German machine read "1.500" orders and "0,5%" beside the
 * app's "1,500" and "0.5%" (decision 0819). ArchitectureTest lets no other class make one.
 */
public final class NumberAxes {
    private NumberAxes() {
    }

    /** An axis of counts: "0", "1,500", "0.25, 0.50". */
    public static NumberAxis counts() {
        return writtenBy((value, step, largest) -> TickLabels.number(value, step));
    }

    /** An axis of percentages, its values in percent (1.2 for 1.2 %): "0.9%, 1.0%, 1.1%", "15%". */
    public static NumberAxis percents() {
        return writtenBy((value, step, largest) -> TickLabels.percent(value, step));
    }

    /** An axis whose ticks {@code label} writes, knowing the axis' step and ends (decision 0824). */
    public static NumberAxis writtenBy(TickLabels.Writer label) {
        NumberAxis axis = new NumberAxis();
        axis.setTickLabelFormatter(labels(axis, label));
        return axis;
    }

    /**
     * Tick labels of {@code axis} written by {@code label} with the axis' step and its larger end, as the axis has them
     * when it writes its labels (it sets both in its layout before). An automatic range measures its labels for its
     * width before it sets a new step, with the old step's decimals: give an axis whose labels carry decimals its
     * range ({@link CountAxis#roundStepsUpTo}).
     */
    public static StringConverter<Number> labels(NumberAxis axis, TickLabels.Writer label) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double largest = Math.max(Math.abs(axis.getLowerBound()), Math.abs(axis.getUpperBound()));
                return label.write(value.doubleValue(), axis.getTickUnit(), largest);
            }

            @Override
            public Number fromString(String text) {
                // A NumberAxis only writes its labels; nothing reads one back.
                throw new UnsupportedOperationException("an axis' tick label is not read back: " + text);
            }
        };
    }
}
