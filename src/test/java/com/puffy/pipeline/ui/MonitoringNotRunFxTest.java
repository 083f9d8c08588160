package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
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
 * Before Monitoring has run, its screen says so and what to do, not "No alerts" under a green tick beside an empty
 * chart; once it has run without alerts, "No alerts" says every check passed.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringNotRunFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    MonitoringScreen monitoring;

    @Start
    void start(Stage stage) throws Exception {
        // A folder with an event file: one without any sends the screen to the line above it (decision 0703).
        Path events = java.nio.file.Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        java.nio.file.Files.writeString(events.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        fixture.open(events);
        monitoring = fixture.showScreen(stage, MonitoringScreen::new, 780, 560);
    }

    @Test
    void beforeItsFirstRunTheScreenSaysToRunMonitoringAndClaimsNoAlerts(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node notRun = robot.lookup("#monitor-not-run").query();
        assertThat(notRun.isVisible()).isTrue();
        assertThat(texts(notRun)).containsExactly("Monitoring has not run yet",
                "Run the Monitoring stage (or Run all, F5) to check the daily metrics.");
        assertThat(robot.lookup("#monitor-overview").queryAs(SplitPane.class).isVisible())
                .as("no empty chart, no 'No alerts'").isFalse();
        assertThat(visibleTexts(robot)).doesNotContain("No alerts");

        // A run without alerts: an alerts file of its header alone, and the days' metrics.
        fixture.write(StageId.MONITOR, "alerts.csv",
                "alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action\n");
        fixture.write(StageId.MONITOR, "incidents.csv",
                "incident_id,check,first_date,last_date,alerts,worst_severity,summary\n");
        fixture.write(StageId.MONITOR, "metrics.csv", """
                date,metric,value,baseline,band_low,band_high,fired
                2025-01-01,events,100,,,,false
                2025-01-02,events,101,,,,false
                2025-01-03,events,99,100,60,140,false
                """);
        robot.interact(() -> monitoring.reload());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !notRun.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Node none = robot.lookup("#alerts-none").query();
        assertThat(none.isVisible()).isTrue();
        assertThat(texts(none)).containsExactly("No alerts", "Every check passed on every day.");
        assertThat(robot.lookup("#metric-chart").query().isVisible()).isTrue();
    }

    private static List<String> texts(Node state) {
        return ((javafx.scene.Parent) state).getChildrenUnmodifiable().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList();
    }

    private static List<String> visibleTexts(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().filter(MonitoringNotRunFxTest::shown)
                .map(Label::getText).toList();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
