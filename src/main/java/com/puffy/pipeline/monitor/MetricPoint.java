package com.puffy.pipeline.monitor;

import java.time.LocalDate;

/**
 * One row of {@code monitoring/metrics.csv}: a monitored value on a day with the baseline it was compared with
 * and the band inside which no alert fires ({@code null} bounds: no baseline, or no bound on that side).
 */
public record MetricPoint(LocalDate date, String metric, Double value, Double baseline, Double bandLow,
                          Double bandHigh, boolean fired) {
    public MetricPoint withFired(boolean nowFired) {
        return new MetricPoint(date, metric, value, baseline, bandLow, bandHigh, nowFired);
    }
}
