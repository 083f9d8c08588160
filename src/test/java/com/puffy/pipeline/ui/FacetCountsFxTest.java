package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableView;
import com.puffy.pipeline.ui.table.OneTableWindow;
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
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "fc", List.of("severity", "file"), 900, 500);
        window.load(OneTableWindow.csv(dir, "findings",
                "file,severity\na.csv,ERROR\nb.csv,WARNING\nc.csv,INFO\na.csv,ERROR\n,INFO\n"));
    }

    @Test
    void aValueFilterListsEachValueWithItsCountAndTickingFiltersByTheValue(FxRobot robot) throws Exception {
        window.waitForRows(5);
        DataTableView view = window.view();
        CheckComboBox<String> severity = window.valueFilter("severity");
        robot.interact(severity::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellTexts(robot).contains("ERROR  2"));
        assertThat(cellTexts(robot)).containsExactly("ERROR  2", "WARNING  1", "INFO  2");

        robot.clickOn(cell(robot, "INFO  2"));
        window.waitForRows(2);
        assertThat(severity.getCheckModel().getCheckedItems()).containsExactly("INFO");
        assertThat(cellTexts(robot)).as("ticking neither reorders the list nor changes its own counts")
                .containsExactly("ERROR  2", "WARNING  1", "INFO  2");
        robot.interact(severity::hide);

        CheckComboBox<String> file = window.valueFilter("file");
        assertThat(file.getItems()).as("the items stay the values").containsExactly("", "a.csv", "b.csv", "c.csv");
        robot.interact(file::show);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cellTexts(robot)).as("the other filter counts among the INFO rows, the blank value named")
                .containsExactly("(empty)  1", "a.csv  0", "b.csv  0", "c.csv  1");
        robot.clickOn(cell(robot, "(empty)  1"));
        window.waitForRows(1);
        assertThat(file.getCheckModel().getCheckedItems()).containsExactly("");
        robot.interact(file::hide);

        robot.interact(() -> view.showOnly("severity", "ERROR"));
        window.waitForRows(2);
        assertThat(severity.getCheckModel().getCheckedItems()).containsExactly("ERROR");
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
