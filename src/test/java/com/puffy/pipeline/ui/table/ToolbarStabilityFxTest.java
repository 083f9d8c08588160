package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.ComboBoxListViewSkin;
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
 * The table's bar does not move while an analyst filters: ticking a value made the row count longer ("1,508 of
 * 16,522 rows"), which pushed the last value filter to a second line and the rows down under the mouse. And a short
 * list (three severities, eight columns to search in) opens without a scrollbar.
 */
@ExtendWith(ApplicationExtension.class)
class ToolbarStabilityFxTest {
    static final int ROWS = 16_522;
    static final int ERRORS = 1_508;
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        // The Findings table's width in a 1440×900 window (the rail, the screen's margins).
        window = OneTableWindow.show(stage, "ts", List.of("severity", "code", "file"), 1108, 600,
                scene -> Theme.apply(scene, false, null));
        // Findings as Quality writes them: three severities, a dozen codes, a file per day.
        StringBuilder csv = new StringBuilder("file,line,severity,code,column,value,message\n");
        for (int r = 0; r < ROWS; r++) {
            csv.append("events_202503").append(10 + r % 14).append(".csv,").append(r + 2).append(',')
                    .append(r < ERRORS ? "ERROR" : r % 3 == 0 ? "INFO" : "WARNING").append(",CODE_")
                    .append(r % 12).append(",user_agent,Mozilla/5.0,The user agent looks like a bot\n");
        }
        window.load(OneTableWindow.csv(dir, "findings", csv));
    }

    @Test
    void tickingAValueMovesNeitherTheBarNorTheRowsAndFindingsFiltersKeepOneLineAt1440Px(FxRobot robot)
            throws Exception {
        window.waitForRows(ROWS);
        DataTableView view = window.view();
        Label count = robot.lookup("#ts-count").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo("16,522 rows");
        CheckComboBox<String> severity = window.valueFilter("severity");
        CheckComboBox<String> file = window.valueFilter("file");
        assertThat(file.getBoundsInParent().getMinY()).as("the last filter on the first line")
                .isEqualTo(severity.getBoundsInParent().getMinY());
        double barHeight = view.getTop().getLayoutBounds().getHeight();
        double rowsY = view.table().localToScene(0, 0).getY();
        // The bar may have room to spare at this width, so the count's own place is what must not grow.
        double countPlaceWidth = count.getParent().getLayoutBounds().getWidth();

        // As an analyst does it: open the list, tick ERROR, close the list.
        robot.clickOn(severity);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visibleCell(robot, "ERROR") != null);
        robot.clickOn(visibleCell(robot, "ERROR"));
        window.waitForRows(ERRORS);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(severity.getCheckModel().getCheckedItems()).containsExactly("ERROR");
        assertThat(count.getText()).isEqualTo("1,508 of 16,522 rows");
        assertThat(file.getBoundsInParent().getMinY()).as("the last filter stays on the first line")
                .isEqualTo(severity.getBoundsInParent().getMinY());
        assertThat(count.getParent().getLayoutBounds().getWidth()).as("the count's place keeps its width")
                .isEqualTo(countPlaceWidth);
        assertThat(view.getTop().getLayoutBounds().getHeight()).as("the bar's height").isEqualTo(barHeight);
        assertThat(view.table().localToScene(0, 0).getY()).as("where the rows start").isEqualTo(rowsY);
        assertThat(count.localToScene(count.getLayoutBounds()).getMaxX()).as("the whole count in the window")
                .isLessThanOrEqualTo(view.getScene().getWidth());
    }

    @Test
    void shortListsOpenWithoutAScrollbarAndALongOneScrolls(FxRobot robot) throws Exception {
        window.waitForRows(ROWS);
        CheckComboBox<String> severity = window.valueFilter("severity");
        double height = severity.getHeight();
        for (int opening = 1; opening <= 2; opening++) {
            robot.interact(severity::show);
            WaitForAsyncUtils.waitForFxEvents();
            ListView<?> list = list(severity);
            assertThat(list.getItems()).hasSize(3);
            assertThat(verticalBar(list).isVisible()).as("a scrollbar for three values, opening " + opening)
                    .isFalse();
            robot.interact(severity::hide);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(severity.getHeight()).as("the filter itself keeps its height").isEqualTo(height);
        }

        ComboBox<?> inColumn = robot.lookup("#ts-search-column").queryAs(ComboBox.class);
        robot.interact(inColumn::show);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> columns = list(inColumn);
        assertThat(columns.getItems()).as("All columns and the file's seven").hasSize(8);
        assertThat(verticalBar(columns).isVisible()).as("a scrollbar for eight columns").isFalse();
        robot.interact(inColumn::hide);

        CheckComboBox<String> codes = window.valueFilter("code");
        robot.interact(codes::show);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> codeList = list(codes);
        assertThat(codeList.getItems()).hasSize(12);
        assertThat(verticalBar(codeList).isVisible()).as("twelve values, the most a list shows").isFalse();
        robot.interact(codes::hide);

        CheckComboBox<String> files = window.valueFilter("file");
        robot.interact(files::show);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> fileList = list(files);
        assertThat(fileList.getItems()).hasSize(14);
        assertThat(verticalBar(fileList).isVisible()).as("fourteen values scroll").isTrue();
        robot.interact(files::hide);
    }

    private static ListCell<?> visibleCell(FxRobot robot, String value) {
        return robot.lookup(".check-box-list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && c.getText() != null && c.getText().startsWith(value + "  "))
                .findFirst().orElse(null);
    }

    private static ListView<?> list(javafx.scene.control.Control control) {
        if (control instanceof ComboBox<?> box && box.getSkin() instanceof ComboBoxListViewSkin<?> skin
                && skin.getPopupContent() instanceof ListView<?> list) {
            return list;
        }
        for (javafx.scene.Node child : control.getChildrenUnmodifiable()) {
            if (child instanceof ComboBox<?> box && box.getSkin() instanceof ComboBoxListViewSkin<?> skin
                    && skin.getPopupContent() instanceof ListView<?> list) {
                return list;
            }
        }
        throw new AssertionError("no list in " + control.getId());
    }

    private static ScrollBar verticalBar(ListView<?> list) {
        return list.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow();
    }
}
