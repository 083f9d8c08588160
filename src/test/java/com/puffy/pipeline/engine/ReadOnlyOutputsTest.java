package com.puffy.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.ReadOnlyFolders;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage folder someone made read-only (decision 0801). Renaming it needs only the output folder's permission, so a
 * run replaced it and its set-aside copy, {@code .old-quality-<uuid>}, could not be emptied: it stayed with the old
 * outputs, one more after each run that met such a folder. As a user the folder is made read-only with chmod; root
 * writes read-only folders, so there it is made immutable (chattr +i), which root may not change either.
 */
class ReadOnlyOutputsTest {
    @TempDir
    Path dir;
    RunSettings settings;
    private final ReadOnlyFolders readOnly = new ReadOnlyFolders();

    /** Writes quality.csv holding the given text. */
    private static Stage quality(String text) {
        return new Stage() {
            @Override
            public StageId id() {
                return StageId.QUALITY;
            }

            @Override
            public List<String> outputs() {
                return List.of("quality.csv");
            }

            @Override
            public String inputFingerprint(RunSettings s) {
                return text;
            }

            @Override
            public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
                Files.writeString(context.workDir().resolve("quality.csv"), text);
                return new StageResult(Map.of(), List.of(), 0, List.of());
            }
        };
    }

    @BeforeEach
    void firstRun() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        settings = new RunSettings(input, dir.resolve("out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 1, 2), false, null);
        run("the first run's rows\n", PipelineListener.NONE);
    }

    private PipelineReport run(String text, PipelineListener listener) {
        return new Pipeline(List.of(quality(text))).run(settings, EnumSet.of(StageId.QUALITY), false, listener,
                Cancellation.none());
    }

    private void protect(Path folder) throws Exception {
        readOnly.protect(folder);
    }

    @AfterEach
    void unprotect() throws Exception {
        readOnly.releaseAll(dir);
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> entries = Files.list(settings.outputDir())) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".old-")
                    || n.startsWith(".work-")).toList();
        }
    }

    @Test
    void aReadOnlyFolderInAStageFolderIsRefusedBeforeTheStageRunsAndNothingIsLeftBehind() throws Exception {
        Path quality = settings.outputDir().resolve("quality");
        Path notes = Files.createDirectories(quality.resolve("notes"));
        Files.writeString(notes.resolve("audit.txt"), "kept for the audit\n");
        protect(notes);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> run("the second run's rows\n", PipelineListener.NONE))
                    .isInstanceOf(PipelineException.class)
                    .hasMessage("The Quality outputs in " + quality + " cannot be replaced: " + notes + " is read-only "
                            + "to this user (made so to keep these outputs?), so they could not be removed once "
                            + "replaced. Make it writable again (chmod -R u+w " + quality + ") or choose another folder "
                            + "with --output; the previous outputs were kept.")
                    .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
        }
        assertThat(quality.resolve("quality.csv")).hasContent("the first run's rows");
        assertThat(notes.resolve("audit.txt")).hasContent("kept for the audit");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aReadOnlyStageFolderIsRefusedAsAnOutputProblemNamingIt() throws Exception {
        Path quality = settings.outputDir().resolve("quality");
        protect(quality);
        assertThatThrownBy(() -> run("the second run's rows\n", PipelineListener.NONE))
                .isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("The Quality outputs in " + quality + " cannot be replaced: the folder is "
                        + "read-only to this user")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(quality.resolve("quality.csv")).hasContent("the first run's rows");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void onceWritableAgainTheRunReplacesTheOutputs() throws Exception {
        Path quality = settings.outputDir().resolve("quality");
        protect(quality);
        assertThatThrownBy(() -> run("the second run's rows\n", PipelineListener.NONE));
        unprotect();
        run("the second run's rows\n", PipelineListener.NONE);
        assertThat(quality.resolve("quality.csv")).hasContent("the second run's rows");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aLeftoverOfAnEarlierRunThatCannotBeRemovedIsToldEveryRunNotKeptSilently() throws Exception {
        // As an earlier version left them: the stage folder replaced, its set-aside copy not emptied.
        Path aside = settings.outputDir().resolve(".old-quality-" + UUID.randomUUID());
        Path stuck = Files.createDirectories(aside.resolve("notes"));
        Files.writeString(stuck.resolve("audit.txt"), "old\n");
        protect(stuck);
        List<Path> told = new ArrayList<>();
        PipelineListener listener = new PipelineListener() {
            @Override
            public void leftoverNotRemoved(Path leftover) {
                told.add(leftover);
            }
        };
        run("the second run's rows\n", listener);
        assertThat(told).containsExactly(aside);
        assertThat(settings.outputDir().resolve("quality/quality.csv")).hasContent("the second run's rows");
    }
}
