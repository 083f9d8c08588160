package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import com.puffy.pipeline.ui.table.RowDetailsDialog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
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
 * Monitoring's texts name columns in backticks: the screen sets the names as code, without the backticks, in the
 * alert cards, the tables and the row details; a lone backtick stays. The chart writes its days as Analysis does.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringTextFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    MonitoringScreen monitoring;
    Stage window;

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "alerts.csv", """
                alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action
                A1,2025-01-07,SCHEMA_DRIFT,CRITICAL,,,,,from events_20250107.csv (2 files): `referrer` is missing (read as empty).,`referrer` is read as empty for these files.
                A2,2025-01-06,BOT_SHARE,WARNING,bot_share,0.25,0.05,0.2,a lone ` backtick keeps the rest,Check the bot filter.
                """);
        fixture.write(StageId.MONITOR, "incidents.csv", """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I1,SCHEMA_DRIFT,2025-01-07,2025-01-07,1,CRITICAL,`referrer` missing
                """);
        StringBuilder metrics = new StringBuilder("date,metric,value,baseline,band_low,band_high,fired\n");
        for (int d = 1; d <= 14; d++) {
            String date = String.format("2025-01-%02d", d);
            String base = d < 4 ? ",,," : ",100,90,110,";
            metrics.append(date).append(",events,").append(d == 7 ? 40 : 100).append(base).append(d == 7).append('\n');
        }
        fixture.write(StageId.MONITOR, "metrics.csv", metrics);
        monitoring = fixture.showScreen(stage, MonitoringScreen::new, 1024, 700);
    }

    @Test
    void aSelectedAlertNamesItsIncidentAndTheLinkSelectsItInTheIncidentsTab(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        Label line = robot.lookup("#alert-incident").queryAs(Label.class);
        assertThat(line.getParent().isVisible()).as("no alert selected, no incident").isFalse();
        robot.interact(() -> list.getSelectionModel().select(1));
        assertThat(line.getParent().isVisible()).as("an alert of no incident in incidents.csv").isFalse();
        robot.interact(() -> list.getSelectionModel().select(0));
        assertThat(line.getText()).isEqualTo("Part of the SCHEMA_DRIFT incident: 1 alert, Jan 7, 2025");
        assertThat(line.getParent().isVisible()).isTrue();
        robot.interact(() -> robot.lookup("#show-incident").queryAs(javafx.scene.control.Hyperlink.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#monitor-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId()).isEqualTo("monitor-tab-incidents");
        javafx.scene.control.TableView<?> incidents = robot.lookup("#incidents-table")
                .queryAs(javafx.scene.control.TableView.class);
        Object selected = incidents.getSelectionModel().getSelectedItem();
        assertThat(selected).isNotNull();
        assertThat(java.util.Arrays.asList((String[]) selected)).contains("I1");
    }

    /**
     * The Incidents tab's search hid the incident: the link cleared it, and focus stayed on the link, in the tab just
     * hidden, with no row selected (decision 0830). Now the row is selected once the table lists it, the table focused.
     */
    @Test
    void theLinkLandsOnTheIncidentWhenTheIncidentsFiltersHidIt(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        javafx.scene.control.TabPane tabs = robot.lookup("#monitor-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 1);
        robot.interact(() -> robot.lookup("#incidents-search").queryAs(javafx.scene.control.TextField.class)
                .setText("no such incident"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().isEmpty());
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.interact(() -> list.getSelectionModel().select(0));
        javafx.scene.control.Hyperlink link = robot.lookup("#show-incident").queryAs(javafx.scene.control.Hyperlink.class);
        robot.interact(() -> {
            link.requestFocus();
            link.fire();
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getSelectionModel().getSelectedItem() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("monitor-tab-incidents");
        assertThat(java.util.Arrays.asList(incidents.getSelectionModel().getSelectedItem())).contains("I1");
        assertThat(window.getScene().getFocusOwner()).as("focus on the incident's table").isSameAs(incidents);
        Screenshots.save(window.getScene(), "monitoring-incident-shown-through-filters");
    }

    @Test
    void anAlertCardSetsTheNamesAsCodeWithoutBackticksAndKeepsALoneBacktick(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> code = robot.lookup("#alert-list .code").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList();
        assertThat(code).containsExactly("referrer", "referrer");
        List<String> texts = robot.lookup("#alert-list .code-text-plain").queryAllAs(Text.class).stream()
                .map(Text::getText).toList();
        assertThat(texts).contains("from events_20250107.csv (2 files): ", " is missing (read as empty).",
                "Next: ", " is read as empty for these files.", "a lone ` backtick keeps the rest");
        assertThat(texts).noneMatch(t -> t.contains("`referrer"));
        // Ctrl+C copies the alert with its backticks, which Slack, Jira and GitHub set as code.
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(0);
        });
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.C)
                .release(javafx.scene.input.KeyCode.C).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo("SCHEMA_DRIFT · Jan 7, 2025 · CRITICAL\nfrom events_20250107.csv (2 files): "
                + "`referrer` is missing (read as empty).\nNext: `referrer` is read as empty for these files.");
        Screenshots.save(window.getScene(), "monitoring-code-light");
        robot.interact(() -> Theme.apply(window.getScene(), true, null));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.getScene(), "monitoring-code-dark");
        robot.interact(() -> Theme.apply(window.getScene(), false, null));
    }

    @Test
    void theIncidentsTableAndTheRowDetailsSetTheNamesAsCodeToo(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#monitor-tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        TableView<String[]> table = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#incidents-table .code").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("referrer");
        // The summary wraps in a column fitting the table's width (decision 0711): its plain runs are text. The id
        // wraps too, whole (MonitoringIncidentsFitFxTest).
        assertThat(robot.lookup("#incidents-table .code-text-plain").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).containsExactly("SCHEMA_", "DRIFT", " missing", "I1");
        Label chip = robot.lookup("#incidents-table .code").queryAs(Label.class);
        javafx.scene.Node lineNode = chip.getParent();
        javafx.scene.control.TableCell<?, ?> cellNode = (javafx.scene.control.TableCell<?, ?>) lineNode.getParent();
        // In the row's middle as the text of the cells beside it, not at its top.
        double chipMiddle = chip.localToScene(chip.getLayoutBounds()).getCenterY();
        javafx.geometry.Bounds cellBounds = cellNode.localToScene(cellNode.getLayoutBounds());
        assertThat(chipMiddle).isCloseTo(cellBounds.getCenterY(), org.assertj.core.data.Offset.offset(3.0));
        assertThat(table.getColumns()).as("the summary in view, the id after it").extracting(c -> c.getText())
                .containsExactly("worst_severity", "check", "summary", "first_date", "last_date", "alerts",
                        "incident_id");

        @SuppressWarnings("unchecked")
        Dialog<Void>[] dialog = new Dialog[1];
        robot.interact(() -> {
            dialog[0] = RowDetailsDialog.create(window, List.of(Map.entry("check", "SCHEMA_DRIFT"),
                    Map.entry("summary", "`referrer` missing, a ` stays")), java.util.Set.of("summary"));
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Parent pane = dialog[0].getDialogPane();
        assertThat(pane.lookup("#row-details-code-summary")).isNotNull();
        assertThat(pane.lookupAll(".code")).singleElement()
                .satisfies(n -> assertThat(((Label) n).getText()).isEqualTo("referrer"));
        assertThat(pane.lookup("#row-details-code-summary").getAccessibleText()).isEqualTo("referrer missing, a ` stays");
        robot.interact(() -> dialog[0].close());
    }

    @Test
    void theAllFilesTabSetsTheNamesOfMonitoringsSentencesAsCode(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#monitor-tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(3));
        ListView<String> files = robot.lookup("#monitor-file-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().contains("incidents.csv"));
        robot.interact(() -> files.getSelectionModel().select("incidents.csv"));
        TableView<String[]> table = robot.lookup("#monitor-files-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#monitor-files-table .code").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("referrer");
    }

    @Test
    void theChartWritesItsDaysAsAnalysisDoesLevelAndItsLegendNamesOneBand(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#metric-chart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.isVisible() && chart.getData().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        Axis<Number> days = chart.getXAxis();
        List<Text> ticks = days.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.isVisible())
                .map(n -> (Text) n).toList();
        assertThat(ticks).extracting(Text::getText).isNotEmpty().allMatch(l -> l.matches("Jan \\d{1,2}"))
                .contains("Jan 1");
        assertThat(ticks).as("level, not turned on their side").allMatch(t -> t.getRotate() == 0);
        assertThat(robot.lookup("#metric-legend").queryAs(javafx.scene.layout.FlowPane.class).getChildren())
                .extracting(n -> ((Label) n).getText())
                .containsExactly("the day's value", "baseline: median of the days before", "band: no alert inside it",
                        "fired an alert");
        assertThat(robot.lookup("#metric-chart .metric-band").queryAs(javafx.scene.shape.Path.class).getElements())
                .as("the band is drawn from the fourth day, the first with a baseline").isNotEmpty();
    }
}
