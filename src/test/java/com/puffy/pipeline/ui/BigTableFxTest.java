package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.FileTable;
import com.puffy.pipeline.ui.table.OneTableWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table of many rows stays on disk: the screen reads the rows it draws, while the count, a header click's sort
 * and the value filters cover every row.
 */
@ExtendWith(ApplicationExtension.class)
class BigTableFxTest {
    private static final int ROWS = 40_000;
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "big", List.of("channel"), 1000, 600);
        StringBuilder text = new StringBuilder("session_id,channel,revenue\n");
        for (int i = 0; i < ROWS; i++) {
            text.append("s-").append(i).append(i % 4 == 0 ? ",Email," : ",Direct,").append((i * 37 + 500) % 1000)
                    .append('\n');
        }
        window.load(OneTableWindow.csv(dir, "sessions", text));
    }

    @Test
    void theTableReadsTheRowsItDrawsAndSortsAndFiltersThemAll(FxRobot robot) throws Exception {
        window.waitForRows(ROWS);
        TableView<String[]> table = window.table();
        DataTableModel model = window.model();
        assertThat(model.tableProperty().get()).isInstanceOf(FileTable.class);
        FileTable onDisk = (FileTable) model.tableProperty().get();
        assertThat(model.countTextProperty().get()).isEqualTo("40,000 rows");
        assertThat(onDisk.rowsRead()).as("the rows on screen, a prefetch and the width sample")
                .isLessThan(2_000);

        assertThat(firstRevenue(table)).isEqualTo("500");
        robot.clickOn(revenueHeader(robot));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "0".equals(firstRevenue(table)));
        robot.clickOn(revenueHeader(robot));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "999".equals(firstRevenue(table)));

        robot.interact(() -> model.setFacet("channel", java.util.Set.of("Email")));
        window.waitForRows(ROWS / 4);
        assertThat(model.countTextProperty().get()).isEqualTo("10,000 of 40,000 rows");
        assertThat(onDisk.rowsRead()).as("still only what was drawn").isLessThan(4_000);
    }

    private static javafx.scene.Node revenueHeader(FxRobot robot) {
        return robot.lookup(".column-header .label").match((javafx.scene.control.Labeled l) -> "revenue".equals(l.getText()))
                .queryAs(javafx.scene.Node.class);
    }

    private static String firstRevenue(TableView<String[]> table) {
        return table.getItems().isEmpty() ? null : table.getItems().get(0)[2];
    }
}
