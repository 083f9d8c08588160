package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.DataTableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    DataTableView view;

    @Start
    void start(Stage stage) throws Exception {
        StringBuilder text = new StringBuilder("session_id,channel\n");
        for (int i = 0; i < 70_000; i++) {
            text.append('s').append(i).append(i % 2 == 0 ? ",Direct\n" : ",Email\n");
        }
        Path file = Files.writeString(dir.resolve("sessions-" + System.nanoTime() + ".csv"), text);
        DataTableModel model = new DataTableModel(UiThreads.javafx(), List.of("session_id", "channel"));
        view = new DataTableView(model, "many");
        stage.setScene(new javafx.scene.Scene(view, 1000, 500));
        stage.show();
        model.load(file, "run it");
    }

    @Test
    void aFilterOfTooManyValuesSaysWhyAndTabSkipsToTheNextFilter(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.table().getItems().size() == 70_000);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        CheckComboBox<String> ids = robot.lookup("#many-facet-session_id").queryAs(CheckComboBox.class);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> channels = robot.lookup("#many-facet-channel").queryAs(CheckComboBox.class);
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
