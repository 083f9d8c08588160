package com.puffy.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
    @TempDir
    Path dir;
    Path input;
    RunSettings settings;
    final List<StageId> ran = new ArrayList<>();
    List<String> qualityUnreadable = List.of();

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        settings = new RunSettings(input, dir.resolve("out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 1, 2), false, null);
    }

    /** A stage that writes one file named after itself, and fingerprints the input folder's listing. */
    private final class FakeStage implements Stage {
        private final StageId id;
        private final Consumer<RunContext> behaviour;

        FakeStage(StageId id, Consumer<RunContext> behaviour) {
            this.id = id;
            this.behaviour = behaviour;
        }

        @Override
        public StageId id() {
            return id;
        }

        @Override
        public List<String> outputs() {
            return List.of(id.cliName() + ".csv");
        }

        @Override
        public String inputFingerprint(RunSettings s) {
            if (id != StageId.QUALITY) {
                return "";
            }
            try (Stream<Path> files = Files.list(s.inputDir())) {
                return files.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList().toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
            ran.add(id);
            progress.update(1, 2, "half");
            Files.writeString(context.workDir().resolve(id.cliName() + ".csv"), "done\n");
            behaviour.accept(context);
            progress.update(2, 2, "all");
            return new StageResult(Map.of("rows", 1), List.of(id.title() + " ok"), id == StageId.MONITOR ? 2 : 0,
                    id == StageId.QUALITY ? qualityUnreadable : List.of());
        }
    }

    private Pipeline pipelineWith(Consumer<RunContext> transformBehaviour) {
        return new Pipeline(fakeStages(transformBehaviour));
    }

    private List<Stage> fakeStages(Consumer<RunContext> transformBehaviour) {
        return List.of(
                new FakeStage(StageId.QUALITY, c -> { }),
                new FakeStage(StageId.TRANSFORM, transformBehaviour),
                new FakeStage(StageId.ANALYSIS, c -> { }),
                new FakeStage(StageId.MONITOR, c -> { }));
    }

    @Test
    void outputsMadeByAnotherBuildOfTheSameVersionAreStaleAndRunAgain() {
        Pipeline older = new Pipeline(fakeStages(c -> { }), "0.1.0+" + "a".repeat(64));
        older.run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE, Cancellation.none());
        assertThat(older.status(settings, StageId.QUALITY)).isEqualTo(StageStatus.FRESH);

        Pipeline fixed = new Pipeline(fakeStages(c -> { }), "0.1.0+" + "b".repeat(64));
        for (StageId id : StageId.values()) {
            assertThat(fixed.status(settings, id)).as(id.name()).isEqualTo(StageStatus.STALE);
        }
        ran.clear();
        PipelineReport report = fixed.run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE,
                Cancellation.none());
        assertThat(report.stages()).extracting(StageRun::outcome).containsOnly(StageOutcome.RAN);
        assertThat(ran).hasSize(4);
    }

    @Test
    void aDayFileOverwrittenWhileQualityReadsItLeavesQualityStaleSoTheNextRunReadsItAgain() throws Exception {
        Path day = input.resolve("events_20250101.csv");
        Pipeline pipeline = new Pipeline(List.of(
                new FakeStage(StageId.QUALITY, c -> {
                    try {
                        if (Files.size(day) < 100) {
                            Files.writeString(day, "client_id,timestamp,event_name\n" + "c1,2025-01-01T10:00:00Z,x\n".repeat(9));
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }),
                new FakeStage(StageId.TRANSFORM, c -> { }),
                new FakeStage(StageId.ANALYSIS, c -> { }),
                new FakeStage(StageId.MONITOR, c -> { })));
        pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        assertThat(pipeline.status(settings, StageId.QUALITY)).isEqualTo(StageStatus.STALE);
        ran.clear();
        pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        assertThat(ran).as("read again, not 'up to date'").containsExactly(StageId.QUALITY);
        assertThat(pipeline.status(settings, StageId.QUALITY)).as("unchanged during the second run")
                .isEqualTo(StageStatus.FRESH);
    }

    @Test
    void outputsMadeByTheSameBuildStayFreshAcrossPipelines() {
        String build = "0.1.0+" + "c".repeat(64);
        new Pipeline(fakeStages(c -> { }), build)
                .run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE, Cancellation.none());
        Pipeline again = new Pipeline(fakeStages(c -> { }), build);
        for (StageId id : StageId.values()) {
            assertThat(again.status(settings, id)).as(id.name()).isEqualTo(StageStatus.FRESH);
        }
    }

    @Test
    void runJsonNamesTheBuildBesideTheVersion() throws Exception {
        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE,
                Cancellation.none());
        JsonNode root = new ObjectMapper().readTree(settings.outputDir().resolve("run.json").toFile());
        assertThat(root.path("version").asText()).isEqualTo(com.puffy.pipeline.core.AppVersion.version());
        // Tests run on the classes Maven built, whose process-classes step wrote the checksum.
        assertThat(root.path("build").asText()).matches("[0-9a-f]{64}")
                .isEqualTo(com.puffy.pipeline.core.AppVersion.build());
    }

    @Test
    void askingForADownstreamStageRunsItsUpstreamFirst() {
        Pipeline pipeline = pipelineWith(c -> { });
        pipeline.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE, Cancellation.none());
        assertThat(ran).containsExactly(StageId.QUALITY, StageId.TRANSFORM);
        assertThat(settings.outputDir().resolve("quality/quality.csv")).exists();
        assertThat(settings.outputDir().resolve("transform/transform.csv")).exists();
        assertThat(settings.outputDir().resolve("run.json")).exists();
    }

    @Test
    void analysisRunsAfterMonitoringWhoseAlertsItSummarizes() {
        Pipeline pipeline = pipelineWith(c -> { });
        PipelineReport report = pipeline.run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE,
                Cancellation.none());
        assertThat(ran).containsExactly(StageId.QUALITY, StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS);
        assertThat(report.exitCode()).isEqualTo(ExitCode.CRITICAL_ALERTS);
    }

    @Test
    void anUnreadableInputFileIsExitThreeOverCriticalAlertsWithEveryOutputWrittenAndStaysSoWhenUpToDate()
            throws Exception {
        qualityUnreadable = List.of("events_20250102.csv is not UTF-8 text (first invalid byte at line 2, byte 9); "
                + "re-export it as UTF-8.");
        Pipeline pipeline = pipelineWith(c -> { });
        PipelineReport report = pipeline.run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE,
                Cancellation.none());
        assertThat(report.stages()).extracting(StageRun::outcome).containsOnly(StageOutcome.RAN).hasSize(4);
        assertThat(report.criticalAlerts()).isEqualTo(2);
        assertThat(report.unreadableInputs()).isEqualTo(qualityUnreadable);
        assertThat(report.exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(new ObjectMapper().readTree(settings.outputDir().resolve("run.json").toFile()).path("stages")
                .get(0).path("unreadable_inputs").get(0).asText()).startsWith("events_20250102.csv is not UTF-8");

        PipelineReport again = pipeline.run(settings, EnumSet.of(StageId.MONITOR), false, PipelineListener.NONE,
                Cancellation.none());
        assertThat(again.stages()).extracting(StageRun::outcome).containsOnly(StageOutcome.UP_TO_DATE);
        assertThat(again.unreadableInputs()).isEqualTo(qualityUnreadable);
        assertThat(again.exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT);
    }

    @Test
    void aStageManifestThatDoesNotSayWhetherItsInputsWereReadableIsStale() throws Exception {
        Pipeline pipeline = pipelineWith(c -> { });
        pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        Path manifest = settings.outputDir().resolve("quality").resolve(Pipeline.STAGE_MANIFEST);
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(manifest.toFile());
        assertThat(node.has("unreadable_inputs")).isTrue();
        node.remove("unreadable_inputs");
        Files.writeString(manifest, node.toString());
        assertThat(pipeline.status(settings, StageId.QUALITY)).isEqualTo(StageStatus.STALE);
        ran.clear();
        pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        assertThat(ran).containsExactly(StageId.QUALITY);
    }

    @Test
    void freshStagesAreNotRunAgainButKeepTheirResult() {
        Pipeline pipeline = pipelineWith(c -> { });
        pipeline.run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE, Cancellation.none());
        ran.clear();
        PipelineReport again = pipeline.run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE,
                Cancellation.none());
        assertThat(ran).isEmpty();
        assertThat(again.stages()).allMatch(s -> s.outcome() == StageOutcome.UP_TO_DATE);
        assertThat(again.exitCode()).isEqualTo(ExitCode.CRITICAL_ALERTS);
        assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.FRESH);
    }

    @Test
    void aChangedInputMakesEveryStageStale() throws Exception {
        Pipeline pipeline = pipelineWith(c -> { });
        assertThat(pipeline.status(settings, StageId.QUALITY)).isEqualTo(StageStatus.NEVER_RUN);
        pipeline.run(settings, EnumSet.allOf(StageId.class), false, PipelineListener.NONE, Cancellation.none());
        Files.writeString(input.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        for (StageId id : StageId.values()) {
            assertThat(pipeline.status(settings, id)).as(id.name()).isEqualTo(StageStatus.STALE);
        }
    }

    @Test
    void forceRunsTheAskedStageEvenWhenFresh() {
        Pipeline pipeline = pipelineWith(c -> { });
        pipeline.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE, Cancellation.none());
        ran.clear();
        pipeline.run(settings, EnumSet.of(StageId.TRANSFORM), true, PipelineListener.NONE, Cancellation.none());
        assertThat(ran).containsExactly(StageId.TRANSFORM);
    }

    @Test
    void aCancelledStageLeavesThePreviousOutputsAndNoWorkFolder() throws Exception {
        Pipeline good = pipelineWith(c -> { });
        good.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE, Cancellation.none());
        String runJson = Files.readString(settings.outputDir().resolve("run.json"));
        Cancellation cancellation = new Cancellation();
        Pipeline cancelling = pipelineWith(c -> {
            cancellation.cancel();
            cancellation.throwIfCancelled();
        });
        PipelineReport report = cancelling.run(settings, EnumSet.of(StageId.TRANSFORM), true, PipelineListener.NONE,
                cancellation);
        assertThat(report.stages()).last().extracting(StageRun::outcome).isEqualTo(StageOutcome.CANCELLED);
        assertThat(Files.readString(settings.outputDir().resolve("transform/transform.csv"))).isEqualTo("done\n");
        try (Stream<Path> left = Files.list(settings.outputDir())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-") || n.startsWith(".old-"));
        }
        assertThat(settings.outputDir().resolve("run.json")).as("run.json describes the outputs kept")
                .hasContent(runJson);
    }

    @Test
    void aFailingStageIsReportedWithItsNameAndKeepsPreviousOutputs() throws Exception {
        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE,
                Cancellation.none());
        Pipeline failing = pipelineWith(c -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(() -> failing.run(settings, EnumSet.of(StageId.TRANSFORM), true, PipelineListener.NONE,
                Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("Transform stage failed")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(settings.outputDir().resolve("transform/transform.csv")).exists();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void aSecondRunIntoTheSameOutputFolderIsRefusedWhileTheFirstWrites() throws Exception {
        java.util.concurrent.CountDownLatch inTransform = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Pipeline slow = pipelineWith(c -> {
            inTransform.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        java.util.concurrent.CompletableFuture<?> first = java.util.concurrent.CompletableFuture.runAsync(() ->
                slow.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE, Cancellation.none()));
        try {
            assertThat(inTransform.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), true,
                    PipelineListener.NONE, Cancellation.none()))
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("Another run is writing to " + settings.outputDir())
                    .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
        } finally {
            release.countDown();
        }
        first.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(settings.outputDir().resolve("transform/transform.csv")).exists();
    }

    @Test
    void aStageThatCannotReadAFileFailsAsUnreadableInputNamingItAndKeepsNoWorkFolder() throws Exception {
        Pipeline failing = pipelineWith(c -> sneakyThrow(new java.nio.file.NoSuchFileException("/data/events/x.csv")));
        assertThatThrownBy(() -> failing.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE,
                Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("The Transform stage could not read or write /data/events/x.csv (not found)")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT);
        try (Stream<Path> left = Files.list(settings.outputDir())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-"));
        }
    }

    @Test
    void anOutputFolderHoldingSomeoneElsesReportFolderIsRefusedAndNothingOfTheirsIsDeleted() throws Exception {
        Path notes = Files.createDirectories(settings.outputDir().resolve("report")).resolve("notes.txt");
        Files.writeString(notes, "mine");
        assertThatThrownBy(() -> pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.ANALYSIS), false,
                PipelineListener.NONE, Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessage("The output folder " + settings.outputDir() + " already holds a report folder (with "
                        + "notes.txt) that was not written by eventpipe and would be replaced: choose another folder "
                        + "with --output, or move it out of the way.")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notes).hasContent("mine");
        assertThat(settings.outputDir().resolve("quality")).doesNotExist();
    }

    @Test
    void aFileNamedLikeAStageFolderOrSomeoneElsesRunJsonIsRefused() throws Exception {
        Files.createDirectories(settings.outputDir());
        Path runJson = Files.writeString(settings.outputDir().resolve("run.json"), "{\"mine\": true}");
        assertThatThrownBy(() -> pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none()))
                .hasMessageContaining("already holds a run.json that was not written by eventpipe");
        assertThat(runJson).hasContent("{\"mine\": true}");
        Files.delete(runJson);
        Path quality = Files.writeString(settings.outputDir().resolve("quality"), "a file");
        assertThatThrownBy(() -> pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none()))
                .hasMessageContaining("already holds a file named quality that was not written by eventpipe");
        assertThat(quality).hasContent("a file");
    }

    @Test
    void ourOwnOutputsAndEmptyStageFoldersAreReplacedAsBefore() throws Exception {
        Files.createDirectories(settings.outputDir().resolve("transform"));
        // Outputs of ours whose manifest was lost are still ours.
        Files.writeString(Files.createDirectories(settings.outputDir().resolve("quality")).resolve("quality.csv"), "x");
        Pipeline pipeline = pipelineWith(c -> { });
        pipeline.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE, Cancellation.none());
        PipelineReport again = pipeline.run(settings, EnumSet.of(StageId.TRANSFORM), true, PipelineListener.NONE,
                Cancellation.none());
        assertThat(again.stages()).last().extracting(StageRun::outcome).isEqualTo(StageOutcome.RAN);
    }

    @Test
    void aFullDiskIsAnOutputProblemExitTwoNamingTheOutputFolderNotAGarbledUnreadableInput() throws Exception {
        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE,
                Cancellation.none());
        Pipeline full = pipelineWith(c -> sneakyThrow(new java.io.IOException("No space left on device")));
        assertThatThrownBy(() -> full.run(settings, EnumSet.of(StageId.TRANSFORM), true, PipelineListener.NONE,
                Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessage("The Transform stage ran out of disk space writing to " + settings.outputDir()
                        + " (No space left on device): free some space there, or choose another folder with "
                        + "--output, then run again; the previous outputs were kept.")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(settings.outputDir().resolve("transform/transform.csv")).hasContent("done");
        try (Stream<Path> left = Files.list(settings.outputDir())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-"));
        }
    }

    @Test
    void aFullDiskOnTheFirstRunDoesNotClaimToHaveKeptOutputsThatNeverExisted() {
        Pipeline full = pipelineWith(c -> sneakyThrow(new java.io.IOException("No space left on device")));
        assertThatThrownBy(() -> full.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE,
                Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageEndingWith("then run again; this stage had no earlier outputs, and wrote none.");
        assertThat(settings.outputDir().resolve("transform")).doesNotExist();
    }

    @Test
    void anInternalErrorSaysWhetherThereWereEarlierOutputsToKeep() {
        Pipeline broken = pipelineWith(c -> {
            throw new IllegalStateException("bug");
        });
        assertThatThrownBy(() -> broken.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE,
                Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessage("The Transform stage failed unexpectedly (IllegalStateException: bug); this stage had no "
                        + "earlier outputs, and wrote none. Please report it with the log.")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.INTERNAL);

        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE,
                Cancellation.none());
        assertThatThrownBy(() -> broken.run(settings, EnumSet.of(StageId.TRANSFORM), true, PipelineListener.NONE,
                Cancellation.none()))
                .hasMessage("The Transform stage failed unexpectedly (IllegalStateException: bug); the previous "
                        + "outputs were kept. Please report it with the log.");
        assertThat(settings.outputDir().resolve("transform")).isDirectory();
    }

    @Test
    void anIoFailureWithoutAFileNameStillReadsAsASentence() {
        PipelineException e = Pipeline.ioFailure(StageId.QUALITY, Path.of("out"),
                new java.io.IOException("Input/output error"));
        assertThat(e.getMessage()).isEqualTo("The Quality stage could not read or write a file (Input/output error): "
                + "check that the file exists and can be read, and that you may write to out.");
        assertThat(e.exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(Pipeline.isDiskFull(new java.nio.file.FileSystemException("x", null, "Disk quota exceeded")))
                .isTrue();
        assertThat(Pipeline.isDiskFull(new java.io.IOException("There is not enough space on the disk"))).isTrue();
    }

    @Test
    void anOutputFolderThatCannotBeCreatedSaysToChooseAnother() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        RunSettings underAFile = settings.withOutputDir(file.resolve("out"));
        assertThatThrownBy(() -> pipelineWith(c -> { }).run(underAFile, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessage("The output folder " + file.resolve("out") + " cannot be created (" + file
                        + " is a file, not a folder): choose another with --output.")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anOutputFolderInAFolderWithoutWritePermissionIsAUsageErrorNamingTheFolder() {
        Path parent = dir.resolve("locked");
        String why = Pipeline.whyNotCreated(parent.resolve("out"),
                new java.nio.file.AccessDeniedException(parent.resolve("out").toString()));
        assertThat(why).isEqualTo("permission denied in " + dir);
    }

    @Test
    void anOutputFolderASystemFolderRefusesSaysSoRatherThanRepeatingThePath() {
        // mkdir /proc/out answers ENOENT although /proc exists; the sentence read "cannot be created (/proc/out)".
        Path out = dir.resolve("out");
        assertThat(Pipeline.whyNotCreated(out, new java.nio.file.NoSuchFileException(out.toString())))
                .isEqualTo(dir + " does not accept new folders");
    }

    @Test
    void aFirstRunThatFailsBeforeAnyOutputLeavesNoOutputFolderBehind() throws Exception {
        // A wrong folder left "<input>-pipeline" holding only .lock beside it, after the error said to choose another.
        Pipeline failing = new Pipeline(List.of(
                new FakeStage(StageId.QUALITY, c -> {
                    throw new PipelineException(ExitCode.UNREADABLE_INPUT, "No event CSV files in the folder.");
                }),
                new FakeStage(StageId.TRANSFORM, c -> { }),
                new FakeStage(StageId.ANALYSIS, c -> { }),
                new FakeStage(StageId.MONITOR, c -> { })));
        assertThatThrownBy(() -> failing.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE,
                Cancellation.none())).isInstanceOf(PipelineException.class);
        assertThat(settings.outputDir()).doesNotExist();

        // A folder that was there before the run is the user's: it stays, with what it held.
        Files.createDirectories(settings.outputDir());
        Files.writeString(settings.outputDir().resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> failing.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE,
                Cancellation.none())).isInstanceOf(PipelineException.class);
        assertThat(settings.outputDir().resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void anOutputPathThatIsAFileSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("report.csv"), "x");
        RunSettings ontoAFile = settings.withOutputDir(file);
        assertThatThrownBy(() -> pipelineWith(c -> { }).run(ontoAFile, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessage("The output folder " + file + " is a file, not a folder: choose another with --output.")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(file).hasContent("x");
    }

    @Test
    void noInputFolderIsAUsageError() {
        RunSettings none = new RunSettings(null, dir.resolve("out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 1, 2), false, null);
        assertThatThrownBy(() -> pipelineWith(c -> { }).run(none, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("pass --input DIR")
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aRunRemovesTheWorkFoldersOfRunsThatDied() throws Exception {
        Path dead = Files.createDirectories(settings.outputDir().resolve(".work-quality-dead/nested"));
        Files.writeString(dead.resolve("spool.v"), "rows of a killed run");
        Path oldAside = Files.createDirectories(settings.outputDir().resolve(".old-quality-" + java.util.UUID.randomUUID()));
        Files.createDirectories(settings.outputDir().resolve("quality"));
        Path kept = Files.writeString(settings.outputDir().resolve(".work-notes.txt"), "a file, not a work folder");
        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE,
                Cancellation.none());
        assertThat(settings.outputDir().resolve(".work-quality-dead")).doesNotExist();
        assertThat(oldAside).doesNotExist();
        assertThat(kept).exists();
        assertThat(settings.outputDir().resolve("quality/quality.csv")).exists();
    }

    @Test
    void previousOutputsSetAsideByARunThatDiedBeforeReplacingThemGoBack() throws Exception {
        Path aside = Files.createDirectories(settings.outputDir().resolve(".old-transform-" + java.util.UUID.randomUUID()));
        Files.writeString(aside.resolve("transform.csv"), "the last good outputs\n");
        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE,
                Cancellation.none());
        assertThat(aside).doesNotExist();
        assertThat(settings.outputDir().resolve("transform/transform.csv")).hasContent("the last good outputs");
    }

    @Test
    void aMissingInputFolderIsAnUnreadableInputNamingIt() {
        RunSettings missing = new RunSettings(dir.resolve("nope"), dir.resolve("out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 1, 2), false, null);
        assertThatThrownBy(() -> pipelineWith(c -> { }).run(missing, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining(dir.resolve("nope").toString())
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT);
    }

    @Test
    void anInputThatIsAFileIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("a.csv"), "x");
        RunSettings wrong = settings.withOutputDir(dir.resolve("out2"));
        wrong = new RunSettings(file, wrong.outputDir(), wrong.config(), null, wrong.asOf(), false, null);
        RunSettings finalWrong = wrong;
        assertThatThrownBy(() -> pipelineWith(c -> { }).run(finalWrong, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, Cancellation.none()))
                .hasMessageContaining("is a file, not a folder");
    }

    @Test
    void aStageMissingFromTheBuildIsAUsageError() {
        Pipeline partial = new Pipeline(List.of(new FakeStage(StageId.QUALITY, c -> { })));
        assertThatThrownBy(() -> partial.run(settings, EnumSet.of(StageId.TRANSFORM), false, PipelineListener.NONE,
                Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .extracting(e -> ((PipelineException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void progressReachesTheListener() {
        List<String> heard = new ArrayList<>();
        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), false, new PipelineListener() {
            @Override
            public void stageProgress(StageId stage, long done, long total, String message) {
                heard.add(stage.cliName() + " " + done + "/" + total);
            }
        }, Cancellation.none());
        assertThat(heard).containsExactly("quality 1/2", "quality 2/2");
    }

    @Test
    void runJsonRecordsSettingsAndStageFigures() throws Exception {
        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE,
                Cancellation.none());
        String json = Files.readString(settings.outputDir().resolve("run.json"));
        assertThat(json).contains("\"stage\" : \"quality\"", "\"outcome\" : \"ran\"", "\"rows\" : 1",
                "\"as_of\" : \"2025-01-02\"", "\"version\"");
    }

    @Test
    void runJsonSaysAnUpToDateStageTookNoTimeAndWhichRunItsFiguresComeFrom() throws Exception {
        Pipeline pipeline = pipelineWith(c -> { });
        pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var first = mapper.readTree(settings.outputDir().resolve("run.json").toFile()).path("stages").get(0);
        pipeline.run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        var again = mapper.readTree(settings.outputDir().resolve("run.json").toFile()).path("stages").get(0);
        assertThat(again.path("outcome").asText()).isEqualTo("up_to_date");
        assertThat(again.path("elapsed_ms").asLong()).isZero();
        assertThat(again.path("figures_from_run").path("elapsed_ms").asLong())
                .isEqualTo(first.path("elapsed_ms").asLong());
        var manifest = mapper.readTree(settings.outputDir().resolve("quality").resolve(Pipeline.STAGE_MANIFEST).toFile());
        assertThat(again.path("figures_from_run").path("finished_at").asText())
                .isEqualTo(manifest.path("finished_at").asText()).isNotEmpty();
        assertThat(again.path("figures").path("rows").asInt()).isEqualTo(1);
    }

    @Test
    void runJsonRecordsTheConfigurationSoItCanBeReusedAsAConfigFile() throws Exception {
        pipelineWith(c -> { }).run(settings, EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE,
                Cancellation.none());
        JsonNode recorded = new ObjectMapper().readTree(settings.outputDir().resolve("run.json").toFile())
                .path("settings").path("config");
        assertThat(recorded.path("quality").has("event_names")).isTrue();
        Path copied = Files.writeString(settings.outputDir().resolveSibling("from-run.json.yaml"), recorded.toString());
        assertThat(ConfigLoader.load(copied)).isEqualTo(settings.config());
    }

    @Test
    void runJsonNamesTheCacheFileByItsAbsolutePath() throws Exception {
        pipelineWith(c -> { }).run(settings.withCacheFile(Path.of("relative-cache.sqlite")),
                EnumSet.of(StageId.QUALITY), false, PipelineListener.NONE, Cancellation.none());
        var recorded = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(settings.outputDir().resolve("run.json").toFile()).path("settings").path("cache");
        assertThat(recorded.asText()).isEqualTo(Path.of("relative-cache.sqlite").toAbsolutePath().toString());
    }

    @Test
    void defaultOutputIsASiblingNamedAfterTheInput() {
        assertThat(RunSettings.defaultOutputFor(Path.of("/data/events"))).isEqualTo(Path.of("/data/events-pipeline"));
    }
}
