package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Columns start wide enough for their values as the table's font draws them, a long code seen only past the first
 * rows included, up to a cap; a cell still cut shows its whole text in a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnWidthFxTest {
    static final String LONG_CODE = "TRANSACTION_ID_COLLISION_ACROSS_DAYS";
    @TempDir
    static Path dir;
    OneTableWindow window;
    String prose;

    @Start
    void start(Stage stage) throws Exception {
        prose = "Events arrived out of order; ".repeat(20).strip();
        StringBuilder csv = new StringBuilder("file,code,message\n");
        for (int r = 0; r < 400; r++) {
            csv.append("a.csv,").append(r == 350 ? LONG_CODE : "BOT_USER_AGENT").append(',')
                    .append(r == 0 ? prose : "ok").append('\n');
        }
        // The app's size of text (studio.css), without the theme the stylesheet's colors need.
        window = OneTableWindow.show(stage, "cw", List.of("code"), 1000, 500,
                scene -> scene.getRoot().setStyle("-fx-font-size: 13px;"));
        window.load(OneTableWindow.csv(dir, "findings", csv));
    }

    @Test
    void aColumnOfLongCodesIsAsWideAsItsLongestValueAndProseIsCappedWithItsWholeTextInATooltip(FxRobot robot)
            throws Exception {
        window.waitForRows(400);
        TableColumn<String[], ?> code = column("code");
        double longest = WaitForAsyncUtils.asyncFx(() -> {
            Text text = new Text(LONG_CODE);
            text.setFont(cell(robot, "code", 0).getFont());
            return text.getLayoutBounds().getWidth();
        }).get(10, TimeUnit.SECONDS);
        assertThat(longest).as("the long code fits under the cap").isLessThan(DataTableView.MAX_COLUMN_WIDTH);
        assertThat(code.getWidth()).as("row 350's code, past the first rows, has room").isGreaterThan(longest + 8);
        assertThat(column("message").getWidth()).isEqualTo(DataTableView.MAX_COLUMN_WIDTH);

        TableCell<?, ?> message = cell(robot, "message", 0);
        assertThat(message.getTooltip()).as("a cut cell shows its whole text").isNotNull();
        assertThat(message.getTooltip().getText()).isEqualTo(prose);
        assertThat(cell(robot, "code", 0).getTooltip()).as("a whole one needs none").isNull();
        assertThat(cell(robot, "message", 1).getTooltip()).isNull();

        robot.interact(() -> window.table().scrollTo(345));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> longCode = cell(robot, "code", 350);
        assertThat(longCode.getText()).isEqualTo(LONG_CODE);
        assertThat(((Text) longCode.lookup(".text")).getText()).as("drawn whole").isEqualTo(LONG_CODE);
        assertThat(longCode.getTooltip()).isNull();
    }

    private TableColumn<String[], ?> column(String name) {
        return window.table().getColumns().stream().filter(c -> name.equals(c.getUserData())).findFirst().orElseThrow();
    }

    private TableCell<?, ?> cell(FxRobot robot, String column, int row) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == column(column) && c.getIndex() == row && c.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + column + " " + row));
    }
}
