package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.engine.StageOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final StringWriter err = new StringWriter();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintWriter(err, true), false,
            Path.of("no-outputs-here"));

    @Test
    void aCancelledStageSaysItsPreviousOutputsWereKeptOnlyWhenItHadAny(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        ConsoleProgress intoOut = new ConsoleProgress(new PrintWriter(err, true), false, out);
        intoOut.stageFinished(StageId.TRANSFORM, StageOutcome.CANCELLED, null, Duration.ofSeconds(3));
        assertThat(err.toString().strip()).isEqualTo("Transform: cancelled; nothing was written");

        Files.createDirectories(out.resolve(StageId.TRANSFORM.outputFolder()));
        err.getBuffer().setLength(0);
        intoOut.stageFinished(StageId.TRANSFORM, StageOutcome.CANCELLED, null, Duration.ofSeconds(3));
        assertThat(err.toString().strip()).isEqualTo("Transform: cancelled; previous outputs kept");
    }

    @Test
    void aLeftoverThatCouldNotBeRemovedIsAWarningSayingHowToRemoveIt() {
        Path leftover = Path.of("out", ".old-quality-0b8e2f4c-5d8c-4c1e-9f0e-0d6c1b2a3e4f");
        progress.leftoverNotRemoved(leftover);
        assertThat(err.toString().strip()).isEqualTo("WARNING: " + leftover + " is left from an earlier run "
                + "(set-aside outputs or unfinished work) and could not be removed, as a folder in it is read-only to "
                + "this user: make it writable (chmod -R u+w " + leftover + ") and delete it; eventpipe never reads it.");
    }

    @Test
    void qualitysDoneLineCarriesTheReconciliation() {
        progress.stageFinished(StageId.QUALITY, StageOutcome.RAN, StageResult.of(Map.of("rows_read", 58_355L,
                "rows_valid", 51_438L, "rows_quarantined", 1_519L, "rows_duplicate", 5_398L, "reconciled", true),
                List.of()), Duration.ofMillis(7_700));
        assertThat(err.toString().strip()).isEqualTo("Quality: done in 7.7 s; 58,355 rows read = 51,438 valid "
                + "+ 1,519 quarantined + 5,398 duplicate (reconciled)");
    }

    @Test
    void oneRowReadIsOneRowNotOneRows() {
        progress.stageFinished(StageId.QUALITY, StageOutcome.RAN, StageResult.of(Map.of("rows_read", 1L,
                "rows_valid", 1L, "rows_quarantined", 0L, "rows_duplicate", 0L, "reconciled", true),
                List.of()), Duration.ofMillis(100));
        assertThat(err.toString().strip())
                .isEqualTo("Quality: done in 0.1 s; 1 row read = 1 valid + 0 quarantined + 0 duplicate (reconciled)");
    }

    @Test
    void aReconciliationThatFailsSaysSoOnStderr() {
        progress.stageFinished(StageId.QUALITY, StageOutcome.UP_TO_DATE, StageResult.of(Map.of("rows_read", 3,
                "rows_valid", 1, "rows_quarantined", 1, "rows_duplicate", 0, "reconciled", false), List.of()), Duration.ZERO);
        progress.stageFinished(StageId.TRANSFORM, StageOutcome.RAN,
                StageResult.of(Map.of("reconciliation_ok", false), List.of()), Duration.ofSeconds(2));
        assertThat(err.toString().lines()).containsExactly(
                "Quality: up to date; 3 rows read = 1 valid + 1 quarantined + 0 duplicate (NOT reconciled: see run.json)",
                "Transform: done in 2.0 s; reconciliation does NOT hold: see run.json");
    }

    @Test
    void anInputFileThatChangedWhileReadIsAWarningOnStderr() {
        progress.stageFinished(StageId.QUALITY, StageOutcome.RAN, StageResult.of(Map.of("input_warnings",
                List.of("events_20250309.csv changed while it was being read")), List.of()), Duration.ofMillis(100));
        assertThat(err.toString().lines()).containsExactly("Quality: done in 0.1 s",
                "WARNING: events_20250309.csv changed while it was being read");
    }

    @Test
    void otherStagesAndFailuresKeepTheirPlainLine() {
        progress.stageFinished(StageId.MONITOR, StageOutcome.RAN, StageResult.of(Map.of("alerts", 3), List.of()),
                Duration.ofMillis(200));
        progress.stageFinished(StageId.QUALITY, StageOutcome.FAILED, null, Duration.ZERO);
        assertThat(err.toString().lines()).containsExactly("Monitoring: done in 0.2 s", "Quality: failed");
    }
}
