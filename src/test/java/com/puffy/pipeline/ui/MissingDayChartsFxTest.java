package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.GenerateSettings;
import com.puffy.pipeline.ui.analysis.AnalysisScreen;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.MoveTo;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A week whose fourth day's file is not in the folder: the daily charts leave that day open and say "no data"
 * there, rather than draw a straight line from Feb 25 to Feb 27 (Analysis's revenue, Monitoring's metric) or leave a
 * day of no bar that reads as a day of no orders.
 */
@ExtendWith(ApplicationExtension.class)
class MissingDayChartsFxTest {
    private static final LocalDate START = LocalDate.of(2025, 2, 23);
    @TempDir
    static java.nio.file.Path dir;
    static java.nio.file.Path input;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;

    @BeforeAll
    static void runTheAnalysisOnAWeekWithoutItsFourthDay() throws Exception {
        input = dir.resolve("events");
        EventGenerator.generate(new GenerateSettings(input, 7, 60, START, 7, Set.of()), Progress.NONE,
                Cancellation.none());
        Files.delete(input.resolve("events_20250226.csv"));
        RunSettings settings = new RunSettings(input, RunSettings.defaultOutputFor(input), ConfigLoader.defaults(),
                null, START.plusDays(7), false, null);
        StudioEngine.standardPipeline().run(settings, Set.of(StageId.ANALYSIS, StageId.MONITOR), false,
                PipelineListener.NONE, Cancellation.none());
    }

    @Start
    void start(Stage stage) {
        window = stage;
        fixture.open(input);
    }

    @Test
    void analysisLeavesTheMissingDayOpenInBothDailyCharts(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.showScreen(window, AnalysisScreen::new, 1024, 768));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chart(robot, "#chart-orders").getData().size() == 1
                && chart(robot, "#chart-orders").getData().get(0).getData().size() == 6);
        layout(robot);

        assertThat(robot.lookup("#analysis-insights .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText)).as("the period line names the day")
                .anyMatch(t -> t.startsWith("Period ") && t.contains("7 days, 6 with data")
                        && t.endsWith(" · no data on Feb 26"));
        XYChart<Number, Number> revenue = chart(robot, "#chart-revenue");
        assertThat(revenue.getData().get(0).getData()).as("six days with data, no zero for the missing one")
                .hasSize(6).noneMatch(d -> d.getXValue().longValue() == LocalDate.parse("2025-02-26").toEpochDay());
        assertThat(moveTos(revenue.getData().get(0))).as("the line in two runs, open over Feb 26").isEqualTo(2);
        for (String card : List.of("#chart-revenue", "#chart-orders")) {
            List<Node> bands = noDataBands(chart(robot, card));
            assertThat(bands).as(card + " marks one day without data").hasSize(1);
            Node band = bands.get(0);
            assertThat(band.isVisible()).isTrue();
            assertThat(band.getBoundsInParent().getWidth()).as(card + " band a day wide").isGreaterThan(10);
            assertThat(tooltip(band)).isEqualTo("Feb 26, 2025: no data (no event rows for this day)");
            double x = band.getBoundsInParent().getCenterX();
            double expected = chart(robot, card).getXAxis().getDisplayPosition(
                    LocalDate.parse("2025-02-26").toEpochDay());
            assertThat(x).as(card + " band over Feb 26").isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void onANarrowScreenThePeriodLineWrapsRatherThanCutTheMissingDays(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.showScreen(window, AnalysisScreen::new, 620, 700));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chart(robot, "#chart-orders").getData().size() == 1);
        layout(robot);
        javafx.scene.control.Label period = robot.lookup("#analysis-insights .label")
                .queryAllAs(javafx.scene.control.Label.class).stream().filter(l -> l.getText().startsWith("Period "))
                .findFirst().orElseThrow();
        assertThat(Truncation.truncatedLabels(period, Set.of())).as("the period line is whole").isEmpty();
    }

    @Test
    void monitoringLeavesTheMissingDayOpenInTheMetricChart(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.showScreen(window, MonitoringScreen::new, 1024, 768));
        @SuppressWarnings("unchecked")
        XYChart<Number, Number> metric = robot.lookup("#metric-chart").queryAs(XYChart.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !metric.getData().isEmpty()
                && metric.getData().get(0).getData().size() >= 5);
        layout(robot);
        assertThat(moveTos(metric.getData().get(0))).as("the value line open over Feb 26").isEqualTo(2);
        List<Node> bands = noDataBands(metric);
        assertThat(bands).hasSize(1);
        assertThat(tooltip(bands.get(0))).startsWith("Feb 26, 2025: no data");
    }

    @Test
    void aDayBetweenTwoDaysWithoutDataIsDrawnOnALineWithoutDots(FxRobot robot) {
        // Past two months the revenue line has no dots; a day alone between two missing days was a MoveTo only.
        long first = LocalDate.parse("2025-01-01").toEpochDay();
        DayAxis days = new DayAxis();
        GapLineChart chart = new GapLineChart(days, new javafx.scene.chart.NumberAxis());
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (long day : new long[] {first, first + 1, first + 3, first + 5, first + 6}) {
            series.getData().add(new XYChart.Data<>(day, 100 + day - first));
        }
        robot.interact(() -> {
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            days.span(first, first + 6, false);
            chart.getData().add(series);
            chart.setNoDataDays(List.of("2025-01-03", "2025-01-05"), iso -> iso);
            window.setScene(new javafx.scene.Scene(chart, 800, 400));
            window.show();
            chart.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<javafx.scene.shape.PathElement> elements = ((javafx.scene.shape.Path) series.getNode()).getElements();
        assertThat(moveTos(series)).as("three runs: Jan 1-2, Jan 4, Jan 6-7").isEqualTo(3);
        int lone = 2; // after Jan 1 (MoveTo) and Jan 2 (LineTo)
        assertThat(elements.get(lone)).isInstanceOf(MoveTo.class);
        assertThat(elements.get(lone + 1)).as("Jan 4 has a stroke of its own, not a MoveTo alone")
                .isInstanceOf(javafx.scene.shape.LineTo.class);
        double x = chart.getXAxis().getDisplayPosition(first + 3);
        assertThat(((MoveTo) elements.get(lone)).getX()).isLessThan(x);
        assertThat(((javafx.scene.shape.LineTo) elements.get(lone + 1)).getX()).isGreaterThan(x);
        assertThat(elements.get(lone + 2)).as("Jan 6 starts the last run").isInstanceOf(MoveTo.class);
    }

    private void layout(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long moveTos(XYChart.Series<Number, Number> series) {
        return ((javafx.scene.shape.Path) series.getNode()).getElements().stream().filter(MoveTo.class::isInstance).count();
    }

    private static List<Node> noDataBands(XYChart<?, ?> chart) {
        return chart.lookupAll(".chart-no-data").stream().toList();
    }

    private static String tooltip(Node node) {
        Object tip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof Tooltip t ? t.getText() : null;
    }

    @SuppressWarnings("unchecked")
    private static XYChart<Number, Number> chart(FxRobot robot, String card) {
        return robot.from(robot.lookup(card).queryAs(Node.class)).lookup(".chart").queryAs(XYChart.class);
    }
}
