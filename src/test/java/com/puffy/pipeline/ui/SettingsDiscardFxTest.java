package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings editor's own questions, not stand-ins: what Enter does, and where the file dialogs start. */
@ExtendWith(ApplicationExtension.class)
class SettingsDiscardFxTest {
    @TempDir
    static Path dir;
    FakeStagesWindow window;
    MainViewModel vm;
    MainView view;
    final AtomicReference<Path> offered = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        window = FakeStagesWindow.open(stage, dir, "settings-discard", StageId.QUALITY);
        vm = window.vm;
        view = window.view;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    private SettingsDialog open(FxRobot robot) throws Exception {
        robot.interact(() -> view.root().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.settingsDialog() != null
                && view.settingsDialog().stage().isShowing());
        robot.targetWindow(view.settingsDialog().stage());
        return view.settingsDialog();
    }

    @Test
    void enterOnTheDiscardQuestionKeepsTheEdits(FxRobot robot) throws Exception {
        SettingsDialog dialog = open(robot);
        TextArea editor = (TextArea) dialog.stage().getScene().lookup("#settings-text");
        robot.interact(() -> editor.positionCaret(0));
        robot.write("x");
        String edited = editor.getText();

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> question() != null);
        robot.targetWindow(question());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> question() == null);
        assertThat(dialog.stage().isShowing()).as("Enter said: keep editing").isTrue();
        assertThat(editor.getText()).isEqualTo(edited);

        robot.targetWindow(dialog.stage());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> question() != null);
        robot.targetWindow(question());
        robot.clickOn("Discard the changes");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialog.stage().isShowing());
    }

    @Test
    void withoutAFileTheFileDialogsStartInTheOpenFolder(FxRobot robot) throws Exception {
        view.setSettingsFileAsker((owner, save, current) -> {
            offered.set(current);
            return null;
        }, () -> true);
        SettingsDialog dialog = open(robot);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(offered.get()).isEqualTo(window.input.resolve(SettingsDialog.NEW_FILE_NAME));
        robot.interact(dialog::requestClose);
    }

    /** The confirmation window over the settings editor, while it is up. */
    private Window question() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup(".dialog-pane") != null && w != view.settingsDialog().stage())
                .findFirst().orElse(null);
    }
}
