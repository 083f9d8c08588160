package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ElsewhereDefaults;
import com.puffy.pipeline.ui.analysis.AnalysisScreen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Analysis's daily orders and conversion by device on the machines of decision 0817, over a shop of about 2,000 orders
 * a day whose devices convert at about 1 % (the 5M-row folder's figures): the axes write "1,500" and "0.2%" as the rest
 * of the app does, where JavaFX's own labels wrote "1.500" and "0,2%" on a German machine (decision 0819).
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisAxesElsewhereFxTest {
    private static final LocalDate START = LocalDate.of(2025, 2, 23);
    @TempDir
    static Path dir;
    static Path input;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;

    @BeforeAll
    static void twoWeeksOfThousandsOfOrdersADay() throws Exception {
        input = dir.resolve("events");
        Path output = UiFixtures.analysedTwoWeeks(input, START);
        Path report = output.resolve("report");
        List<String> days = Files.readAllLines(report.resolve("daily_trends.csv"));
        int orders = List.of(days.get(0).split(",")).indexOf("orders");
        List<String> busier = new ArrayList<>(List.of(days.get(0)));
        for (int i = 1; i < days.size(); i++) {
            String[] cells = days.get(i).split(",", -1);
            cells[orders] = Integer.toString(1700 + 30 * i);
            busier.add(String.join(",", cells));
        }
        Files.write(report.resolve("daily_trends.csv"), busier);
        List<String> segments = new ArrayList<>(Files.readAllLines(report.resolve("segments.csv")).stream()
                .filter(line -> !line.startsWith("device,")).toList());
        segments.addAll(1, List.of("device,Mobile,16680,174,0.010432,156241.89,9.37,0.628912",
                "device,Desktop,9361,90,0.009614,83913.9,8.96,0.352952",
                "device,Tablet,481,4,0.008316,3994,8.3,0.018136"));
        Files.write(report.resolve("segments.csv"), segments);
    }

    @Start
    void start(Stage stage) {
        window = stage;
        fixture.open(input);
    }

    static List<ElsewhereDefaults.Machine> machines() {
        return ElsewhereDefaults.MACHINES;
    }

    @ParameterizedTest
    @MethodSource("machines")
    void theOrdersAndConversionAxesWriteNumbersAsTheAppDoes(ElsewhereDefaults.Machine machine, FxRobot robot)
            throws Exception {
        List<List<String>> axes = ElsewhereDefaults.on(machine, () -> {
            // Made on the machine: a JavaFX axis takes the locale of when it was made, and of when its range changed.
            robot.interact(() -> fixture.showScreen(window, AnalysisScreen::new, 1280, 900));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !chart(robot, "#chart-orders").getData().isEmpty()
                    && !chart(robot, "#chart-devices").getData().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.getScene().getRoot().layout());
            WaitForAsyncUtils.waitForFxEvents();
            return List.of(visibleTicks(chart(robot, "#chart-orders").getYAxis()),
                    visibleTicks(chart(robot, "#chart-devices").getYAxis()));
        });
        assertThat(axes.get(0)).as("daily orders on " + machine).contains("1,000", "2,000")
                .allMatch(tick -> tick.matches("\\d{1,3}(,\\d{3})*"));
        assertThat(axes.get(1)).as("conversion by device on " + machine).isNotEmpty()
                .allMatch(tick -> tick.matches("\\d+(\\.\\d+)?%")).anyMatch(tick -> tick.contains("."));
    }

    @org.junit.jupiter.api.Test
    void everyValueAxisWritesItsTicksWithOneNumberOfDecimals(FxRobot robot) throws Exception {
        // The devices' conversion axis read "0.9%, 1%, 1.1%" on these rates (decision 0824).
        robot.interact(() -> fixture.showScreen(window, AnalysisScreen::new, 1280, 900));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !chart(robot, "#chart-devices").getData().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> devices = visibleTicks(chart(robot, "#chart-devices").getYAxis());
        assertThat(devices).as("conversion by device").contains("1.0%");
        // Measured with the labels it writes: "% of sessions converting" ran into "1.0%" measured as "1%".
        Axis<?> rates = chart(robot, "#chart-devices").getYAxis();
        double title = rates.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.control.Label)
                .mapToDouble(n -> n.getBoundsInParent().getMaxX()).max().orElseThrow();
        double labelsLeft = rates.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.isVisible())
                .mapToDouble(n -> n.getBoundsInParent().getMinX()).min().orElseThrow();
        assertThat(title).as("the axis title's right edge against its labels' left edge").isLessThanOrEqualTo(labelsLeft);
        for (String card : List.of("#chart-devices", "#chart-revenue", "#chart-orders", "#chart-funnel")) {
            XYChart<?, ?> chart = chart(robot, card);
            Axis<?> values = card.equals("#chart-funnel") ? chart.getXAxis() : chart.getYAxis();
            List<String> ticks = visibleTicks(values);
            assertThat(ticks).as(card).hasSizeGreaterThanOrEqualTo(3);
            // From 0: the zero bare, "$0" and "0%", not "$0k" and "0.0%" (decision 0833); the others alike.
            String zero = card.equals("#chart-revenue") ? "$0" : card.equals("#chart-devices") ? "0%" : "0";
            assertThat(ticks).as(card).contains(zero);
            assertThat(ticks.stream().filter(t -> !t.equals(zero)).map(TickLabelsTest::decimals).distinct())
                    .as(card + ": " + ticks).hasSize(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static <X, Y> XYChart<X, Y> chart(FxRobot robot, String card) {
        return robot.from(robot.lookup(card).queryAs(Node.class)).lookup(".chart").queryAs(XYChart.class);
    }

    private static List<String> visibleTicks(Axis<?> axis) {
        return axis.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.isVisible())
                .map(n -> ((Text) n).getText()).toList();
    }
}
