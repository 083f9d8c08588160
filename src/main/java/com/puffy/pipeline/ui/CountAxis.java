package com.puffy.pipeline.ui;

import com.puffy.pipeline.analysis.Ticks;
import javafx.scene.chart.NumberAxis;

/**
 * A value axis of counts with ticks at whole numbers from 0: on a small folder the automatic range steps by 2.5 or
 * 0.25, which reads as half or a quarter of an order. One rule for the Analysis and Monitoring charts.
 */
public final class CountAxis {
    private CountAxis() {
    }

    /** Sets {@code axis} to whole steps from 0, with one step above {@code max} so its bar or dot is not cut. */
    public static void wholeNumbersUpTo(NumberAxis axis, double max) {
        double step = Ticks.niceStep(Math.max(max, 1), 5, true);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setTickUnit(step);
        axis.setUpperBound((Math.floor(max / step) + 1) * step);
        axis.setMinorTickVisible(false);
    }
}
