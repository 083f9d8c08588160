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
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
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
 * Analysis's daily charts on 40 days, too many for a label a day: the days sit level on a day axis, thinned so no
 * two labels touch, at a laptop's width and a wide screen's, the same days under both charts; every day's bar
 * still says its date and orders.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisDayAxisFxTest {
    private static final int DAYS = 40;
    private static final LocalDate START = LocalDate.of(2025, 2, 23);
    @TempDir
    static Path dir;
    static Path input;
    static Path output;
    static Path twoWeeks;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;

    @BeforeAll
    static void runTheAnalysisOnFortyDays() throws Exception {
        input = dir.resolve("events");
        EventGenerator.generate(new GenerateSettings(input, DAYS, 60, START, 7, Set.of()), Progress.NONE,
                Cancellation.none());
        output = RunSettings.defaultOutputFor(input);
        RunSettings settings = new RunSettings(input, output, ConfigLoader.defaults(), null, START.plusDays(DAYS),
                false, null);
        StudioEngine.standardPipeline().run(settings, Set.of(StageId.ANALYSIS), false, PipelineListener.NONE,
                Cancellation.none());
        twoWeeks = dir.resolve("two-weeks");
        EventGenerator.generate(new GenerateSettings(twoWeeks, 14, 60, START, 7, Set.of()), Progress.NONE,
                Cancellation.none());
        StudioEngine.standardPipeline().run(new RunSettings(twoWeeks, RunSettings.defaultOutputFor(twoWeeks),
                ConfigLoader.defaults(), null, START.plusDays(14), false, null), Set.of(StageId.ANALYSIS), false,
                PipelineListener.NONE, Cancellation.none());
    }

    @Start
    void start(Stage stage) {
        window = stage;
        fixture.open(input);
    }

    @Test
    void onALaptopTheDailyChartsThinTheirDaysAndKeepThemLevel(FxRobot robot) throws Exception {
        show(robot, 1024, 768);
        List<String> revenue = levelLabelsApart(robot, "#chart-revenue");
        assertThat(revenue).as("revenue labels a day of every few").hasSizeLessThan(DAYS);
        assertThat(levelLabelsApart(robot, "#chart-orders")).as("side by side, the same days").isEqualTo(revenue);
        everyBarSaysItsDateAndOrders(robot);
    }

    @Test
    void onAWideScreenTheDailyChartsKeepTheirDaysLevelToo(FxRobot robot) throws Exception {
        show(robot, 1440, 900);
        List<String> revenue = levelLabelsApart(robot, "#chart-revenue");
        assertThat(revenue).as("revenue labels").first().isEqualTo("Feb 23");
        assertThat(levelLabelsApart(robot, "#chart-orders")).as("side by side, the same days").isEqualTo(revenue);
        everyBarSaysItsDateAndOrders(robot);
    }

    /**
     * Two weeks at the width the Analysis screen gets in a 1024 px window beside the compact rail (780 px), and a
     * little less (a scroll bar, a wider rail): a label every 7 days left two days named under each chart, where
     * "Feb 23" needs about 40 px and a day has about 18.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {780, 700})
    void atTheScreenWidthOfA1024pxWindowTwoWeeksAreLabelledEveryTwoOrThreeDays(double width, FxRobot robot)
            throws Exception {
        robot.interact(() -> fixture.vm().openFolder(twoWeeks));
        show(robot, width, 768, 14);
        List<String> revenue = levelLabelsApart(robot, "#chart-revenue");
        assertThat(revenue).as("14 days labelled every 2 or 3 days").hasSizeGreaterThanOrEqualTo(5);
        assertThat(levelLabelsApart(robot, "#chart-orders")).as("side by side, the same days").isEqualTo(revenue);
    }

    private void show(FxRobot robot, double width, double height) throws Exception {
        show(robot, width, height, DAYS);
    }

    private void show(FxRobot robot, double width, double height, int days) throws Exception {
        robot.interact(() -> fixture.showScreen(window, AnalysisScreen::new, width, height));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> orders(robot).getData().size() == 1
                && orders(robot).getData().get(0).getData().size() == days);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The chart's visible day labels, left to right, after checking each is level and clear of the one before. */
    private static List<String> levelLabelsApart(FxRobot robot, String card) {
        XYChart<?, ?> chart = robot.from(robot.lookup(card).queryAs(Node.class)).lookup(".chart")
                .queryAs(XYChart.class);
        List<Text> labels = chart.getXAxis().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Text && n.isVisible()).map(n -> (Text) n)
                .sorted(Comparator.comparingDouble(t -> t.getBoundsInParent().getMinX())).toList();
        assertThat(labels).as(card + " has day labels").isNotEmpty();
        assertThat(labels).as(card + " labels level").allMatch(t -> t.getRotate() == 0);
        for (int i = 1; i < labels.size(); i++) {
            assertThat(labels.get(i).getBoundsInParent().getMinX()).as(card + " " + labels.get(i).getText()
                    + " clear of " + labels.get(i - 1).getText())
                    .isGreaterThan(labels.get(i - 1).getBoundsInParent().getMaxX());
        }
        List<String> texts = labels.stream().map(Text::getText).toList();
        assertThat(texts).allMatch(t -> t.matches("(Feb|Mar|Apr) \\d{1,2}"));
        return texts;
    }

    private static void everyBarSaysItsDateAndOrders(FxRobot robot) {
        for (XYChart.Data<Number, Number> bar : orders(robot).getData().get(0).getData()) {
            assertThat(bar.getNode()).isNotNull();
            assertThat(bar.getNode().isVisible()).isTrue();
            Object tip = bar.getNode().getProperties().get("javafx.scene.control.Tooltip");
            assertThat(tip).isInstanceOf(Tooltip.class);
            assertThat(((Tooltip) tip).getText()).matches("(Feb|Mar|Apr) \\d{1,2}, 2025: \\d+ orders?");
        }
    }

    @SuppressWarnings("unchecked")
    private static XYChart<Number, Number> orders(FxRobot robot) {
        return robot.from(robot.lookup("#chart-orders").queryAs(Node.class)).lookup(".chart").queryAs(XYChart.class);
    }
}
