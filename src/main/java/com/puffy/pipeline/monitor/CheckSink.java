package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects what the checks produce. */
final class CheckSink {
    private final List<Alert> alerts = new ArrayList<>();
    private final List<MetricPoint> points = new ArrayList<>();
    /** "date|metric" of points that fired inside an alert filed under another metric of the same check. */
    private final java.util.Set<String> alsoFired = new java.util.HashSet<>();

    void alert(Alert alert) {
        alerts.add(alert);
    }

    void point(LocalDate date, String metric, Double value, Baseline baseline, Double bandLow, Double bandHigh) {
        points.add(new MetricPoint(date, metric, value, baseline == null ? null : baseline.median(),
                possible(metric, bandLow), possible(metric, bandHigh), false));
    }

    /**
     * A band edge within the values the metric can take: median − k·MAD of revenue or of a share often lies below
     * 0 (and above 1 for a share), which only says that no value on that side fires, and drew a band into
     * impossible values on the charts. The verdicts never read the band, so clamping changes none.
     */
    static Double possible(String metric, Double bound) {
        if (bound == null || Double.isNaN(bound)) {
            return bound;
        }
        double clamped = Math.max(0.0, bound);
        return MonitorData.SHARES.contains(metric) ? Math.min(1.0, clamped) : clamped;
    }

    /**
     * Marks the point of {@code metric} on {@code date} as fired although its alert carries another metric (one
     * alert per check and day: a VOLUME_ANOMALY of events and sessions is filed under the one that moved most).
     */
    void alsoFired(LocalDate date, String metric) {
        alsoFired.add(date + "|" + metric);
    }

    java.util.Set<String> alsoFired() {
        return alsoFired;
    }

    List<Alert> alerts() {
        return alerts;
    }

    List<MetricPoint> points() {
        return points;
    }
}
