package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import com.puffy.pipeline.ui.monitor.MonitoringViewModel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
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
 * The Monitoring screen in front is read again when its stage finishes and when the run ends (decision 0752): it
 * keeps the chart's series and dots and the alert cards' nodes, and shows what the files now say (decision 0832).
 * Made anew, they cost the FX thread 2–2.6 s under load at a stage's end (decision 0826).
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringReadAgainKeepsItsNodesFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    MonitoringScreen monitoring;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "alerts.csv", UiFixtures.TWO_CRITICAL_ONE_WARNING);
        fixture.write(StageId.MONITOR, "incidents.csv", "incident_id,check,first_date,last_date,alerts,"
                + "worst_severity,summary\n");
        fixture.write(StageId.MONITOR, "metrics.csv", metrics(100));
        monitoring = fixture.showScreen(stage, MonitoringScreen::new, 900, 600);
    }

    /** Fourteen days of events ({@code usual} a day, 40 on Jan 7, which fired) and of bot share. */
    private static String metrics(int usual) {
        StringBuilder metrics = new StringBuilder("date,metric,value,baseline,band_low,band_high,fired\n");
        for (int d = 1; d <= 14; d++) {
            String date = String.format(java.util.Locale.ROOT, "2025-01-%02d", d);
            metrics.append(date).append(",events,").append(d == 7 ? 40 : usual).append(",100,60,140,").append(d == 7)
                    .append('\n');
            metrics.append(date).append(",bot_share,").append(d == 6 ? 0.25 : 0.05).append(",0.05,,0.2,")
                    .append(d == 6).append('\n');
        }
        return metrics.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameMetricsReadAgainKeepTheChartsDots(FxRobot robot) throws Exception {
        LineChart<Number, Number> chart = chart(robot);
        XYChart.Series<Number, Number> values = chart.getData().get(0);
        List<Node> dots = values.getData().stream().map(XYChart.Data::getNode).toList();
        assertThat(dots).hasSize(14).doesNotContainNull();

        // A new alert, the same metrics: what a run over the same days writes.
        fixture.write(StageId.MONITOR, "alerts.csv", UiFixtures.TWO_CRITICAL_ONE_WARNING
                + "A4,2025-01-10,BOT_SHARE,INFO,bot_share,0.21,0.05,0.2,Bots made 21% of valid rows.,Look.\n");
        robot.interact(() -> monitoring.reload());
        ListView<MonitoringViewModel.Alert> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.getData().get(0)).isSameAs(values);
        assertThat(values.getData().stream().map(XYChart.Data::getNode).toList())
                .as("the same dots, not new ones").containsExactlyElementsOf(dots);
    }

    @Test
    @SuppressWarnings("unchecked")
    void newValuesOverTheSameDaysMoveTheDotsDrawnAndTheirTooltipsSayTheNewValues(FxRobot robot) throws Exception {
        LineChart<Number, Number> chart = chart(robot);
        List<Node> dots = chart.getData().get(0).getData().stream().map(XYChart.Data::getNode).toList();
        Node firedDot = chart.getData().get(4).getData().get(0).getNode();

        fixture.write(StageId.MONITOR, "metrics.csv", metrics(120));
        robot.interact(() -> monitoring.reload());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getData().get(0).getData().get(0).getYValue()
                .doubleValue() == 120);
        WaitForAsyncUtils.waitForFxEvents();

        List<XYChart.Data<Number, Number>> points = chart.getData().get(0).getData();
        assertThat(points).extracting(p -> p.getYValue().doubleValue())
                .containsExactly(120.0, 120.0, 120.0, 120.0, 120.0, 120.0, 40.0, 120.0, 120.0, 120.0, 120.0, 120.0,
                        120.0, 120.0);
        assertThat(points.stream().map(XYChart.Data::getNode).toList()).containsExactlyElementsOf(dots);
        assertThat(tooltip(points.get(0).getNode())).isEqualTo(
                "Jan 1, 2025: 120 · baseline 100 · no alert from 60 to 140");
        assertThat(chart.getData().get(4).getData()).hasSize(1);
        assertThat(chart.getData().get(4).getData().get(0).getNode()).isSameAs(firedDot);
        assertThat(tooltip(firedDot)).isEqualTo(
                "Jan 7, 2025: 40 · baseline 100 · no alert from 60 to 140 · fired an alert");
        // Drawn where the new value is: the dot sits on the line's point of Jan 1.
        robot.interact(() -> chart.getScene().getRoot().layout());
        double y = chart.getYAxis().getDisplayPosition(120);
        assertThat(points.get(0).getNode().getBoundsInParent().getCenterY())
                .isCloseTo(y, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void theBaselineAndTheBandsEdgesAreLinesWithoutDots(FxRobot robot) throws Exception {
        LineChart<Number, Number> chart = chart(robot);
        for (int series = 1; series <= 3; series++) {
            assertThat(chart.getData().get(series).getData()).as("series %d", series).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.getNode()).isNull());
        }
        assertThat(chart.getData().get(0).getData()).allSatisfy(p -> assertThat(p.getNode()).isNotNull());
        assertThat(chart.getData().get(4).getData()).singleElement()
                .satisfies(p -> assertThat(p.getNode()).isNotNull());
        // One style for the dots of a series, as for the other charts' points (SharedPointStyle).
        assertThat(chart.getData().get(0).getData().stream().map(p -> List.copyOf(p.getNode().getStyleClass()))
                .distinct()).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertCardsKeepTheirNodesAndSayTheAlertsReadAgain(FxRobot robot) throws Exception {
        ListView<MonitoringViewModel.Alert> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(graphics(list));
        assertThat(before).hasSize(3);

        // The schema drift's message is now another: the card on top must say it.
        fixture.write(StageId.MONITOR, "alerts.csv", UiFixtures.TWO_CRITICAL_ONE_WARNING
                .replace("`referrer` is missing.", "`page_url` is missing."));
        robot.interact(() -> monitoring.reload());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().get(0).message()
                .contains("page_url"));
        WaitForAsyncUtils.waitForFxEvents();

        List<Node> after = graphics(list);
        assertThat(after).hasSize(3).allSatisfy(g -> assertThat(before).as("a card's nodes made anew").contains(g));
        ListCell<?> top = cells(list).stream().filter(c -> c.getIndex() == 0).findFirst().orElseThrow();
        assertThat(top.getAccessibleText()).isEqualTo(
                "SCHEMA_DRIFT · Jan 9, 2025 · CRITICAL. page_url is missing. Next: Ask the export owner.");
        assertThat(UiFixtures.flowText(top.getGraphic().lookup("#alert-message"))).isEqualTo("page_url is missing.");
        assertThat(top.getGraphic().lookup(".alert-icon-critical")).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> chart(FxRobot robot) throws Exception {
        LineChart<Number, Number> chart = robot.lookup("#metric-chart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getData().size() == 5
                && chart.getData().get(0).getData().size() == 14);
        WaitForAsyncUtils.waitForFxEvents();
        return chart;
    }

    private static String tooltip(Node node) {
        Object tip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof Tooltip t ? t.getText() : null;
    }

    private static List<ListCell<?>> cells(ListView<?> list) {
        return list.lookupAll(".list-cell").stream().<ListCell<?>>map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() != null && c.isVisible()).toList();
    }

    private static List<Node> graphics(ListView<?> list) {
        return cells(list).stream().map(ListCell::getGraphic).toList();
    }
}
