package com.puffy.pipeline.engine;

import com.puffy.pipeline.core.ExitCode;
import java.nio.file.Path;
import java.util.List;

/** The result of one pipeline run: each stage that was needed, in the order it ran, and where run.json is. */
public record PipelineReport(List<StageRun> stages, Path outputDir, Path runManifest) {
    public PipelineReport {
        stages = List.copyOf(stages);
    }

    public int criticalAlerts() {
        return stages.stream().filter(s -> s.result() != null).mapToInt(s -> s.result().criticalAlerts()).sum();
    }

    /** SPEC §9: 0, or 1 when the run finished with CRITICAL alerts. */
    public ExitCode exitCode() {
        return criticalAlerts() > 0 ? ExitCode.CRITICAL_ALERTS : ExitCode.SUCCESS;
    }
}
