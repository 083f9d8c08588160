package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * A run reads a dataset's file again: the columns the analyst hid, moved, widened and sorted by stay so. They came
 * back in the file's order, all shown, and the rows stayed sorted with no arrow on any header.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnChoicesFxTest {
    @TempDir
    static Path dir;
    OneTableWindow window;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "choices", List.of("channel"), 900, 400);
        file = OneTableWindow.csv(dir, "sessions", "session_id,channel,device,revenue\n"
                + "s1,Direct,mobile,10\ns2,Email,desktop,300\ns3,Direct,tablet,25\n");
        window.load(file);
    }

    @Test
    void hiddenMovedWidenedAndSortedColumnsStaySoWhenARunRewritesTheFile(FxRobot robot) throws Exception {
        window.waitForRows(3);
        robot.interact(() -> {
            column("device").setVisible(false);
            TableColumn<String[], ?> revenue = column("revenue");
            window.table().getColumns().remove(revenue);
            window.table().getColumns().add(1, revenue);
            window.table().resizeColumn(column("channel"), 90);
            revenue.setSortType(TableColumn.SortType.DESCENDING);
            window.table().getSortOrder().setAll(List.of(revenue));
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> "s2".equals(window.table().getItems().get(0)[0]));
        double channelWidth = column("channel").getWidth();

        // The run writes the file anew, with a row more.
        Files.writeString(file, "session_id,channel,device,revenue\n"
                + "s1,Direct,mobile,10\ns2,Email,desktop,300\ns3,Direct,tablet,25\ns4,Email,mobile,4000\n");
        robot.interact(() -> window.load(file));
        window.waitForRows(4);

        assertThat(window.table().getColumns().stream().map(TableColumn::getUserData).toList())
                .containsExactly("session_id", "revenue", "channel", "device");
        assertThat(column("device").isVisible()).as("hidden stays hidden").isFalse();
        assertThat(column("channel").getWidth()).isEqualTo(channelWidth);
        assertThat(window.table().getSortOrder()).containsExactly(column("revenue"));
        assertThat(column("revenue").getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        assertThat(window.table().getItems().stream().map(row -> row[0]).toList())
                .containsExactly("s4", "s2", "s3", "s1");
    }

    private TableColumn<String[], ?> column(String name) {
        return window.table().getColumns().stream().filter(c -> name.equals(c.getUserData())).findFirst().orElseThrow();
    }
}
