package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.PipelineException;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ErrorDialogFxTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void theDialogSaysOneSentenceAndKeepsTheTraceBehindDetails(FxRobot robot) throws Exception {
        UiError error = UiError.of("run", PipelineException.usage("The folder is empty: choose another one."));
        Alert[] alert = new Alert[1];
        robot.interact(() -> alert[0] = ErrorDialog.create(null, error));
        assertThat(alert[0].getContentText()).isEqualTo("The folder is empty: choose another one.");
        assertThat(alert[0].getHeaderText()).isNull();
        assertThat(alert[0].getDialogPane().getExpandableContent()).isInstanceOf(TextArea.class);
        assertThat(((TextArea) alert[0].getDialogPane().getExpandableContent()).getText()).contains("PipelineException");
        assertThat(alert[0].getDialogPane().isExpanded()).isFalse();
    }
}
