package com.puffy.pipeline.ui.monitor;

import com.puffy.pipeline.ui.CountAxis;
import com.puffy.pipeline.ui.DayAxis;
import com.puffy.pipeline.ui.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * A metric's days as metrics.csv gives them: the value, the baseline, the band drawn as a shaded area between
 * band_low and band_high (to the plot's edge on a side without a bound) with its edges as thin lines, and the days
 * that fired. Days on the shared {@link DayAxis}, as Analysis's daily charts: "Mar 9", one label every few days so
 * the labels stay level at any width. Series 0 value, 1 baseline, 2 band low, 3 band high, 4 fired; the x values
 * are epoch days.
 */
final class MetricChart extends com.puffy.pipeline.ui.GapLineChart {
    private final DayAxis days;
    private final Path band = new Path();
    /** The selected alert's day, a vertical line across the plot. */
    private final javafx.scene.shape.Line marker = new javafx.scene.shape.Line();
    private String markedDay;
    private List<MonitoringViewModel.Point> points = List.of();

    MetricChart(NumberAxis values) {
        this(new DayAxis(), values);
    }

    private MetricChart(DayAxis days, NumberAxis values) {
        super(days, values);
        this.days = days;
        band.getStyleClass().add("metric-band");
        band.setManaged(false);
        getPlotChildren().add(0, band);
        marker.getStyleClass().add("metric-selected-day");
        marker.setId("metric-selected-day");
        marker.setManaged(false);
        marker.setVisible(false);
        getPlotChildren().add(1, marker);
    }

    /** Marks a day (ISO date) with a line across the plot; null takes it away. */
    void mark(String isoDate) {
        markedDay = isoDate;
        requestChartLayout();
        placeMarker();
    }

    private void placeMarker() {
        long day = markedDay == null ? Long.MIN_VALUE : DayAxis.epochDay(markedDay);
        boolean inData = day != Long.MIN_VALUE && points.stream().anyMatch(p -> DayAxis.epochDay(p.date()) == day);
        marker.setVisible(inData);
        if (inData) {
            double x = days.getDisplayPosition(day);
            marker.setStartX(x);
            marker.setEndX(x);
            marker.setStartY(0);
            marker.setEndY(getYAxis().getHeight());
        }
    }

    /** Whether a day is marked, and where (for tests): the marker's x in the plot, or NaN. */
    double markedX() {
        return marker.isVisible() ? marker.getStartX() : Double.NaN;
    }

    /** Draws the days; {@code valueText} writes a value as the y axis does, for the tooltips. */
    void show(String metric, List<MonitoringViewModel.Point> shown, DoubleFunction<String> valueText) {
        points = List.copyOf(shown);
        getData().clear();
        XYChart.Series<Number, Number> value = new XYChart.Series<>();
        value.setName(metric == null ? "value" : metric);
        XYChart.Series<Number, Number> baseline = new XYChart.Series<>();
        baseline.setName("baseline");
        XYChart.Series<Number, Number> low = new XYChart.Series<>();
        low.setName("band low");
        XYChart.Series<Number, Number> high = new XYChart.Series<>();
        high.setName("band high");
        XYChart.Series<Number, Number> fired = new XYChart.Series<>();
        fired.setName("fired");
        boolean yearly = !points.isEmpty()
                && Formats.spansYears(points.get(0).date(), points.get(points.size() - 1).date());
        List<Long> x = new ArrayList<>();
        for (MonitoringViewModel.Point p : points) {
            long day = DayAxis.epochDay(p.date());
            x.add(day);
            if (day == Long.MIN_VALUE) {
                continue;
            }
            if (!Double.isNaN(p.value())) {
                XYChart.Data<Number, Number> dot = new XYChart.Data<>(day, p.value());
                tooltip(dot, describe(p, valueText));
                value.getData().add(dot);
            }
            if (!Double.isNaN(p.baseline())) {
                baseline.getData().add(new XYChart.Data<>(day, p.baseline()));
            }
            if (bounded(p.low())) {
                low.getData().add(new XYChart.Data<>(day, p.low()));
            }
            if (bounded(p.high())) {
                high.getData().add(new XYChart.Data<>(day, p.high()));
            }
            if (p.fired() && !Double.isNaN(p.value())) {
                XYChart.Data<Number, Number> dot = new XYChart.Data<>(day, p.value());
                tooltip(dot, describe(p, valueText));
                fired.getData().add(dot);
            }
        }
        long first = x.stream().filter(d -> d != Long.MIN_VALUE).mapToLong(Long::longValue).min().orElse(0);
        long last = x.stream().filter(d -> d != Long.MIN_VALUE).mapToLong(Long::longValue).max().orElse(0);
        days.span(first, last, yearly);
        setNoDataDays(MonitoringViewModel.noDataDays(points), iso -> Formats.shortDate(iso, true)
                + ": no data (no value for this day)");
        getData().addAll(List.of(value, baseline, low, high, fired));
        countTicks((NumberAxis) getYAxis(), metric, points);
        requestChartLayout();
    }

    /** Below this a count's automatic axis steps by fractions; above it the steps are whole already. */
    private static final double SMALL_COUNT = 50;

    /**
     * Whole steps from 0 for a small count (orders_collided read "0.25, 0.5 … 2.25": a quarter of an order); any
     * other metric keeps its automatic range, which need not start at 0.
     */
    static void countTicks(NumberAxis axis, String metric, List<MonitoringViewModel.Point> shown) {
        double max = smallCountMax(metric, shown);
        if (Double.isNaN(max)) {
            axis.setAutoRanging(true);
            axis.setMinorTickVisible(true);
            return;
        }
        CountAxis.wholeNumbersUpTo(axis, max);
    }

    /** The largest value drawn when every value drawn is a whole number from 0 below {@link #SMALL_COUNT}, else NaN. */
    static double smallCountMax(String metric, List<MonitoringViewModel.Point> shown) {
        if (MonitoringViewModel.isFraction(metric) || "revenue".equals(metric) || shown.isEmpty()) {
            return Double.NaN;
        }
        double max = 0;
        for (MonitoringViewModel.Point p : shown) {
            for (double v : new double[]{p.value(), p.baseline(), p.low(), p.high()}) {
                if (!bounded(v)) {
                    continue;
                }
                if (v < 0 || v != Math.rint(v) || v >= SMALL_COUNT) {
                    return Double.NaN;
                }
                max = Math.max(max, v);
            }
        }
        return max;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = (NumberAxis) getYAxis();
        double top = 0;
        double bottom = y.getHeight();
        List<PathElement> shape = new ArrayList<>();
        // One closed shape per run of days that have a band: along the upper edge, back along the lower one.
        List<double[]> run = new ArrayList<>();
        long previousDay = Long.MIN_VALUE;
        for (MonitoringViewModel.Point p : points) {
            long day = DayAxis.epochDay(p.date());
            // A check with a fixed limit bounds a day before any baseline exists (client_id missing above 5 %).
            boolean hasBand = day != Long.MIN_VALUE && (bounded(p.low()) || bounded(p.high()));
            if (hasBand && !run.isEmpty() && noDataDays().between(previousDay, day)) {
                // The band does not bridge a day without data any more than the line does.
                close(run, shape);
            }
            if (hasBand) {
                previousDay = day;
            }
            if (!hasBand) {
                close(run, shape);
                continue;
            }
            double px = days.getDisplayPosition(day);
            double upper = bounded(p.high()) ? y.getDisplayPosition(p.high()) : top;
            double lower = bounded(p.low()) ? y.getDisplayPosition(p.low()) : bottom;
            run.add(new double[]{px, Math.max(top, upper), Math.min(bottom, lower)});
        }
        close(run, shape);
        band.getElements().setAll(shape);
        placeMarker();
    }

    private static void close(List<double[]> run, List<PathElement> shape) {
        if (run.isEmpty()) {
            return;
        }
        // A single day is drawn as a narrow bar, so a lone band still shows.
        if (run.size() == 1) {
            double[] only = run.get(0);
            run.clear();
            run.add(new double[]{only[0] - 4, only[1], only[2]});
            run.add(new double[]{only[0] + 4, only[1], only[2]});
        }
        shape.add(new MoveTo(run.get(0)[0], run.get(0)[1]));
        for (int i = 1; i < run.size(); i++) {
            shape.add(new LineTo(run.get(i)[0], run.get(i)[1]));
        }
        for (int i = run.size() - 1; i >= 0; i--) {
            shape.add(new LineTo(run.get(i)[0], run.get(i)[2]));
        }
        shape.add(new ClosePath());
        run.clear();
    }

    /** A day's tooltip: "Mar 2, 2025: 15% · baseline 1% · no alert up to 5% · fired an alert", with its year. */
    static String describe(MonitoringViewModel.Point p, DoubleFunction<String> valueText) {
        StringBuilder text = new StringBuilder(Formats.shortDate(p.date(), true)).append(": ")
                .append(valueText.apply(p.value()));
        if (!Double.isNaN(p.baseline())) {
            text.append(" · baseline ").append(valueText.apply(p.baseline()));
        }
        if (bounded(p.low()) && bounded(p.high())) {
            text.append(" · no alert from ").append(valueText.apply(p.low())).append(" to ")
                    .append(valueText.apply(p.high()));
        } else if (bounded(p.high())) {
            text.append(" · no alert up to ").append(valueText.apply(p.high()));
        } else if (bounded(p.low())) {
            text.append(" · no alert from ").append(valueText.apply(p.low())).append(" up");
        }
        if (p.fired()) {
            text.append(" · fired an alert");
        }
        return text.toString();
    }

    private static boolean bounded(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    private static void tooltip(XYChart.Data<?, ?> data, String text) {
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
            }
        });
    }
}
