package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * After a run in which no check fired, the Incidents and Alerts tables say so in the screen's words: they said
 * "incidents.csv has no rows.", which reads as a file gone wrong rather than a clean bill of health.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringCleanRunWordsFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "alerts.csv",
                "alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action\n");
        fixture.write(StageId.MONITOR, "incidents.csv",
                "incident_id,check,first_date,last_date,alerts,worst_severity,summary\n");
        fixture.showScreen(stage, MonitoringScreen::new, 780, 560);
    }

    @Test
    void theEmptyTablesSayNoCheckFired(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Label incidents = robot.lookup("#incidents-placeholder").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getText().startsWith("No incidents"));
        assertThat(incidents.getText()).isEqualTo("No incidents: no check fired an alert on any day.");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        Label alerts = robot.lookup("#alerts-placeholder").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alerts.getText().startsWith("No alerts"));
        assertThat(alerts.getText()).isEqualTo("No alerts: every check passed on every day.");
    }
}
