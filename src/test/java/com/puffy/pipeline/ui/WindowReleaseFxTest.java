package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window that no longer shows the app lets go of its model, screens and tables. Its quarter-second clock ran on
 * after the window went, and the toolkit's pulse held it, the model, and through the model's listeners every screen
 * (a heap dump of the Fx tests: PrimaryTimer → Timeline → KeyFrame → the clock's lambda → MainViewModel); the one
 * test JVM held about 50 whole windows, 2 GB, by the end of the suite.
 */
@ExtendWith(ApplicationExtension.class)
class WindowReleaseFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    Stage window;
    WeakReference<MainViewModel> model;

    @Start
    void start(Stage primary) throws Exception {
        // A window of its own: TestFX keeps the events fired in its primary stage, with their nodes, until the next
        // test's set-up.
        Stage stage = new Stage();
        window = stage;
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        prefs = Preferences.userRoot().node("eventpipe-test/release-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        MainViewModel vm = new MainViewModel(new com.puffy.pipeline.engine.Pipeline(List.of()), threads,
                new RecentFolders(prefs), d -> d, Clock.systemUTC());
        MainView view = StudioApp.build(vm, threads, null, prefs);
        stage.setScene(view.createScene(1024, 768));
        stage.show();
        vm.openFolder(input);
        UiFixtures.quality(vm.outputDirProperty().get());
        vm.refreshStatuses();
        model = new WeakReference<>(vm);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aWindowNoLongerShowingTheAppLetsGoOfIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.setScene(new Scene(new Label("another window's content"), 200, 100)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.getOnCloseRequest()).as("the window's close button no longer asks the app").isNull();
        robot.interact(() -> window.hide());
        window = null;

        for (int i = 0; i < 50 && model.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(model.get()).as("the model of a window no longer shown, and the screens it holds").isNull();
    }
}
