package com.puffy.pipeline.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of the pipeline. A stage reads its inputs (the event folder, or upstream outputs through
 * {@link RunContext#outputOf(StageId)}), writes its files into {@link RunContext#workDir()}, reports progress,
 * and checks the cancellation in its loops.
 */
public interface Stage {
    StageId id();

    /** File names (relative to the stage's output folder) that a finished run of this stage always writes. */
    List<String> outputs();

    /**
     * A hash of everything this stage reads besides upstream outputs and the configuration (for quality: the input
     * files' names, sizes and modification times); the pipeline reruns the stage when it changes.
     */
    default String inputFingerprint(RunSettings settings) {
        return "";
    }

    /**
     * For a stage whose {@link #inputFingerprint} costs more than a look at files (monitoring's reads the SQLite cache,
     * which loads SQLite's native library into a process that needed none): a cheap stamp of everything that
     * fingerprint reads, such that while the stamp is the same, so is the fingerprint. The pipeline keeps it in the
     * stage manifest beside the fingerprint, never as part of it, and while it matches reuses the kept fingerprint
     * instead of computing it again (docs/decisions/0820). Empty (the default): none, the fingerprint is computed.
     */
    default String inputsStamp(RunSettings settings) {
        return "";
    }

    /**
     * Why this stage's own inputs ({@link #inputFingerprint}) are no longer those its outputs were made from, in an
     * analyst's words: one or more sentences, for a stage whose inputs are more than the folder's files (monitoring's
     * metric history in the cache). {@code madeWith} is the fingerprint recorded when the outputs were made,
     * {@code madeWithStamp} the {@link #inputsStamp} kept beside it ("" when none was), {@code now} the fingerprint of
     * {@code settings}. Empty when the stage has nothing more to say than "changed".
     */
    default java.util.Optional<String> whyInputsChanged(RunSettings settings, String madeWith, String madeWithStamp,
                                                        String now) {
        return java.util.Optional.empty();
    }

    /**
     * The part of the configuration this stage's outputs depend on; the pipeline reruns the stage when it changes.
     * All of it unless a stage says otherwise (quality reads only its own section, so editing channel rules does not
     * validate the folder again).
     */
    default Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
        return config;
    }

    /**
     * Columns of this stage's CSV outputs (by file name in its folder) that record how the run went, not what it
     * found: quality's {@code from_cache} says whether a file's result came from the cache. No stage reads them, so
     * when a rerun's outputs differ from the previous ones only there, the stages after it stay up to date
     * (docs/decisions/0799). A column named here must never be read by another stage: BookkeepingColumnsTest
     * checks the real stages against it.
     */
    default Map<String, Set<String>> bookkeepingColumns() {
        return Map.of();
    }

    StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception;

    /** Convenience for stages: the path of one of this stage's outputs in a finished output folder. */
    default Path outputPath(RunSettings settings, String file) {
        return settings.outputDir().resolve(id().outputFolder()).resolve(file);
    }
}
