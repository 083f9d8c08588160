package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.transform.DatasetChartModel;
import com.puffy.pipeline.ui.transform.TransformScreen;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A dataset shown as a chart: its grouping changes, and it follows the table's value filters. */
@ExtendWith(ApplicationExtension.class)
class DatasetChartFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    TransformScreen transform;
    Stage window;

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        fixture.openNewFolder(dir);
        UiFixtures.transform(fixture.output());
        transform = fixture.showScreen(stage, TransformScreen::new, 1008, 700);
    }

    @SuppressWarnings("unchecked")
    private static List<String> bars(FxRobot robot) {
        BarChart<Number, String> chart = robot.lookup("#dataset-sessions-chart-bars").queryAs(BarChart.class);
        if (chart.getData().isEmpty()) {
            return List.of();
        }
        return chart.getData().get(0).getData().stream()
                .map(d -> d.getYValue() + "=" + d.getXValue().intValue()).toList();
    }

    /** The figures drawn beside the bars, bottom bar first. */
    private static List<String> figures(FxRobot robot) {
        return robot.lookup("#dataset-sessions-chart-bars .bar-figure").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).sorted(java.util.Comparator.comparingDouble(l -> -l.getLayoutY()))
                .map(Label::getText).toList();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theChartGroupsTheRowsAndFollowsTheTablesFilters(FxRobot robot) throws Exception {
        TableView<?> sessions = robot.lookup("#dataset-sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.getItems().size() == 3);
        robot.clickOn("#dataset-view-chart");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bars(robot).size() == 3);
        assertThat(sessions.isVisible()).as("the chart takes the table's place").isFalse();
        assertThat(robot.lookup("#dataset-sessions-chart-bars").queryAs(Node.class).isVisible()).isTrue();
        assertThat(text(robot, "#dataset-sessions-chart-title")).isEqualTo("Rows by channel");
        // Largest last in the list: a horizontal bar chart draws its first category at the bottom.
        assertThat(bars(robot)).containsExactlyInAnyOrder("Direct=1", "Organic Search=1", "Paid Search=1");

        @SuppressWarnings("unchecked")
        ComboBox<DatasetChartModel.Grouping> groupBy = robot.lookup("#dataset-sessions-chart-group")
                .queryAs(ComboBox.class);
        robot.interact(() -> groupBy.setValue(new DatasetChartModel.Grouping("device", false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bars(robot).equals(List.of("desktop=1", "mobile=2")));
        assertThat(text(robot, "#dataset-sessions-chart-note")).isEqualTo("All 3 rows.");
        // Each bar says its figure at its end: the axis below may be out of view on a small screen.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> figures(robot).equals(List.of("1", "2")));
        String words = robot.lookup("#dataset-sessions-chart-bars").queryAs(Node.class).getAccessibleText();
        assertThat(words).startsWith("Bar chart. Rows by device in sessions.csv, over 3 rows. 2 values, largest "
                + "first: mobile 2 rows (66.7 %), desktop 1 row (33.3 %).");

        // The value filter above the chart stays: ticking a channel leaves only its rows in the chart.
        @SuppressWarnings("unchecked")
        CheckComboBox<String> channel = robot.lookup("#dataset-sessions-facet-channel").queryAs(CheckComboBox.class);
        assertThat(channel.isVisible()).isTrue();
        robot.interact(() -> channel.getCheckModel().check("Paid Search"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bars(robot).equals(List.of("mobile=1")));
        assertThat(text(robot, "#dataset-sessions-chart-note")).isEqualTo("1 of 3 rows (the table's filters).");

        // The search too.
        robot.interact(() -> channel.getCheckModel().clearChecks());
        robot.clickOn("#dataset-sessions-search").write("organic");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bars(robot).equals(List.of("mobile=1")));
        robot.interact(() -> robot.lookup("#dataset-sessions-search").queryAs(javafx.scene.control.TextField.class)
                .clear());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bars(robot).equals(List.of("desktop=1", "mobile=2")));

        // By day of a timestamp: bars on a day axis, each day of the span, its full date in the tooltip's words.
        robot.interact(() -> groupBy.setValue(new DatasetChartModel.Grouping("session_start", true)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dataset-sessions-chart-days")
                .queryAs(Node.class).isVisible());
        @SuppressWarnings("unchecked")
        XYChart<Number, Number> daily = robot.lookup("#dataset-sessions-chart-days").queryAs(XYChart.class);
        assertThat(daily.getData().get(0).getData()).hasSize(3);
        assertThat(daily.getData().get(0).getData().get(0).getNode().getAccessibleText())
                .isEqualTo("Jan 1, 2025: 1 row (33.3 % of 3)");
        assertThat(text(robot, "#dataset-sessions-chart-title")).isEqualTo("Rows by day of session_start");

        robot.clickOn("#dataset-sessions-chart-copy");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo("date,rows\n2025-01-01,1\n2025-01-02,1\n2025-01-03,1\n");

        // Back to the table: the rows are there, filters as they were.
        robot.clickOn("#dataset-view-table");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessions.isVisible()).isTrue();
    }

    @Test
    void theKeyboardSwitchesToTheChartAndReachesItsControlsAndTheChartsWords(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#dataset-sessions-table").queryAs(TableView.class).getItems().size() == 3);
        javafx.scene.control.ToggleButton chart = robot.lookup("#dataset-view-chart")
                .queryAs(javafx.scene.control.ToggleButton.class);
        robot.interact(chart::requestFocus);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bars(robot).size() == 3);
        @SuppressWarnings("unchecked")
        ComboBox<DatasetChartModel.Grouping> groupBy = robot.lookup("#dataset-sessions-chart-group")
                .queryAs(ComboBox.class);
        robot.interact(groupBy::requestFocus);
        List<String> reached = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            robot.type(javafx.scene.input.KeyCode.TAB);
            Node focused = window.getScene().getFocusOwner();
            reached.add(focused == null ? "none" : focused.getId());
        }
        assertThat(reached).containsExactly("dataset-sessions-chart-measure", "dataset-sessions-chart-top",
                "dataset-sessions-chart-copy", "dataset-sessions-chart-save", "dataset-sessions-chart-bars");
        assertThat(window.getScene().getFocusOwner().getAccessibleText())
                .startsWith("Bar chart. Rows by channel in sessions.csv, over 3 rows.");
        assertThat(window.getScene().getFocusOwner().getAccessibleRole())
                .isEqualTo(javafx.scene.AccessibleRole.IMAGE_VIEW);
    }

    @Test
    void eachDatasetKeepsItsOwnViewAndOpensOnItsDefaultChart(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#dataset-sessions-table").queryAs(TableView.class).getItems().size() == 3);
        robot.interact(() -> transform.showDataset("conversions.csv"));
        robot.interact(() -> transform.showChart(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Sum of revenue by channel_last_click".equals(text(robot, "#dataset-conversions-chart-title"))
                        && text(robot, "#dataset-conversions-chart-note").contains("total"));
        assertThat(text(robot, "#dataset-conversions-chart-note")).isEqualTo("All 1 row; total $1,299.50.");

        robot.interact(() -> transform.showDataset("sessions.csv"));
        assertThat(robot.lookup("#dataset-view-table").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("sessions were left as a table").isTrue();
        robot.interact(() -> transform.showDataset("daily_metrics.csv"));
        robot.interact(() -> transform.showChart(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Sum of revenue by date".equals(text(robot, "#dataset-daily-metrics-chart-title")));
        robot.interact(() -> transform.showDataset("conversions.csv"));
        assertThat(robot.lookup("#dataset-view-chart").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("conversions stay a chart").isTrue();
    }

    @Test
    void aFunnelsNestedStepsAreNotAddedUpIntoATotal(FxRobot robot) throws Exception {
        // Every buyer is counted again at each step before: /tmp/pq-g14 read "total 55,612" over 26,522 sessions,
        // and "purchase: 268 (0.5 % of 55,612)".
        java.nio.file.Files.writeString(fixture.output().resolve("transform").resolve("funnel.csv"),
                "step,sessions,rate_from_previous,rate_from_start\nsessions,100,1,1\npage_viewed,100,1,1\n"
                        + "product_added_to_cart,20,0.2,0.2\ncheckout_started,10,0.5,0.1\npurchase,5,0.5,0.05\n");
        robot.interact(() -> transform.showDataset("funnel.csv"));
        robot.interact(() -> transform.showChart(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Sum of sessions by step".equals(text(robot, "#dataset-funnel-chart-title"))
                        && !text(robot, "#dataset-funnel-chart-note").isEmpty());
        assertThat(text(robot, "#dataset-funnel-chart-note")).isEqualTo("All 5 rows.");
        String words = robot.lookup("#dataset-funnel-chart-bars").queryAs(Node.class).getAccessibleText();
        assertThat(words).contains("purchase 5").doesNotContain("%");
    }

    @Test
    void aChartOfCreditsPerModelStartsOnOneModelNotTheirSumAndLeavesTheAnalystsChoice(FxRobot robot)
            throws Exception {
        robot.interact(() -> transform.showDataset("attribution.csv"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dataset-attribution-table")
                .queryAs(TableView.class).getItems().size() == 9);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> model = robot.lookup("#dataset-attribution-facet-model").queryAs(CheckComboBox.class);
        assertThat(model.getCheckModel().getCheckedItems()).as("the table shows every model").isEmpty();

        // Added over all six models, the order's $1,299.50 read as $7,797.00.
        robot.interact(() -> transform.showChart(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(robot, "#dataset-attribution-chart-note").contains("total"));
        assertThat(model.getCheckModel().getCheckedItems()).containsExactly("last_click");
        assertThat(text(robot, "#dataset-attribution-chart-note"))
                .isEqualTo("1 of 9 rows (the table's filters); total $1,299.50.");

        // Another model, then none: the chart follows, and showing it again does not tick last click over them.
        robot.interact(() -> {
            model.getCheckModel().clearChecks();
            model.getCheckModel().check("linear");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#dataset-attribution-chart-note")
                .equals("2 of 9 rows (the table's filters); total $1,299.50."));
        robot.interact(() -> model.getCheckModel().clearChecks());
        robot.interact(() -> transform.showChart(false));
        robot.interact(() -> transform.showChart(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#dataset-attribution-chart-note")
                .equals("All 9 rows; total $7,797.00."));
        assertThat(model.getCheckModel().getCheckedItems()).isEmpty();
    }

    @Test
    void onANarrowScreenAChartByDaySaysItsMeasureWholeInTheRoomOfTheBarsBox(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#dataset-sessions-table").queryAs(TableView.class).getItems().size() == 3);
        robot.interact(() -> window.setWidth(800));
        robot.interact(() -> transform.showChart(true));
        @SuppressWarnings("unchecked")
        ComboBox<DatasetChartModel.Grouping> groupBy = robot.lookup("#dataset-sessions-chart-group")
                .queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<DatasetChartModel.MeasureChoice> measure = robot.lookup("#dataset-sessions-chart-measure")
                .queryAs(ComboBox.class);
        robot.interact(() -> measure.setValue(new DatasetChartModel.MeasureChoice(
                com.puffy.pipeline.ui.table.Aggregation.Measure.MEAN, "duration_s")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dataset-sessions-chart").queryAs(javafx.scene.layout.Region.class).getWidth())
                .as("the chart's compact sizes").isLessThan(700);
        assertThat(drawn(measure)).as("beside Bars, whole").isEqualTo("Mean of duration_s");

        robot.interact(() -> groupBy.setValue(new DatasetChartModel.Grouping("session_start", true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dataset-sessions-chart-top").queryAs(Node.class).getParent().isVisible()).isFalse();
        assertThat(drawn(measure)).as("no Bars box by day: the measure is said whole").isEqualTo("Mean of duration_s");
        assertThat(drawn(groupBy)).isEqualTo("day of session_start");
    }

    @Test
    void atTheTransformScreensWidthIn1024PixelsEveryGroupingAndMeasureReadsWhole(FxRobot robot) throws Exception {
        // 776 px is the Transform screen in a 1024 px window; the chart beside the dataset list had 576 px, the
        // boxes 150 px each beside Bars: "Mean of duration_s" was drawn "Mean of durat…", "day of session_start"
        // "day of sessio…".
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#dataset-sessions-table").queryAs(TableView.class).getItems().size() == 3);
        robot.interact(() -> window.setWidth(776));
        robot.interact(() -> transform.showChart(true));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<DatasetChartModel.Grouping> groupBy = robot.lookup("#dataset-sessions-chart-group")
                .queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<DatasetChartModel.MeasureChoice> measure = robot.lookup("#dataset-sessions-chart-measure")
                .queryAs(ComboBox.class);
        javafx.scene.layout.Region chart = robot.lookup("#dataset-sessions-chart").queryAs(
                javafx.scene.layout.Region.class);
        assertThat(chart.getWidth()).as("the chart's compact sizes").isLessThan(700);
        List<String> cut = new java.util.ArrayList<>();
        for (DatasetChartModel.MeasureChoice choice : List.copyOf(measure.getItems())) {
            robot.interact(() -> measure.setValue(choice));
            WaitForAsyncUtils.waitForFxEvents();
            if (!drawn(measure).equals(choice.toString())) {
                cut.add(choice + " drawn as " + drawn(measure) + " in " + measure.getWidth() + " px");
            }
        }
        double measureWidth = measure.getWidth();
        for (DatasetChartModel.Grouping choice : List.copyOf(groupBy.getItems())) {
            robot.interact(() -> groupBy.setValue(choice));
            WaitForAsyncUtils.waitForFxEvents();
            if (!drawn(groupBy).equals(choice.toString())) {
                cut.add(choice + " drawn as " + drawn(groupBy) + " in " + groupBy.getWidth() + " px");
            }
            if (measure.getWidth() != measureWidth) {
                cut.add("the measure box " + measure.getWidth() + " px by " + choice + ", " + measureWidth + " before");
            }
        }
        assertThat(cut).as("choices cut short in a chart " + chart.getWidth() + " px wide").isEmpty();
        for (String id : List.of("#dataset-sessions-chart-group", "#dataset-sessions-chart-measure",
                "#dataset-sessions-chart-top")) {
            Node node = robot.lookup(id).query();
            assertThat(node.localToScene(node.getLayoutBounds()).getMaxX()).as(id + " inside the window")
                    .isLessThanOrEqualTo(window.getScene().getWidth());
        }
    }

    /** The words a combo box draws for its value, which end in "…" when they do not fit. */
    private static String drawn(ComboBox<?> box) {
        javafx.scene.control.ListCell<?> cell = (javafx.scene.control.ListCell<?>) box.lookupAll(".list-cell").stream()
                .filter(n -> n.getParent() == box || n.getParent() != null && n.getParent().getParent() == box)
                .findFirst().orElseThrow(() -> new AssertionError(box.lookupAll(".list-cell").toString()));
        return cell.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(t -> !t.isEmpty()).findFirst()
                .orElse("(nothing drawn; the cell says " + cell.getText() + ")");
    }
}
