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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
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
 * The Analysis screen writes its figures as report.html of the same run does (decision 0796, 0803): a figure that does
 * not exist is "–" on a tile, one day draws no daily chart, a period of one day is that day. Checked on a folder of
 * one day and on one whose purchases were taken out.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisReadsAsTheReportFxTest {
    private static final LocalDate START = LocalDate.of(2025, 2, 23);
    @TempDir
    static Path dir;
    static Path oneDay;
    static Path noPurchase;
    static Path missingDay;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;

    @BeforeAll
    static void runTheAnalysisOnOneDayAndOnThreeDaysWithoutAPurchase() throws Exception {
        oneDay = dir.resolve("one-day");
        EventGenerator.generate(new GenerateSettings(oneDay, 1, 400, START, 7, Set.of()), Progress.NONE,
                Cancellation.none());
        analyse(oneDay);
        noPurchase = dir.resolve("no-purchase");
        EventGenerator.generate(new GenerateSettings(noPurchase, 3, 400, START, 7, Set.of()), Progress.NONE,
                Cancellation.none());
        try (var files = Files.list(noPurchase)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("events_")).toList()) {
                Files.write(file, Files.readAllLines(file).stream().filter(l -> !l.contains(",checkout_completed,"))
                        .toList());
            }
        }
        analyse(noPurchase);
        missingDay = dir.resolve("missing-day");
        EventGenerator.generate(new GenerateSettings(missingDay, 3, 400, START, 7, Set.of()), Progress.NONE,
                Cancellation.none());
        Files.delete(missingDay.resolve("events_20250224.csv"));
        analyse(missingDay);
    }

    private static void analyse(Path input) throws Exception {
        StudioEngine.standardPipeline().run(new RunSettings(input, RunSettings.defaultOutputFor(input),
                ConfigLoader.defaults(), null, START.plusDays(3), false, null), Set.of(StageId.ANALYSIS), false,
                PipelineListener.NONE, Cancellation.none());
    }

    @Start
    void start(Stage stage) {
        window = stage;
    }

    @Test
    void withoutAPurchaseTheTilesSayTheReportsDashAndNoFlatChartIsDrawn(FxRobot robot) throws Exception {
        show(robot, noPurchase);
        Map<String, String> report = reportTiles(noPurchase);
        assertThat(report.get("Average order value")).isEqualTo("\u2013");
        // "$0" stood where the report's tile reads "–": an average of no order is not $0.
        assertThat(text(robot, "#kpi-aov")).isEqualTo(report.get("Average order value"));
        assertThat(text(robot, "#kpi-cvr")).as("a measured rate of sessions without an order")
                .isEqualTo(report.get("Conversion rate")).isEqualTo("0.0%");
        assertThat(text(robot, "#kpi-revenue")).isEqualTo(report.get("Revenue"));
        // The report draws no chart of $0 a day, nor one of no channel's revenue: a flat line read as a chart.
        assertNoChart(robot, "chart-revenue", "No revenue on any day, so there is no chart.");
        assertNoChart(robot, "chart-orders", "No orders on any day, so there is no chart.");
        assertNoChart(robot, "chart-channels", "No revenue to credit to a channel, so there is no chart.");
        // Bars of 0.0% drew an empty "0.00%" frame; the report drew two (device, visitor type).
        assertNoChart(robot, "chart-devices", "Every device converts at 0.0%, so there is no chart.");
        String html = Files.readString(RunSettings.defaultOutputFor(noPurchase).resolve("report/report.html"));
        String segments = html.substring(html.indexOf("id=\"segments\""));
        segments = segments.substring(0, segments.indexOf("</section>"));
        assertThat(segments).doesNotContain("<svg").contains("No session converted, so there are no charts of "
                + "conversion by device or visitor type: every rate in the table below is 0.0%.");
        // "First click vs Last click" chose what a chart not drawn would draw.
        assertThat(shown(robot.lookup("#attribution-model").queryAs(Node.class))).as("the model chooser").isFalse();
        assertThat(robot.lookup("#chart-funnel").lookup(".chart").queryAs(Node.class).isVisible()).isTrue();
        // The table is still one click away.
        robot.interact(() -> robot.lookup("#chart-revenue-as-table")
                .queryAs(javafx.scene.control.ToggleButton.class).setSelected(true));
        assertThat(robot.lookup("#chart-revenue-no-chart").queryAs(Label.class).isVisible()).isFalse();
        assertThat(Truncation.truncatedLabels(window.getScene().getRoot(), Set.of())).isEmpty();
    }

    @Test
    void thePeriodLineSaysTheReportsDaysAndTheDaysWithDataWhenADayIsMissing(FxRobot robot) throws Exception {
        // The screen said "2 days with data" where the report's header said "3 days, 2 with data", and "3 days with
        // data" where it said "3 days".
        show(robot, missingDay);
        String html = Files.readString(RunSettings.defaultOutputFor(missingDay).resolve("report/report.html"));
        assertThat(html).contains("<p class=\"sub\">Feb 23 \u2013 Feb 25, 2025 \u00b7 3 days, 2 with data \u00b7 ");
        assertThat(periodLine(robot)).startsWith("Period Feb 23 \u2013 Feb 25, 2025 \u00b7 3 days, 2 with data \u00b7 ")
                .endsWith(" \u00b7 no data on Feb 24");
        show(robot, noPurchase);
        assertThat(Files.readString(RunSettings.defaultOutputFor(noPurchase).resolve("report/report.html")))
                .contains("<p class=\"sub\">Feb 23 \u2013 Feb 25, 2025 \u00b7 3 days \u00b7 ");
        assertThat(periodLine(robot)).startsWith("Period Feb 23 \u2013 Feb 25, 2025 \u00b7 3 days \u00b7 ");
    }

    @Test
    void thePeriodLineCountsTheEventsAndRowsInTheReportsWords(FxRobot robot) throws Exception {
        // The screen said "… valid of … rows read" from the Quality stage's file summary, the report's header "… valid
        // events of … rows read" from the Transform's daily events: two wordings, two files for one figure.
        show(robot, noPurchase);
        String html = Files.readString(RunSettings.defaultOutputFor(noPurchase).resolve("report/report.html"));
        Matcher rows = Pattern.compile(
                "<p class=\"sub\">[^<]* \u00b7 ([0-9,]+ valid events? of [0-9,]+ rows? read)</p>").matcher(html);
        assertThat(rows.find()).as("the report's header counts the rows").isTrue();
        assertThat(periodLine(robot)).contains(" \u00b7 " + rows.group(1));
    }

    @Test
    void withoutOrdersTheFunnelKeepsItsHalfAndTheSentencesWhyThereIsNoSplitStandBesideIt(FxRobot robot)
            throws Exception {
        show(robot, noPurchase);
        // Decision 0824 gave the funnel a row of its own, its chart half the row and the rest of it blank, with "Every
        // device converts at 0.0%" and "No revenue to credit to a channel" in two more rows under it.
        Region funnel = robot.lookup("#chart-funnel").queryAs(Region.class);
        Region devices = robot.lookup("#chart-devices").queryAs(Region.class);
        Region channels = robot.lookup("#chart-channels").queryAs(Region.class);
        Region grid = (Region) funnel.getParent();
        javafx.geometry.Bounds funnelOnScreen = funnel.localToScene(funnel.getLayoutBounds());
        javafx.geometry.Bounds devicesOnScreen = devices.localToScene(devices.getLayoutBounds());
        javafx.geometry.Bounds channelsOnScreen = channels.localToScene(channels.getLayoutBounds());
        assertThat(funnel.getHeight()).as("the drawn funnel keeps its height").isGreaterThan(260);
        assertThat(funnel.getWidth()).as("the funnel's card half the row").isLessThan(grid.getWidth() / 2);
        Region funnelChart = robot.from(funnel).lookup(".chart").queryAs(Region.class);
        assertThat(funnelChart.getWidth()).as("its chart across its card")
                .isGreaterThan(0.95 * (funnel.getWidth() - funnel.getPadding().getLeft() - funnel.getPadding().getRight()));
        // Beside it, from its top: why there is no device chart, then why there is no channel chart.
        assertThat(devicesOnScreen.getMinX()).as("the device card beside the funnel").isGreaterThan(funnelOnScreen.getMaxX());
        assertThat(devicesOnScreen.getMinY()).isEqualTo(funnelOnScreen.getMinY());
        assertThat(channelsOnScreen.getMinX()).as("the channel card beside the funnel").isEqualTo(devicesOnScreen.getMinX());
        assertThat(channelsOnScreen.getMinY()).as("under the device card, within the funnel's height")
                .isGreaterThan(devicesOnScreen.getMaxY()).isLessThan(devicesOnScreen.getMaxY() + 20)
                .isLessThan(funnelOnScreen.getMaxY());
        // Each as tall as its sentence: no white under either (decision 0821).
        for (String card : java.util.List.of("chart-devices", "chart-channels")) {
            Region region = robot.lookup("#" + card).queryAs(Region.class);
            Label sentence = robot.lookup("#" + card + "-no-chart").queryAs(Label.class);
            javafx.geometry.Bounds said = region.sceneToLocal(sentence.localToScene(sentence.getLayoutBounds()));
            assertThat(region.getHeight() - said.getMaxY()).as("room under " + card + "'s sentence")
                    .isLessThanOrEqualTo(region.getPadding().getBottom() + 1);
        }
        Screenshots.save(window.getScene(), "analysis-without-orders");
        // "Table" gives the device card the chart's height beside the funnel, and the channel card its row back.
        robot.interact(() -> robot.lookup("#chart-devices-as-table")
                .queryAs(javafx.scene.control.ToggleButton.class).setSelected(true));
        robot.interact(() -> window.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds tableOnScreen = devices.localToScene(devices.getLayoutBounds());
        assertThat(devices.getHeight()).as("the device card showing its table").isGreaterThan(260);
        assertThat(tableOnScreen.getMinX()).as("beside the funnel")
                .isGreaterThan(funnel.localToScene(funnel.getLayoutBounds()).getMaxX());
        assertThat(tableOnScreen.getMinY()).isEqualTo(funnel.localToScene(funnel.getLayoutBounds()).getMinY());
        assertThat(channels.localToScene(channels.getLayoutBounds()).getMinY()).as("the channel card under both")
                .isGreaterThan(tableOnScreen.getMaxY());
        assertThat(channels.getWidth()).as("across the page").isGreaterThan(grid.getWidth() - 1);
    }

    /** Whether the node and every node it stands in are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String periodLine(FxRobot robot) {
        return robot.lookup("#analysis-insights").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(Label.class::cast).findFirst().orElseThrow().getText();
    }

    @Test
    void aCardWithoutItsChartIsAsTallAsItsSentenceAndItsTableGetsTheChartsHeight(FxRobot robot) throws Exception {
        show(robot, noPurchase);
        // The channel card stood 380 px tall around "No revenue to credit to a channel, so there is no chart."
        javafx.scene.layout.Region channels = robot.lookup("#chart-channels").queryAs(javafx.scene.layout.Region.class);
        Label sentence = robot.lookup("#chart-channels-no-chart").queryAs(Label.class);
        javafx.geometry.Bounds said = channels.sceneToLocal(sentence.localToScene(sentence.getLayoutBounds()));
        // Beside the funnel at half the width (decision 0833) its title and its sentence may take two lines each.
        assertThat(channels.getHeight()).as("the channel card: its title and one sentence").isLessThan(160);
        assertThat(channels.getHeight() - said.getMaxY()).as("room under the channel card's sentence")
                .isLessThanOrEqualTo(channels.getPadding().getBottom() + 1);
        // Revenue and orders share a row, both without a chart: the row is as tall as the taller card's words.
        for (String card : java.util.List.of("chart-revenue", "chart-orders")) {
            assertThat(robot.lookup("#" + card).queryAs(javafx.scene.layout.Region.class).getHeight()).as(card)
                    .isLessThan(200);
        }
        javafx.scene.layout.Region funnel = robot.lookup("#chart-funnel").queryAs(javafx.scene.layout.Region.class);
        assertThat(funnel.getHeight()).as("a drawn chart keeps its height").isGreaterThan(260);
        robot.interact(() -> robot.lookup("#chart-channels-as-table")
                .queryAs(javafx.scene.control.ToggleButton.class).setSelected(true));
        robot.interact(() -> window.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(channels.getHeight()).as("the table opened in the card's place").isGreaterThan(380);
    }

    @Test
    void oneDayDrawsNoDailyChartAndItsPeriodIsThatDay(FxRobot robot) throws Exception {
        show(robot, oneDay);
        assertNoChart(robot, "chart-revenue", "One day of data: Table shows its revenue.");
        assertNoChart(robot, "chart-orders", "One day of data: Table shows its orders.");
        String html = Files.readString(RunSettings.defaultOutputFor(oneDay).resolve("report/report.html"));
        assertThat(html).contains("One day of data: its revenue is in the table below.");
        // "Period Feb 23 → Feb 23, 2025": the report's header says the day.
        assertThat(periodLine(robot)).startsWith("Period Feb 23, 2025 · 1 day · ");
        assertThat(html).contains("<p class=\"sub\">Feb 23, 2025 \u00b7 1 day");
        assertThat(text(robot, "#kpi-aov")).isEqualTo(reportTiles(oneDay).get("Average order value"));
        assertThat(text(robot, "#kpi-cvr")).isEqualTo(reportTiles(oneDay).get("Conversion rate"));
    }

    private static void assertNoChart(FxRobot robot, String card, String sentence) {
        Label said = robot.lookup("#" + card + "-no-chart").queryAs(Label.class);
        assertThat(said.isVisible()).as(card + " says why it has no chart").isTrue();
        assertThat(said.getText()).isEqualTo(sentence);
        assertThat(robot.lookup("#" + card).lookup(".chart").queryAs(Node.class).isVisible()).as(card + " chart")
                .isFalse();
    }

    /** The report's tiles, label to value. */
    private static Map<String, String> reportTiles(Path input) throws Exception {
        String html = Files.readString(RunSettings.defaultOutputFor(input).resolve("report/report.html"));
        Matcher tile = Pattern.compile("<div class=\"label\">([^<]*)</div><div class=\"value\">([^<]*)</div>")
                .matcher(html);
        Map<String, String> tiles = new LinkedHashMap<>();
        while (tile.find()) {
            tiles.put(tile.group(1), tile.group(2).replace("&amp;", "&"));
        }
        return tiles;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void show(FxRobot robot, Path input) throws Exception {
        robot.interact(() -> {
            fixture.open(input);
            fixture.showScreen(window, AnalysisScreen::new, 780, 728);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#kpi-aov").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
