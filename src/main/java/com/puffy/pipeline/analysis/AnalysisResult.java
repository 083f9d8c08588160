package com.puffy.pipeline.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Every figure of the analysis, as plain data: the HTML report, the CSV tables under {@code report/} and the app's
 * Analysis screen all render this, and none of them computes a metric. Read a finished one back with
 * {@link AnalysisResults#read(java.nio.file.Path)}.
 * <p>
 * Money is in the data's currency units, rates and shares are fractions 0..1, "points" are percentage points.
 */
public record AnalysisResult(
        Overview overview,
        Kpis kpis,
        List<DailyTrend> daily,
        List<FunnelStep> funnel,
        List<ChannelModel> channelRevenue,
        List<AttributionShift> attributionShift,
        List<Segment> segments,
        List<PathBucket> pathToPurchase,
        List<TopProduct> topProducts,
        List<QualityImpact> qualityImpact,
        List<AlertCount> alertCounts,
        List<Incident> incidents,
        List<FindingCount> findings,
        List<Insight> insights) {

    public AnalysisResult {
        daily = List.copyOf(daily);
        funnel = List.copyOf(funnel);
        channelRevenue = List.copyOf(channelRevenue);
        attributionShift = List.copyOf(attributionShift);
        segments = List.copyOf(segments);
        pathToPurchase = List.copyOf(pathToPurchase);
        topProducts = List.copyOf(topProducts);
        qualityImpact = List.copyOf(qualityImpact);
        alertCounts = List.copyOf(alertCounts);
        incidents = List.copyOf(incidents);
        findings = List.copyOf(findings);
        insights = List.copyOf(insights);
    }

    /** The attribution models of SPEC §5, in the order the report shows them. */
    public static final List<String> MODELS = List.of("first_click", "last_click", "last_non_direct", "linear",
            "position_based", "time_decay");

    /** Dimensions of {@link Segment}. */
    public static final String DEVICE = "device";
    public static final String BROWSER = "browser";
    public static final String USER_TYPE = "user_type";
    public static final String REFERRER = "referrer";

    /** Measures of {@link PathBucket}. */
    public static final String TIME_TO_PURCHASE = "time_to_purchase";
    public static final String SESSIONS_TO_PURCHASE = "sessions_to_purchase";

    /** The data period and row accounting. Dates are {@code YYYY-MM-DD}, empty when there is no data. */
    public record Overview(String firstDate, String lastDate, int periodDays, int daysWithData, int files,
                           int eventFiles, long rowsRead, long rowsValid, long rowsQuarantined, long rowsDuplicate) {
        /**
         * "10 days", or "10 days, 9 with data" when a day in the period has no event rows: with a day's file deleted
         * or missing, the report said "over 10 days" while the app's Analysis screen said "9 days with data". The
         * report's header, its sentences and the app's period line all say it from here: the app said "14 days with
         * data" beside the report's "14 days" for one period (decision 0815).
         */
        public String periodWords() {
            String period = com.puffy.pipeline.core.Words.count(periodDays, "day", "days");
            return daysWithData < periodDays ? period + ", " + daysWithData + " with data" : period;
        }
    }

    /**
     * The headline figures. Sessions exclude bots (SPEC §5); revenue and orders never exclude anything.
     * {@code medianHoursToPurchase}/{@code avgSessionsToPurchase} measure from the first touchpoint in the
     * attribution window; NaN when there are no orders.
     */
    public record Kpis(double revenue, long orders, double aov, double medianOrder, long sessions,
                       long convertedSessions, double sessionCvr, double revenuePerSession, double bounceRate,
                       double newSessionShare, long events, double botRowShare, double medianHoursToPurchase,
                       double avgSessionsToPurchase) {
    }

    /**
     * One day of the period. {@code issues} names the data-quality problems touching the day, {@code ;}-separated.
     * A day between the first and the last with no event rows (its file is not in the folder, or nothing in it was
     * valid) has a row too, {@code hasEventRows} false: its figures are unknown, not zero (they are left empty in
     * daily_trends.csv), and its alerts (the missing partition) still count. An analyst reading the CSV saw the
     * dates jump from Mar 4 to Mar 6 with nothing to say a day was missing.
     */
    public record DailyTrend(String date, long events, long sessions, long users, long orders, double revenue,
                             double aov, double sessionCvr, double revenuePerSession, double botShare,
                             double clientIdNullRate, int alerts, String issues, boolean hasEventRows) {

        /** What a day without event rows says in the issues column, in the CSV and in the report's table. */
        public static final String NO_EVENT_ROWS = "no data: no event rows";

        /** A day with event rows. */
        public DailyTrend(String date, long events, long sessions, long users, long orders, double revenue,
                          double aov, double sessionCvr, double revenuePerSession, double botShare,
                          double clientIdNullRate, int alerts, String issues) {
            this(date, events, sessions, users, orders, revenue, aov, sessionCvr, revenuePerSession, botShare,
                    clientIdNullRate, alerts, issues, true);
        }

        /** A day of the period without event rows: no figures, only its alerts. */
        public static DailyTrend withoutEventRows(String date, int alerts) {
            return new DailyTrend(date, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, alerts, NO_EVENT_ROWS, false);
        }

        /** A data-quality finding touches this day (a day without event rows is no data, not flagged data). */
        public boolean hasIssues() {
            return hasEventRows && !issues.isEmpty();
        }
    }

    /** A funnel step: non-bot sessions containing the event (SPEC §5); drop-off from the previous step. */
    public record FunnelStep(String step, String label, long sessions, double rateFromPrevious,
                             double rateFromStart, long dropOff, double dropOffRate) {
    }

    /** Channel revenue and conversions under one attribution model; {@code share} of that model's revenue. */
    public record ChannelModel(String model, String channel, long sessions, double conversions, double revenue,
                               double share) {
    }

    /** A channel's revenue under first click and last click, and the shift in share (points, last − first). */
    public record AttributionShift(String channel, double firstClickRevenue, double firstClickShare,
                                   double lastClickRevenue, double lastClickShare, double shiftPoints) {
    }

    /**
     * Conversion of non-bot sessions by device, browser, new/returning or referring site ({@link #DEVICE} …);
     * {@code sessionShare} is the share of all non-bot sessions.
     */
    public record Segment(String dimension, String segment, long sessions, long converted, double cvr,
                          double revenue, double revenuePerSession, double sessionShare) {
    }

    /** Orders by time or by sessions from the first touchpoint to the purchase. */
    public record PathBucket(String measure, String bucket, long orders, double share, double revenue) {
    }

    /** A product by revenue of its purchase lines ({@code item_price} is the line total). */
    public record TopProduct(int rank, String itemName, long orders, long units, double revenue, double share,
                             long linesWithoutPrice) {
    }

    /**
     * How much of the KPIs sits on rows or days touched by a data-quality finding. {@code issue} is a stable code
     * ({@code ANY} is the union of all rows above it), {@code affects} names the figures to read with care.
     */
    public record QualityImpact(String issue, String description, int days, long orders, double revenue,
                                double revenueShare, String affects, String guidance) {
    }

    public record AlertCount(String severity, int alerts, int incidents) {
    }

    public record Incident(String incidentId, String check, String firstDate, String lastDate, int alerts,
                           String worstSeverity, String summary) {
    }

    public record FindingCount(String severity, String code, long findings) {
    }

    /** A generated sentence stating what the numbers of one report section say. */
    public record Insight(String section, String text) {
    }

    /**
     * The days of the period without event rows (its file is not in the folder, or nothing in it was valid), whether
     * the daily trend holds a row saying so or no row at all. The daily charts leave them open, as "no data" and not as a day of zero or a line
     * drawn across from the day before.
     */
    public List<String> missingDays() {
        return com.puffy.pipeline.core.DayGaps.missingDays(daysWithData().stream().map(DailyTrend::date).toList());
    }

    /** The daily rows of days with event rows: what the charts draw and the sentences compare. */
    public List<DailyTrend> daysWithData() {
        return daily.stream().filter(DailyTrend::hasEventRows).toList();
    }

    /** The sentences of one section, in order. */
    public List<String> insights(String section) {
        return insights.stream().filter(i -> i.section().equals(section)).map(Insight::text).toList();
    }

    public List<Segment> segments(String dimension) {
        return segments.stream().filter(s -> s.dimension().equals(dimension)).toList();
    }

    public List<ChannelModel> channelRevenue(String model) {
        return channelRevenue.stream().filter(c -> c.model().equals(model)).toList();
    }

    public List<PathBucket> pathToPurchase(String measure) {
        return pathToPurchase.stream().filter(p -> p.measure().equals(measure)).toList();
    }

    public Optional<QualityImpact> qualityImpact(String issue) {
        return qualityImpact.stream().filter(q -> q.issue().equals(issue)).findFirst();
    }
}
