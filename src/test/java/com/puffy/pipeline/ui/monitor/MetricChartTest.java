package com.puffy.pipeline.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Monitoring chart's day tooltips and alert text, without a window (its day axis: DayAxisTest). */
class MetricChartTest {
    @Test
    void aDayTooltipSaysTheValueTheBaselineTheBandAndWhetherItFired() {
        MonitoringViewModel.Point fired = new MonitoringViewModel.Point("2025-03-02", 0.15, 0.01, Double.NaN, 0.05,
                true);
        assertThat(MetricChart.describe(fired, v -> MonitoringViewModel.axisLabel("client_id_null_rate", v)))
                .isEqualTo("Mar 2, 2025: 15% · baseline 1% · no alert up to 5% · fired an alert");
        MonitoringViewModel.Point quiet = new MonitoringViewModel.Point("2025-01-05", 99, 100, 90, 110, false);
        assertThat(MetricChart.describe(quiet, v -> MonitoringViewModel.axisLabel("events", v)))
                .isEqualTo("Jan 5, 2025: 99 · baseline 100 · no alert from 90 to 110");
        MonitoringViewModel.Point first = new MonitoringViewModel.Point("2025-01-01", 100, Double.NaN, Double.NaN,
                Double.NaN, false);
        assertThat(MetricChart.describe(first, v -> MonitoringViewModel.axisLabel("events", v)))
                .isEqualTo("Jan 1, 2025: 100");
    }

    @Test
    void aRevenueDaySaysItsDollarsAsTheRevenueAlertDoes() {
        MonitoringViewModel.Point day = new MonitoringViewModel.Point("2025-03-05", 29531.98, 17841.98, 6448.2,
                29253.75, true);
        assertThat(MetricChart.describe(day, v -> MonitoringViewModel.axisLabel("revenue", v)))
                .isEqualTo("Mar 5, 2025: $29,532 · baseline $17,842 · no alert from $6,448 to $29,254 · fired an alert");
    }

    @Test
    void aCopiedAlertKeepsItsBackticksForChatAndIssueTrackers() {
        MonitoringViewModel.Alert alert = new MonitoringViewModel.Alert("A-20250304-SCHEMA_DRIFT", "2025-03-04",
                "SCHEMA_DRIFT", "CRITICAL", "", "", "", "", "`referrer` is missing.", "Ask for `referrer` back.");
        assertThat(MonitoringViewModel.copyText(alert)).isEqualTo(
                "SCHEMA_DRIFT · Mar 4, 2025 · CRITICAL\n`referrer` is missing.\nNext: Ask for `referrer` back.");
    }
}
