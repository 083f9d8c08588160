package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.transform.TransformScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dataset's description names the table's keys only while the table shows: over its chart "Double-click a row or
 * press Enter for all its fields" did nothing, and at 1024 px it took the description's third line above the chart.
 */
@ExtendWith(ApplicationExtension.class)
class DatasetDescriptionFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.transform(fixture.output());
        // The Transform screen's width in a 1024×768 window.
        fixture.showScreen(stage, TransformScreen::new, 776, 600);
    }

    private static Label description(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().startsWith("Sessions · sessions.csv")).findFirst()
                .orElseThrow();
    }

    @Test
    void theRowsKeysAreNamedOverTheTableNotOverTheChart(FxRobot robot) throws Exception {
        TableView<?> sessions = robot.lookup("#dataset-sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        Label description = description(robot);
        assertThat(description.getText()).contains("Double-click a row or press Enter for all its fields")
                .endsWith("Ctrl+J opens its client's journey.");
        double tableHeight = description.getHeight();

        robot.clickOn("#dataset-view-chart");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(description.getText()).doesNotContain("Double-click").doesNotContain("Ctrl+J")
                .startsWith("Sessions · sessions.csv · One row per session");
        assertThat(description.getHeight()).as("fewer lines above the chart").isLessThan(tableHeight);

        robot.clickOn("#dataset-view-table");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(description.getText()).contains("Double-click a row or press Enter for all its fields");
    }
}
