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

    /**
     * Draws the days; {@code valueText} writes a value as the y axis does, for the tooltips. The five series and the
     * points already drawn are kept and moved to the new values: the screen draws again at every stage's end, and
     * new series cost a node, its CSS and a tooltip for each day (decision 0832).
     */
    void show(String metric, List<MonitoringViewModel.Point> shown, DoubleFunction<String> valueText) {
        points = List.copyOf(shown);
        List<XYChart.Data<Number, Number>> values = new ArrayList<>();
        List<XYChart.Data<Number, Number>> baselines = new ArrayList<>();
        List<XYChart.Data<Number, Number>> lows = new ArrayList<>();
        List<XYChart.Data<Number, Number>> highs = new ArrayList<>();
        List<XYChart.Data<Number, Number>> fired = new ArrayList<>();
        List<String> valueTips = new ArrayList<>();
        List<String> firedTips = new ArrayList<>();
        boolean yearly = !points.isEmpty()
                && Formats.spansYears(points.get(0).date(), points.get(points.size() - 1).date());
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (MonitoringViewModel.Point p : points) {
            long day = DayAxis.epochDay(p.date());
            if (day == Long.MIN_VALUE) {
                continue;
            }
            first = Math.min(first, day);
            last = Math.max(last, day);
            if (!Double.isNaN(p.value())) {
                values.add(new XYChart.Data<>(day, p.value()));
                valueTips.add(describe(p, valueText));
            }
            if (!Double.isNaN(p.baseline())) {
                baselines.add(new XYChart.Data<>(day, p.baseline()));
            }
            if (bounded(p.low())) {
                lows.add(new XYChart.Data<>(day, p.low()));
            }
            if (bounded(p.high())) {
                highs.add(new XYChart.Data<>(day, p.high()));
            }
            if (p.fired() && !Double.isNaN(p.value())) {
                fired.add(new XYChart.Data<>(day, p.value()));
                firedTips.add(describe(p, valueText));
            }
        }
        if (first > last) {
            first = 0;
            last = 0;
        }
        days.span(first, last, yearly);
        setNoDataDays(MonitoringViewModel.noDataDays(points), iso -> Formats.shortDate(iso, true)
                + ": no data (no value for this day)");
        if (getData().size() != SERIES.size()) {
            getData().clear();
            for (String name : SERIES) {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(name);
                getData().add(series);
            }
        }
        getData().get(0).setName(metric == null ? SERIES.get(0) : metric);
        update(getData().get(0), values, valueTips);
        update(getData().get(1), baselines, null);
        update(getData().get(2), lows, null);
        update(getData().get(3), highs, null);
        update(getData().get(4), fired, firedTips);
        countTicks((NumberAxis) getYAxis(), metric, points);
        requestChartLayout();
    }

    /** Series 0 to 4, in the order the style sheet colours them (default-color0 … 4). */
    private static final List<String> SERIES = List.of("value", "baseline", "band low", "band high", "fired");

    /**
     * Gives {@code series} the points of {@code wanted}, moving the points it has and adding or removing only the
     * difference. With {@code tips} each point is a dot with that tooltip; without, a point has no node: the baseline
     * and the band's edges are lines only, and their dots, transparent in the style sheet, were three nodes a day.
     */
    private static void update(XYChart.Series<Number, Number> series, List<XYChart.Data<Number, Number>> wanted,
                               List<String> tips) {
        javafx.collections.ObservableList<XYChart.Data<Number, Number>> have = series.getData();
        int kept = Math.min(have.size(), wanted.size());
        for (int i = 0; i < kept; i++) {
            XYChart.Data<Number, Number> point = have.get(i);
            point.setXValue(wanted.get(i).getXValue());
            point.setYValue(wanted.get(i).getYValue());
            if (tips != null && point.getNode() instanceof Dot dot) {
                dot.tip.setText(tips.get(i));
            }
        }
        if (have.size() > wanted.size()) {
            have.remove(wanted.size(), have.size());
        }
        List<XYChart.Data<Number, Number>> added = new ArrayList<>();
        for (int i = kept; i < wanted.size(); i++) {
            XYChart.Data<Number, Number> point = wanted.get(i);
            if (tips != null) {
                point.setNode(new Dot(tips.get(i)));
            }
            added.add(point);
        }
        have.addAll(added);
    }

    /** A day's dot, as LineChart would make it (a point to a screen reader), with the day's tooltip. */
    private static final class Dot extends javafx.scene.layout.StackPane {
        private final Tooltip tip;

        Dot(String text) {
            tip = new Tooltip(text);
            Tooltip.install(this, tip);
            setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
            setAccessibleRoleDescription("Point");
            focusTraversableProperty().bind(javafx.application.Platform.accessibilityActiveProperty());
        }
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

}
