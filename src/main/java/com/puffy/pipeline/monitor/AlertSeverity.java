package com.puffy.pipeline.monitor;

/** Severity of a monitoring alert (SPEC §6), least to most severe; CRITICAL alerts make a run exit with code 1. */
public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL;

    public AlertSeverity worse(AlertSeverity other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
