package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import com.puffy.pipeline.ui.monitor.MonitoringViewModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
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
 * The counts over the alert cards filter them: "1 warning" lists the warning alone, a second press all the alerts
 * again; a severity without alerts has no chip; the keyboard reaches and presses them.
 */
@ExtendWith(ApplicationExtension.class)
class AlertSeverityChipsFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;
    MonitoringScreen monitoring;

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "alerts.csv", UiFixtures.TWO_CRITICAL_ONE_WARNING);
        fixture.write(StageId.MONITOR, "metrics.csv", "date,metric,value,baseline,band_low,band_high,fired\n"
                + "2025-01-06,bot_share,0.25,0.05,,0.2,true\n2025-01-07,events,40,100,60,140,true\n");
        monitoring = fixture.showScreen(stage, MonitoringScreen::new, 780, 560);
    }

    @Test
    void theCountsFilterTheAlertCardsBySeverity(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<MonitoringViewModel.Alert> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton critical = robot.lookup("#alerts-only-critical").queryAs(ToggleButton.class);
        ToggleButton warning = robot.lookup("#alerts-only-warning").queryAs(ToggleButton.class);
        ToggleButton info = robot.lookup("#alerts-only-info").queryAs(ToggleButton.class);
        assertThat(critical.getText()).isEqualTo("2 critical");
        assertThat(warning.getText()).isEqualTo("1 warning");
        assertThat(critical.isVisible() && warning.isVisible()).isTrue();
        assertThat(info.isVisible()).as("no info alert, no chip").isFalse();
        assertThat(robot.lookup("#alerts-headline").queryAs(Label.class).isVisible())
                .as("the chips say the counts").isFalse();

        robot.clickOn(warning);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(MonitoringViewModel.Alert::check).containsExactly("BOT_SHARE");
        robot.clickOn(critical);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warning.isSelected()).isFalse();
        assertThat(list.getItems()).extracting(MonitoringViewModel.Alert::check)
                .containsExactly("SCHEMA_DRIFT", "VOLUME_ANOMALY");
        // Export (Ctrl+E) writes what the cards list.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exportedRows(robot) == 2);
        assertThat(exportedSeverities(robot)).containsOnly("CRITICAL");
        robot.clickOn(critical);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).as("a second press lists them all").hasSize(3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exportedRows(robot) == 3);

        // From the keyboard: Space presses the focused chip.
        robot.interact(warning::requestFocus);
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(MonitoringViewModel.Alert::severity).containsExactly("WARNING");
        assertThat(Truncation.truncatedLabels(window.getScene().getRoot(), java.util.Set.of())).isEmpty();
    }

    @Test
    void theAllFilesTabSaysWhoseFilesItListsWholeAtTheWidthOfA1024PxWindow(FxRobot robot) throws Exception {
        javafx.scene.control.TabPane tabs = robot.lookup("#monitor-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "monitor-tab-all".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Files in monitoring/").tryQuery()).isPresent();
        assertThat(Truncation.truncatedLabels(window.getScene().getRoot(), java.util.Set.of())).isEmpty();
    }

    private int exportedRows(FxRobot robot) {
        return exportedTable(robot).getItems().size();
    }

    private java.util.List<String> exportedSeverities(FxRobot robot) {
        javafx.scene.control.TableView<String[]> table = exportedTable(robot);
        int column = table.getColumns().stream().map(javafx.scene.control.TableColumn::getText).toList()
                .indexOf("severity");
        return table.getItems().stream().map(row -> table.getColumns().get(column).getCellData(row))
                .map(String::valueOf).toList();
    }

    private javafx.scene.control.TableView<String[]> exportedTable(FxRobot robot) {
        Screen.Export export;
        try {
            export = WaitForAsyncUtils.asyncFx(monitoring::export).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
        assertThat(export).isInstanceOf(Screen.Export.Rows.class);
        return ((Screen.Export.Rows) export).table();
    }
}
