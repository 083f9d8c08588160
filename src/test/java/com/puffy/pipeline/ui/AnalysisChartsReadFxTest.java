package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.analysis.AnalysisResult;
import com.puffy.pipeline.analysis.AnalysisResults;
import com.puffy.pipeline.analysis.Fmt;
import com.puffy.pipeline.ui.analysis.AnalysisScreen;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.text.Text;
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
 * The Analysis charts read without a mouse at the width a 1024 px window gives the screen (780 px): the funnel's steps
 * say their sessions and share where the bars are a few pixels long; the channel chart names its channels apart,
 * writes money on its axis, and draws any attribution model of the report beside first click; money axes say "$".
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisChartsReadFxTest {
    private static final LocalDate START = LocalDate.of(2025, 2, 23);
    @TempDir
    static Path dir;
    static Path input;
    static AnalysisResult result;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;

    @BeforeAll
    static void runTheAnalysisOnTwoWeeks() throws Exception {
        input = dir.resolve("events");
        Path output = UiFixtures.analysedTwoWeeks(input, START);
        result = AnalysisResults.read(output.resolve("report"));
    }

    @Start
    void start(Stage stage) {
        window = stage;
        fixture.open(input);
    }

    @Test
    void theFunnelsStepsSayTheirSessionsAndShareOfAllSessions(FxRobot robot) throws Exception {
        show(robot);
        List<String> labels = visibleTicks(chart(robot, "#chart-funnel").getYAxis()).stream().map(Text::getText)
                .toList();
        // The steps top to bottom, each with the count and rate from the start that funnel.csv holds.
        List<String> expected = result.funnel().stream().map(s -> s.label() + "\n" + Formats.count(s.sessions())
                + " · " + Fmt.rate(s.rateFromStart())).toList();
        assertThat(labels).containsExactlyInAnyOrderElementsOf(expected);
        AnalysisResult.FunnelStep purchased = result.funnel().get(result.funnel().size() - 1);
        assertThat(purchased.sessions()).as("a step that is a sliver beside the sessions").isLessThan(
                result.funnel().get(0).sessions() / 10);
        assertThat(labels).anyMatch(l -> l.startsWith("Purchased\n" + Formats.count(purchased.sessions()) + " · "));
        apart(visibleTicks(chart(robot, "#chart-funnel").getYAxis()), false);
    }

    @Test
    void theChannelChartNamesItsChannelsApartAndWritesMoneyOnItsAxis(FxRobot robot) throws Exception {
        show(robot);
        XYChart<Number, String> channels = chart(robot, "#chart-channels");
        List<Text> names = visibleTicks(channels.getYAxis());
        assertThat(names).extracting(Text::getText).containsExactlyInAnyOrderElementsOf(
                result.attributionShift().stream().map(AnalysisResult.AttributionShift::channel).toList());
        assertThat(names).as("level").allMatch(t -> t.getRotate() == 0);
        apart(names, false);
        List<Text> money = visibleTicks(channels.getXAxis());
        assertThat(money).extracting(Text::getText).allMatch(t -> t.matches("\\$\\d{1,3}(,\\d{3})*(\\.\\d+)?[kM]?"));
        apart(money, true);
        assertThat(visibleTicks(chart(robot, "#chart-revenue").getYAxis())).extracting(Text::getText)
                .allMatch(t -> t.startsWith("$"));
        assertThat(visibleTicks(chart(robot, "#chart-devices").getYAxis())).extracting(Text::getText)
                .allMatch(t -> t.endsWith("%"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAttributionModelOfTheReportCanStandBesideFirstClick(FxRobot robot) throws Exception {
        show(robot);
        ComboBox<String> model = robot.lookup("#attribution-model").queryAs(ComboBox.class);
        assertThat(model.getItems()).containsExactly("last_click", "last_non_direct", "linear", "position_based",
                "time_decay");
        assertThat(model.getValue()).isEqualTo("last_click");
        javafx.scene.control.Label caption = robot.lookup("#chart-channels-caption")
                .queryAs(javafx.scene.control.Label.class);
        assertThat(caption.getText()).as("the report's sentence, about last click")
                .isEqualTo(result.insights("channels").get(0));
        assertThat(bars(robot, 0)).isEqualTo(revenue("first_click"));
        assertThat(bars(robot, 1)).isEqualTo(revenue("last_click"));
        for (String other : List.of("linear", "time_decay")) {
            robot.interact(() -> model.setValue(other));
            WaitForAsyncUtils.waitForFxEvents();
            XYChart<Number, String> channels = chart(robot, "#chart-channels");
            assertThat(channels.getData().get(1).getName()).isEqualTo(Fmt.model(other).toLowerCase());
            assertThat(bars(robot, 0)).as("first click stays").isEqualTo(revenue("first_click"));
            assertThat(bars(robot, 1)).as(other).isEqualTo(revenue(other));
            // "Direct earns the most under last click" stood over the bars of another model.
            assertThat(caption.getText()).as("not the last-click sentence over %s", other)
                    .isEqualTo(Fmt.model(other) + " drawn beside first click, its figures in Table (the report's"
                            + " sentence here is about last click).");
        }
        robot.interact(() -> model.setValue("last_click"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(caption.getText()).isEqualTo(result.insights("channels").get(0));
        assertThat(robot.lookup("#chart-channels").lookup(".section-title").queryAs(javafx.scene.control.Label.class)
                .getText()).isEqualTo("Channel revenue by attribution model");
        assertThat(Truncation.truncatedLabels(window.getScene().getRoot(), Set.of())).isEmpty();
    }

    @Test
    void exportWritesTheChartTableTheAnalystOpenedLastOrIsWorkingIn(FxRobot robot) throws Exception {
        AnalysisScreen screen = show(robot);
        assertThat(screen.visibleTable()).as("charts only").isNull();
        robot.interact(() -> asTable(robot, "chart-revenue").setSelected(true));
        robot.interact(() -> asTable(robot, "chart-funnel").setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        // The daily revenue table, first on the page, was exported whichever table had just been opened.
        assertThat(screen.visibleTable().getId()).isEqualTo("chart-funnel-data-table");
        javafx.scene.control.TableView<?> revenueTable = robot.lookup("#chart-revenue-data-table")
                .queryAs(javafx.scene.control.TableView.class);
        robot.interact(revenueTable::requestFocus);
        assertThat(screen.visibleTable().getId()).as("the table in focus").isEqualTo("chart-revenue-data-table");
        robot.interact(() -> asTable(robot, "chart-devices").setSelected(true));
        robot.interact(() -> asTable(robot, "chart-devices").requestFocus());
        assertThat(screen.visibleTable().getId()).isEqualTo("chart-devices-data-table");
        robot.interact(() -> asTable(robot, "chart-devices").setSelected(false));
        assertThat(screen.visibleTable().getId()).as("closed: the one opened before it")
                .isEqualTo("chart-funnel-data-table");
    }

    @Test
    void thePointsOfASeriesShareOneStyleAndKeepTheirSeriesColour(FxRobot robot) throws Exception {
        show(robot);
        for (String card : List.of("#chart-revenue", "#chart-orders", "#chart-funnel", "#chart-channels",
                "#chart-devices")) {
            XYChart<?, ?> chart = chart(robot, card);
            for (XYChart.Series<?, ?> series : chart.getData()) {
                // A "data<i>" class of each point's own made the CSS of every point be worked out anew.
                Set<List<String>> styles = series.getData().stream()
                        .map(p -> List.copyOf(p.getNode().getStyleClass())).collect(Collectors.toSet());
                assertThat(styles).as(card).hasSize(1);
                assertThat(styles.iterator().next()).as(card).anyMatch(c -> c.startsWith("default-color"))
                        .noneMatch(c -> c.matches("data\\d+"));
            }
        }
    }

    @Test
    void aCardMakesItsTableWhenTableIsFirstPressedAndTheTableListsTheChartsFile(FxRobot robot) throws Exception {
        show(robot);
        // Five tables and their bars, hidden behind the charts, were made, styled and laid out with the screen.
        assertThat(robot.lookup("#chart-orders-data-table").tryQuery()).isEmpty();
        robot.interact(() -> asTable(robot, "chart-orders").setSelected(true));
        javafx.scene.control.TableView<?> table = robot.lookup("#chart-orders-data-table")
                .queryAs(javafx.scene.control.TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertThat(table.getItems()).hasSize(result.daily().size());
        assertThat(UiFixtures.shown(table)).isTrue();
        robot.interact(() -> asTable(robot, "chart-orders").setSelected(false));
        assertThat(UiFixtures.shown(table)).isFalse();
        assertThat(UiFixtures.shown(chart(robot, "#chart-orders"))).isTrue();
        assertThat(robot.lookup("#chart-revenue-data-table").tryQuery()).as("another card's").isEmpty();
    }

    private static javafx.scene.control.ToggleButton asTable(FxRobot robot, String card) {
        return robot.lookup("#" + card + "-as-table").queryAs(javafx.scene.control.ToggleButton.class);
    }

    private static Map<String, Double> revenue(String model) {
        return result.channelRevenue(model).stream().filter(c -> c.revenue() != 0).collect(Collectors.toMap(
                AnalysisResult.ChannelModel::channel, AnalysisResult.ChannelModel::revenue));
    }

    private static Map<String, Double> bars(FxRobot robot, int series) {
        XYChart<Number, String> channels = chart(robot, "#chart-channels");
        // A channel without revenue under a model is a bar of 0, as the report's table writes $0.
        return channels.getData().get(series).getData().stream().filter(d -> d.getXValue().doubleValue() != 0)
                .collect(Collectors.toMap(XYChart.Data::getYValue, d -> d.getXValue().doubleValue()));
    }

    private AnalysisScreen show(FxRobot robot) throws Exception {
        AnalysisScreen[] screen = new AnalysisScreen[1];
        robot.interact(() -> screen[0] = fixture.showScreen(window, AnalysisScreen::new, 780, 728));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !chart(robot, "#chart-channels").getData().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        return screen[0];
    }

    @SuppressWarnings("unchecked")
    private static <X, Y> XYChart<X, Y> chart(FxRobot robot, String card) {
        return robot.from(robot.lookup(card).queryAs(Node.class)).lookup(".chart").queryAs(XYChart.class);
    }

    private static List<Text> visibleTicks(Axis<?> axis) {
        return axis.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.isVisible())
                .map(n -> (Text) n).toList();
    }

    /** No two labels share a pixel: along the axis (left to right, or top to bottom) each starts past the last. */
    private static void apart(List<Text> labels, boolean horizontal) {
        List<Text> sorted = labels.stream().sorted(Comparator.comparingDouble(t -> horizontal
                ? t.getBoundsInParent().getMinX() : t.getBoundsInParent().getMinY())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            double start = horizontal ? sorted.get(i).getBoundsInParent().getMinX()
                    : sorted.get(i).getBoundsInParent().getMinY();
            double end = horizontal ? sorted.get(i - 1).getBoundsInParent().getMaxX()
                    : sorted.get(i - 1).getBoundsInParent().getMaxY();
            assertThat(start).as(sorted.get(i).getText() + " clear of " + sorted.get(i - 1).getText())
                    .isGreaterThan(end);
        }
    }
}
