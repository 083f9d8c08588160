package com.puffy.pipeline.ui;

import com.puffy.pipeline.analysis.Ticks;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.ValueAxis;

/**
 * Days as epoch-day numbers, written as {@link Formats#shortDate} writes them ("Mar 9"): ticks on whole days only,
 * every 1, 2, 3, 7 or 14 days from the first or on the first days of months, the fewest that leave each label its
 * room, so the labels stay level rather than turn on their side. Shared by Monitoring's metric chart and Analysis's
 * daily charts, so both thin their days alike.
 */
public final class DayAxis extends ValueAxis<Number> {
    /** The widest label of the days shown, measured in the axis's font: cached, as layout asks on every pass. */
    private String measuredFor = "";
    private double widestLabel;

    private long first;
    private long last = -1;
    private boolean yearly;
    private DayAxis alike;

    public DayAxis() {
        setAutoRanging(false);
        setMinorTickVisible(false);
        setTickLabelRotation(0);
    }

    /** Shows the days from {@code from} to {@code to} (epoch days), with the year on each label when asked. */
    public void span(long from, long to, boolean withYear) {
        first = from;
        last = to;
        yearly = withYear;
        // Half a day of room either side, so the first and last day's marks are not cut by the plot's edge.
        setLowerBound(from - 0.5);
        setUpperBound(to + 0.5);
        requestAxisLayout();
    }

    /** Shows no day: a result without a readable date must not keep the days of the result shown before it. */
    public void clear() {
        first = 0;
        last = -1;
        requestAxisLayout();
    }

    /**
     * Two charts side by side over the same days label the same days: each thins its labels as the narrower of the
     * two needs. Otherwise the chart whose value labels are wider ("30,000" beside "35") labels a day a week while
     * its neighbour labels one of every three.
     */
    public static void labelAlike(DayAxis one, DayAxis other) {
        one.alike = other;
        other.alike = one;
        one.widthProperty().addListener((obs, old, now) -> other.relabel());
        other.widthProperty().addListener((obs, old, now) -> one.relabel());
    }

    private void relabel() {
        invalidateRange();
        requestAxisLayout();
    }

    /** Every how many days a label goes ({@link Ticks#dayStep}, the report's rule too). */
    public static int step(long days, double length, double labelWidth) {
        return Ticks.dayStep(days, length, labelWidth);
    }

    /** The widest of the labels of the days shown, in the font the axis draws them with. */
    private double widestLabel() {
        String key = first + ".." + last + yearly + getTickLabelFont();
        if (!key.equals(measuredFor)) {
            javafx.scene.text.Text text = new javafx.scene.text.Text();
            text.setFont(getTickLabelFont());
            double widest = 0;
            // Month names differ in width ("May" against "Mar"): a year of days holds every one of them.
            for (long day = first; day <= Math.min(last, first + 366); day++) {
                text.setText(getTickMarkLabel(day));
                widest = Math.max(widest, text.getLayoutBounds().getWidth());
            }
            measuredFor = key;
            widestLabel = widest;
        }
        return widestLabel;
    }

    /** The epoch day of an ISO date, or {@link Long#MIN_VALUE} for a blank or unreadable one. */
    public static long epochDay(String isoDate) {
        try {
            return LocalDate.parse(isoDate).toEpochDay();
        } catch (DateTimeParseException | NullPointerException e) {
            return Long.MIN_VALUE;
        }
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        List<Number> ticks = new ArrayList<>();
        if (last < first) {
            return ticks;
        }
        double room = alike != null && alike.getWidth() > 0 ? Math.min(length, alike.getWidth()) : length;
        ticks.addAll(tickDays(first, last, room, widestLabel()));
        return ticks;
    }

    /** The days labelled on an axis from {@code first} to {@code last} this many pixels long: {@link Ticks#dayTicks}. */
    public static List<Long> tickDays(long first, long last, double length, double labelWidth) {
        return Ticks.dayTicks(first, last, length, labelWidth);
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
        currentLowerBound.set(bounds[0]);
        setScale(bounds[2]);
    }

    @Override
    protected Object getRange() {
        double length = getSide() != null && getSide().isVertical() ? getHeight() : getWidth();
        return new double[]{getLowerBound(), getUpperBound(),
                calculateNewScale(length, getLowerBound(), getUpperBound())};
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return Formats.shortDate(LocalDate.ofEpochDay(Math.round(value.doubleValue())).toString(), yearly);
    }
}
