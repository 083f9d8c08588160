package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableView;
import com.puffy.pipeline.ui.table.OneTableWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A value filter over a column of more values than it lists says so on screen, and Tab goes past it. */
@ExtendWith(ApplicationExtension.class)
class FacetTooManyValuesFxTest {
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "many", List.of("session_id", "channel"), 1000, 500);
        StringBuilder text = new StringBuilder("session_id,channel\n");
        for (int i = 0; i < 70_000; i++) {
            text.append('s').append(i).append(i % 2 == 0 ? ",Direct\n" : ",Email\n");
        }
        window.load(OneTableWindow.csv(dir, "sessions", text));
    }

    @Test
    void aFilterOfTooManyValuesSaysWhyAndTabSkipsToTheNextFilter(FxRobot robot) throws Exception {
        window.waitForRows(70_000);
        DataTableView view = window.view();
        CheckComboBox<String> ids = window.valueFilter("session_id");
        CheckComboBox<String> channels = window.valueFilter("channel");
        Label why = robot.lookup("#many-facet-note-session_id").queryAs(Label.class);
        assertThat(ids.isDisabled()).isTrue();
        assertThat(ids.getTitle()).endsWith(": too many values");
        assertThat(why.isVisible()).isTrue();
        assertThat(why.getText()).startsWith("More than 65,536 different session_id values");
        assertThat(robot.lookup("#many-facet-note-channel").queryAs(Label.class).isVisible()).isFalse();
        assertThat(channels.isDisabled()).isFalse();
        assertThat(channels.getItems()).containsExactly("Direct", "Email");
        robot.interact(view::focusSearch);
        robot.type(KeyCode.TAB, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getScene().getFocusOwner()).as("Tab passes the filter with nothing to tick").isSameAs(channels);
        Screenshots.save(view.getScene(), "facet-too-many-values");
    }
}
