package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.PipelineException;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app's dialogs with the keyboard alone (decision 0827). */
@ExtendWith(ApplicationExtension.class)
class DialogKeysFxTest {
    Stage window;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 800, 600));
        stage.show();
        window = stage;
    }

    /** The error dialog's details were behind a link the keyboard never reached. */
    @Test
    void tabReachesTheErrorsDetailsSpaceOpensThemAndEnterStillCloses(FxRobot robot) throws Exception {
        UiError error = UiError.of("run", PipelineException.usage("The folder is empty: choose another one."));
        Alert[] alert = new Alert[1];
        robot.interact(() -> {
            alert[0] = ErrorDialog.create(window, error);
            alert[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Scene dialog = alert[0].getDialogPane().getScene();
        robot.targetWindow(dialog.getWindow());
        try {
            Node ok = dialog.getFocusOwner();
            assertThat(ok).isInstanceOf(javafx.scene.control.Button.class);
            robot.push(KeyCode.TAB);
            Node link = dialog.getFocusOwner();
            assertThat(link.getStyleClass()).as("Tab goes to Show Details").contains("details-button");
            robot.push(KeyCode.SPACE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(alert[0].getDialogPane().isExpanded()).isTrue();
            assertThat(alert[0].getDialogPane().getExpandableContent().getAccessibleText()).isEqualTo("Technical details");
            // Tab goes on through the details (read-only: no tab is typed into them) and back to OK.
            for (int i = 0; i < 4 && dialog.getFocusOwner() != ok; i++) {
                robot.push(KeyCode.TAB);
            }
            assertThat(dialog.getFocusOwner()).isSameAs(ok);
            robot.push(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(alert[0].isShowing()).isFalse();
        } finally {
            robot.targetWindow(window);
        }
    }
}
