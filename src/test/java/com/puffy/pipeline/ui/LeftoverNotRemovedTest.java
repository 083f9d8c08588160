package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ReadOnlyFolders;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder an earlier run left in the outputs that cannot be removed (decision 0801) is said in the status bar after
 * the app's run, as the command line warns of it: the app said nothing, and it stayed, run after run (decision 0811).
 * As root a read-only folder is no obstacle, so the folder is made immutable (chattr +i) there.
 */
class LeftoverNotRemovedTest {
    @TempDir
    Path dir;
    Preferences prefs;
    final List<UiError> errors = new ArrayList<>();
    final ReadOnlyFolders readOnly = new ReadOnlyFolders();
    final MovingClock clock = new MovingClock("2026-11-27T10:00:00Z");
    MainViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/leftover-" + System.nanoTime());
        FakeStages fakes = new FakeStages();
        vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM),
                fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS))), UiThreads.direct(),
                new RecentFolders(prefs), d -> d, clock);
        vm.onError(errors::add);
        vm.cacheEnabledProperty().set(false);
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown() throws Exception {
        readOnly.releaseAll(dir);
        prefs.removeNode();
    }

    private void protect(Path folder) throws Exception {
        readOnly.protect(folder);
    }

    @Test
    void aLeftoverThatCouldNotBeRemovedIsNamedAfterTheRunWithWhatToDo() throws Exception {
        vm.runAll();
        assertThat(vm.statusMessageProperty().get()).as("nothing left over").doesNotContain("left from an earlier run");
        // As an earlier version left them: the stage folder replaced, its set-aside copy not emptied.
        Path aside = vm.outputDirProperty().get().resolve(".old-quality-" + UUID.randomUUID());
        Path stuck = Files.createDirectories(aside.resolve("notes"));
        Files.writeString(stuck.resolve("audit.txt"), "old\n");
        protect(stuck);

        vm.rerunAll();

        assertThat(vm.statusMessageProperty().get()).startsWith("Finished 4 stages in ")
                .endsWith(" " + aside + " is left from an earlier run (set-aside outputs or unfinished work) and "
                        + "could not be removed, as a folder in it is read-only to this user: make it writable "
                        + "(chmod -R u+w " + aside + ") and delete it; the app never reads it.");
        assertThat(errors).isEmpty();
    }

    /**
     * The app's own run beside a leftover it could not remove: the next looks saw new manifests beside a work folder
     * and said another run was writing, over the run's words and on every card.
     */
    @Test
    void theAppsOwnRunBesideALeftoverIsNotTakenForAnotherRun() throws Exception {
        vm.windowShowingProperty().set(true);
        vm.runAll();
        Path aside = vm.outputDirProperty().get().resolve(".old-quality-" + UUID.randomUUID());
        Path stuck = Files.createDirectories(aside.resolve("notes"));
        protect(stuck);
        for (int look = 0; look < 2; look++) {
            clock.advance(FolderPoll.INTERVAL);
            vm.tick();
        }
        vm.rerunAll();
        String said = vm.statusMessageProperty().get();
        assertThat(said).contains(aside + " is left from an earlier run");

        for (int look = 0; look < 3; look++) {
            clock.advance(FolderPoll.INTERVAL);
            vm.tick();
        }
        assertThat(vm.folderLooks()).as("looked at").isPositive();
        assertThat(vm.statusMessageProperty().get()).isEqualTo(said);
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.badge()).isEqualTo("fresh"));
    }

    /** As above, the window's look due as the run ends, and done before the statuses are read after it. */
    @Test
    void aLookDueAsTheAppsOwnRunEndsDoesNotTakeItForAnotherRun() throws Exception {
        List<Runnable> held = new ArrayList<>();
        MainViewModel vm = new MainViewModel(new Pipeline(List.of(new FakeStages().stage(StageId.QUALITY))),
                UiThreads.holding(held), new RecentFolders(prefs), d -> d, clock);
        vm.onError(errors::add);
        vm.cacheEnabledProperty().set(false);
        vm.openFolder(this.vm.inputDirProperty().get());
        vm.windowShowingProperty().set(true);
        vm.runAll();
        lastFirst(held);
        Path aside = vm.outputDirProperty().get().resolve(".old-quality-" + UUID.randomUUID());
        protect(Files.createDirectories(aside.resolve("notes")));
        for (int look = 0; look < 2; look++) {
            clock.advance(FolderPoll.INTERVAL);
            vm.tick();
            lastFirst(held);
        }
        vm.rerunAll();
        held.remove(0).run();
        clock.advance(FolderPoll.INTERVAL);
        vm.tick();
        lastFirst(held);
        String said = vm.statusMessageProperty().get();
        assertThat(said).contains(aside + " is left from an earlier run");
        clock.advance(FolderPoll.INTERVAL);
        vm.tick();
        lastFirst(held);
        assertThat(vm.statusMessageProperty().get()).isEqualTo(said);
        assertThat(vm.stage(StageId.QUALITY).badge()).isEqualTo("fresh");
    }

    /** Runs the work held, the newest first, until none is left. */
    private static void lastFirst(List<Runnable> held) {
        while (!held.isEmpty()) {
            held.remove(held.size() - 1).run();
        }
    }

    @Test
    void twoLeftoversAreNamedTogether() {
        assertThat(MainViewModel.leftoverWords(List.of(Path.of("/o/.old-quality-1"), Path.of("/o/.work-report-2"))))
                .isEqualTo(" /o/.old-quality-1 and /o/.work-report-2 are left from an earlier run (set-aside outputs "
                        + "or unfinished work) and could not be removed, as a folder in them is read-only to this "
                        + "user: make them writable (chmod -R u+w /o/.old-quality-1 /o/.work-report-2) and delete "
                        + "them; the app never reads them.");
        assertThat(MainViewModel.leftoverWords(List.of())).isEmpty();
    }
}
