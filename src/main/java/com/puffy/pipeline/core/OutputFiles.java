package com.puffy.pipeline.core;

/** The files by which a folder is known as the pipeline's output: the engine writes them, discovery avoids them. */
public final class OutputFiles {
    /** Written into a stage's output folder last; its fingerprint says what the outputs were made from. */
    public static final String STAGE_MANIFEST = ".stage.json";
    /** The run's settings and each stage's figures, at the top of the output folder. */
    public static final String RUN_MANIFEST = "run.json";

    private OutputFiles() {
    }
}
