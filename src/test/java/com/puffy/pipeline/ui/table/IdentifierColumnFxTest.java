package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An identifier column starts narrow and is cut in its middle: its start and its end, which tell ids apart, stay in
 * view, and the whole id is in the cell's tooltip. Other columns keep the width of their values.
 */
@ExtendWith(ApplicationExtension.class)
class IdentifierColumnFxTest {
    static final String SESSION = "1740268824-CSz5Tw2dqq7H-12";
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "ids", List.of(), 1000, 300,
                scene -> scene.getRoot().setStyle("-fx-font-size: 13px;"));
        window.view().setIdentifierColumns(Set.of("session_id"));
        window.load(OneTableWindow.csv(dir, "sessions", "session_id,landing_page\n" + SESSION + ","
                + SESSION + "\n"));
    }

    @Test
    void anIdStartsNarrowShowingItsStartAndEndWithTheWholeIdOnHover(FxRobot robot) throws Exception {
        window.waitForRows(1);
        assertThat(column("session_id").getWidth()).isEqualTo(DataTableView.ID_COLUMN_WIDTH);
        assertThat(column("landing_page").getWidth()).as("not an id: as wide as its value")
                .isGreaterThan(DataTableView.ID_COLUMN_WIDTH + 40);
        TableCell<?, ?> id = cell(robot, "session_id");
        // The cell is cut, and says so, on its next layout pass.
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> id.getTooltip() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the cut id has no tooltip", e);
        }
        String drawn = ((Text) id.lookup(".text")).getText();
        assertThat(drawn).contains(((javafx.scene.control.Labeled) id).getEllipsisString()).startsWith("17402").endsWith("-12");
        assertThat(id.getTooltip()).isNotNull();
        assertThat(id.getTooltip().getText()).isEqualTo(SESSION);
    }

    private TableColumn<String[], ?> column(String name) {
        return window.table().getColumns().stream().filter(c -> name.equals(c.getUserData())).findFirst().orElseThrow();
    }

    private TableCell<?, ?> cell(FxRobot robot, String column) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == column(column) && c.getIndex() == 0 && c.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + column));
    }
}
