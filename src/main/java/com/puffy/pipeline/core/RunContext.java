package com.puffy.pipeline.core;

import com.puffy.pipeline.config.PipelineConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running stage may see: the settings, the folder it writes into ({@link #workDir()}: a private staging
 * folder the pipeline promotes into place only when the stage succeeds, so a cancelled or failed stage never leaves
 * a half-written file), the promoted outputs of the stages before it, and what earlier stages of the same run
 * learned about the cache.
 */
public final class RunContext {
    private final RunSettings settings;
    private final Path workDir;
    private final CacheBypass cacheBypass;

    /** A context of its own, as for a stage run alone. */
    public RunContext(RunSettings settings, Path workDir) {
        this(settings, workDir, new CacheBypass());
    }

    /** A context sharing {@code cacheBypass} with the other stages of the same run. */
    public RunContext(RunSettings settings, Path workDir, CacheBypass cacheBypass) {
        this.settings = settings;
        this.workDir = workDir;
        this.cacheBypass = cacheBypass;
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

    /**
     * The cache file this stage should open: the settings' one, or null with {@code --no-cache} and once an earlier
     * stage of this run found it locked by another program (see {@link #cacheBypassed()}).
     */
    public Path cacheFile() {
        return cacheBypass.reason() != null ? null : settings.cacheFile();
    }

    /**
     * Tells the later stages of this run to work without the cache: {@code warning} (the sentence the stage already
     * reported) says why. Each stage opening a locked file waited the cache's busy timeout (10 s) and then gave up;
     * after the first, the lock is no reason to expect that a minute later it is free.
     */
    public void bypassCache(String warning) {
        cacheBypass.set(warning);
    }

    /** Why an earlier stage of this run gave up on the cache, if one did. */
    public Optional<String> cacheBypassed() {
        return Optional.ofNullable(cacheBypass.reason());
    }

    /** Shared by the stages of one run: the first stage that finds the cache locked sets it. */
    public static final class CacheBypass {
        private volatile String reason;

        String reason() {
            return reason;
        }

        /** Whether a stage of this run gave up on the cache: the stages finishing after it worked without it. */
        public boolean bypassed() {
            return reason != null;
        }

        synchronized void set(String warning) {
            if (reason == null) {
                reason = warning;
            }
        }
    }
}
