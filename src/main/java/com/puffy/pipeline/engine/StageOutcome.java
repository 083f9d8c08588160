package com.puffy.pipeline.engine;

/** How a stage ended in one pipeline run. */
public enum StageOutcome {
    /** The stage ran and its outputs were promoted into place. */
    RAN,
    /** The outputs were fresh, so the stage did not run again. */
    UP_TO_DATE,
    /** The stage failed; the previous outputs were kept. */
    FAILED,
    /** The run was cancelled during this stage; the previous outputs were kept. */
    CANCELLED
}
