package com.puffy.pipeline.config;

/** Baselines and thresholds of the monitoring checks (SPEC §6). */
public record MonitoringConfig(
        int baselineDays,
        int minBaselineDays,
        double zThreshold,
        double changeThreshold,
        double criticalChangeThreshold,
        double clientIdNullWarning,
        double clientIdNullCritical,
        double itemPriceMissingShare,
        double directShareShiftPoints,
        double botShareWarning,
        double reconciliationTolerance,
        int freshnessLagDays,
        boolean samplingNoiseFloor,
        double directShareMinZ,
        boolean botShareAnomaly,
        double stickyReferrerJumpPoints,
        double stickyReferrerMinShare) {
}
