package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table's counts read "3,500" as the lines above it say them, while the rows keep the file's "3500": the sort is by
 * number, and copy and export give what the file holds. Ids and dates stay as written.
 */
@ExtendWith(ApplicationExtension.class)
class NumberCellsFxTest {
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) {
        window = OneTableWindow.show(stage, "cc", List.of(), 900, 400);
    }

    private List<String> shownColumn(FxRobot robot, String name) {
        return robot.lookup("#cc-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.getTableColumn() != null
                        && name.equals(cell.getTableColumn().getUserData()))
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(cell -> cell.getText()).toList();
    }

    @Test
    void countsAreGroupedOnScreenAndPlainInTheRows(FxRobot robot) throws Exception {
        Path file = OneTableWindow.csv(dir, "users", "client_id,transaction_id,first_seen,sessions,revenue\n"
                + "1740000001-aaaaaaaaaaaa,100234,2025-03-01,3500,264653.69\n"
                + "1740000002-bbbbbbbbbbbb,100235,2025-03-02,12,885\n"
                + "1740000003-cccccccccccc,100236,2025-03-03,1204,10.1\n");
        robot.interact(() -> window.load(file));
        window.waitForRows(3);
        assertThat(shownColumn(robot, "sessions")).containsExactly("3,500", "12", "1,204");
        assertThat(shownColumn(robot, "transaction_id")).containsExactly("100234", "100235", "100236");
        assertThat(shownColumn(robot, "revenue")).as("to the cent, not grouped")
                .containsExactly("264653.69", "885.00", "10.10");
        assertThat(shownColumn(robot, "first_seen")).containsExactly("2025-03-01", "2025-03-02", "2025-03-03");
        assertThat(window.view().rowAsText(window.table().getItems().get(0)))
                .isEqualTo("1740000001-aaaaaaaaaaaa\t100234\t2025-03-01\t3500\t264653.69");
        assertThat(window.view().rowAsText(window.table().getItems().get(2))).endsWith("\t1204\t10.1");
        assertThat(window.view().shownRows().get(0)[3]).as("export writes the rows as they are").isEqualTo("3500");

        TableColumn<String[], ?> sessions = window.table().getColumns().stream()
                .filter(c -> "sessions".equals(c.getUserData())).findFirst().orElseThrow();
        robot.interact(() -> {
            sessions.setSortType(TableColumn.SortType.DESCENDING);
            window.table().getSortOrder().setAll(List.of(sessions));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "3500".equals(window.table().getItems().get(0)[3])
                && "1204".equals(window.table().getItems().get(1)[3]));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownColumn(robot, "sessions")).containsExactly("3,500", "1,204", "12");
        assertThat(cut(robot)).as("the width allows for the separators").isEmpty();
    }

    /** Cells drawn cut ("3,5…"). */
    private static List<String> cut(FxRobot robot) {
        return robot.lookup("#cc-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.lookup(".text") instanceof javafx.scene.text.Text drawn
                        && !drawn.getText().equals(cell.getText()))
                .map(TableCell::getText).map(String::valueOf).toList();
    }
}
