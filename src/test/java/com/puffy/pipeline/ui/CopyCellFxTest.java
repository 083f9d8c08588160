package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.DataTableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A right click on a cell offers its value alone: an analyst copying a client id or a line number from Findings had
 * to copy the whole row (tab-separated) and cut the rest away, or open the row's fields.
 */
@ExtendWith(ApplicationExtension.class)
class CopyCellFxTest {
    @TempDir
    static Path dir;
    DataTableModel model;
    DataTableView view;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Files.writeString(dir.resolve("findings-" + System.nanoTime() + ".csv"),
                "file,line,code,value\n"
                        + "events_20250223.csv,46,MISSING_CLIENT_ID,\n"
                        + "events_20250224.csv,110,BOT_USER_AGENT,\"=HYPERLINK(\"\"x\"\")\"\n");
        model = new DataTableModel(UiThreads.javafx(), List.of("code"));
        view = new DataTableView(model, "cc");
        Scene scene = new Scene(view, 900, 400);
        Theme.apply(scene, false, null);
        stage.setScene(scene);
        stage.show();
        model.load(file, "run it");
    }

    private TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.isVisible() && text.equals(c.getText())).findFirst().orElseThrow();
    }

    private MenuItem item(String prefix) {
        return view.table().getContextMenu().getItems().stream()
                .filter(i -> i.getText() != null && i.getText().startsWith(prefix)).findFirst().orElse(null);
    }

    /**
     * A right click on the cell. Monocle's robot presses the secondary button (the table selects the row, the view
     * notes the cell) but sends no context-menu request, which a real window system does after it: sent here.
     */
    private void rightClick(FxRobot robot, TableCell<?, ?> cell) throws Exception {
        robot.rightClickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        if (!view.table().getContextMenu().isShowing()) {
            robot.interact(() -> {
                javafx.geometry.Bounds b = cell.localToScreen(cell.getLayoutBounds());
                javafx.geometry.Point2D local = cell.screenToLocal(b.getCenterX(), b.getCenterY());
                javafx.event.Event.fireEvent(cell, new javafx.scene.input.ContextMenuEvent(
                        javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                        b.getCenterX(), b.getCenterY(), false, new javafx.scene.input.PickResult(cell,
                        b.getCenterX(), b.getCenterY())));
            });
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.table().getContextMenu().isShowing());
    }

    private String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRightClickedCellsValueIsCopiedAlone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        rightClick(robot, cell(robot, "110"));
        MenuItem copyCell = item("Copy the line value");
        assertThat(copyCell).as("the menu offers the cell's value").isNotNull();
        assertThat(view.table().getContextMenu().getItems().indexOf(copyCell)).as("beside the row's copy")
                .isEqualTo(view.table().getContextMenu().getItems().indexOf(item("Copy the row")) + 1);
        robot.clickOn(copyCell.getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard()).isEqualTo("110");

        // Formula-safe, as the row's copy and the export are.
        rightClick(robot, cell(robot, "=HYPERLINK(\"x\")"));
        robot.clickOn("Copy the value value");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard()).isEqualTo("'=HYPERLINK(\"x\")");
    }

    @Test
    void theKeyboardsRowMenuOffersTheRowOnly(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        rightClick(robot, cell(robot, "MISSING_CLIENT_ID"));
        assertThat(item("Copy the code value")).isNotNull();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        // The keyboard moved to another row: its menu names no cell of the row clicked before.
        robot.interact(() -> {
            view.table().requestFocus();
            view.table().getSelectionModel().select(1);
        });
        robot.press(KeyCode.SHIFT).press(KeyCode.F10).release(KeyCode.F10).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.table().getContextMenu().isShowing());
        assertThat(item("Copy the row")).isNotNull();
        assertThat(item("Copy the code value")).isNull();
        robot.type(KeyCode.ESCAPE);
    }
}
