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

    /**
     * Sets {@code axis} to round steps (1, 2, 2.5 or 5 × 10ⁿ) from 0 to the first at or above {@code max}, as the
     * report's axes. An automatic range measures its labels for its width before it sets its step, so with every
     * label carrying the step's decimals (decision 0824) the device chart's "1.0%" was measured as "1%" and the axis'
     * title ran into its labels: a step set before the axis is laid out is measured as written.
     */
    public static void roundStepsUpTo(NumberAxis axis, double max) {
        double top = max > 0 && Double.isFinite(max) ? max : 1;
        double step = Ticks.niceStep(top, 5, false);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setTickUnit(step);
        axis.setUpperBound(Ticks.axisTop(top, step) + step * 1e-9);
        axis.setMinorTickVisible(false);
    }
}
