package com.puffy.pipeline.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * The days a daily chart has no data for, as its view model names them: a grey band labelled "no data" over each,
 * and a series line that stops before the day and starts again after it. JavaFX's LineChart joins every point to
 * the next, so a day whose file was missing was drawn as a straight line from the day before to the day after, as
 * if it had been measured between them.
 */
public final class NoDataDays {
    private final ObservableList<Node> plotChildren;
    private final TreeSet<Long> days = new TreeSet<>();
    private final List<StackPane> bands = new ArrayList<>();
    /** Each band's words, in day order: the same days said again keep their bands. */
    private List<String> said = List.of();

    /** {@code plotChildren}: the chart's plot children, where the bands go beneath the series. */
    public NoDataDays(ObservableList<Node> plotChildren) {
        this.plotChildren = plotChildren;
    }

    /** The days (ISO) without data, each band saying {@code tooltip} of its day; unreadable dates are skipped. */
    public void set(Collection<String> isoDays, Function<String, String> tooltip) {
        java.util.TreeMap<Long, String> wanted = new java.util.TreeMap<>();
        for (String iso : isoDays) {
            long day = DayAxis.epochDay(iso);
            if (day != Long.MIN_VALUE) {
                wanted.putIfAbsent(day, tooltip.apply(iso));
            }
        }
        List<String> words = List.copyOf(wanted.values());
        // A chart drawn again over the same days (a stage's end, the run's end) keeps its bands: new ones cost nodes,
        // their CSS and tooltips each time.
        if (wanted.keySet().equals(days) && words.equals(said)) {
            return;
        }
        said = words;
        plotChildren.removeAll(bands);
        bands.clear();
        days.clear();
        days.addAll(wanted.keySet());
        for (String text : said) {
            Label label = new Label("no data");
            label.getStyleClass().add("chart-no-data-label");
            label.setRotate(-90);
            label.setMinSize(Label.USE_PREF_SIZE, Label.USE_PREF_SIZE);
            StackPane band = new StackPane(new javafx.scene.Group(label));
            band.setAlignment(javafx.geometry.Pos.TOP_CENTER);
            band.getStyleClass().add("chart-no-data");
            band.setManaged(false);
            Tooltip.install(band, new Tooltip(text));
            band.setAccessibleText(text);
            bands.add(band);
        }
        plotChildren.addAll(0, bands);
    }

    /** The days without data, as epoch days. */
    public java.util.SortedSet<Long> days() {
        return java.util.Collections.unmodifiableSortedSet(days);
    }

    /** Whether a day without data lies strictly between two epoch days. */
    public boolean between(long from, long to) {
        long low = Math.min(from, to);
        long high = Math.max(from, to);
        Long next = days.higher(low);
        return next != null && next < high;
    }

    /** Places the bands, each a day wide and the plot's height; the label only where the day is wide enough for it. */
    public void layout(Axis<Number> dayAxis, double plotHeight) {
        int i = 0;
        for (long day : days) {
            StackPane band = bands.get(i++);
            double left = dayAxis.getDisplayPosition(day - 0.5);
            double right = dayAxis.getDisplayPosition(day + 0.5);
            double width = Math.max(2, Math.abs(right - left));
            band.resizeRelocate(Math.min(left, right), 0, width, plotHeight);
            Node label = ((javafx.scene.Group) band.getChildren().get(0)).getChildren().get(0);
            label.setVisible(width >= 14 && plotHeight >= 60);
        }
    }

    /**
     * Redraws each line series of the chart as runs of days between the days without data: a new MoveTo after each
     * gap, where JavaFX drew one LineTo through it. Points are taken in day order from their data; a series whose
     * node is not a Path (bars) is left alone.
     */
    public void breakLines(XYChart<Number, Number> chart) {
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            if (!(series.getNode() instanceof Path line)) {
                continue;
            }
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(series.getData());
            points.removeIf(p -> p.getXValue() == null || p.getYValue() == null
                    || Double.isNaN(p.getYValue().doubleValue()));
            points.sort(java.util.Comparator.comparingDouble(p -> p.getXValue().doubleValue()));
            List<PathElement> elements = new ArrayList<>();
            Long previous = null;
            for (XYChart.Data<Number, Number> p : points) {
                long day = Math.round(p.getXValue().doubleValue());
                double x = chart.getXAxis().getDisplayPosition(p.getXValue());
                double y = chart.getYAxis().getDisplayPosition(p.getYValue());
                boolean startsRun = previous == null || between(previous, day);
                if (startsRun) {
                    markIfAlone(elements);
                }
                elements.add(startsRun ? new MoveTo(x, y) : new LineTo(x, y));
                previous = day;
            }
            markIfAlone(elements);
            line.getElements().setAll(elements);
        }
    }

    /**
     * A run of one day (days without data on both sides) is a MoveTo alone, which draws nothing: past two months the
     * charts have no dots, so such a day vanished. It becomes a short stroke across its point.
     */
    private static void markIfAlone(List<PathElement> elements) {
        if (!elements.isEmpty() && elements.get(elements.size() - 1) instanceof MoveTo alone) {
            elements.set(elements.size() - 1, new MoveTo(alone.getX() - LONE_DAY_HALF_WIDTH, alone.getY()));
            elements.add(new LineTo(alone.getX() + LONE_DAY_HALF_WIDTH, alone.getY()));
        }
    }

    /** Half the length of a lone day's stroke, in pixels: with the line's caps, a dash about 7 px wide. */
    static final double LONE_DAY_HALF_WIDTH = 2;

    /** How many separate runs a series' line is drawn in (for tests): the MoveTos of its path. */
    public static long runs(XYChart.Series<?, ?> series) {
        return series.getNode() instanceof Path line
                ? line.getElements().stream().filter(MoveTo.class::isInstance).count() : 0;
    }
}
