package com.puffy.pipeline.ui.analysis;

import com.puffy.pipeline.ui.EndTicks;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;

/** A BarChart whose value axis keeps the labels of its end ticks ({@link EndTicks}). */
final class EndLabelledBarChart<X, Y> extends BarChart<X, Y> {
    EndLabelledBarChart(Axis<X> x, Axis<Y> y) {
        super(x, y);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        EndTicks.reveal(getXAxis());
        EndTicks.reveal(getYAxis());
    }
}
