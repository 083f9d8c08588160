package com.puffy.pipeline.core;

/** The files by which a folder is known as the pipeline's output: the engine writes them, discovery avoids them. */
public final class OutputFiles {
    /** Written into a stage's output folder last; its fingerprint says what the outputs were made from. */
    public static final String STAGE_MANIFEST = ".stage.json";
    /** The run's settings and each stage's figures, at the top of the output folder. */
    public static final String RUN_MANIFEST = "run.json";
    /**
     * How the folder a stage writes into while it runs begins ({@code .work-<stage folder>-<uuid>}), beside the stage
     * folders; it is moved into place when the stage succeeds. The app takes one that moves as another run writing.
     */
    public static final String WORK_FOLDER_PREFIX = ".work-";
    /** How a stage's previous outputs, set aside while the new ones are moved into place, are named. */
    public static final String SET_ASIDE_PREFIX = ".old-";
    /** The file a run locks while it writes the folder; the app asks it whether a run writes (decision 0830). */
    public static final String LOCK_FILE = ".lock";

    private OutputFiles() {
    }
}
