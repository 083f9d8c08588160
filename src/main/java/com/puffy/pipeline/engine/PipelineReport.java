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

    /**
     * The input files this run could not read (one sentence each, naming the file and what to do), also when the
     * stage that read them was up to date: the files are still unreadable, their days still missing.
     */
    public List<String> unreadableInputs() {
        return stages.stream().filter(s -> s.result() != null).flatMap(s -> s.result().unreadableInputs().stream())
                .distinct().toList();
    }

    /**
     * SPEC §9: 3 when an input file could not be read (the outputs hold every other file), else 1 when the run
     * finished with CRITICAL alerts, else 0. Unreadable input outranks alerts (decision 0200): the alerts were
     * computed without that file's rows (often they are about its missing day), so the first thing to do is to fix
     * the file and run again.
     */
    public ExitCode exitCode() {
        if (!unreadableInputs().isEmpty()) {
            return ExitCode.UNREADABLE_INPUT;
        }
        return criticalAlerts() > 0 ? ExitCode.CRITICAL_ALERTS : ExitCode.SUCCESS;
    }
}
