package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F5 read the rules file, looked at each stage's folder and listed the input folder on the FX thread: on a slow network
 * drive the window froze. Here the test's thread is the FX thread, the background work waits until the test runs it,
 * and every file the FX thread touches is noted (a security manager that allows everything and only listens).
 */
class RunStartsOffTheFxThreadTest {
    @TempDir
    Path dir;
    Preferences prefs;
    final List<UiError> errors = new ArrayList<>();
    final List<Runnable> held = new ArrayList<>();
    final FakeStages fakes = new FakeStages();
    MainViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "transform:\n  session_gap_minutes: 30\n");
        prefs = Preferences.userRoot().node("eventpipe-test/runstart-" + System.nanoTime());
        vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM),
                fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS))), UiThreads.holding(held),
                new RecentFolders(prefs), d -> d, new MovingClock("2026-11-27T10:00:00Z"));
        vm.onError(errors::add);
        vm.cacheEnabledProperty().set(false);
        vm.openFolder(input);
        runHeld();
        vm.setConfigFile(rules);
        runHeld();
        vm.runAll();
        runHeld();
        assertThat(fakes.ran).hasSize(4);
        fakes.ran.clear();
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
        assertThat(errors).isEmpty();
    }

    private void runHeld() {
        while (!held.isEmpty()) {
            held.remove(0).run();
        }
    }

    @Test
    void runAllTouchesNoFileOnTheFxThreadAndRunsAsBefore() throws Exception {
        Files.writeString(dir.resolve("events").resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        List<String> touched = filesTouchedByThisThreadDuring(vm::rerunAll);

        assertThat(touched).as("files the FX thread touched at F5").isEmpty();
        assertThat(vm.runningProperty().get()).as("nothing shown before the files were looked at").isFalse();
        runHeld();
        assertThat(fakes.ran).containsExactly(StageId.QUALITY, StageId.TRANSFORM, StageId.MONITOR, StageId.ANALYSIS);
        assertThat(vm.stages()).allSatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.FRESH));
        assertThat(vm.stage(StageId.QUALITY).messageProperty().get()).startsWith("Finished at ");
    }

    @Test
    void brokenRulesFoundOffTheFxThreadAreSaidAsBeforeAndNothingRuns() throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), "transform:\n  session_gap_minutes: [30\n");
        List<String> touched = filesTouchedByThisThreadDuring(vm::runAll);
        assertThat(touched).isEmpty();
        runHeld();

        assertThat(fakes.ran).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.configProblemProperty().get()).contains("rules.yaml", "not valid YAML");
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message()).contains("rules.yaml"));
        errors.clear();
    }

    @Test
    void cancelPressedBeforeTheRunStartedCancelsIt() {
        vm.rerunAll();
        vm.cancel();
        runHeld();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.stages()).anySatisfy(stage -> assertThat(stage.getState()).isEqualTo(StageState.CANCELLED));
    }

    private List<String> filesTouchedByThisThreadDuring(Runnable action) {
        return FilesTouched.byThisThreadUnder(dir, action);
    }
}
