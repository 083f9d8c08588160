package com.puffy.pipeline.ui.analysis;

import com.puffy.pipeline.ui.DayAxis;
import java.util.Iterator;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;

/**
 * One bar a day on a {@link DayAxis}. JavaFX's BarChart wants a CategoryAxis, which labels every day and turns the
 * labels on their side once they crowd; on a day axis the labels thin out and stay level, while every bar keeps its
 * own node (and tooltip). The bars carry BarChart's style classes, so the themes colour them as bars.
 */
public final class DayBarChart extends XYChart<Number, Number> {
    /** Share of a day's width a bar takes, as BarChart leaves a gap between categories. */
    private static final double BAR_SHARE = 0.7;
    private final com.puffy.pipeline.ui.NoDataDays noData = new com.puffy.pipeline.ui.NoDataDays(getPlotChildren());

    public DayBarChart(DayAxis days, NumberAxis values) {
        super(days, values);
        getStyleClass().add("bar-chart");
        setData(FXCollections.observableArrayList());
    }

    /**
     * The days (ISO) without data, banded "no data": without a band a missing day looked like a day of no orders,
     * both being no bar.
     */
    public void setNoDataDays(java.util.Collection<String> isoDays, java.util.function.Function<String, String> tooltip) {
        noData.set(isoDays, tooltip);
        requestChartLayout();
    }

    @Override
    protected void dataItemAdded(Series<Number, Number> series, int itemIndex, Data<Number, Number> item) {
        getPlotChildren().add(bar(series, item));
    }

    @Override
    protected void dataItemRemoved(Data<Number, Number> item, Series<Number, Number> series) {
        getPlotChildren().remove(item.getNode());
        removeDataItemFromDisplay(series, item);
    }

    @Override
    protected void dataItemChanged(Data<Number, Number> item) {
        requestChartLayout();
    }

    @Override
    protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
        for (int i = 0; i < series.getData().size(); i++) {
            getPlotChildren().add(bar(series, series.getData().get(i)));
        }
    }

    @Override
    protected void seriesRemoved(Series<Number, Number> series) {
        for (Data<Number, Number> item : series.getData()) {
            getPlotChildren().remove(item.getNode());
        }
        removeSeriesFromDisplay(series);
    }

    @Override
    protected void layoutPlotChildren() {
        DayAxis days = (DayAxis) getXAxis();
        NumberAxis values = (NumberAxis) getYAxis();
        double dayWidth = Math.abs(days.getDisplayPosition(1) - days.getDisplayPosition(0));
        double width = Math.max(1, dayWidth * BAR_SHARE);
        double zero = values.getDisplayPosition(Math.max(values.getLowerBound(), 0));
        noData.layout(days, values.getHeight());
        com.puffy.pipeline.ui.EndTicks.reveal(values);
        for (Series<Number, Number> series : getData()) {
            Iterator<Data<Number, Number>> items = getDisplayedDataIterator(series);
            while (items.hasNext()) {
                Data<Number, Number> item = items.next();
                Node node = item.getNode();
                if (node == null) {
                    continue;
                }
                double x = days.getDisplayPosition(item.getXValue());
                double top = values.getDisplayPosition(item.getYValue());
                node.resizeRelocate(x - width / 2, Math.min(top, zero), width, Math.abs(zero - top));
            }
        }
    }

    private Node bar(Series<Number, Number> series, Data<Number, Number> item) {
        Node node = item.getNode();
        if (node == null) {
            node = new StackPane();
            item.setNode(node);
        }
        int seriesIndex = Math.max(0, getData().indexOf(series));
        // No "data<i>" of its own, as BarChart gives: the bars share their styles (SharedPointStyle).
        node.getStyleClass().setAll("chart-bar", "series" + seriesIndex, "default-color" + seriesIndex % 8);
        return node;
    }
}
