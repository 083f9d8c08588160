package com.puffy.pipeline.ui;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** How the app writes durations and counts, in one place so every screen says them the same way. */
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

    public static String money(double value) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setMaximumFractionDigits(value >= 100_000 ? 0 : 2);
        return format.format(value);
    }
}
