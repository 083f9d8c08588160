package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.DataTableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A value filter lists each value with how many rows it would give, and ticking a value still filters by it. */
@ExtendWith(ApplicationExtension.class)
class FacetCountsFxTest {
    @TempDir
    static Path dir;
    DataTableModel model;
    DataTableView view;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Files.writeString(dir.resolve("findings-" + System.nanoTime() + ".csv"),
                "file,severity\na.csv,ERROR\nb.csv,WARNING\nc.csv,INFO\na.csv,ERROR\n,INFO\n");
        model = new DataTableModel(UiThreads.javafx(), List.of("severity", "file"));
        view = new DataTableView(model, "fc");
        stage.setScene(new javafx.scene.Scene(view, 900, 500));
        stage.show();
        model.load(file, "run it");
    }

    @Test
    void aValueFilterListsEachValueWithItsCountAndTickingFiltersByTheValue(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == 5);
        CheckComboBox<String> severity = facet(robot, "severity");
        robot.interact(severity::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellTexts(robot).contains("ERROR  2"));
        assertThat(cellTexts(robot)).containsExactly("ERROR  2", "INFO  2", "WARNING  1");

        robot.clickOn(cell(robot, "INFO  2"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == 2);
        assertThat(severity.getCheckModel().getCheckedItems()).containsExactly("INFO");
        assertThat(cellTexts(robot)).as("ticking neither reorders the list nor changes its own counts")
                .containsExactly("ERROR  2", "INFO  2", "WARNING  1");
        robot.interact(severity::hide);

        CheckComboBox<String> file = facet(robot, "file");
        assertThat(file.getItems()).as("the items stay the values").containsExactly("", "a.csv", "b.csv", "c.csv");
        robot.interact(file::show);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellTexts(robot)).as("the other filter counts among the INFO rows, the blank value named")
                .containsExactly("(empty)  1", "a.csv  0", "b.csv  0", "c.csv  1");
        robot.clickOn(cell(robot, "(empty)  1"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == 1);
        assertThat(file.getCheckModel().getCheckedItems()).containsExactly("");
        robot.interact(file::hide);

        robot.interact(() -> view.showOnly("severity", "ERROR"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == 2);
        assertThat(severity.getCheckModel().getCheckedItems()).containsExactly("ERROR");
    }

    @SuppressWarnings("unchecked")
    private static CheckComboBox<String> facet(FxRobot robot, String column) {
        return robot.lookup("#fc-facet-" + column).queryAs(CheckComboBox.class);
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup(".check-box-list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getText() != null)
                .sorted(java.util.Comparator.comparingInt(ListCell::getIndex))
                .map(ListCell::getText).toList();
    }

    private static ListCell<?> cell(FxRobot robot, String text) {
        return robot.lookup(".check-box-list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && text.equals(c.getText())).findFirst().orElseThrow();
    }
}
