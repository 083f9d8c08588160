package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects what the checks produce. */
final class CheckSink {
    private final List<Alert> alerts = new ArrayList<>();
    private final List<MetricPoint> points = new ArrayList<>();

    void alert(Alert alert) {
        alerts.add(alert);
    }

    void point(LocalDate date, String metric, Double value, Baseline baseline, Double bandLow, Double bandHigh) {
        points.add(new MetricPoint(date, metric, value, baseline == null ? null : baseline.median(), bandLow,
                bandHigh, false));
    }

    List<Alert> alerts() {
        return alerts;
    }

    List<MetricPoint> points() {
        return points;
    }
}
