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
        points.add(new MetricPoint(date, metric, value, baseline == null ? null : baseline.median(), bandLow,
                bandHigh, false));
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
