package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A column sized when its table had no rows (its header's width) is sized again by the rows of the next table of
 * the same columns. The journey's credit table of a client with no order kept "model" as wide as its header, and the
 * next client's read "Last no…" for "Last non-direct" at 1024 px. Widths sized to rows still stay (ColumnChoicesFxTest).
 */
@ExtendWith(ApplicationExtension.class)
class WidthAfterAnEmptyTableFxTest {
    static final String LONG = "Last non-direct click";
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "wae", List.of(), 700, 300,
                scene -> scene.getRoot().setStyle("-fx-font-size: 13px;"));
        window.load(OneTableWindow.csv(dir, "credits", "model\n"));
    }

    @Test
    void theRowsOfTheNextTableSizeAColumnAnEmptyTableSized(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.table().getColumns().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.load(uncheckedCsv("model\nFirst click\n" + LONG + "\nLinear\n")));
        window.waitForRows(3);
        double longest = WaitForAsyncUtils.asyncFx(() -> {
            Text text = new Text(LONG);
            text.setFont(javafx.scene.text.Font.font(13));
            return text.getLayoutBounds().getWidth();
        }).get(10, TimeUnit.SECONDS);
        assertThat(column("model").getWidth()).isGreaterThan(longest + 8);
    }

    private static Path uncheckedCsv(String text) {
        try {
            return OneTableWindow.csv(dir, "credits", text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TableColumn<String[], ?> column(String name) {
        return window.table().getColumns().stream().filter(c -> name.equals(c.getUserData())).findFirst().orElseThrow();
    }
}
