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

    /** "events 1,234 vs baseline 3,456 (−64%, z = −8.1)". */
    String describe(String label, boolean money) {
        String v = money ? Fmt.money(value) : Fmt.num(value);
        String b = money ? Fmt.money(baseline.median()) : Fmt.num(baseline.median());
        double zz = z();
        String zText = Double.isInfinite(zz) ? "the baseline days were all equal"
                // The minus sign of the change beside it ("−64%"), not a hyphen.
                : String.format(java.util.Locale.ROOT, "z = %.1f", zz).replace('-', '\u2212');
        // The baseline counts the days that have data among the calendar days before, not calendar days.
        return label + " " + v + " vs a baseline median of " + b + " over " + baseline.days() + " days with data ("
                + Fmt.signedPct(change()) + ", " + zText + ")";
    }
}
