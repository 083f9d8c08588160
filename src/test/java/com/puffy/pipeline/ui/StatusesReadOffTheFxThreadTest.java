package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a folder, a window switch, a look that saw the folder change, the end of a run, another as-of date and rules
 * chosen read the rules file on the FX thread (decision 0831): a slow disk, a network folder or a large rules file froze
 * the window. Here the test's thread plays the FX thread: the loaders' work waits in a queue until the test runs it,
 * what they post for the FX thread waits in another, and every file the FX thread touches is noted.
 */
class StatusesReadOffTheFxThreadTest {
    private static final String HEADER = "client_id,timestamp,event_name\n";

    @TempDir
    Path dir;
    Path input;
    Path rules;
    Preferences prefs;
    final List<UiError> errors = new ArrayList<>();
    final FakeStages fakes = new FakeStages();
    final Deque<Runnable> loaders = new ArrayDeque<>();
    final Deque<Runnable> fxUpdates = new ArrayDeque<>();
    final List<String> touchedOnTheFxThread = new ArrayList<>();
    private boolean onALoader;
    MainViewModel vm;

    /** Loader work waits for the test; what it posts waits for the FX thread, which runs its own posts at once. */
    private final UiThreads threads = new UiThreads() {
        @Override
        public void background(Runnable work) {
            loaders.add(work);
        }

        @Override
        public void fx(Runnable update) {
            if (onALoader) {
                fxUpdates.add(update);
            } else {
                update.run();
            }
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), HEADER);
        rules = Files.writeString(dir.resolve("rules.yaml"), "transform:\n  session_gap_minutes: 30\n");
        prefs = Preferences.userRoot().node("eventpipe-test/statuses-" + System.nanoTime());
        vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM),
                fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS))), threads, new RecentFolders(prefs),
                d -> d, new MovingClock("2026-11-27T10:00:00Z"));
        vm.onError(errors::add);
        vm.cacheEnabledProperty().set(false);
        // Opening lists the folder on the FX thread to say at once whether it holds event files: not watched here.
        vm.openFolder(input);
        settle();
        onTheFxThread(() -> vm.setConfigFile(rules));
        settle();
        onTheFxThread(vm::runAll);
        settle();
        assertThat(fakes.ran).hasSize(4);
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private void onTheFxThread(Runnable action) {
        touchedOnTheFxThread.addAll(FilesTouched.byThisThreadUnder(dir, action));
    }

    /** One loader's work, off the FX thread; what it posts waits in {@link #fxUpdates}. */
    private void runOneLoader() {
        onALoader = true;
        try {
            loaders.removeFirst().run();
        } finally {
            onALoader = false;
        }
    }

    /** The FX thread's updates (watched) and the loaders' work, in turn, until neither has any left. */
    private void settle() {
        while (!loaders.isEmpty() || !fxUpdates.isEmpty()) {
            if (!fxUpdates.isEmpty()) {
                onTheFxThread(fxUpdates.removeFirst());
            } else {
                runOneLoader();
            }
        }
    }

    @Test
    void refreshesReadTheRulesFileAndTheOutputsOffTheFxThreadAndShowWhatTheyRead() throws Exception {
        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        onTheFxThread(vm::recheckStatuses);
        assertThat(vm.stage(StageId.QUALITY).getState()).as("nothing shown before it was read").isEqualTo(StageState.FRESH);
        settle();
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.outdatedNoticeProperty().get()).startsWith("Out of date: events_20250102.csv is new");

        onTheFxThread(() -> vm.setAsOf(LocalDate.of(2025, 1, 9)));
        settle();
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);

        onTheFxThread(vm::runAll);
        settle();
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));

        assertThat(touchedOnTheFxThread).as("files the FX thread touched (rules chosen, a recheck, another as-of date, "
                + "two runs and their ends)").isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void rulesBrokenInAnotherProgramAreSaidAsBeforeOnceReadOffTheFxThread() throws Exception {
        Files.writeString(rules, "transform:\n  session_gap_minutes: [30\n");
        onTheFxThread(vm::recheckStatuses);
        assertThat(vm.configProblemProperty().get()).as("not read on the FX thread").isEmpty();
        settle();

        String problem = vm.configProblemProperty().get();
        assertThat(problem).contains("rules.yaml", "not valid YAML", "Nothing runs until the rules load");
        assertThat(vm.statusMessageProperty().get()).isEqualTo(problem);
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("The rules do not load");
        assertThat(errors).as("a window switch raises no dialog").isEmpty();

        onTheFxThread(() -> vm.setConfigFile(rules));
        settle();
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message()).contains("rules.yaml"));
        assertThat(touchedOnTheFxThread).isEmpty();
    }

    @Test
    void aReadingOvertakenByANewerOneDoesNotPutItsOlderStatusesBack() throws Exception {
        onTheFxThread(vm::recheckStatuses);
        runOneLoader();
        Runnable olderShows = fxUpdates.removeFirst();
        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        onTheFxThread(vm::recheckStatuses);
        assertThat(loaders).as("one reading at a time").isEmpty();

        onTheFxThread(olderShows);
        assertThat(loaders).as("read again for the newer one").hasSize(1);
        settle();

        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("events_20250102.csv is new");
        assertThat(vm.outdatedNoticeProperty().get()).startsWith("Out of date: events_20250102.csv is new");
    }

    @Test
    void askedAgainWhileEachReadingReadsTheLastAskIsWhatShows() throws Exception {
        onTheFxThread(vm::recheckStatuses);
        runOneLoader();
        Runnable olderShows = fxUpdates.removeFirst();
        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        onTheFxThread(vm::recheckStatuses);
        onTheFxThread(olderShows);
        runOneLoader();
        Files.delete(input.resolve("events_20250102.csv"));
        onTheFxThread(vm::recheckStatuses);
        onTheFxThread(fxUpdates.removeFirst());
        settle();

        assertThat(vm.stage(StageId.QUALITY).getState()).as("as the folder is now").isEqualTo(StageState.FRESH);
        assertThat(vm.outdatedNoticeProperty().get()).isEmpty();
    }

    @Test
    void aWindowSwitchRightAfterAnotherAsOfDateStillShowsEverythingThatDateChanged() {
        int screensReloaded = vm.outputsVersionProperty().get();
        onTheFxThread(() -> vm.setAsOf(LocalDate.of(2025, 1, 9)));
        onTheFxThread(vm::recheckStatuses);
        settle();

        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
        assertThat(vm.stage(StageId.MONITOR).messageProperty().get()).as("the words of opening, not of a recheck")
                .containsIgnoringCase("last run ").doesNotContainIgnoringCase("run again");
        assertThat(vm.outputsVersionProperty().get()).as("the screens read again").isGreaterThan(screensReloaded);
    }

    @Test
    void aReadingBegunBeforeARunShowsNothingAfterIt() throws Exception {
        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        onTheFxThread(vm::recheckStatuses);
        runOneLoader();
        Runnable beforeTheRunShows = fxUpdates.removeFirst();

        onTheFxThread(vm::runAll);
        settle();
        onTheFxThread(beforeTheRunShows);
        settle();

        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("Finished at ");
        assertThat(vm.outdatedNoticeProperty().get()).isEmpty();
    }

    @Test
    void aWindowClosedMeanwhileIsSentNothingAndReadsNothing() throws Exception {
        vm.windowShowingProperty().set(true);
        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        onTheFxThread(vm::recheckStatuses);
        runOneLoader();

        vm.windowShowingProperty().set(false);
        settle();
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.outdatedNoticeProperty().get()).isEmpty();

        vm.recheckStatuses();
        assertThat(loaders).as("nothing read for a closed window").isEmpty();
    }
}
