package com.puffy.pipeline.ui;

/** What the stage rail shows for a stage: the engine's status, or what happened in this session's last run. */
public enum StageState {
    UNAVAILABLE("not in this build"),
    NEVER_RUN("never run"),
    FRESH("fresh"),
    STALE("stale"),
    WAITING("waiting"),
    RUNNING("running"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String label;

    StageState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** CSS class for the status chip, e.g. {@code state-never-run}. */
    public String styleClass() {
        return "state-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
