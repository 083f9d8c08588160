package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.shape.Line;
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
 * The chart beside the alerts follows the one selected: an alert with a daily series shows it with its day marked; an
 * alert of a check without one (schema drift) no longer leaves the previous metric's red days to pass for its own.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringChartFollowsAlertFxTest {
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
        fixture.write(StageId.MONITOR, "incidents.csv", "incident_id,check,first_date,last_date,alerts,worst_severity,"
                + "summary\n");
        StringBuilder metrics = new StringBuilder("date,metric,value,baseline,band_low,band_high,fired\n");
        for (int d = 1; d <= 14; d++) {
            String date = String.format("2025-01-%02d", d);
            metrics.append(date).append(",events,").append(d == 7 ? 40 : 100).append(",100,60,140,").append(d == 7)
                    .append('\n');
            metrics.append(date).append(",bot_share,").append(d == 6 ? 0.25 : 0.05).append(",0.05,,0.2,")
                    .append(d == 6).append('\n');
        }
        fixture.write(StageId.MONITOR, "metrics.csv", metrics);
        monitoring = fixture.showScreen(stage, MonitoringScreen::new, 780, 560);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSelectedAlertStaysSelectedWhenTheSameAlertsAreReadAgain(FxRobot robot) throws Exception {
        // Monitoring's screen reads its files when the stage finishes and again when the run ends: an alert picked
        // in between must not be dropped by the second reading of the same file.
        ListView<Object> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        select(robot, list, 1);
        Object picked = list.getSelectionModel().getSelectedItem();
        robot.interact(() -> monitoring.reload());
        fixture.waitUntilIdle();
        assertThat(list.getItems()).hasSize(3);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(list.getSelectionModel().getSelectedItem()).isEqualTo(picked);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChartSaysWhenItIsNotAboutTheSelectedAlertAndMarksTheDayWhenItIs(FxRobot robot) throws Exception {
        ListView<Object> list = robot.lookup("#alert-list").queryAs(ListView.class);
        LineChart<Number, Number> chart = robot.lookup("#metric-chart").queryAs(LineChart.class);
        ComboBox<String> metric = robot.lookup("#metric-choice").queryAs(ComboBox.class);
        Label note = robot.lookup("#chart-note").queryAs(Label.class);
        Line marker = robot.lookup("#metric-selected-day").queryAs(Line.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3 && chart.isVisible());
        assertThat(metric.getValue()).as("the most severe alert's series").isEqualTo("events");
        // Nothing selected: the card on top is the schema drift's, the chart another alert's metric. It says so.
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo(
                "No alert selected: the chart shows events. Select an alert to chart its metric with its day marked.");
        assertThat(marker.isVisible()).isFalse();

        // CRITICAL first, newest first: the schema drift (Jan 9), then the volume anomaly (Jan 7).
        select(robot, list, 0);
        assertThat(metric.getValue()).as("the chart stays where it was").isEqualTo("events");
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo(
                "SCHEMA_DRIFT on Jan 9, 2025 has no daily series to chart: the chart shows events, not this alert.");
        assertThat(marker.isVisible()).as("no day of events is this alert's").isFalse();
        assertThat(Truncation.truncatedLabels(window.getScene().getRoot(), java.util.Set.of())).isEmpty();

        select(robot, list, 2);
        assertThat(metric.getValue()).isEqualTo("bot_share");
        assertThat(note.isVisible()).isFalse();
        assertThat(marker.isVisible()).isTrue();
        assertThat(marker.getStartX()).as("on Jan 6's point").isCloseTo(xOf(chart, "2025-01-06"),
                org.assertj.core.data.Offset.offset(0.5));

        select(robot, list, 1);
        assertThat(metric.getValue()).isEqualTo("events");
        assertThat(marker.getStartX()).as("on Jan 7's point").isCloseTo(xOf(chart, "2025-01-07"),
                org.assertj.core.data.Offset.offset(0.5));

        // The analyst picks another metric: the chart no longer shows the alert's series, and says so.
        robot.interact(() -> metric.setValue("bot_share"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.getText()).isEqualTo(
                "The chart shows bot_share; VOLUME_ANOMALY on Jan 7, 2025 is about events.");
        assertThat(marker.isVisible()).isFalse();
    }

    private static void select(FxRobot robot, ListView<Object> list, int index) {
        robot.interact(() -> list.getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> list.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where the chart drew the value point of a day, in the plot's coordinates. */
    private static double xOf(LineChart<Number, Number> chart, String isoDate) {
        long day = java.time.LocalDate.parse(isoDate).toEpochDay();
        Node dot = chart.getData().get(0).getData().stream().filter(d -> d.getXValue().longValue() == day)
                .findFirst().orElseThrow().getNode();
        return dot.getBoundsInParent().getCenterX();
    }
}
