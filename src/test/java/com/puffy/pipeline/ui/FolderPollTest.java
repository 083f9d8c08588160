package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open folder looked at while the window stays in front (decision 0755): every look and every reading of the
 * statuses runs inline here, and the clock moves only when the test moves it.
 */
class FolderPollTest {
    private static final String HEADER = "client_id,timestamp,event_name\n";
    private static final String ADDED = "Out of date: events_20250102.csv is new since the last run, so Quality, "
            + "Transform, Analysis, Monitoring show their results from before. Run all (F5) to update them.";

    @TempDir
    Path dir;
    Path input;
    Preferences prefs;
    final FakeStages fakes = new FakeStages();
    final MovingClock clock = new MovingClock("2026-11-27T10:00:00Z");
    final AtomicReference<MainViewModel> vmRef = new AtomicReference<>();
    final List<UiError> errors = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), HEADER);
        prefs = Preferences.userRoot().node("eventpipe-test/poll-" + System.nanoTime());
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
        assertThat(errors).isEmpty();
    }

    private MainViewModel vm(java.util.function.Consumer<com.puffy.pipeline.core.Cancellation> duringTransform) {
        MainViewModel vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY),
                fakes.stage(StageId.TRANSFORM, duringTransform), fakes.stage(StageId.MONITOR),
                fakes.stage(StageId.ANALYSIS))), UiThreads.direct(), new RecentFolders(prefs), d -> d, clock);
        vm.onError(errors::add);
        vm.cacheEnabledProperty().set(false);
        vm.windowShowingProperty().set(true);
        vmRef.set(vm);
        return vm;
    }

    /** One tick of the window's clock, a look's interval after the last. */
    private void aLookLater(MainViewModel vm) {
        clock.advance(FolderPoll.INTERVAL);
        vm.tick();
    }

    @Test
    void aDayDroppedInWhileTheWindowStaysInFrontIsNamedAboveTheScreensWithoutAFocusChangeAndNothingRuns()
            throws Exception {
        MainViewModel vm = vm(cancellation -> { });
        vm.openFolder(input);
        vm.runAll();
        fakes.ran.clear();
        aLookLater(vm);
        assertThat(vm.outdatedNoticeProperty().get()).isEmpty();

        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        aLookLater(vm);
        aLookLater(vm);

        assertThat(vm.outdatedNoticeProperty().get()).isEqualTo(ADDED);
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.STALE));
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("events_20250102.csv is new");
        assertThat(fakes.ran).as("a look never runs a stage").isEmpty();
    }

    @Test
    void aSecondDayDroppedInUpdatesTheStatusBarWithTheLineAndTakingThemAwaySaysTheFolderIsBackAsItWas()
            throws Exception {
        MainViewModel vm = vm(cancellation -> { });
        vm.openFolder(input);
        vm.runAll();
        aLookLater(vm);
        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.statusMessageProperty().get()).startsWith("events_20250102.csv is new since the last run: ");
        assertThat(vm.stage(StageId.TRANSFORM).messageProperty().get()).isEqualTo("The folder changed since the last "
                + "run; run again to bring the outputs up to date.");

        Files.writeString(input.resolve("events_20250103.csv"), HEADER);
        aLookLater(vm);
        aLookLater(vm);
        String both = "2 files (events_20250102.csv, events_20250103.csv) are new since the last run";
        assertThat(vm.outdatedNoticeProperty().get()).startsWith("Out of date: " + both);
        assertThat(vm.statusMessageProperty().get()).isEqualTo(both + ": Quality, Transform, Analysis, Monitoring "
                + "are out of date. Run all (F5) to bring them up to date.");

        Files.delete(input.resolve("events_20250102.csv"));
        Files.delete(input.resolve("events_20250103.csv"));
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.outdatedNoticeProperty().get()).isEmpty();
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));
        assertThat(vm.statusMessageProperty().get())
                .isEqualTo("The folder is back as it was at the last run: nothing is out of date.");
    }

    /**
     * A card that threw while taking the statuses read at a look left the line above the screens waiting for the
     * cards to finish for good: a card changing afterwards no longer named what was out of date.
     */
    @Test
    void aCardThatThrowsWhileTakingTheStatusesDoesNotFreezeTheLineAboveTheScreens() throws Exception {
        MainViewModel vm = vm(cancellation -> { });
        vm.openFolder(input);
        vm.runAll();
        aLookLater(vm);
        RuntimeException broken = new IllegalStateException("a card's listener broke");
        javafx.beans.value.ChangeListener<String> throwing = (o, was, is) -> {
            throw broken;
        };
        vm.stage(StageId.QUALITY).messageProperty().addListener(throwing);
        Thread thread = Thread.currentThread();
        Thread.UncaughtExceptionHandler handlerBefore = thread.getUncaughtExceptionHandler();
        // JavaFX hands a listener's exception to the thread's handler: this one lets it through, as a throwing card.
        thread.setUncaughtExceptionHandler((t, e) -> {
            throw (RuntimeException) e;
        });
        try {
            Files.writeString(input.resolve("events_20250102.csv"), HEADER);
            aLookLater(vm);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> aLookLater(vm)).isSameAs(broken);
        } finally {
            thread.setUncaughtExceptionHandler(handlerBefore);
            vm.stage(StageId.QUALITY).messageProperty().removeListener(throwing);
        }

        vm.stage(StageId.TRANSFORM).showStatus(StageState.STALE);
        assertThat(vm.outdatedNoticeProperty().get()).startsWith("Out of date: ");
    }

    @Test
    void aFileStillBeingCopiedInChangesTheLineOnceWhenItHoldsStillNotAtEveryLook() throws Exception {
        MainViewModel vm = vm(cancellation -> { });
        vm.openFolder(input);
        vm.runAll();
        aLookLater(vm);
        List<String> lines = new ArrayList<>();
        vm.outdatedNoticeProperty().addListener((o, was, is) -> lines.add(is));
        List<String> statusMessages = new ArrayList<>();
        vm.statusMessageProperty().addListener((o, was, is) -> statusMessages.add(is));

        Path copying = input.resolve("events_20250102.csv");
        Files.writeString(copying, HEADER);
        for (int look = 0; look < 5; look++) {
            Files.writeString(copying, "c" + look + ",2025-01-02T10:00:00Z,page_viewed\n", StandardOpenOption.APPEND);
            aLookLater(vm);
            assertThat(vm.outdatedNoticeProperty().get()).as("still growing at look " + look).isEmpty();
        }
        aLookLater(vm);
        aLookLater(vm);
        aLookLater(vm);

        assertThat(lines).containsExactly(ADDED);
        assertThat(statusMessages).hasSize(1);
    }

    @Test
    void rulesChangedInAnotherEditorTurnTheirStagesStaleOnceTheyHoldStillAndBrokenOnesAreSaid() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "transform:\n  session_gap_minutes: 30\n");
        MainViewModel vm = vm(cancellation -> { });
        vm.openFolder(input);
        vm.setConfigFile(rules);
        vm.runAll();
        fakes.ran.clear();
        aLookLater(vm);
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));

        Files.writeString(rules, "transform:\n  session_gap_minutes: 45\n  lookback_days: 7\n");
        aLookLater(vm);
        assertThat(vm.stage(StageId.TRANSFORM).getState()).as("one look: maybe still being written")
                .isEqualTo(StageState.FRESH);
        aLookLater(vm);
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.STALE);
        assertThat(fakes.ran).as("a look never runs a stage").isEmpty();

        Files.writeString(rules, "transform:\n  session_gap_minutes: [45\n");
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.configProblemProperty().get()).contains("rules.yaml", "not valid YAML");

        Files.writeString(rules, "transform:\n  session_gap_minutes: 30\n");
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.configProblemProperty().get()).isEmpty();
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));
    }

    /**
     * A day dropped in while the app's run went on: the stages that ran turn stale when it ends, and said "Inputs or
     * settings changed since the last run." beside a line naming the file; no setting had changed.
     */
    @Test
    void aDayDroppedInDuringTheAppsRunIsGivenAsTheReasonOnEveryCardItMadeStale() throws Exception {
        MainViewModel vm = vm(cancellation -> {
            try {
                Files.writeString(input.resolve("events_20250102.csv"), HEADER);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        vm.openFolder(input);
        vm.runAll();

        assertThat(vm.outdatedNoticeProperty().get()).startsWith("Out of date: events_20250102.csv is new");
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("events_20250102.csv is new");
        for (StageId id : List.of(StageId.TRANSFORM, StageId.ANALYSIS, StageId.MONITOR)) {
            assertThat(vm.stage(id).getState()).isEqualTo(StageState.STALE);
            assertThat(vm.stage(id).messageProperty().get()).as(id.title()).isEqualTo("The folder changed since the "
                    + "last run; run again to bring the outputs up to date.");
        }
    }

    @Test
    void theFolderIsNotLookedAtWhileTheWindowIsNotShowing() throws Exception {
        MainViewModel vm = vm(cancellation -> { });
        vm.openFolder(input);
        vm.runAll();
        vm.windowShowingProperty().set(false);
        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        for (int look = 0; look < 4; look++) {
            aLookLater(vm);
        }
        assertThat(vm.folderLooks()).isZero();
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);

        vm.windowShowingProperty().set(true);
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.outdatedNoticeProperty().get()).isEqualTo(ADDED);
    }

    @Test
    void nothingIsLookedAtDuringARun() throws Exception {
        List<Integer> looksDuringTheRun = new ArrayList<>();
        MainViewModel vm = vm(cancellation -> {
            MainViewModel running = vmRef.get();
            int before = running.folderLooks();
            try {
                Files.writeString(input.resolve("events_20250102.csv"), HEADER);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (int look = 0; look < 4; look++) {
                aLookLater(running);
            }
            looksDuringTheRun.add(running.folderLooks() - before);
        });
        vm.openFolder(input);
        aLookLater(vm);
        vm.runAll();

        assertThat(looksDuringTheRun).containsExactly(0);
        assertThat(fakes.ran).containsExactly(StageId.QUALITY, StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS);
    }

    @Test
    void outputsRewrittenByAnotherRunAreReadAgainAndSaidWhileTheAppsOwnRunsAreNot() throws Exception {
        MainViewModel vm = vm(cancellation -> { });
        vm.openFolder(input);
        vm.runAll();
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.statusMessageProperty().get()).as("the app's own run").doesNotContain("Another run");

        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.outdatedNoticeProperty().get()).isEqualTo(ADDED);
        int versionBefore = vm.outputsVersionProperty().get();

        // `eventpipe run` from cron on the same folder: the same engine, another process.
        FakeStages cli = new FakeStages();
        new Pipeline(List.of(cli.stage(StageId.QUALITY), cli.stage(StageId.TRANSFORM), cli.stage(StageId.MONITOR),
                cli.stage(StageId.ANALYSIS))).run(vm.settings(), java.util.EnumSet.allOf(StageId.class), false,
                com.puffy.pipeline.engine.PipelineListener.NONE, com.puffy.pipeline.core.Cancellation.none());
        assertThat(cli.ran).hasSize(4);
        aLookLater(vm);
        aLookLater(vm);

        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));
        assertThat(vm.outdatedNoticeProperty().get()).isEmpty();
        assertThat(vm.outputsVersionProperty().get()).as("the screens read the outputs again")
                .isGreaterThan(versionBefore);
        assertThat(vm.statusMessageProperty().get()).startsWith("Another run (the command line, or the app in "
                + "another window) rewrote the outputs at ").endsWith(": the screens show them now.");
        assertThat(vm.lastRunProperty().get()).endsWith("(another run)");
        assertThat(fakes.ran).as("the app ran nothing itself").hasSize(4);

        int versionAfter = vm.outputsVersionProperty().get();
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.outputsVersionProperty().get()).as("said once").isEqualTo(versionAfter);
    }

    /** The open folder after a run of the app's own, looked at twice since. */
    private MainViewModel ranAndLookedAt() {
        MainViewModel vm = vm(cancellation -> { });
        vm.openFolder(input);
        vm.runAll();
        aLookLater(vm);
        aLookLater(vm);
        return vm;
    }

    private static final String WRITING = "Another run (the command line, or the app in another window) is writing "
            + "this folder's outputs: the screens show them when it has finished.";

    /**
     * The command line's pipeline on the same folder, {@code requested} run again in a thread of its own, held inside
     * stage {@code held} until {@link #finish()}; when {@code failing}, that stage then fails. What goes wrong in its
     * thread (a run that does not end, a failure not asked for) fails the test at {@link #finish()}.
     */
    private final class AnotherRun {
        final FakeStages stages = new FakeStages();
        private final CountDownLatch inHeldStage = new CountDownLatch(1);
        private final CountDownLatch mayGoOn = new CountDownLatch(1);
        private final AtomicReference<Throwable> broke = new AtomicReference<>();
        private final Thread thread;

        AnotherRun(StageId held, boolean failing, java.util.Set<StageId> requested) {
            java.util.function.Consumer<com.puffy.pipeline.core.Cancellation> during = cancellation -> {
                inHeldStage.countDown();
                try {
                    assertThat(mayGoOn.await(10, TimeUnit.SECONDS)).as("the test let the other run go on").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                if (failing) {
                    FakeStages.failing().accept(cancellation);
                }
            };
            List<com.puffy.pipeline.core.Stage> pipeline = new ArrayList<>();
            for (StageId id : List.of(StageId.QUALITY, StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS)) {
                pipeline.add(id == held ? stages.stage(id, during) : stages.stage(id));
            }
            com.puffy.pipeline.core.RunSettings settings = vmRef.get().settings();
            thread = new Thread(() -> {
                try {
                    new Pipeline(pipeline).run(settings, requested, true,
                            com.puffy.pipeline.engine.PipelineListener.NONE, com.puffy.pipeline.core.Cancellation.none());
                } catch (com.puffy.pipeline.core.PipelineException e) {
                    if (!failing) {
                        broke.set(e);
                    }
                } catch (RuntimeException | Error e) {
                    broke.set(e);
                }
            });
            thread.start();
        }

        /** Returns once the run is inside its held stage, the stages before it written. */
        AnotherRun inside() throws InterruptedException {
            assertThat(inHeldStage.await(10, TimeUnit.SECONDS)).as("the other run reached its held stage").isTrue();
            return this;
        }

        /** Lets the held stage end and waits for the run's end. */
        void finish() throws InterruptedException {
            mayGoOn.countDown();
            thread.join(10_000);
            assertThat(thread.isAlive()).as("the other run still going").isFalse();
            assertThat(broke.get()).as("what went wrong in the other run").isNull();
        }
    }

    /** Another run of every stage, inside {@code held} and held there until {@link AnotherRun#finish()}. */
    private AnotherRun anotherRunHeldIn(StageId held) throws InterruptedException {
        return new AnotherRun(held, false, java.util.EnumSet.allOf(StageId.class)).inside();
    }

    /**
     * `eventpipe run` of four stages on the open folder rewrote a manifest per stage, and the app read every output
     * again after each (decision 0805): it says at once that another run writes, and reads them once, at its end.
     */
    @Test
    void anotherRunIsSaidWhileItWritesAndItsOutputsAreReadOnceWhenItHasFinished() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        int versionBefore = vm.outputsVersionProperty().get();

        AnotherRun run = anotherRunHeldIn(StageId.TRANSFORM);
        // Quality's manifest is new, Transform's work folder is there: three looks, six seconds of that run.
        aLookLater(vm);
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.outputsVersionProperty().get()).as("nothing read while the other run writes")
                .isEqualTo(versionBefore);
        assertThat(vm.statusMessageProperty().get()).isEqualTo(WRITING);
        // The cards said "fresh" and "Up to date" of the outputs being replaced (decision 0811).
        assertThat(vm.stages()).allSatisfy(stage -> {
            assertThat(stage.badge()).isEqualTo("rewriting");
            assertThat(stage.cardMessage()).isEqualTo("Another run is rewriting these outputs; shown when it ends.");
        });

        run.finish();
        assertThat(run.stages.ran).hasSize(4);
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.outputsVersionProperty().get()).as("read once, at its end").isEqualTo(versionBefore + 1);
        assertThat(vm.statusMessageProperty().get()).startsWith("Another run (the command line, or the app in "
                + "another window) rewrote the outputs at ");
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));
        assertThat(vm.stages()).as("read again, the cards speak of the new outputs").allSatisfy(stage -> {
            assertThat(stage.badge()).isEqualTo("fresh");
            assertThat(stage.cardMessage()).startsWith("Up to date; last run ");
        });
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.outputsVersionProperty().get()).isEqualTo(versionBefore + 1);
        assertThat(fakes.ran).as("the app ran nothing itself").hasSize(4);
    }

    /**
     * A run killed mid-stage leaves its work folder until the next run, and its lock dies with it: what it finished is
     * read as soon as the folder holds still. The app waited two minutes for it (decision 0805).
     */
    @Test
    void aRunThatDiedMidStageIsReadOnceItsWorkFolderHoldsStillAsNoRunHoldsTheFolder() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        int versionBefore = vm.outputsVersionProperty().get();

        new AnotherRun(StageId.QUALITY, false, java.util.EnumSet.of(StageId.QUALITY)).finish();
        Path left = Files.createDirectories(vm.outputDirProperty().get().resolve(".work-transform-" + java.util.UUID
                .randomUUID()));
        Files.writeString(left.resolve("transform.csv"), "name,value\n");
        aLookLater(vm);
        assertThat(vm.statusMessageProperty().get()).doesNotContain("is writing");
        aLookLater(vm);

        assertThat(vm.outputsVersionProperty().get()).as("read once it held still").isEqualTo(versionBefore + 1);
        assertThat(vm.statusMessageProperty().get()).contains("rewrote the outputs");
    }

    /**
     * A run that holds the folder and writes nothing for two minutes (a stage computing at length, or a file system
     * whose lock cannot be asked) is not waited for longer: what it finished so far is read (decision 0805).
     */
    @Test
    void aRunThatHoldsTheFolderButWritesNothingForTwoMinutesIsReadThen() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        int versionBefore = vm.outputsVersionProperty().get();

        AnotherRun run = anotherRunHeldIn(StageId.TRANSFORM);
        try {
            aLookLater(vm);
            assertThat(vm.statusMessageProperty().get()).isEqualTo(WRITING);
            long looks = FolderPoll.ANOTHER_RUN_STALLED.dividedBy(FolderPoll.INTERVAL);
            for (long look = 1; look < looks; look++) {
                aLookLater(vm);
            }
            assertThat(vm.outputsVersionProperty().get()).as("waited for it").isEqualTo(versionBefore);

            aLookLater(vm);
            aLookLater(vm);
            assertThat(vm.outputsVersionProperty().get()).as("read once it held still long enough")
                    .isEqualTo(versionBefore + 1);
        } finally {
            run.finish();
        }
    }

    /**
     * A leftover copied into the outputs while the app is idle has files as new as a run's: it was said to be another
     * run writing, "rewriting" on every card, for two minutes (decision 0826 left it). No run holds the folder.
     */
    @Test
    void aLeftoverCopiedIntoTheOutputsWhileIdleIsNotTakenForAnotherRun() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        int versionBefore = vm.outputsVersionProperty().get();
        String said = vm.statusMessageProperty().get();
        Path copy = Files.createDirectories(vm.outputDirProperty().get().resolve(".old-quality-"
                + java.util.UUID.randomUUID()));
        for (int file = 0; file < 3; file++) {
            // Still being copied: a file more at each look.
            Files.writeString(copy.resolve("part" + file + ".csv"), "file,rows_read\n");
            aLookLater(vm);
            assertThat(vm.statusMessageProperty().get()).isEqualTo(said);
        }
        aLookLater(vm);
        aLookLater(vm);

        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.badge()).isEqualTo("fresh"));
        assertThat(vm.outputsVersionProperty().get()).isEqualTo(versionBefore);
        long looks = FolderPoll.ANOTHER_RUN_STALLED.dividedBy(FolderPoll.INTERVAL);
        for (long look = 0; look < looks; look++) {
            aLookLater(vm);
        }
        assertThat(vm.statusMessageProperty().get()).as("no run to have stopped").isEqualTo(said);
    }

    /**
     * A command-line run that ends leaving a folder it could not remove (read-only, decision 0801): the leftover holds
     * still, and the app waited two minutes after the run's end before it read the outputs.
     */
    @Test
    void anotherRunThatEndsLeavingALeftoverIsReadAsSoonAsItHasEnded() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        int versionBefore = vm.outputsVersionProperty().get();
        AnotherRun run = anotherRunHeldIn(StageId.TRANSFORM);
        // Made after that run removed the leftovers it found, as the set-aside outputs it could not delete.
        Path leftover = Files.createDirectories(vm.outputDirProperty().get().resolve(".old-quality-"
                + java.util.UUID.randomUUID()));
        Files.writeString(leftover.resolve("quality.csv"), "name,value\n");
        aLookLater(vm);
        assertThat(vm.statusMessageProperty().get()).isEqualTo(WRITING);

        run.finish();
        assertThat(run.stages.ran).hasSize(4);
        assertThat(leftover).exists();
        aLookLater(vm);
        aLookLater(vm);

        assertThat(vm.outputsVersionProperty().get()).as("read once it ended").isEqualTo(versionBefore + 1);
        assertThat(vm.statusMessageProperty().get()).startsWith("Another run (the command line, or the app in "
                + "another window) rewrote the outputs at ");
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.badge()).isEqualTo("fresh"));
    }

    /** A run that failed in its first stage rewrote nothing: the status bar no longer says that it writes. */
    @Test
    void anotherRunThatStopsBeforeAStageFinishedIsSaidToHaveWrittenNothing() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        int versionBefore = vm.outputsVersionProperty().get();
        List<String> cardsBefore = vm.stages().stream().map(stage -> stage.badge() + ": " + stage.cardMessage())
                .toList();

        AnotherRun run = new AnotherRun(StageId.QUALITY, true, java.util.EnumSet.allOf(StageId.class)).inside();
        aLookLater(vm);
        assertThat(vm.statusMessageProperty().get()).isEqualTo(WRITING);
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.badge()).isEqualTo("rewriting"));
        run.finish();
        aLookLater(vm);
        aLookLater(vm);

        assertThat(vm.statusMessageProperty().get()).startsWith("The other run on this folder stopped without new "
                + "outputs");
        assertThat(vm.outputsVersionProperty().get()).isEqualTo(versionBefore);
        assertThat(vm.stages().stream().map(stage -> stage.badge() + ": " + stage.cardMessage()))
                .as("the cards say again what they said before it").containsExactlyElementsOf(cardsBefore);
    }

    /**
     * F5 while the command line's run holds the output folder: nothing ran, so nothing "failed" (decision 0826). The app
     * said "The run failed; the previous outputs were kept.", "Last run …: failed", "Not run this time" on each card,
     * and the engine's sentence in a dialog.
     */
    @Test
    void runAllWhileAnotherRunHoldsTheOutputsSaysWhatToDoAndLeavesTheCardsAndTheLastRunAsTheyWere() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        Files.writeString(input.resolve("events_20250102.csv"), HEADER);
        aLookLater(vm);
        aLookLater(vm);
        String lastRun = vm.lastRunProperty().get();
        java.util.Map<StageId, String> said = new java.util.EnumMap<>(StageId.class);
        vm.stages().forEach(stage -> said.put(stage.id(), stage.messageProperty().get()));
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.STALE));
        int ranBefore = fakes.ran.size();
        int versionBefore = vm.outputsVersionProperty().get();

        AnotherRun run = anotherRunHeldIn(StageId.QUALITY);
        vm.runAll();

        assertThat(fakes.ran).hasSize(ranBefore);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.lastRunProperty().get()).as("no run of this app happened").isEqualTo(lastRun);
        assertThat(vm.statusMessageProperty().get()).isEqualTo(MainViewModel.ANOTHER_RUN_HOLDS_THE_OUTPUTS);
        assertThat(vm.stages()).allSatisfy(stage -> {
            assertThat(stage.getState()).isEqualTo(StageState.STALE);
            assertThat(stage.messageProperty().get()).isEqualTo(said.get(stage.id()));
            assertThat(stage.badge()).isEqualTo("rewriting");
        });
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message())
                .isEqualTo(MainViewModel.ANOTHER_RUN_HOLDS_THE_OUTPUTS + " To run now instead, send the outputs "
                        + "elsewhere with Change… beside Output (File → Change output folder…).")
                .doesNotContain("--output"));
        errors.clear();

        run.finish();
        aLookLater(vm);
        aLookLater(vm);
        assertThat(vm.outputsVersionProperty().get()).as("that run's outputs read once it ended")
                .isEqualTo(versionBefore + 1);
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.badge()).isEqualTo("fresh"));
    }

    /**
     * A set-aside folder moved into the outputs while the app is idle (put back by hand, from another copy of the
     * outputs) keeps its files' times: it was said to be another run writing for two minutes, then a run that "stopped
     * without new outputs" (decision 0826).
     */
    @Test
    void aLeftoverMovedIntoTheOutputsWhileIdleIsNotTakenForAnotherRun() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        int versionBefore = vm.outputsVersionProperty().get();
        String said = vm.statusMessageProperty().get();
        Path aside = Files.createDirectories(dir.resolve("elsewhere").resolve(".old-quality-"
                + java.util.UUID.randomUUID()));
        Files.writeString(aside.resolve("quality_report.csv"), "file,rows_read\n");
        java.nio.file.attribute.FileTime yesterday = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        Files.setLastModifiedTime(aside.resolve("quality_report.csv"), yesterday);
        Files.setLastModifiedTime(aside, yesterday);
        Files.move(aside, vm.outputDirProperty().get().resolve(aside.getFileName()));

        aLookLater(vm);
        aLookLater(vm);
        aLookLater(vm);

        assertThat(vm.statusMessageProperty().get()).isEqualTo(said);
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.badge()).isEqualTo("fresh"));
        assertThat(vm.outputsVersionProperty().get()).isEqualTo(versionBefore);
        long looks = FolderPoll.ANOTHER_RUN_STALLED.dividedBy(FolderPoll.INTERVAL);
        for (long look = 0; look < looks; look++) {
            aLookLater(vm);
        }
        assertThat(vm.statusMessageProperty().get()).as("no run to have stopped").isEqualTo(said);
    }

    /** A dead run's work folder in the outputs of a folder opened next is not taken for a run by the first look. */
    @Test
    void aWorkFolderLeftInTheOutputsOfTheFolderOpenedNextIsNotTakenForAnotherRun() throws Exception {
        MainViewModel vm = ranAndLookedAt();
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("events_20250101.csv"), HEADER);
        Path left = Files.createDirectories(dir.resolve("other-pipeline").resolve(".work-transform-"
                + java.util.UUID.randomUUID()));
        Files.writeString(left.resolve("transform.csv"), "name,value\n");

        vm.openFolder(other);
        aLookLater(vm);
        aLookLater(vm);
        aLookLater(vm);

        assertThat(vm.statusMessageProperty().get()).isEqualTo("Opened " + other.toAbsolutePath().normalize() + ".");
    }

    @Test
    void aLookListsTheFilesQualityReadsWithTheirSizesAndTimesAndAFolderThatCannotBeListed() throws Exception {
        Files.writeString(input.resolve("notes.txt"), "not an event file");
        FolderPoll.Look look = FolderPoll.look(input, null);
        assertThat(look.files()).containsOnlyKeys("events_20250101.csv");
        assertThat(look.files().get("events_20250101.csv").bytes()).isEqualTo(HEADER.length());
        assertThat(FolderPoll.look(dir.resolve("gone"), null).files()).isNull();
    }
}
