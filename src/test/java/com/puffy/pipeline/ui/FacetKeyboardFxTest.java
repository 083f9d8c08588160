package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableView;
import com.puffy.pipeline.ui.table.OneTableWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** A value filter from the keyboard alone: Tab to it, open its list, tick values, close it. */
@ExtendWith(ApplicationExtension.class)
class FacetKeyboardFxTest {
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "kb", List.of("severity"), 900, 500);
        window.load(OneTableWindow.csv(dir, "findings",
                "file,severity\na.csv,ERROR\nb.csv,WARNING\nc.csv,INFO\nd.csv,ERROR\n"));
    }

    @Test
    void aValueFilterOpensAndTicksValuesFromTheKeyboard(FxRobot robot) throws Exception {
        window.waitForRows(4);
        DataTableView view = window.view();
        CheckComboBox<String> facet = window.valueFilter("severity");
        robot.interact(view::focusSearch);
        robot.type(KeyCode.TAB, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getScene().getFocusOwner()).as("Tab reaches the filter").isSameAs(facet);

        robot.press(KeyCode.ALT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(facet)).as("Alt+Down opens its list").isTrue();
        assertThat(MainView.closesAPopup(view.getScene().getFocusOwner()))
                .as("Escape closes the list rather than cancel a run").isTrue();
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(facet.getCheckModel().getCheckedItems()).containsExactlyInAnyOrder("ERROR", "WARNING");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(facet)).isFalse();
        assertThat(MainView.closesAPopup(facet)).isFalse();
        window.waitForRows(3);
        assertThat(window.model().countTextProperty().get()).isEqualTo("3 of 4 rows");

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(facet)).as("Space opens it too").isTrue();
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(facet.getCheckModel().getCheckedItems()).as("Space unticks the value in focus")
                .containsExactly("ERROR");
        window.waitForRows(2);
    }

    @Test
    void ctrlCCopiesARowFormulaSafeAsTheExportWritesIt(FxRobot robot) throws Exception {
        window.waitForRows(4);
        DataTableView view = window.view();
        assertThat(view.rowAsText(new String[] {"=HYPERLINK(\"x\")", "-3"})).isEqualTo("'=HYPERLINK(\"x\")\t-3");
        assertThat(view.rowAsText(new String[] {"@me\tyou", "+1 more"})).isEqualTo("'@me you\t'+1 more");
        robot.interact(() -> {
            view.table().requestFocus();
            view.table().getSelectionModel().select(1);
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo("b.csv\tWARNING");
    }

    static boolean showing(CheckComboBox<String> facet) {
        return facet.getChildrenUnmodifiable().stream().anyMatch(
                n -> n instanceof javafx.scene.control.ComboBox<?> box && box.isShowing());
    }
}
