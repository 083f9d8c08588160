package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Where the focus is after a run that disabled the control it was on. */
@ExtendWith(ApplicationExtension.class)
class FocusAfterRunFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/focus-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new Pipeline(List.of(new FakeStages().stage(StageId.QUALITY, c -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }))), threads, new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        MainView view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(e -> { });
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        prefs.removeNode();
    }

    private Node focusOwner(FxRobot robot) {
        return robot.lookup("#open-folder").query().getScene().getFocusOwner();
    }

    private void runAllWithF5AndFinish(FxRobot robot) throws Exception {
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#open-folder").query().isDisabled()).as("the run disables Open folder…").isTrue();
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void f5OnOpenFolderLeavesTheFocusOnOpenFolderAfterTheRun(FxRobot robot) throws Exception {
        Node open = robot.lookup("#open-folder").query();
        robot.interact(open::requestFocus);
        runAllWithF5AndFinish(robot);
        assertThat(focusOwner(robot)).as("focus after the run").isSameAs(open);
    }

    @Test
    void f5OnRunAllLeavesTheFocusOnRunAllAfterTheRun(FxRobot robot) throws Exception {
        Node runAll = robot.lookup("#run-all").query();
        robot.interact(runAll::requestFocus);
        runAllWithF5AndFinish(robot);
        assertThat(focusOwner(robot)).isSameAs(runAll);
    }

    @Test
    void aFocusMovedByTheUserDuringTheRunStaysWhereTheyPutIt(FxRobot robot) throws Exception {
        Node open = robot.lookup("#open-folder").query();
        robot.interact(open::requestFocus);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Node tab = robot.lookup(".tab-pane").query();
        robot.interact(tab::requestFocus);
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner(robot)).isSameAs(tab);
    }
}
