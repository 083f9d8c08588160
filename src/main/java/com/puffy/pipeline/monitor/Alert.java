package com.puffy.pipeline.monitor;

import java.time.LocalDate;

/**
 * One alert row of {@code monitoring/alerts.csv}: a check that fired on a day. {@code value}, {@code baseline} and
 * {@code threshold} are in the metric's unit (rates as fractions 0..1); {@code baseline} is null when the day had
 * too few earlier days to compare with. {@code headline} is the short phrase used in incident summaries.
 */
public record Alert(
        LocalDate date,
        String check,
        AlertSeverity severity,
        String metric,
        Double value,
        Double baseline,
        Double threshold,
        String message,
        String suggestedAction,
        String headline) {

    /** Stable across runs: one alert per check and day. */
    public String alertId() {
        return "A-" + date.toString().replace("-", "") + "-" + check;
    }
}
