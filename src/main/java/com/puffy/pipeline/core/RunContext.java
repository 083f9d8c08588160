package com.puffy.pipeline.core;

import com.puffy.pipeline.config.PipelineConfig;
import java.nio.file.Path;

/**
 * What a running stage may see: the settings, the folder it writes into ({@link #workDir()}: a private staging
 * folder the pipeline promotes into place only when the stage succeeds, so a cancelled or failed stage never leaves
 * a half-written file), and the promoted outputs of the stages before it.
 */
public final class RunContext {
    private final RunSettings settings;
    private final Path workDir;

    public RunContext(RunSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    public RunSettings settings() {
        return settings;
    }

    public PipelineConfig config() {
        return settings.config();
    }

    public Path inputDir() {
        return settings.inputDir();
    }

    /** The folder this stage writes its files into. */
    public Path workDir() {
        return workDir;
    }

    /** The finished output folder of an upstream stage, e.g. {@code <output>/quality}. */
    public Path outputOf(StageId stage) {
        return settings.outputDir().resolve(stage.outputFolder());
    }
}
