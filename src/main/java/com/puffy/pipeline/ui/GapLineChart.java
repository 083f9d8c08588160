package com.puffy.pipeline.ui;

import java.util.Collection;
import java.util.function.Function;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;

/**
 * A line per series over a {@link DayAxis}, open over the days its view model says have no data: Analysis's daily
 * revenue and Monitoring's metric chart.
 */
public class GapLineChart extends LineChart<Number, Number> {
    private final NoDataDays noData = new NoDataDays(getPlotChildren());

    public GapLineChart(DayAxis days, NumberAxis values) {
        super(days, values);
    }

    /** The days (ISO) to leave open, each band's tooltip from {@code tooltip}. */
    public void setNoDataDays(Collection<String> isoDays, Function<String, String> tooltip) {
        noData.set(isoDays, tooltip);
        requestChartLayout();
    }

    /** The days without data, for a subclass that draws more than lines across the days. */
    protected NoDataDays noDataDays() {
        return noData;
    }

    @Override
    protected void dataItemAdded(Series<Number, Number> series, int itemIndex, Data<Number, Number> item) {
        super.dataItemAdded(series, itemIndex, item);
        SharedPointStyle.of(item);
    }

    /** Called after each series added, where JavaFX sets every point's style classes again, "data<i>" included. */
    @Override
    protected void seriesChanged(javafx.collections.ListChangeListener.Change<? extends Series> change) {
        super.seriesChanged(change);
        for (Series<?, ?> series : getData()) {
            SharedPointStyle.ofAll(series);
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        noData.layout(getXAxis(), getYAxis().getHeight());
        noData.breakLines(this);
        EndTicks.reveal(getYAxis());
    }
}
