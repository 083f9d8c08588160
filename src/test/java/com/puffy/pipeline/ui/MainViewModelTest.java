package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path dir;
    Path input;
    Preferences prefs;
    final FakeStages fakes = new FakeStages();
    final List<UiError> errors = new ArrayList<>();
    final AtomicReference<MainViewModel> vmRef = new AtomicReference<>();

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/" + System.nanoTime());
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
        if (homeBefore != null) {
            homeBefore.ifPresentOrElse(home -> System.setProperty("eventpipe.home", home),
                    () -> System.clearProperty("eventpipe.home"));
        }
    }

    /** The setting of eventpipe.home before this test pointed it elsewhere; null while the test has not. */
    private java.util.Optional<String> homeBefore;

    /** The sample data goes to this test's folder, not the user's, until the test ends. */
    private void sampleHomeInThisTest() {
        homeBefore = java.util.Optional.ofNullable(System.getProperty("eventpipe.home"));
        System.setProperty("eventpipe.home", dir.resolve("home").toString());
    }

    private MainViewModel vm(Stage... stages) {
        return vm(Clock.systemUTC(), stages);
    }

    private MainViewModel vm(Clock clock, Stage... stages) {
        MainViewModel vm = new MainViewModel(new Pipeline(List.of(stages)), UiThreads.direct(),
                new RecentFolders(prefs), d -> {
                    Files.createDirectories(d);
                    return d;
                }, clock);
        vm.onError(errors::add);
        vm.cacheEnabledProperty().set(false);
        vmRef.set(vm);
        return vm;
    }

    private MainViewModel allFour() {
        return vm(fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM), fakes.stage(StageId.MONITOR),
                fakes.stage(StageId.ANALYSIS));
    }

    @Test
    void openingAFolderPutsOutputsBesideItAndRemembersIt() {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        assertThat(vm.inputDirProperty().get()).isEqualTo(input.toAbsolutePath());
        assertThat(vm.outputDirProperty().get()).isEqualTo(RunSettings.defaultOutputFor(input));
        assertThat(vm.recentFolders()).containsExactly(input.toAbsolutePath());
        assertThat(vm.stages()).allMatch(s -> s.getState() == StageState.NEVER_RUN);
    }

    @Test
    void theSampleDataIsJudgedAsOfTheDayAfterItsLastFileAndOtherFoldersAsOfToday() {
        sampleHomeInThisTest();
        MainViewModel vm = allFour();
        vm.openSampleData();
        assertThat(vm.settings().asOf()).isEqualTo(com.puffy.pipeline.generate.SampleData.AS_OF)
                .isEqualTo(java.time.LocalDate.of(2025, 3, 9));
        vm.openFolder(input);
        assertThat(vm.settings().asOf()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @Test
    void stagesAreShownInTheSpecOrder() {
        MainViewModel vm = allFour();
        assertThat(vm.stages()).extracting(StageViewModel::id)
                .containsExactly(StageId.QUALITY, StageId.TRANSFORM, StageId.ANALYSIS, StageId.MONITOR);
    }

    @Test
    void openingAFileIsRefusedWithOneSentence() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input.resolve("events_20250101.csv"));
        assertThat(vm.inputDirProperty().get()).isNull();
        assertThat(errors).singleElement().extracting(UiError::message).asString()
                .contains("is a file, not a folder").contains("choose the folder");
    }

    @Test
    void aRecentFolderDeletedSinceSaysItDoesNotExistAndLeavesRecent() throws Exception {
        MainViewModel vm = allFour();
        Path gone = Files.createDirectories(dir.resolve("gone"));
        vm.openFolder(gone);
        vm.openFolder(input);
        Files.delete(gone);
        vm.openFolder(gone.toAbsolutePath());
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo(gone.toAbsolutePath() + " does not exist (moved, renamed or on a "
                    + "drive that is not connected?), so it was taken off Recent: choose the folder that holds the "
                    + "daily event CSV files (File → Open folder…, Ctrl+O), or open the sample data.");
            assertThat(error.details()).isEmpty();
        });
        assertThat(vm.recentFolders()).containsExactly(input.toAbsolutePath());
        assertThat(vm.inputDirProperty().get()).isEqualTo(input.toAbsolutePath());
    }

    @Test
    void aFolderGivenOnTheCommandLineThatDoesNotExistSaysSo() {
        MainViewModel vm = allFour();
        vm.startup(dir.resolve("typo"));
        assertThat(errors).singleElement().extracting(UiError::message).asString()
                .startsWith(dir.resolve("typo") + " does not exist (").doesNotContain("Recent");
        assertThat(vm.inputDirProperty().get()).isNull();
    }

    @Test
    void runAllWithNoFolderOpenSaysWhatToDoWithoutAStackTrace() {
        MainViewModel vm = allFour();
        vm.runAll();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.message()).startsWith("No folder is open, so there is nothing to run: open a folder");
            assertThat(error.details()).isEmpty();
        });
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aFolderWithoutCsvFilesSaysSoWhenOpenedNotOnlyAfterARun() throws Exception {
        MainViewModel vm = allFour();
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("readme.txt"), "not events\n");
        vm.openFolder(notes);
        assertThat(vm.nothingToShowProperty().get()).isEqualTo(notes.toAbsolutePath() + " holds no CSV file, so "
                + "every screen is empty: choose the folder that holds the daily event files (events_YYYYMMDD.csv) "
                + "with File → Open folder… (Ctrl+O).");
        assertThat(vm.statusMessageProperty().get()).as("said once, above the screens")
                .isEqualTo("Opened " + notes.toAbsolutePath() + ".");
        vm.openFolder(input);
        assertThat(vm.nothingToShowProperty().get()).isEmpty();
        Path upperCase = Files.createDirectories(dir.resolve("upper"));
        Files.writeString(upperCase.resolve("EVENTS_20250101.CSV"), "client_id,timestamp,event_name\n");
        vm.openFolder(upperCase);
        assertThat(vm.nothingToShowProperty().get()).isEmpty();
    }

    @Test
    void aFolderTheUserMayNotReadSaysSoWhenOpenedAndAfterTheWindowComesBackNotOnlyAtF5() {
        // Tests run as root, who may read any folder: the probe answers as the system would for another user.
        java.util.Set<Path> locked = new java.util.HashSet<>(java.util.Set.of(input.toAbsolutePath()));
        MainViewModel vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY))), UiThreads.direct(),
                new RecentFolders(prefs), d -> d, Clock.systemUTC(),
                folder -> locked.contains(folder) ? FolderAccess.NO_LISTING : "");
        vm.onError(errors::add);
        vm.cacheEnabledProperty().set(false);

        vm.openFolder(input);

        String why = input.toAbsolutePath() + " cannot be read: you have no permission to list what is in it, so "
                + "nothing can run. Ask whoever manages it for read access, or copy the daily event files into a "
                + "folder of your own and open that (File → Open folder…, Ctrl+O).";
        assertThat(vm.nothingToShowProperty().get()).isEqualTo(why);
        assertThat(errors).as("said above the screens, not in a dialog").isEmpty();
        vm.recheckStatuses();
        assertThat(vm.nothingToShowProperty().get()).as("kept when the window comes back").isEqualTo(why);

        locked.clear();
        vm.recheckStatuses();
        assertThat(vm.nothingToShowProperty().get()).as("access granted meanwhile").isEmpty();
    }

    @Test
    void theOutputFolderOfARunOpenedByMistakeNamesTheFolderWhoseResultsItHolds() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        Path output = vm.outputDirProperty().get();

        vm.openFolder(output);

        assertThat(vm.nothingToShowProperty().get()).isEqualTo(output + " is the output folder of a run on "
                + input.toAbsolutePath() + ", not a folder of event files, so every screen is empty: open "
                + input.toAbsolutePath() + " (File → Open folder…, Ctrl+O) to see that run's results.");

        Files.delete(input.resolve("events_20250101.csv"));
        Files.delete(input);
        vm.openFolder(output);
        assertThat(vm.nothingToShowProperty().get()).as("its input folder gone").isEqualTo(output
                + " is the output folder of a run on " + input.toAbsolutePath() + ", not a folder of event files, so "
                + "every screen is empty: its event files are no longer in " + input.toAbsolutePath() + "; choose the "
                + "folder that holds the daily event files (events_YYYYMMDD.csv) with File → Open folder… (Ctrl+O).");
    }

    @Test
    void theLastRunInTheStatusBarIsTheOpenFoldersNotTheOneBefore() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.lastRunProperty().get()).startsWith("Last run ");
        Path never = Files.createDirectories(dir.resolve("never-run"));
        Files.copy(input.resolve("events_20250101.csv"), never.resolve("events_20250101.csv"));

        vm.openFolder(never);
        assertThat(vm.lastRunProperty().get()).isEqualTo("No run yet");

        vm.openFolder(input);
        assertThat(vm.lastRunProperty().get()).as("from its outputs").startsWith("Last run ");
    }

    @Test
    void openFolderStartsBesideTheOpenFolderOrInTheHomeFolderWhenTheSampleIsOpen() throws Exception {
        sampleHomeInThisTest();
        MainViewModel vm = allFour();
        vm.openSampleData();
        assertThat(vm.folderChooserStart()).as("not inside the app's data folder")
                .isEqualTo(Path.of(System.getProperty("user.home")));

        vm.openFolder(input);
        assertThat(vm.folderChooserStart()).isEqualTo(dir.toAbsolutePath());

        vm.openSampleData();
        assertThat(vm.folderChooserStart()).as("beside the user's last folder").isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void afterAnUpdateTheOutOfDateNoticeSaysAnotherVersionMadeTheLastRunNotThatTheFolderChanged() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        Path out = vm.outputDirProperty().get();
        // What an update leaves behind: every stage's outputs fingerprinted by the old build (so stale, decision 0410).
        for (StageId id : StageId.values()) {
            Path manifest = out.resolve(id.outputFolder()).resolve(com.puffy.pipeline.engine.Pipeline.STAGE_MANIFEST);
            Files.writeString(manifest, Files.readString(manifest)
                    .replaceFirst("\"fingerprint\"\\s*:\\s*\"[0-9a-f]+\"", "\"fingerprint\" : \"0123\""));
        }
        vm.openFolder(input);
        assertThat(vm.outdatedNoticeProperty().get()).as("run.json still says this build")
                .startsWith("Out of date: the folder or the settings changed since the last run, so ");
        assertThat(vm.stage(StageId.TRANSFORM).messageProperty().get())
                .startsWith("Outputs are older than the inputs or settings; last run ");

        madeByAnotherBuild(out, StageId.values());
        vm.openFolder(input);

        assertThat(vm.outdatedNoticeProperty().get()).isEqualTo("Out of date: another version of the app made the last "
                + "run (this one was installed or updated since), so Quality, Transform, Analysis, Monitoring show their "
                + "results from before. Run all (F5) to update them.");
        assertThat(vm.stage(StageId.TRANSFORM).messageProperty().get())
                .startsWith("Outputs made by another version of the app; last run ");
    }

    /** What an update leaves behind: these stages' outputs and run.json made by another build (decision 0410). */
    private static void madeByAnotherBuild(Path out, StageId... ids) throws Exception {
        String other = "f".repeat(64);
        for (StageId id : ids) {
            Path manifest = out.resolve(id.outputFolder()).resolve(com.puffy.pipeline.engine.Pipeline.STAGE_MANIFEST);
            Files.writeString(manifest, Files.readString(manifest)
                    .replaceFirst("\"fingerprint\"\\s*:\\s*\"[0-9a-f]+\"", "\"fingerprint\" : \"0123\"")
                    .replace(com.puffy.pipeline.core.AppVersion.build(), other));
        }
        Path run = out.resolve(com.puffy.pipeline.engine.Pipeline.RUN_MANIFEST);
        Files.writeString(run, Files.readString(run).replace(com.puffy.pipeline.core.AppVersion.build(), other));
    }

    @Test
    void afterAnUpdateRanQualityAloneTheOtherCardsSayAnotherVersionMadeTheirOutputsNotThatTheFolderChanged()
            throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        madeByAnotherBuild(vm.outputDirProperty().get(), StageId.values());
        vm.openFolder(input);
        fakes.ran.clear();

        vm.runStage(StageId.QUALITY);

        assertThat(fakes.ran).containsExactly(StageId.QUALITY);
        String line = "Out of date: Transform, Analysis, Monitoring show results made by another version of the app "
                + "(this one was installed or updated since). Run all (F5) to update them.";
        assertThat(vm.outdatedNoticeProperty().get()).isEqualTo(line);
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        for (StageId later : List.of(StageId.TRANSFORM, StageId.ANALYSIS, StageId.MONITOR)) {
            assertThat(vm.stage(later).getState()).isEqualTo(StageState.STALE);
            assertThat(vm.stage(later).messageProperty().get()).as(later.title())
                    .startsWith("Outputs made by another version of the app; last run ");
        }

        vm.recheckStatuses();
        vm.openFolder(input);
        assertThat(vm.outdatedNoticeProperty().get()).isEqualTo(line);
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("Up to date; last run ");
        assertThat(vm.stage(StageId.TRANSFORM).messageProperty().get())
                .startsWith("Outputs made by another version of the app; last run ");

        Files.writeString(input.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        vm.recheckStatuses();
        assertThat(vm.outdatedNoticeProperty().get()).isEqualTo("Out of date: events_20250102.csv is new since the "
                + "last run, so Quality shows its results from before, and Transform, Analysis, Monitoring show results "
                + "made by another version of the app. Run all (F5) to update them.");
    }

    @Test
    void anEmptyFolderStillSaysWhyTheScreensAreEmptyAfterF5() throws Exception {
        MainViewModel vm = vm(new com.puffy.pipeline.quality.QualityStage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        vm.openFolder(empty);
        vm.runAll();
        assertThat(vm.statusMessageProperty().get()).isEqualTo("The run failed; nothing was written.");
        assertThat(vm.nothingToShowProperty().get()).isEqualTo(empty.toAbsolutePath() + " holds no CSV file, so "
                + "every screen is empty: choose the folder that holds the daily event files (events_YYYYMMDD.csv) "
                + "with File → Open folder… (Ctrl+O).");
        Files.copy(input.resolve("events_20250101.csv"), empty.resolve("events_20250101.csv"));
        vm.recheckStatuses();
        assertThat(vm.nothingToShowProperty().get()).as("a file dropped in meanwhile").doesNotContain("no CSV");
    }

    @Test
    void aFolderOfCompressedDaysKeepsWhyTheRunFoundNothingAboveTheScreensUntilARunThereSucceeds() throws Exception {
        MainViewModel vm = vm(new com.puffy.pipeline.quality.QualityStage());
        Path packed = Files.createDirectories(dir.resolve("packed"));
        Files.write(packed.resolve("events_20250101.csv.gz"), new byte[] {0x1f, (byte) 0x8b});
        vm.openFolder(packed);
        assertThat(vm.nothingToShowProperty().get()).as("nothing known before a run").isEmpty();
        vm.runAll();
        assertThat(errors).hasSize(1);
        String why = "The last run found nothing to read. No event CSV files in " + packed.toAbsolutePath() + ": 1 file"
                + " was examined and skipped. Fix it as said below, or choose the folder that holds the daily event"
                + " files (events_YYYYMMDD.csv) with File → Open folder… (Ctrl+O):\n  events_20250101.csv.gz is compressed (gzip), not a CSV file, and was"
                + " skipped: unpack it into the same folder, so that events_20250101.csv lies there, and run again.";
        assertThat(vm.nothingToShowProperty().get()).isEqualTo(why);
        vm.recheckStatuses();
        assertThat(vm.nothingToShowProperty().get()).as("kept when the window comes back").isEqualTo(why);
        vm.openFolder(input);
        assertThat(vm.nothingToShowProperty().get()).as("another folder").isEmpty();
        vm.openFolder(packed);
        assertThat(vm.nothingToShowProperty().get()).as("gone once another folder was opened").isEmpty();
        vm.runAll();
        assertThat(vm.nothingToShowProperty().get()).isEqualTo(why);
        Files.copy(input.resolve("events_20250101.csv"), packed.resolve("events_20250101.csv"));
        vm.runAll();
        assertThat(vm.nothingToShowProperty().get()).as("a run that read the unpacked day (a header only here)")
                .startsWith("The only event file in ").doesNotContain("compressed");
    }

    @Test
    void eventFilesWithOnlyTheirHeaderSayWhyTheScreensAreEmptyAfterARunAndOnReopening() throws Exception {
        MainViewModel vm = vm(new com.puffy.pipeline.quality.QualityStage());
        Files.writeString(input.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        vm.openFolder(input);
        assertThat(vm.nothingToShowProperty().get()).as("before a run says whether rows are there").isEmpty();
        vm.runAll();
        String words = "The 2 event files in " + input.toAbsolutePath() + " hold only a header line, no events, so "
                + "every screen is empty: check that the export wrote the days' events, then run again (F5).";
        assertThat(vm.nothingToShowProperty().get()).isEqualTo(words);
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("events_20250103.csv"), "client_id,timestamp,event_name\n"
                + "c1,2025-01-03T10:00:00Z,page_view\n");
        vm.openFolder(other);
        vm.runAll();
        assertThat(vm.nothingToShowProperty().get()).as("a folder with events").isEmpty();
        vm.openFolder(input);
        assertThat(vm.nothingToShowProperty().get()).as("reopened, Quality up to date").isEqualTo(words);
        Files.delete(input.resolve("events_20250102.csv"));
        vm.openFolder(input);
        assertThat(vm.nothingToShowProperty().get()).as("one file, Quality out of date").isEmpty();
        vm.runAll();
        assertThat(vm.nothingToShowProperty().get()).isEqualTo("The only event file in " + input.toAbsolutePath()
                + " holds only a header line, no events, so every screen is empty: check that the export wrote the "
                + "days' events, then run again (F5).");
    }

    @Test
    void openingAnotherFolderForgetsTheLastFoldersTimesAndSummaries() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.stage(StageId.QUALITY).elapsedProperty().get()).endsWith(" s");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        vm.openFolder(other);
        for (StageViewModel stage : vm.stages()) {
            assertThat(stage.getState()).isEqualTo(StageState.NEVER_RUN);
            assertThat(stage.elapsedProperty().get()).as(stage.title()).isEmpty();
            assertThat(stage.summary()).as(stage.title()).isEmpty();
        }
    }

    @Test
    void aStagesSummaryNamesTheAppsButtonsNotCommandLineOptions() {
        Stage warning = qualityThat((quality, context, progress, cancellation) -> {
            quality.run(context, progress, cancellation);
            return com.puffy.pipeline.core.StageResult.of(java.util.Map.of(), List.of("The cache file is locked; "
                    + "this run works without a saved cache: choose a writable place with --cache."));
        });
        MainViewModel vm = vm(warning);
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.stage(StageId.QUALITY).summary()).singleElement().asString()
                .endsWith("choose a writable place with Change… beside Cache.");
    }

    @Test
    void theOpenFolderRenamedWhileTheAppIsOpenSaysItIsGoneAboveTheScreensAndKeepsTheLastRun() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        Path qualityOutputs = vm.stageOutput(StageId.QUALITY);
        assertThat(qualityOutputs).isDirectory();
        Files.move(input, dir.resolve("events-renamed"));
        String gone = input.toAbsolutePath() + " is no longer there (moved, renamed or deleted?), so it cannot run: "
                + "open it where it is now (File → Open folder…, Ctrl+O); the screens show its last run, kept as it was.";
        vm.recheckStatuses();
        assertThat(vm.nothingToShowProperty().get()).as("the window comes back after a rename").isEqualTo(gone);
        vm.runAll();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message()).contains(input.toAbsolutePath().toString());
        assertThat(vm.nothingToShowProperty().get()).as("after F5 and its dialog").isEqualTo(gone);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(qualityOutputs).as("the last run's outputs").isDirectory();
        Files.move(dir.resolve("events-renamed"), input);
        vm.recheckStatuses();
        assertThat(vm.nothingToShowProperty().get()).as("back where it was").isEmpty();
    }

    @Test
    void rulesBrokenOutsideTheAppBeforeAnyRunLeaveTheStagesNeverRunNotStaleOutputsThatDoNotExist() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "transform:\n  session_gap_minutes: [\n");
        new RecentFolders(prefs).rememberConfig(input, rules);
        MainViewModel vm = allFour();
        vm.openFolder(input);
        assertThat(vm.configProblemProperty().get()).contains("rules.yaml").contains("not valid YAML");
        assertThat(vm.stages()).allMatch(stage -> stage.getState() == StageState.NEVER_RUN);
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get())
                .isEqualTo("Not run yet, and cannot run until the rules load: fix them (Change… beside Rules).");
        assertThat(vm.stages()).noneMatch(stage -> stage.messageProperty().get().contains("these outputs"));
    }

    @Test
    void aStageThatFailsWithNoEarlierOutputsDoesNotClaimToHaveKeptThem() {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY, FakeStages.failing()));
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FAILED);
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).doesNotContain("previous outputs were kept");
        assertThat(vm.statusMessageProperty().get()).doesNotContain("previous outputs were kept");
    }

    @Test
    void runAllRunsEveryStageAndEndsFreshWithFullProgress() {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        assertThat(fakes.ran).containsExactly(StageId.QUALITY, StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS);
        for (StageViewModel stage : vm.stages()) {
            assertThat(stage.getState()).isEqualTo(StageState.FRESH);
            assertThat(stage.progressProperty().get()).isEqualTo(1.0);
            assertThat(stage.summary()).containsExactly(stage.id().title() + " wrote 1 row.");
            assertThat(stage.elapsedProperty().get()).endsWith(" s");
        }
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusMessageProperty().get()).startsWith("Finished 4 stages");
        assertThat(vm.lastRunProperty().get()).startsWith("Last run ");
    }

    @Test
    void runAllAgainRunsNothingWhenEverythingIsFresh() {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        fakes.ran.clear();
        vm.runAll();
        assertThat(fakes.ran).isEmpty();
        assertThat(vm.statusMessageProperty().get()).contains("up to date");
    }

    @Test
    void stagesKeptBecauseTheRerunBeforeThemCameOutTheSameSaySoOnTheirCardsAndInTheStatusBar() throws Exception {
        Stage listed = fakes.stage(StageId.QUALITY);
        // Quality reads the files' times too, as the real stage does: a day touched reruns it, with the same rows.
        Stage quality = new Stage() {
            @Override
            public StageId id() {
                return StageId.QUALITY;
            }

            @Override
            public List<String> outputs() {
                return listed.outputs();
            }

            @Override
            public Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
                return listed.configUsed(config);
            }

            @Override
            public String inputFingerprint(com.puffy.pipeline.core.RunSettings settings) {
                return listed.inputFingerprint(settings) + input.resolve("events_20250101.csv").toFile().lastModified();
            }

            @Override
            public com.puffy.pipeline.core.StageResult run(com.puffy.pipeline.core.RunContext context,
                    com.puffy.pipeline.core.Progress progress, com.puffy.pipeline.core.Cancellation cancellation)
                    throws Exception {
                return listed.run(context, progress, cancellation);
            }
        };
        MainViewModel vm = vm(quality, fakes.stage(StageId.TRANSFORM), fakes.stage(StageId.MONITOR),
                fakes.stage(StageId.ANALYSIS));
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.statusMessageProperty().get()).startsWith("Finished 4 stages in ").endsWith("s.");
        Path day = input.resolve("events_20250101.csv");
        Files.setLastModifiedTime(day, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(day).toMillis() + 60_000));
        vm.refreshStatuses();
        assertThat(vm.stage(StageId.TRANSFORM).getState()).as("not known before Quality ran")
                .isEqualTo(StageState.STALE);

        fakes.ran.clear();
        vm.runAll();
        assertThat(fakes.ran).containsExactly(StageId.QUALITY);
        assertThat(vm.stages()).allSatisfy(s -> assertThat(s.getState()).isEqualTo(StageState.FRESH));
        assertThat(vm.stage(StageId.MONITOR).messageProperty().get()).isEqualTo(
                "Up to date: Quality ran again and its outputs came out the same, so it did not need to run.");
        assertThat(vm.statusMessageProperty().get()).startsWith("Finished 1 stage in ").endsWith(". Transform, "
                + "Monitoring and Analysis did not need to run: Quality ran again and its outputs came out the same.");
    }

    @Test
    void runningALaterStageRunsTheStaleEarlierOnesFirst() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        Files.writeString(input.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        vm.refreshStatuses();
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.STALE);
        fakes.ran.clear();
        vm.runStage(StageId.TRANSFORM);
        assertThat(fakes.ran).containsExactly(StageId.QUALITY, StageId.TRANSFORM);
        assertThat(vm.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
    }

    @Test
    void aStageNotInTheBuildIsShownUnavailableAndCannotRun() {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY));
        vm.openFolder(input);
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.UNAVAILABLE);
        assertThat(vm.stage(StageId.MONITOR).isAvailable()).isFalse();
        vm.runStage(StageId.TRANSFORM);
        assertThat(fakes.ran).isEmpty();
        assertThat(errors).singleElement().extracting(UiError::message).asString().contains("not available");
        vm.runAll();
        assertThat(fakes.ran).containsExactly(StageId.QUALITY);
    }

    @Test
    void cancellingKeepsThePreviousOutputsAndSaysCancelled() throws Exception {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY, c -> vmRef.get().cancel()));
        vm.openFolder(input);
        vm.runAll();
        StageViewModel quality = vm.stage(StageId.QUALITY);
        assertThat(quality.getState()).isEqualTo(StageState.CANCELLED);
        assertThat(vm.statusMessageProperty().get()).startsWith("Run cancelled");
        Path out = vm.outputDirProperty().get();
        assertThat(out.resolve("quality")).doesNotExist();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-"));
        }
    }

    @Test
    void cancellingInTheFirstStageSaysWhatEachStageKeptAndTheUntouchedOnesStayUpToDate() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY, c -> {
            if (armed.get()) {
                vmRef.get().cancel();
            }
        }), fakes.stage(StageId.TRANSFORM), fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS));
        vm.openFolder(input);
        vm.runAll();
        armed.set(true);
        vm.rerunAll();
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Run cancelled in Quality, which kept its previous "
                + "outputs; Transform, Analysis, Monitoring did not start. Run all (F5) runs what is not up to date.");
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.CANCELLED);
        for (StageId id : List.of(StageId.TRANSFORM, StageId.ANALYSIS, StageId.MONITOR)) {
            StageViewModel stage = vm.stage(id);
            assertThat(stage.getState()).as(stage.title()).isEqualTo(StageState.FRESH);
            assertThat(stage.messageProperty().get()).as(stage.title())
                    .isEqualTo("Not run this time: the run stopped before it.");
        }
        assertThat(vm.runningProperty().get()).isFalse();
        armed.set(false);
        vm.runAll();
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));
    }

    @Test
    void cancellingALaterStageOnAFirstRunNamesWhatFinishedAndWhatWroteNothing() {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM,
                c -> vmRef.get().cancel()), fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS));
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Run cancelled in Transform, which wrote nothing; "
                + "Quality has new outputs; Analysis, Monitoring did not start. Run all (F5) runs what is not up to date.");
    }

    /** What a test's Quality does in place of the fake's run; {@code quality} is the fake, to call when it should. */
    @FunctionalInterface
    interface QualityRun {
        com.puffy.pipeline.core.StageResult run(Stage quality, com.puffy.pipeline.core.RunContext context,
                com.puffy.pipeline.core.Progress progress, com.puffy.pipeline.core.Cancellation cancellation)
                throws Exception;
    }

    /** Quality as {@link FakeStages} makes it, except that its run is {@code body}. */
    private Stage qualityThat(QualityRun body) {
        Stage quality = fakes.stage(StageId.QUALITY);
        return new Stage() {
            @Override
            public StageId id() {
                return quality.id();
            }

            @Override
            public List<String> outputs() {
                return quality.outputs();
            }

            @Override
            public String inputFingerprint(RunSettings settings) {
                return quality.inputFingerprint(settings);
            }

            @Override
            public Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
                return quality.configUsed(config);
            }

            @Override
            public com.puffy.pipeline.core.StageResult run(com.puffy.pipeline.core.RunContext context,
                    com.puffy.pipeline.core.Progress progress, com.puffy.pipeline.core.Cancellation cancellation)
                    throws Exception {
                return body.run(quality, context, progress, cancellation);
            }
        };
    }

    @Test
    void aFullDiskSaysToFreeSpaceOrChangeTheOutputFolderInTheAppsWordsAndKeepsTheOutputs() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean full = new java.util.concurrent.atomic.AtomicBoolean();
        MainViewModel vm = vm(qualityThat((quality, context, progress, cancellation) -> {
            if (full.get()) {
                throw new java.nio.file.FileSystemException("validated_events.csv", null, "No space left on device");
            }
            return quality.run(context, progress, cancellation);
        }));
        vm.openFolder(input);
        vm.runAll();
        Path out = vm.outputDirProperty().get();
        String before = Files.readString(out.resolve("quality/quality.csv"));
        full.set(true);
        vm.rerunAll();
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message()).isEqualTo(
                "The Quality stage ran out of disk space writing to " + out + " (No space left on device): free some "
                        + "space there, or choose another folder with Change… beside Output (File → Change output "
                        + "folder…), then run again; the previous outputs were kept."));
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FAILED);
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).isEqualTo("Failed; the previous outputs were kept.");
        assertThat(vm.statusMessageProperty().get()).isEqualTo("The run failed; the previous outputs were kept.");
        assertThat(Files.readString(out.resolve("quality/quality.csv"))).isEqualTo(before);
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void anOutputFolderThatCannotBeCreatedNamesTheCulpritAndTheAppsButton() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        vm.setOutputDir(file.resolve("outputs"));
        vm.runAll();
        assertThat(errors).singleElement().extracting(UiError::message).isEqualTo("The output folder "
                + file.resolve("outputs") + " cannot be created (" + file + " is a file, not a folder): choose another "
                + "with Change… beside Output (File → Change output folder…).");
        assertThat(vm.statusMessageProperty().get()).isEqualTo("The run failed; nothing was written.");
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isNotEqualTo(StageState.RUNNING)
                .isNotEqualTo(StageState.WAITING));
    }

    @Test
    void aFailingStageSaysFailedAndShowsTheEnginesSentence() {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY, FakeStages.failing()));
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FAILED);
        assertThat(errors).singleElement().extracting(UiError::message)
                .isEqualTo("events_20250101.csv cannot be read: check its permissions.");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aDayDroppedIntoTheFolderMakesTheBadgesStaleWhenTheWindowComesBackWithoutReloadingTheScreens()
            throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        int version = vm.outputsVersionProperty().get();
        vm.recheckStatuses();
        assertThat(vm.stages()).allSatisfy(s -> assertThat(s.getState()).isEqualTo(StageState.FRESH));
        assertThat(vm.statusMessageProperty().get()).startsWith("Finished 4 stages");

        Files.writeString(input.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        vm.recheckStatuses();
        assertThat(vm.stages()).allSatisfy(s -> assertThat(s.getState()).isEqualTo(StageState.STALE));
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).isEqualTo("events_20250102.csv is new since "
                + "the last run; run again to bring the outputs up to date.");
        assertThat(vm.statusMessageProperty().get()).isEqualTo("events_20250102.csv is new since the last run: "
                + "Quality, Transform, Analysis, Monitoring are out of date. Run all (F5) to bring them up to date.");
        assertThat(vm.outputsVersionProperty().get()).isEqualTo(version);

        Files.delete(input.resolve("events_20250102.csv"));
        vm.recheckStatuses();
        assertThat(vm.stages()).allSatisfy(s -> assertThat(s.getState()).isEqualTo(StageState.FRESH));
    }

    @Test
    void reopeningAFolderADayWasAddedToNamesTheFileAndWhatIsOutOfDate() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        vm.openFolder(other);
        Files.writeString(input.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        vm.openFolder(input);
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Opened " + input.toAbsolutePath() + ": "
                + "events_20250102.csv is new since the last run, so Quality, Transform, Analysis, Monitoring are out "
                + "of date. Run all (F5) brings them up to date.");
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("events_20250102.csv is new");

        vm.runAll();
        Files.delete(input.resolve("events_20250101.csv"));
        Files.writeString(input.resolve("events_20250103.csv"), "client_id,timestamp,event_name\n");
        Files.writeString(input.resolve("events_20250104.csv"), "client_id,timestamp,event_name\n");
        vm.recheckStatuses();
        assertThat(vm.statusMessageProperty().get()).startsWith("2 files (events_20250103.csv, events_20250104.csv) "
                + "are new and events_20250101.csv is gone since the last run: Quality, Transform");
    }

    @Test
    void aChangeThatAddsOrRemovesNoFileKeepsTheGeneralWords() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\nc1,t,page_view\n");
        vm.recheckStatuses();
        assertThat(vm.statusMessageProperty().get()).startsWith("The folder or the rules changed: Quality, ");
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("The folder or the settings changed");
    }

    @Test
    void theWindowComingToTheFrontIsWhatRechecks() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        javafx.beans.property.SimpleBooleanProperty focused = new javafx.beans.property.SimpleBooleanProperty(true);
        StudioApp.recheckWhenFocused(focused, vm);
        focused.set(false);
        Files.writeString(input.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        focused.set(true);
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.STALE);
    }

    @Test
    void aFailedStageKeepsSayingSoWhenTheWindowComesBack() throws Exception {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY, FakeStages.failing()));
        vm.openFolder(input);
        vm.runAll();
        Files.writeString(input.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        vm.recheckStatuses();
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FAILED);
    }

    @Test
    void firstStartWithoutFolderOpensTheSampleData() {
        sampleHomeInThisTest();
        MainViewModel vm = allFour();
        vm.startup(null);
        assertThat(vm.inputDirProperty().get()).isEqualTo(dir.resolve("home").resolve("sample-data").toAbsolutePath());
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Opened the sample data ("
                + dir.resolve("home").resolve("sample-data").toAbsolutePath() + "): Run all (F5) to see what the "
                + "checks find in it, or open your own folder of daily event files (Ctrl+O).");
    }

    @Test
    void aFolderOpenedWhileTheSampleIsPreparedIsNotReplacedByItAndF5MeanwhileSaysWhy() {
        sampleHomeInThisTest();
        List<Runnable> held = new ArrayList<>();
        MainViewModel vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY))),
                UiThreads.holding(held), new RecentFolders(prefs), d -> Files.createDirectories(d),
                Clock.systemUTC());
        vm.onError(errors::add);
        vm.startup(null);
        vm.runAll();
        assertThat(errors).isEmpty();
        assertThat(vm.statusMessageProperty().get()).isEqualTo("The sample data is still being prepared: press "
                + "Run all (F5) again once it has opened.");
        vm.openFolder(input);
        held.remove(0).run();
        assertThat(vm.inputDirProperty().get()).isEqualTo(input.toAbsolutePath());
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void startupPrefersTheFolderGivenThenTheLastOneOpened() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        MainViewModel first = allFour();
        first.openFolder(other);
        MainViewModel vm = allFour();
        vm.startup(null);
        assertThat(vm.inputDirProperty().get()).isEqualTo(other.toAbsolutePath());
        vm.startup(input);
        assertThat(vm.inputDirProperty().get()).isEqualTo(input.toAbsolutePath());
    }

    @Test
    void changingTheOutputFolderMovesWhereStatusesAreRead() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        vm.setOutputDir(dir.resolve("elsewhere"));
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.NEVER_RUN);
        assertThat(vm.settings().outputDir()).isEqualTo(dir.resolve("elsewhere").toAbsolutePath());
    }

    @Test
    void theCacheCanBeTurnedOffOrMoved() {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        assertThat(vm.settings().cacheFile()).isNull();
        vm.setCacheFile(dir.resolve("my.sqlite"));
        assertThat(vm.settings().cacheFile()).isEqualTo(dir.resolve("my.sqlite").toAbsolutePath());
    }

    @Test
    void aBadConfigurationFileIsReportedBeforeAnythingRuns() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        errors.clear();
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "quality:\n  no_such_key: 1\n");
        vm.setConfigFile(config);
        vm.runAll();
        assertThat(fakes.ran).isEmpty();
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(errors.size() - 1).message()).contains("bad.yaml");
    }

    @Test
    void reopeningAFolderShowsTheLastRunsSummaryWithoutRunning() {
        MainViewModel first = allFour();
        first.openFolder(input);
        first.runAll();
        fakes.ran.clear();
        MainViewModel again = allFour();
        again.openFolder(input);
        StageViewModel quality = again.stage(StageId.QUALITY);
        assertThat(fakes.ran).isEmpty();
        assertThat(quality.getState()).isEqualTo(StageState.FRESH);
        assertThat(quality.summary()).containsExactly("Quality wrote 1 row.");
        assertThat(quality.messageProperty().get()).startsWith("Up to date; last run ");
        assertThat(again.lastRunProperty().get()).startsWith("Last run ").isNotEqualTo("No run yet");
    }

    // ---- as-of date ------------------------------------------------------------------------------------------

    private static final java.time.LocalDate ARCHIVE_END = java.time.LocalDate.of(2025, 1, 2);

    @Test
    void aFolderIsJudgedAsOfTodayUntilADateIsSetAndTodayBringsItBack() {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(vm.asOfProperty().get()).isNull();
        assertThat(vm.asOfDefaultProperty().get()).isEqualTo("today (" + today + ")");
        assertThat(vm.settings().asOf()).isEqualTo(today);

        vm.setAsOf(ARCHIVE_END);
        assertThat(vm.settings().asOf()).isEqualTo(ARCHIVE_END);
        assertThat(vm.statusMessageProperty().get()).contains("as of 2025-01-02").contains("run Monitoring");

        vm.resetAsOf();
        assertThat(vm.asOfProperty().get()).isNull();
        assertThat(vm.settings().asOf()).isEqualTo(today);
    }

    @Test
    void midnightUtcMakesMonitoringOutOfDateAtOnceAndSaysWhyWhenAsOfIsToday() {
        MovingClock clock = new MovingClock("2026-11-26T23:59:30Z");
        MainViewModel vm = vm(clock, fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM),
                fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS));
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.asOfDefaultProperty().get()).isEqualTo("today (2026-11-26)");
        vm.tick();
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.FRESH);

        clock.now = java.time.Instant.parse("2026-11-27T00:00:01Z");
        vm.tick();
        assertThat(vm.asOfDefaultProperty().get()).isEqualTo("today (2026-11-27)");
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.ANALYSIS).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.statusMessageProperty().get()).contains("new day").contains("2026-11-27").contains("F5");

        fakes.ran.clear();
        vm.runAll();
        assertThat(fakes.ran).containsExactly(StageId.MONITOR, StageId.ANALYSIS);
        assertThat(fakes.monitoredAsOf).last().isEqualTo(java.time.LocalDate.of(2026, 11, 27));
    }

    @Test
    void aDateTheUserSetDoesNotMoveAtMidnight() {
        MovingClock clock = new MovingClock("2026-11-26T23:59:30Z");
        MainViewModel vm = vm(clock, fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM),
                fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS));
        vm.openFolder(input);
        vm.setAsOf(ARCHIVE_END);
        vm.runAll();
        clock.now = java.time.Instant.parse("2026-11-27T00:00:01Z");
        vm.tick();
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.settings().asOf()).isEqualTo(ARCHIVE_END);
        assertThat(vm.statusMessageProperty().get()).doesNotContain("new day");
    }

    @Test
    void theSampleDataKeepsItsOwnDateUnlessOneIsSet() {
        sampleHomeInThisTest();
        MainViewModel vm = allFour();
        vm.openSampleData();
        assertThat(vm.asOfDefaultProperty().get()).isEqualTo("2025-03-09 (sample)");
        assertThat(vm.settings().asOf()).isEqualTo(com.puffy.pipeline.generate.SampleData.AS_OF);
        vm.setAsOf(java.time.LocalDate.of(2025, 4, 1));
        assertThat(vm.settings().asOf()).isEqualTo(java.time.LocalDate.of(2025, 4, 1));
        vm.resetAsOf();
        assertThat(vm.settings().asOf()).isEqualTo(com.puffy.pipeline.generate.SampleData.AS_OF);
    }

    @Test
    void anotherAsOfDateMakesMonitoringAndTheReportOutOfDateButNotQualityOrTransform() {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        vm.runAll();
        fakes.ran.clear();
        vm.setAsOf(ARCHIVE_END);
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.ANALYSIS).getState()).as("the report summarizes the alerts").isEqualTo(StageState.STALE);

        vm.runAll();
        assertThat(fakes.ran).containsExactly(StageId.MONITOR, StageId.ANALYSIS);
        assertThat(fakes.monitoredAsOf).last().isEqualTo(ARCHIVE_END);
        assertThat(vm.stages()).allSatisfy(s -> assertThat(s.getState()).isEqualTo(StageState.FRESH));

        vm.resetAsOf();
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
    }

    @Test
    void theAsOfDateIsRememberedPerFolderAcrossRestarts() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        MainViewModel first = allFour();
        first.openFolder(input);
        first.setAsOf(ARCHIVE_END);
        first.openFolder(other);
        assertThat(first.asOfProperty().get()).as("another folder keeps its own default").isNull();
        assertThat(first.settings().asOf()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC));

        MainViewModel again = allFour();
        again.openFolder(input);
        assertThat(again.asOfProperty().get()).isEqualTo(ARCHIVE_END);
        assertThat(again.settings().asOf()).isEqualTo(ARCHIVE_END);
        again.resetAsOf();
        assertThat(allFour().asOfProperty().get()).isNull();
        MainViewModel third = allFour();
        third.openFolder(input);
        assertThat(third.asOfProperty().get()).isNull();
    }

    @Test
    void theAsOfDateCannotChangeDuringARun() {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY, c -> vmRef.get().setAsOf(ARCHIVE_END)));
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.asOfProperty().get()).isNull();
    }

    @Test
    void freshnessAdviceNamesTheAsOfControlInsteadOfTheCommandLineOption() {
        assertThat(UiError.inTheAppsWords("Check the export job and the file transfer for the days after 2025-01-03; "
                + "if you are analysing an older folder on purpose, pass --as-of 2025-01-04."))
                .isEqualTo("Check the export job and the file transfer for the days after 2025-01-03; if you are "
                        + "analysing an older folder on purpose, set As of (in the header) to 2025-01-04.");
        assertThat(UiError.inTheAppsWords("The as-of date 2024-12-31 lies before the data's last day 2025-01-03, so "
                + "FRESHNESS was not checked: pass an --as-of date on or after 2025-01-03, or leave --as-of out to "
                + "check against today."))
                .isEqualTo("The as-of date 2024-12-31 lies before the data's last day 2025-01-03, so FRESHNESS was "
                        + "not checked: set As of (in the header) to a date on or after 2025-01-03, or press Today "
                        + "beside it to check against today.");
    }

    private static final String[] RUN_HINTS = {"Run Quality.", "Run Transform.", "Run Analysis.", "Run Monitoring."};

    /** What each screen would say with nothing to show, in StageId's order, given the run hints above. */
    private static List<String> emptyStates(MainViewModel vm) {
        List<String> said = new ArrayList<>();
        for (StageId id : StageId.values()) {
            said.add(vm.noOutputsHint(id, RUN_HINTS[id.ordinal()]));
        }
        return said;
    }

    @Test
    void screensThatHaveNeverRunSayHowToRunThem() {
        MainViewModel vm = allFour();
        vm.openFolder(input);
        assertThat(emptyStates(vm)).containsExactly(RUN_HINTS);
    }

    @Test
    void afterQualityFoundNothingToReadEveryScreenPointsAtTheReasonsAboveNotAtRunningIt() {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY, FakeStages.failing()), fakes.stage(StageId.TRANSFORM),
                fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS));
        vm.openFolder(input);
        vm.runAll();
        assertThat(vm.nothingToShowProperty().get()).as("the reasons above the screens").isNotEmpty();
        String next = ". The reasons are in the line above the screens: do what it says, then run again (F5).";
        List<String> expected = List.of("The last run of Quality failed, so it has nothing to show" + next,
                "Transform did not run: Quality, which it needs, failed in the last run" + next,
                "Analysis did not run: Quality, which it needs, failed in the last run" + next,
                "Monitoring did not run: Quality, which it needs, failed in the last run" + next);
        assertThat(emptyStates(vm)).isEqualTo(expected);
        vm.recheckStatuses();
        assertThat(emptyStates(vm)).as("when the window comes back").isEqualTo(expected);
        vm.openFolder(input);
        assertThat(emptyStates(vm)).as("on reopening the folder, whose card no longer says failed")
                .isEqualTo(expected);
    }

    @Test
    void afterTransformFailedItsScreenAndTheStagesAfterItSaySoAndPointAtTheRunsMessage() {
        MainViewModel vm = vm(fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM, c -> {
            throw new IllegalStateException("No space left on device");
        }), fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS));
        vm.openFolder(input);
        vm.runAll();
        assertThat(errors).hasSize(1);
        assertThat(vm.nothingToShowProperty().get()).as("not a failure of the folder's files").isEmpty();
        String next = ". The run's error message said why: fix that, then run again (F5).";
        assertThat(emptyStates(vm)).containsExactly("Run Quality.",
                "The last run of Transform failed, so it has nothing to show" + next,
                "Analysis did not run: Transform, which it needs, failed in the last run" + next,
                "Monitoring did not run: Transform, which it needs, failed in the last run" + next);
    }

    @Test
    void aFolderWithoutCsvFilesSendsEveryScreenToTheLineAboveRatherThanToARun() throws Exception {
        MainViewModel vm = allFour();
        vm.openFolder(Files.createDirectories(dir.resolve("nothing")));
        assertThat(emptyStates(vm)).containsOnly("Nothing to show here: the line above the screens says why and what "
                + "to do.");
    }

    /**
     * The real stages run once over a day of 1 event after 7 days of 1,000 in {@code cache}: Monitoring's baselines
     * used those 7 days.
     */
    private MainViewModel ranAllWithAWeekOfHistoryIn(Path cache) throws Exception {
        Files.writeString(input.resolve("events_20250101.csv"), """
                client_id,page_url,referrer,timestamp,event_name,event_data,user_agent
                1735725600-eZQEpM832bnh,https://puffy.com/,,2025-01-01T10:00:00.000Z,page_viewed,,Mozilla/5.0
                """);
        try (com.puffy.pipeline.cache.StudioCache c = com.puffy.pipeline.cache.StudioCache.open(cache)) {
            for (int back = 1; back <= 7; back++) {
                c.storeDailyMetrics(input.toRealPath().toString(), java.time.LocalDate.of(2025, 1, 1).minusDays(back),
                        java.util.Map.of("events", 1000.0, "sessions", 1000.0));
            }
        }
        MainViewModel vm = vm(com.puffy.pipeline.StudioEngine.standardStages().toArray(Stage[]::new));
        vm.setCacheFile(cache);
        vm.openFolder(input);
        vm.setAsOf(java.time.LocalDate.of(2025, 1, 2));
        vm.runAll();
        return vm;
    }

    /**
     * Decision 0818, as the app shows it: Monitoring's card follows the cache's history its baselines read, not the
     * cache's path. Another cache file holding the same days (the command line's default cache under another HOME)
     * leaves it up to date; the cache deleted, the card says it is out of date and why.
     */
    @Test
    void monitoringsCardFollowsTheHistoryInTheCacheNotItsPath() throws Exception {
        Path cache = dir.resolve("app-home/cache.sqlite");
        MainViewModel vm = ranAllWithAWeekOfHistoryIn(cache);
        Path copy = Files.copy(cache, Files.createDirectories(dir.resolve("cli-home")).resolve("cache.sqlite"));

        vm.setCacheFile(copy);
        vm.openFolder(input);
        assertThat(vm.stages()).allMatch(stage -> stage.getState() == StageState.FRESH);

        Files.delete(copy);
        vm.openFolder(input);

        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.ANALYSIS).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.stage(StageId.MONITOR).messageProperty().get()).startsWith("Its baselines used 7 earlier days "
                + "(2024-12-25 to 2024-12-31) from the cache's metric history in " + cache.toAbsolutePath()
                + ", and the cache file named now, " + copy.toAbsolutePath() + ", is not there yet: ")
                .contains(" Last run ");
        assertThat(Files.exists(copy)).as("the app's status check made no cache").isFalse();
    }

    /**
     * The line above the screens said "the folder or the settings changed" when neither had: it gives the engine's
     * words for Monitoring (decision 0820), once, as its card does, and names Analysis, which shows results from
     * before too.
     */
    @Test
    void theLineAboveTheScreensSaysWhatBecameOfMonitoringsHistoryNotTheFolderOrTheSettings() throws Exception {
        Path cache = dir.resolve("app-home/cache.sqlite");
        MainViewModel vm = ranAllWithAWeekOfHistoryIn(cache);
        assertThat(vm.outdatedNoticeProperty().get()).isEmpty();

        Files.delete(cache);
        vm.openFolder(input);

        assertThat(vm.outdatedNoticeProperty().get()).isEqualTo("Out of date: Analysis, Monitoring show their "
                + "results from before. Monitoring: Its baselines used 7 earlier days (2024-12-25 to 2024-12-31) "
                + "from the cache's metric history, and the cache file " + cache.toAbsolutePath() + " is not there: "
                + "its alerts are not those a run gives now, with only the folder's own days for baselines. Run all "
                + "(F5) to update them.");
        assertThat(vm.stage(StageId.MONITOR).messageProperty().get()).as("the card's words, the same")
                .startsWith("Its baselines used 7 earlier days (2024-12-25 to 2024-12-31) from the cache's metric "
                        + "history, and the cache file " + cache.toAbsolutePath() + " is not there: its alerts are "
                        + "not those a run gives now, with only the folder's own days for baselines. Last run ");
    }

    /**
     * A look when the window comes back (or a run that left Monitoring out) finding Monitoring out of date because of
     * the cache's history said "The folder or the rules changed: …" in the status bar and "Inputs or settings changed"
     * on the card, though neither had: both say the engine's words, as the line above the screens does.
     */
    @Test
    void aLookOrARunThatFindsMonitoringsHistoryGoneSaysTheEnginesReasonNotTheFolderOrTheRules() throws Exception {
        Path cache = dir.resolve("app-home/cache.sqlite");
        MainViewModel vm = ranAllWithAWeekOfHistoryIn(cache);
        String why = "Its baselines used 7 earlier days (2024-12-25 to 2024-12-31) from the cache's metric history, "
                + "and the cache file " + cache.toAbsolutePath() + " is not there: its alerts are not those a run "
                + "gives now, with only the folder's own days for baselines.";

        Path kept = Files.copy(cache, dir.resolve("kept.sqlite"));
        Files.delete(cache);
        vm.recheckStatuses();

        assertThat(vm.statusMessageProperty().get()).isEqualTo("Analysis, Monitoring are out of date. Monitoring: "
                + why + " Run all (F5) to bring them up to date.");
        assertThat(vm.stage(StageId.MONITOR).messageProperty().get()).isEqualTo(why + " Run again to bring its "
                + "outputs up to date.");

        Files.copy(kept, cache);
        vm.recheckStatuses();
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.FRESH);
        Files.delete(cache);
        vm.runStage(StageId.QUALITY);

        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.MONITOR).messageProperty().get()).as("after a run that did not include it")
                .startsWith("Its baselines used 7 earlier days (2024-12-25 to 2024-12-31) from the cache's metric "
                        + "history, and the cache file " + cache.toAbsolutePath()).endsWith(" Run again to bring its "
                        + "outputs up to date.");
    }
}
