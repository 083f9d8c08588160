package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.AnalysisResult.DailyTrend;
import com.puffy.pipeline.analysis.AnalysisResult.Kpis;
import com.puffy.pipeline.analysis.AnalysisResult.Overview;
import com.puffy.pipeline.analysis.AnalysisResult.QualityImpact;
import com.puffy.pipeline.analysis.AnalysisResult.Segment;
import com.puffy.pipeline.core.Words;
import java.util.List;

/**
 * The analysis's figures as the report and the app's Analysis screen both show them (decision 0796, 0803): a figure
 * that does not exist (an average of no order, a rate of no session) reads {@link #NONE}, not "$0", "0.0%" or "n/a".
 * Formatting only: every figure comes from the Analysis stage's outputs.
 */
public final class ShownFigures {
    /** A figure that does not exist or is not known: the report's tables and tiles and the app write it alike. */
    public static final String NONE = Fmt.NONE;

    private ShownFigures() {
    }

    /** The average order: none without an order (the CSV holds 0, a ratio over nothing). */
    public static String averageOrder(Kpis k) {
        return k.orders() == 0 ? NONE : Fmt.money(k.aov());
    }

    /** The median order: none without an order. */
    public static String medianOrder(Kpis k) {
        return k.orders() == 0 ? NONE : Fmt.money(k.medianOrder());
    }

    /** The session conversion rate: none without a session, a measured 0.0% with sessions and no order. */
    public static String conversionRate(Kpis k) {
        return k.sessions() > 0 ? Fmt.rate(k.sessionCvr()) : NONE;
    }

    public static String revenuePerSession(Kpis k) {
        return k.sessions() > 0 ? Fmt.money(k.revenuePerSession()) : NONE;
    }

    public static String singleEventShare(Kpis k) {
        return k.sessions() > 0 ? Fmt.percent(k.bounceRate()) : NONE;
    }

    public static String newVisitorShare(Kpis k) {
        return k.sessions() > 0 ? Fmt.percent(k.newSessionShare()) : NONE;
    }

    public static String botShare(Kpis k) {
        return k.events() > 0 ? Fmt.percent(k.botRowShare()) : NONE;
    }

    public static String timeToPurchase(Kpis k) {
        return Double.isNaN(k.medianHoursToPurchase()) ? NONE : Fmt.hours(k.medianHoursToPurchase());
    }

    /** A funnel step's rate from the step before ({@code previousSessions} reached it): none after a step of none. */
    public static String fromPrevious(AnalysisResult.FunnelStep step, long previousSessions) {
        return previousSessions == 0 ? NONE : Fmt.rate(step.rateFromPrevious());
    }

    /** A funnel step's rate from the first step ({@code startSessions}): none when no session started. */
    public static String fromStart(AnalysisResult.FunnelStep step, long startSessions) {
        return startSessions == 0 ? NONE : Fmt.rate(step.rateFromStart());
    }

    /** A segment's conversion rate: none for a segment without sessions. */
    public static String segmentRate(Segment segment) {
        return segment.sessions() == 0 ? NONE : Fmt.rate(segment.cvr());
    }

    /** The period: "Feb 23, 2025" for one day, "Feb 23 – Mar 8, 2025", or "No data". */
    public static String period(String firstIsoDate, String lastIsoDate) {
        if (firstIsoDate.isEmpty()) {
            return "No data";
        }
        if (firstIsoDate.equals(lastIsoDate)) {
            return Fmt.longDate(firstIsoDate);
        }
        return Fmt.date(firstIsoDate, Fmt.spansYears(firstIsoDate, lastIsoDate)) + " \u2013 "
                + Fmt.longDate(lastIsoDate);
    }

    /**
     * "35,950 valid events of 36,000 rows read", the report's header and the app's period line alike (decision 0821).
     * An event is a valid row: bots' rows count (they happened; the bot share is of these), a duplicate does not (one
     * event recorded twice) nor a quarantined row. The figure is the Quality stage's, from the file summary that counts
     * the rows read, so the pair reconciles with the report's Quality findings ("36,000 rows read: 35,950 valid, …");
     * the report took the Transform's daily events and the app this one, two files for one figure.
     */
    public static String validRowsOfRowsRead(Overview overview) {
        return Words.count(overview.rowsValid(), "valid event", "valid events") + " of "
                + Words.count(overview.rowsRead(), "row read", "rows read");
    }

    /**
     * What mends outputs of two runs: every stage run again, up to date or not, since the up-to-date check compares
     * the inputs' fingerprints, not the upstream outputs' contents. Said for both faces, as the report and the app's
     * screen show the sentence too. It said "eventpipe run --force", which the command line refuses ("`eventpipe run`
     * needs --input DIR"), and which, run without the first run's --output, writes another folder.
     */
    static final String RUN_EVERY_STAGE_AGAIN = "Run every stage again, even those up to date, before using either: "
            + "eventpipe run --input <this folder> --force (with this run's --output and --config, if any), or in the "
            + "app Run > Run all again, even fresh stages (Shift+F5).";

    /**
     * Whether the Quality stage's valid rows and the Transform's daily events, two counts of one thing (SPEC §5: the
     * daily events are the valid rows), disagree, and if so the sentence that says so with both files and figures.
     * kpis.csv's "Valid events" and the bot share are the Transform's; the header's "valid events of rows read" the
     * Quality stage's. They part only when the two stages' outputs do not come from the same run of the same files
     * (one stage's outputs replaced, a stage run on another folder), and printing either alone hid that (decision 0824).
     */
    public static java.util.Optional<String> validEventsDisagreement(Overview overview, Kpis kpis) {
        if (overview.rowsValid() == kpis.events()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("The Quality and Transform stages disagree on the valid events: "
                + "quality/file_summary.csv counts " + Fmt.count(overview.rowsValid()) + " (rows_valid), "
                + "transform/daily_metrics.csv " + Fmt.count(kpis.events()) + " (events). kpis.csv's Valid events and "
                + "the bot share are the Transform's " + Fmt.count(kpis.events()) + "; the header's valid events the "
                + "Quality stage's " + Fmt.count(overview.rowsValid()) + ". " + RUN_EVERY_STAGE_AGAIN);
    }

    /** Why a chart of days is not drawn, or that it is: each says it in its own words, the report and the app alike. */
    public enum DailyChart {
        DRAWN,
        /** One day: one point on an axis of one day tells nothing its table does not (decision 0796). */
        ONE_DAY,
        /** Every day's figure is 0: a flat line at $0 or bars of nothing. */
        NOTHING,
        NO_DAYS
    }

    /** Whether the daily revenue chart is drawn for these days. */
    public static DailyChart revenueChart(List<DailyTrend> daysWithData) {
        return dailyChart(daysWithData, daysWithData.stream().anyMatch(d -> d.revenue() > 0));
    }

    /** Whether a chart of the daily orders is drawn for these days. */
    public static DailyChart ordersChart(List<DailyTrend> daysWithData) {
        return dailyChart(daysWithData, daysWithData.stream().anyMatch(d -> d.orders() > 0));
    }

    private static DailyChart dailyChart(List<DailyTrend> days, boolean anything) {
        if (days.isEmpty()) {
            return DailyChart.NO_DAYS;
        }
        if (!anything) {
            return DailyChart.NOTHING;
        }
        return days.size() == 1 ? DailyChart.ONE_DAY : DailyChart.DRAWN;
    }

    /**
     * The quality table's Share column and the clean rest of its ANY row, as the table, the ANY row's guidance and the
     * quality sentence print them: one precision for the column, ANY and its rest adding up to 100% (decision 0810).
     */
    public static Fmt.PartOfColumn qualityShares(List<QualityImpact> impacts) {
        List<Double> shares = impacts.stream().map(QualityImpact::revenueShare).toList();
        int any = impacts.stream().map(QualityImpact::issue).toList().indexOf("ANY");
        return any < 0 ? new Fmt.PartOfColumn(Fmt.percentColumn(shares), NONE) : Fmt.percentColumnWithPart(shares, any);
    }

    /** Whether the charts of conversion by device and by visitor type are drawn, or why not. */
    public enum SegmentChart {
        DRAWN,
        /** Sessions, none converted: bars of 0.0% on an axis of nothing, an empty frame (decision 0815). */
        NO_CONVERSION,
        NO_SESSIONS
    }

    /**
     * Whether the conversion rates of these segments (one dimension's, the device's) are drawn: not without sessions,
     * nor when no session converted, every rate a measured 0.0% that the table says as well.
     */
    public static SegmentChart segmentChart(List<Segment> segments) {
        if (segments.stream().noneMatch(s -> s.sessions() > 0)) {
            return SegmentChart.NO_SESSIONS;
        }
        return segments.stream().anyMatch(s -> s.converted() > 0) ? SegmentChart.DRAWN : SegmentChart.NO_CONVERSION;
    }

    /** Whether any channel has revenue under first or last click: without, the channel chart is not drawn. */
    public static boolean anyChannelCredited(AnalysisResult result) {
        return result.attributionShift().stream().anyMatch(s -> s.firstClickRevenue() != 0
                || s.lastClickRevenue() != 0);
    }
}
