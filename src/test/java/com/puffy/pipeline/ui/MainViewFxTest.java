package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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

/** The window with quick fake stages: the shell's wiring (shortcuts, rail, status bar) on a real FX thread. */
@ExtendWith(ApplicationExtension.class)
class MainViewFxTest {
    @TempDir
    static Path dir;
    FakeStagesWindow window;
    MainViewModel vm;
    List<UiError> errors;

    @Start
    void start(Stage stage) throws Exception {
        window = FakeStagesWindow.open(stage, dir, "fx", StageId.QUALITY, StageId.TRANSFORM);
        vm = window.vm;
        errors = window.errors;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void f5RunsTheAvailableStagesAndTheBarsReachTheEnd(FxRobot robot) throws Exception {
        robot.clickOn("#stage-tabs");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.stage(StageId.TRANSFORM).getState() == StageState.FRESH && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#progress-quality").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#progress-transform").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#state-quality").queryAs(Label.class).getText()).isEqualTo("fresh");
        assertThat(robot.lookup("#state-monitor").queryAs(Label.class).getText()).isEqualTo("not in this build");
        assertThat(robot.lookup("#last-run").queryAs(Label.class).getText()).startsWith("Last run");
        assertThat(errors).isEmpty();
    }

    @Test
    void aRunningStagesCardSaysWhatItDoesAndAboutHowLongIsLeft(FxRobot robot) throws Exception {
        StageViewModel quality = vm.stage(StageId.QUALITY);
        robot.interact(() -> {
            quality.started(System.nanoTime() - TimeUnit.SECONDS.toNanos(100));
            quality.progressFromEngine(50, 100, "Validating files", UiThreads.direct());
            vm.tick();
        });
        assertThat(robot.lookup("#message-quality").queryAs(Label.class).getText())
                .isEqualTo("Validating files · about 2 min left");
        robot.interact(() -> quality.finished(StageState.CANCELLED, "Cancelled; the previous outputs were kept.",
                null, null));
        assertThat(robot.lookup("#message-quality").queryAs(Label.class).getText())
                .isEqualTo("Cancelled; the previous outputs were kept.");
    }

    @Test
    void theFilesOfAStageOpenInATableAfterARun(FxRobot robot) throws Exception {
        robot.clickOn("#run-quality");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.stage(StageId.QUALITY).getState() == StageState.FRESH);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quality-files-count").queryAs(Label.class).getText())
                .as("the All files tab reads its file only when shown").isEmpty();
        robot.clickOn("#quality-tab-all");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#quality-files-count")
                .queryAs(Label.class).getText().equals("1 row"));
    }
}
