package com.puffy.pipeline.engine;

/** Whether a stage's outputs on disk can be used as they are. */
public enum StageStatus {
    /** No finished outputs in the output folder. */
    NEVER_RUN,
    /** Outputs exist and were made from the current inputs, configuration and upstream outputs. */
    FRESH,
    /** Outputs exist but something they were made from has changed since. */
    STALE
}
