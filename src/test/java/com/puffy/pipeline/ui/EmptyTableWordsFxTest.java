package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.DataTableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/**
 * A table the filters leave empty says which search and which value filters did it, and how to undo them: "No rows
 * match the filters." left the analyst to look for the cause along the bar (a tick in a closed list shows only as
 * "(1)" after its title).
 */
@ExtendWith(ApplicationExtension.class)
class EmptyTableWordsFxTest {
    @TempDir
    static Path dir;
    DataTableModel model;
    DataTableView view;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Files.writeString(dir.resolve("findings-" + System.nanoTime() + ".csv"),
                "file,line,severity,code\n"
                        + "events_20250223.csv,46,ERROR,MISSING_CLIENT_ID\n"
                        + "events_20250223.csv,47,WARNING,BOT_USER_AGENT\n"
                        + "events_20250224.csv,9,WARNING,BOT_USER_AGENT\n");
        model = new DataTableModel(UiThreads.javafx(), List.of("severity", "code"));
        view = new DataTableView(model, "et");
        Scene scene = new Scene(view, 900, 400);
        Theme.apply(scene, false, null);
        stage.setScene(scene);
        stage.show();
        model.load(file, "run it");
    }

    private String placeholder(FxRobot robot) {
        return robot.lookup("#et-placeholder").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private CheckComboBox<String> facet(FxRobot robot, String column) {
        return robot.lookup("#et-facet-" + column).queryAs(CheckComboBox.class);
    }

    @Test
    void theEmptyTableNamesTheSearchAndTheFiltersThatEmptiedIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == 3);
        TextField search = robot.lookup("#et-search").queryAs(TextField.class);
        robot.clickOn(search).write("purchase");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().isEmpty()
                && !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(placeholder(robot))
                .isEqualTo("No rows match the search \u201cpurchase\u201d: Esc in the search empties it.");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == 3);

        robot.interact(() -> {
            facet(robot, "severity").getCheckModel().check("ERROR");
            facet(robot, "code").getCheckModel().check("BOT_USER_AGENT");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().isEmpty()
                && !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(placeholder(robot))
                .isEqualTo("No row has the values ticked in Severity and Code together: untick one.");

        robot.clickOn(search).write("x");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.loadingProperty().get()
                && model.filterTextProperty().get().equals("x"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(placeholder(robot)).isEqualTo("No rows match the search \u201cx\u201d with the values ticked in "
                + "Severity and Code: empty the search (Esc in it) or untick a value.");
        assertThat(model.placeholderProperty().get()).as("the model's own words are unchanged")
                .isEqualTo("No rows match the filters.");
    }
}
