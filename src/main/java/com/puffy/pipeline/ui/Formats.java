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

    public static String money(double value) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setMaximumFractionDigits(value >= 100_000 ? 0 : 2);
        return format.format(value);
    }
}
