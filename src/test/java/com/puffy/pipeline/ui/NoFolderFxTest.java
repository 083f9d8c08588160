package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
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

/** The window started on a folder that is not there: what F5 and the screens say before any folder opens. */
@ExtendWith(ApplicationExtension.class)
class NoFolderFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    final List<UiError> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("eventpipe-test/nofolder-" + System.nanoTime());
        FakeStages fakes = new FakeStages();
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY))), threads,
                new RecentFolders(prefs), d -> d, Clock.systemUTC());
        MainView view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(errors::add);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        vm.startup(dir.resolve("moved-away"));
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aFolderGivenThatIsGoneSaysSoAndF5ThenSaysToOpenOneWithoutAStackTrace(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).singleElement().extracting(UiError::message).asString()
                .startsWith(dir.resolve("moved-away") + " does not exist (");
        assertThat(robot.lookup("#run-all").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#stage-tabs");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(1).message()).isEqualTo("No folder is open, so there is nothing to run: open a folder of "
                + "daily event files (File → Open folder…, Ctrl+O) or the sample data first.");
        assertThat(errors.get(1).details()).as("no stack trace behind Show Details").isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
