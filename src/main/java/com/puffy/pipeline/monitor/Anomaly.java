package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.Optional;

/** The baseline comparison shared by the anomaly checks (SPEC §6): |z| ≥ z threshold and |change| ≥ change threshold. */
record Anomaly(LocalDate day, String metric, double value, Baseline baseline, boolean fires) {

    double z() {
        return baseline.z(value);
    }

    double change() {
        return baseline.change(value);
    }

    /** The boundary on the side the value moved to: the value beyond which it fires. */
    double threshold(double zThreshold, double changeThreshold) {
        return value >= baseline.median() ? baseline.upperBound(zThreshold, changeThreshold)
                : baseline.lowerBound(zThreshold, changeThreshold);
    }

    /**
     * Judges one day's value of {@code metric} against its baseline and records the point for metrics.csv; empty when
     * the day has no value. Without enough baseline days the verdict never fires.
     */
    static Optional<Anomaly> judge(MonitorData data, LocalDate day, String metric, CheckSink sink) {
        Optional<Double> value = data.value(day, metric);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        double z = data.config().zThreshold();
        double c = data.config().changeThreshold();
        Baseline baseline = data.baseline(day, metric).orElse(null);
        if (baseline == null) {
            sink.point(day, metric, value.get(), null, null, null);
            return Optional.of(new Anomaly(day, metric, value.get(), null, false));
        }
        sink.point(day, metric, value.get(), baseline, baseline.lowerBound(z, c), baseline.upperBound(z, c));
        return Optional.of(new Anomaly(day, metric, value.get(), baseline, baseline.isAnomaly(value.get(), z, c)));
    }

    /**
     * Beyond this |z| the figure tells an analyst nothing more than "far outside the usual range": it only grows as the
     * baseline days agree more closely (z = 267 for a week of counts within ±3). The days' own range says it in their
     * unit instead (decision 0680). Every firing anomaly moves at least 30 %, so |z| ≥ 10 means a spread under 3 % of
     * the median.
     */
    static final double TELLING_Z = 10;

    /** Within this share of the median, "every day within ±3 of it" reads better than the range's two ends. */
    private static final double TIGHT_SPREAD = 0.05;

    /**
     * "events 1,234 vs a baseline median of 3,456 over 7 days with data (−64%, z = −8.1)"; when the baseline days
     * barely vary, one day or all alike, the spread in words instead of z (decision 0680).
     */
    String describe(String label, boolean money) {
        java.util.function.DoubleFunction<String> unit = money ? Fmt::dollars : Fmt::count;
        String change = Fmt.signedPct(change());
        String head = label + " " + unit.apply(value) + " vs ";
        if (baseline.days() == 1) {
            return head + unit.apply(baseline.median()) + " on the only baseline day with data (" + change + ")";
        }
        if (baseline.low() == baseline.high()) {
            return head + unit.apply(baseline.median()) + " on each of the " + baseline.days()
                    + " baseline days with data (" + change + ")";
        }
        // The baseline counts the days that have data among the calendar days before, not calendar days.
        String versus = head + "a baseline median of " + unit.apply(baseline.median()) + " over " + baseline.days()
                + " days with data (" + change;
        double zz = z();
        if (Double.isFinite(zz) && Math.abs(zz) < TELLING_Z) {
            // The minus sign of the change beside it ("−64%"), not a hyphen.
            return versus + String.format(java.util.Locale.ROOT, ", z = %.1f)", zz).replace('-', '\u2212');
        }
        double widest = baseline.widestDeviation();
        if (widest <= TIGHT_SPREAD * Math.abs(baseline.median())) {
            return versus + "; every one of those days within ±" + unit.apply(widest) + " of it)";
        }
        return versus + "; those days ranged from " + unit.apply(baseline.low()) + " to " + unit.apply(baseline.high())
                + ")";
    }
}
