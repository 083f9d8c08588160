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
     * Whether the tick at {@code value} of an axis stepping by {@code step} is its zero: a tick a rounding error off 0
     * (0.1 × 3 − 0.3) is. The zero of a value axis is written bare, "0", "0%", "$0", whatever the decimals and unit of
     * the other ticks (decision 0833): it is the scale's origin, exact in any unit, where "$0k" and "0.0%" dressed
     * nothing in a unit and a precision.
     */
    public static boolean isZeroTick(double value, double step) {
        double size = Math.abs(step) > 0 && Double.isFinite(step) ? Math.abs(step) : 1;
        return Math.abs(value) < size * 1e-6;
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

    /** Clear space between two day labels, so they read as two and not as one. */
    public static final double DAY_LABEL_GAP = 10;

    /**
     * Every how many days a label goes, for an axis this many pixels long whose widest label is this wide: labels
     * {@code step} days apart stand {@code step × length ÷ days} pixels apart (each day has an equal share of the
     * axis). A fixed allowance of 56 px a label, counted against the number of labels rather than their spacing,
     * left a 14-day chart at a 1024 px window on the edge between a label every 3 days and one every 7.
     */
    public static int dayStep(long days, double length, double labelWidth) {
        double perDay = length / Math.max(1, days);
        for (int step : new int[]{1, 2, 3, 7, 14, 28}) {
            if (step * perDay >= labelWidth + DAY_LABEL_GAP) {
                return step;
            }
        }
        return 56;
    }

    /**
     * The days labelled on an axis from {@code first} to {@code last} (epoch days) this many pixels long: every
     * {@link #dayStep} days from the first day, or, where labels stand four weeks apart or more, the first days of the
     * months, every 1, 3, 6 or 12 months of the calendar (decision 0815). Counted from the first day, 120 days from
     * Jan 10 read "Jan 10, Feb 7, Mar 7, Apr 4, May 2": days of no meaning of their own. The one rule of the app's day
     * axes and the report's, so charts stacked over the same days name the same days (decision 0824).
     */
    public static List<Long> dayTicks(long first, long last, double length, double labelWidth) {
        List<Long> ticks = new ArrayList<>();
        if (last < first) {
            return ticks;
        }
        long days = last - first + 1;
        int step = dayStep(days, length, labelWidth);
        if (step >= 28) {
            double perDay = length / Math.max(1, days);
            int months = 12;
            for (int apart : new int[]{1, 3, 6}) {
                // The shortest month is 28 days: labels a month apart stand at least that far apart.
                if (apart * 28 * perDay >= labelWidth + DAY_LABEL_GAP) {
                    months = apart;
                    break;
                }
            }
            List<Long> starts = monthStarts(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last), months)
                    .stream().map(LocalDate::toEpochDay).toList();
            if (starts.size() >= 2) {
                return starts;
            }
        }
        for (long day = first; day <= last; day += step) {
            ticks.add(day);
        }
        return ticks;
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
