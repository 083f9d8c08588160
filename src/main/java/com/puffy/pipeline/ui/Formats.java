package com.puffy.pipeline.ui;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the app writes durations, counts, money, days and times, in one place so every screen says them the same way,
 * and the way the report says them ({@link com.puffy.pipeline.analysis.Fmt}): a day is "Feb 23" ("Feb 23, 2025"
 * where the year is not plain), a moment "Feb 23 21:03 UTC", money "$264,654" (cents under $100). Cells of a table
 * and sentences the stages wrote keep their files' text (ISO dates, plain numbers): that is what a search finds.
 */
public final class Formats {
    private Formats() {
    }

    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /**
     * A figure on a chart's value axis, grouped as the app's counts and with the decimals its tick has, up to two:
     * "1,500", "2.5", "0.25". A tick a rounding error below 0 reads "0", not "-0".
     */
    public static String axisNumber(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(2);
        return format.format(Math.abs(value) < 0.005 ? 0 : value);
    }

    /** A percentage on a chart's value axis, its value in percent: "0.2%", "15%". */
    public static String axisPercent(double percent) {
        return axisNumber(percent) + "%";
    }

    /**
     * A day under a chart: "Mar 9" instead of "2025-03-09", so two weeks of days fit under a chart without turning
     * sideways; "Mar 9, 2025" when the days shown lie in more than one year ({@link #spansYears}), where "Mar 9"
     * alone names several days. The report's own format ({@link com.puffy.pipeline.analysis.Fmt#date}), shared by
     * the Analysis and Monitoring charts.
     */
    public static String shortDate(String isoDate, boolean withYear) {
        return com.puffy.pipeline.analysis.Fmt.date(isoDate, withYear);
    }

    /** Whether the days from one ISO date to another cross a new year, so {@link #shortDate} must carry the year. */
    public static boolean spansYears(String firstIsoDate, String lastIsoDate) {
        return com.puffy.pipeline.analysis.Fmt.spansYears(firstIsoDate, lastIsoDate);
    }

    /** {@code 2025-02-23} as {@code Feb 23, 2025}: a day named alone, with no other day around it to give the year. */
    public static String longDate(String isoDate) {
        return com.puffy.pipeline.analysis.Fmt.longDate(isoDate);
    }

    /** From one day to another: "Feb 23 → Mar 8, 2025", each with its year when they lie in two years. */
    public static String dateRange(String firstIsoDate, String lastIsoDate) {
        boolean yearly = spansYears(firstIsoDate, lastIsoDate);
        return shortDate(firstIsoDate, yearly) + " → " + longDate(lastIsoDate);
    }

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT_SECONDS = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss",
            Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.US);

    /** A moment in the data, in UTC as the data's days are: "Feb 23 21:03 UTC", "Feb 23, 2025 21:03 UTC". */
    public static String moment(Instant at, boolean withYear) {
        return (withYear ? MOMENT_YEAR : MOMENT).format(at) + " UTC";
    }

    /** A moment in the data to the second, for one event: "Feb 23, 2025 21:03:12 UTC". */
    public static String momentToTheSecond(Instant at) {
        return MOMENT_SECONDS.format(at) + " UTC";
    }

    /** When something happened on this machine (a run finished), on the user's own clock: "Nov 26 09:32". */
    public static String localMoment(Instant at, ZoneId zone) {
        return LOCAL.withZone(zone).format(at);
    }

    private static final java.util.regex.Pattern STAGE_REVENUE = java.util.regex.Pattern.compile(
            "\\b(revenue )(-?\\d{1,3}(?:,\\d{3})*\\.\\d{2})(?![\\d%.])");

    /**
     * A stage's summary line with its money written as the app writes money. Transform's line says
     * "revenue 264,653.69" (the exact total its reconciliation checks, and the text run.json keeps, so the line itself
     * stays as it is); the rail beside Analysis's "$264,654" showed the same money two ways.
     */
    public static String moneyInStageLine(String line) {
        java.util.regex.Matcher m = STAGE_REVENUE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            double value = Double.parseDouble(m.group(2).replace(",", ""));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + money(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The report's money ({@link com.puffy.pipeline.analysis.Fmt#money}): "$264,654", "$885", "$10.11". */
    public static String money(double value) {
        return com.puffy.pipeline.analysis.Fmt.money(value);
    }
}
