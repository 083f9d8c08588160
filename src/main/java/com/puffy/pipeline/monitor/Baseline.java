package com.puffy.pipeline.monitor;

import java.util.Arrays;
import java.util.Collection;

/**
 * The robust baseline of SPEC §6: the median and the median absolute deviation (MAD) of the values of the days
 * before, with z = (x − median) / (1.4826 × MAD) and change = (x − median) / median. A MAD of 0 gives z = 0 for
 * x = median and ±infinity otherwise, so the change threshold decides; a median of 0 gives a change of 0 for
 * x = 0 and ±infinity otherwise.
 * <p>
 * {@code sigmaFloor} (0 = none) is the spread that counting noise alone gives a metric driven by a few orders a
 * day; the scale of z is never below it, so a quiet week does not make an ordinary day look extreme
 * (docs/decisions/0401-monitoring-checks.md).
 * <p>
 * {@code low} and {@code high} are the smallest and largest baseline values: when the MAD is 0 or tiny, z says
 * nothing an analyst can use, and the range of the days is what an alert says instead (decision 0680).
 */
public record Baseline(double median, double mad, int days, double sigmaFloor, double low, double high) {
    /** 1.4826 × MAD estimates the standard deviation of normally distributed values. */
    public static final double MAD_SCALE = 1.4826;

    public static Baseline of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("A baseline needs at least one value");
        }
        double median = median(sorted);
        double[] deviations = Arrays.stream(sorted).map(v -> Math.abs(v - median)).sorted().toArray();
        return new Baseline(median, median(deviations), sorted.length, 0, sorted[0], sorted[sorted.length - 1]);
    }

    public Baseline withSigmaFloor(double floor) {
        return new Baseline(median, mad, days, Math.max(0, floor), low, high);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The farthest any baseline day lay from the median, on either side. */
    public double widestDeviation() {
        return Math.max(high - median, median - low);
    }

    public double sigma() {
        return Math.max(MAD_SCALE * mad, sigmaFloor);
    }

    public double z(double x) {
        double diff = x - median;
        if (sigma() == 0) {
            return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        }
        return diff / sigma();
    }

    public double change(double x) {
        double diff = x - median;
        if (median == 0) {
            return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        }
        return diff / Math.abs(median);
    }

    /** Whether x is an anomaly: |z| ≥ zThreshold and |change| ≥ changeThreshold. */
    public boolean isAnomaly(double x, double zThreshold, double changeThreshold) {
        return Math.abs(z(x)) >= zThreshold && Math.abs(change(x)) >= changeThreshold;
    }

    /** The highest value below the median that still fires (both conditions hold at and below it). */
    public double lowerBound(double zThreshold, double changeThreshold) {
        return Math.min(median - zThreshold * sigma(), median - changeThreshold * Math.abs(median));
    }

    /** The lowest value above the median that fires. */
    public double upperBound(double zThreshold, double changeThreshold) {
        return Math.max(median + zThreshold * sigma(), median + changeThreshold * Math.abs(median));
    }
}
