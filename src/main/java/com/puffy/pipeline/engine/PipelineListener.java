package com.puffy.pipeline.engine;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import java.time.Duration;

/** What the faces hear while a pipeline runs. Calls come from the thread running the pipeline. */
public interface PipelineListener {
    default void stageStarted(StageId stage) {
    }

    /** {@code done} out of {@code total} in the stage's own unit; see {@link com.puffy.pipeline.core.Progress}. */
    default void stageProgress(StageId stage, long done, long total, String message) {
    }

    /**
     * Called just before {@link #stageFinished} with UP_TO_DATE for a stage that was out of date when the run began and
     * did not need to run: {@code rerunUnchanged}, upstream stages it reads, ran again and wrote the same bytes.
     */
    default void upstreamCameOutTheSame(StageId stage, java.util.Set<StageId> rerunUnchanged) {
    }

    /**
     * Called just before {@link #stageStarted} for a stage that runs because what it reads besides the folder changed,
     * with the stage's words for it ({@link com.puffy.pipeline.core.Stage#whyInputsChanged}): monitoring's baselines
     * lost (or gained) days of the cache's metric history.
     */
    default void runsBecause(StageId stage, String reason) {
    }

    /** {@code result} is null for FAILED and CANCELLED. */
    default void stageFinished(StageId stage, StageOutcome outcome, StageResult result, Duration elapsed) {
    }

    /**
     * A folder an earlier run left in the output folder ({@code .old-<stage>-<uuid>}: outputs it set aside, or
     * {@code .work-…}: a run that died) that this run could not remove, say because a folder in it is read-only. Told
     * once per run at its start, so that it does not stay unseen, run after run (decision 0801).
     */
    default void leftoverNotRemoved(java.nio.file.Path leftover) {
    }

    PipelineListener NONE = new PipelineListener() { };
}
