package com.puffy.pipeline.config;

import java.util.List;
import java.util.Map;

/** Rules and thresholds of the quality stage (SPEC §3–§4). */
public record QualityConfig(
        List<String> eventNames,
        List<String> purchaseEventNames,
        String botPattern,
        String clientIdPattern,
        double revenueTolerance,
        Map<String, String> headerAliases,
        ValueDrift valueDrift) {

    /** Thresholds of the VALUE_DRIFT comparison of SPEC §3. */
    public record ValueDrift(
            int baselineFiles,
            int minBaselineFiles,
            double absolutePoints,
            double relativePoints,
            double relativeFactor) {
    }
}
