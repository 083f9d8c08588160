package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A prose cell's one line: where the column ends, the text shows "…" rather than stopping as if it ended. */
@ExtendWith(ApplicationExtension.class)
class CodeTextCellFxTest {
    CodeTextCell.OneLine line;

    @Start
    void start(Stage stage) {
        line = new CodeTextCell.OneLine();
        // Sized by the test, as a cell sizes it, not by the pane.
        line.setManaged(false);
        line.show("Values changed in events_20250301.csv: `client_id` empty share moves");
        stage.setScene(new Scene(new Pane(line), 600, 100));
        stage.show();
    }

    @Test
    void aNameWithNoRoomLeftHidesAndTheTextBeforeItTakesAnEllipsis(FxRobot robot) throws Exception {
        List<Label> runs = line.getChildrenUnmodifiable().stream().map(n -> (Label) n).toList();
        assertThat(runs).extracting(Label::getText).containsExactly("Values changed in events_20250301.csv: ",
                "client_id", " empty share moves");
        double first = runs.get(0).prefWidth(-1);
        robot.interact(() -> {
            line.resize(first + 4, line.prefHeight(-1));
            line.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs.get(1).isVisible()).isFalse();
        assertThat(runs.get(2).isVisible()).isFalse();
        assertThat(runs.get(0).getWidth()).as("narrower than its text, so it ends in …").isLessThan(first);

        robot.interact(() -> {
            line.resize(line.prefWidth(-1), line.prefHeight(-1));
            line.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs).allMatch(Label::isVisible);
        assertThat(runs.get(0).getWidth()).isEqualTo(first);
    }
}
