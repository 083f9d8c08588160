package com.puffy.pipeline.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stage reports when it finishes: figures for {@code run.json} (row counts, reconciliation, cache hits),
 * plain-language summary lines for the faces to show as they are, the number of CRITICAL alerts it raised
 * (only monitoring raises any; it decides exit code 1), and the input files it could not read, each as a sentence
 * naming the file and what to do (only quality reads input files; any of them decides exit code 3).
 */
public record StageResult(Map<String, Object> figures, List<String> summary, int criticalAlerts,
                          List<String> unreadableInputs) {
    public StageResult {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        summary = List.copyOf(summary);
        unreadableInputs = List.copyOf(unreadableInputs);
    }

    public StageResult(Map<String, Object> figures, List<String> summary, int criticalAlerts) {
        this(figures, summary, criticalAlerts, List.of());
    }

    public static StageResult of(Map<String, Object> figures, List<String> summary) {
        return new StageResult(figures, summary, 0);
    }
}
