package com.puffy.pipeline.ui.analysis;

import com.puffy.pipeline.ui.EndTicks;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;

/** A BarChart whose value axis keeps the labels of its end ticks ({@link EndTicks}), its bars one style. */
final class EndLabelledBarChart<X, Y> extends BarChart<X, Y> {
    EndLabelledBarChart(Axis<X> x, Axis<Y> y) {
        super(x, y);
    }

    @Override
    protected void dataItemAdded(Series<X, Y> series, int itemIndex, Data<X, Y> item) {
        super.dataItemAdded(series, itemIndex, item);
        com.puffy.pipeline.ui.SharedPointStyle.of(item);
    }

    /** Called after each series added, where JavaFX sets every point's style classes again, "data<i>" included. */
    @Override
    protected void seriesChanged(javafx.collections.ListChangeListener.Change<? extends Series> change) {
        super.seriesChanged(change);
        for (Series<?, ?> series : getData()) {
            com.puffy.pipeline.ui.SharedPointStyle.ofAll(series);
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        EndTicks.reveal(getXAxis());
        EndTicks.reveal(getYAxis());
    }
}
