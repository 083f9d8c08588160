package com.puffy.pipeline.analysis;

/** Round axis steps, shared by the report's charts and the app's, so both label an axis alike. */
public final class Ticks {
    private Ticks() {
    }

    /**
     * About {@code target} steps of 1, 2 or 5 times a power of ten up to {@code max} (which must be positive and
     * finite); with {@code integer}, a whole number of at least 1, for counts (half an order means nothing).
     */
    public static double niceStep(double max, int target, boolean integer) {
        double raw = max / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double nice = (residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10) * magnitude;
        return integer ? Math.max(1, Math.round(nice)) : nice;
    }
}
