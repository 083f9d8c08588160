package com.puffy.pipeline.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Round axis steps, shared by the report's charts and the app's, so both label an axis alike. */
public final class Ticks {
    private Ticks() {
    }

    /**
     * About {@code target} steps of 1, 2, 2.5 or 5 times a power of ten up to {@code max} (which must be positive and
     * finite), as charting libraries choose them; with {@code integer}, a whole number of at least 1, for counts (half
     * an order means nothing, so 2.5 only from 25 up).
     */
    public static double niceStep(double max, int target, boolean integer) {
        double raw = max / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double factor = residual < 1.5 ? 1 : residual < 2.25 ? 2 : residual < 3.5 ? 2.5 : residual < 7 ? 5 : 10;
        if (integer && factor == 2.5 && magnitude < 10) {
            factor = residual < 3 ? 2 : 5;
        }
        double nice = factor * magnitude;
        return integer ? Math.max(1, Math.round(nice)) : nice;
    }

    /**
     * How many decimals every label of an axis stepping by {@code step} (in the unit its labels are written in)
     * carries, so all its labels carry the same: a step of 0.1 gives "0.9%, 1.0%, 1.1%", where labels each written
     * with the decimals of their own value read "0.9%, 1%, 1.1%". At most six; 0 for a step of no size.
     */
    public static int decimals(double step) {
        double size = Math.abs(step);
        if (!(size > 0) || Double.isInfinite(size)) {
            return 0;
        }
        int digits = 0;
        while (digits < 6) {
            double scaled = size * Math.pow(10, digits);
            if (Math.abs(scaled - Math.rint(scaled)) <= 1e-6 * Math.max(1, scaled)) {
                break;
            }
            digits++;
        }
        return digits;
    }

    /**
     * The end of a value axis: the first multiple of {@code step} at or above {@code max} (positive, finite), so the
     * tallest bar sits under a labelled gridline. At 10M events the axis ended at the data's maximum plus a margin,
     * and its last tick, $3,000,000, lay below bars reaching $3.76M.
     */
    public static double axisTop(double max, double step) {
        double steps = Math.ceil(max / step);
        // Floating point can make max / step a hair above a whole number that max equals.
        if (steps > 1 && (steps - 1) * step >= max) {
            steps--;
        }
        while (steps * step < max) {
            steps++;
        }
        return Math.max(1, steps) * step;
    }

    /**
     * The first days of the months from {@code first} to {@code last}, every {@code monthsApart} months of the calendar
     * (January, April, July and October for 3; January for 12): where an axis of several months names its days. Month
     * ticks placed by JFreeChart stood in the middle of each month and named it by a day there ("Jan 16, Feb 14,
     * Mar 16"), and the app's ticks of 28 days from the first day named Jan 10, Feb 7, Mar 7 (decision 0815).
     */
    public static List<LocalDate> monthStarts(LocalDate first, LocalDate last, int monthsApart) {
        List<LocalDate> starts = new ArrayList<>();
        LocalDate month = first.withDayOfMonth(1);
        if (month.isBefore(first)) {
            month = month.plusMonths(1);
        }
        for (; !month.isAfter(last); month = month.plusMonths(1)) {
            if ((month.getYear() * 12L + month.getMonthValue() - 1) % monthsApart == 0) {
                starts.add(month);
            }
        }
        return starts;
    }
}
