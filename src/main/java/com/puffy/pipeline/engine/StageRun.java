package com.puffy.pipeline.engine;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import java.time.Duration;

/** One stage's part of a {@link PipelineReport}. */
public record StageRun(StageId stage, StageOutcome outcome, StageResult result, Duration elapsed) {
}
