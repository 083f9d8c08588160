package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import com.puffy.pipeline.ui.monitor.MonitoringViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * From an incident to its alerts: "Show its alerts" in the Incidents tab lists that incident's alerts alone on the
 * Alerts tab (its check, its days: not the same check's other incident), says so over the cards, and "Show all
 * alerts" lists them all again. The tables' severities carry the cards' icons beside the word.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringIncidentAlertsFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "alerts.csv", """
                alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action
                A-20250301-CLIENT_ID_NULL_RATE,2025-03-01,CLIENT_ID_NULL_RATE,CRITICAL,client_id_null_rate,0.12,0.01,0.1,client_id missing on 12.0% of rows.,Check the tag.
                A-20250302-CLIENT_ID_NULL_RATE,2025-03-02,CLIENT_ID_NULL_RATE,CRITICAL,client_id_null_rate,0.15,0.01,0.1,client_id missing on 15.0% of rows.,Check the tag.
                A-20250301-VALUE_DRIFT,2025-03-01,VALUE_DRIFT,WARNING,client_id.null_share,0.12,0.01,0.06,`client_id` empty share moves.,Look at the file.
                A-20250303-VALUE_DRIFT,2025-03-03,VALUE_DRIFT,WARNING,item_price.null_share,0.06,0,0.05,`item_price` empty share moves.,Look at the file.
                A-20250303-BOT_SHARE,2025-03-03,BOT_SHARE,INFO,bot_share,0.2,0.13,0.2,Bots made 20.4% of valid rows.,Check the bot filter.
                """);
        fixture.write(StageId.MONITOR, "incidents.csv", """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I-20250301-CLIENT_ID_NULL_RATE,CLIENT_ID_NULL_RATE,2025-03-01,2025-03-02,2,CRITICAL,client_id missing on up to 15.0% of rows
                I-20250301-VALUE_DRIFT,VALUE_DRIFT,2025-03-01,2025-03-01,1,WARNING,`client_id` null share 1.0% → 12.0%
                I-20250303-VALUE_DRIFT,VALUE_DRIFT,2025-03-03,2025-03-03,1,WARNING,`item_price` null share 0.0% → 6.3%
                I-20250303-BOT_SHARE,BOT_SHARE,2025-03-03,2025-03-03,1,INFO,bots made 20.4% of rows
                """);
        fixture.write(StageId.MONITOR, "metrics.csv", "date,metric,value,baseline,band_low,band_high,fired\n"
                + "2025-03-01,client_id_null_rate,0.12,0.01,,0.05,true\n"
                + "2025-03-02,client_id_null_rate,0.15,0.01,,0.05,true\n"
                + "2025-03-03,client_id_null_rate,0.01,0.01,,0.05,false\n");
        fixture.showScreen(stage, MonitoringScreen::new, 1024, 700);
    }

    @Test
    void showItsAlertsListsTheSelectedIncidentsAlertsAloneUntilShowAllAlerts(FxRobot robot) throws Exception {
        ListView<MonitoringViewModel.Alert> list = alertList(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 5);
        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        Node shownRow = robot.lookup("#incident-shown-row").query();
        assertThat(shownRow.isVisible()).as("all alerts listed, no incident named").isFalse();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 4);
        Button show = robot.lookup("#incident-show-alerts").queryAs(Button.class);
        assertThat(show.isDisabled()).as("no incident selected").isTrue();

        // The second VALUE_DRIFT incident: its check has another incident, on Mar 1, whose alert is not its own.
        selectIncident(robot, incidents, "I-20250303-VALUE_DRIFT");
        robot.clickOn(show);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("monitor-tab-overview");
        assertThat(list.getItems()).extracting(MonitoringViewModel.Alert::id).containsExactly("A-20250303-VALUE_DRIFT");
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo("A-20250303-VALUE_DRIFT");

        robot.interact(() -> tabs.getSelectionModel().select(1));
        selectIncident(robot, incidents, "I-20250301-CLIENT_ID_NULL_RATE");
        robot.clickOn(show);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(MonitoringViewModel.Alert::id)
                .containsExactly("A-20250302-CLIENT_ID_NULL_RATE", "A-20250301-CLIENT_ID_NULL_RATE");
        assertThat(shownRow.isVisible()).isTrue();
        assertThat(robot.lookup("#incident-shown").queryAs(Label.class).getText())
                .isEqualTo("Only the CLIENT_ID_NULL_RATE incident: 2 alerts, Mar 1 → Mar 2, 2025");
        // Its first alert selected: the chart shows its metric with the day marked.
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo("A-20250302-CLIENT_ID_NULL_RATE");
        assertThat(Truncation.truncatedLabels(window.getScene().getRoot(), java.util.Set.of())).isEmpty();

        robot.clickOn(robot.lookup("#incident-shown-clear").queryAs(Hyperlink.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).hasSize(5);
        assertThat(shownRow.isVisible()).isFalse();
    }

    @Test
    void theIncidentsRowMenuOffersShowItsAlertsFromTheKeyboard(FxRobot robot) throws Exception {
        ListView<MonitoringViewModel.Alert> list = alertList(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 5);
        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 4);
        selectIncident(robot, incidents, "I-20250303-VALUE_DRIFT");
        robot.interact(incidents::requestFocus);
        // Shift+F10, as the Menu key and a right click: the row's menu, its own action first.
        robot.press(javafx.scene.input.KeyCode.SHIFT).press(javafx.scene.input.KeyCode.F10)
                .release(javafx.scene.input.KeyCode.F10).release(javafx.scene.input.KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> incidents.getContextMenu().isShowing());
        List<String> items = incidents.getContextMenu().getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).toList();
        assertThat(items).first().isEqualTo("Show its alerts");
        javafx.scene.control.MenuItem show = incidents.getContextMenu().getItems().get(0);
        assertThat(show.isDisable()).isFalse();
        robot.interact(() -> {
            incidents.getContextMenu().hide();
            show.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("monitor-tab-overview");
        assertThat(list.getItems()).extracting(MonitoringViewModel.Alert::id).containsExactly("A-20250303-VALUE_DRIFT");
    }

    @Test
    void aSeverityChipAndAnIncidentAreNotBothApplied(FxRobot robot) throws Exception {
        ListView<MonitoringViewModel.Alert> list = alertList(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 5);
        ToggleButton warnings = robot.lookup("#alerts-only-warning").queryAs(ToggleButton.class);
        robot.clickOn(warnings);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 4);
        selectIncident(robot, incidents, "I-20250301-CLIENT_ID_NULL_RATE");
        robot.clickOn(robot.lookup("#incident-show-alerts").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warnings.isSelected()).as("the warnings filter would hide the critical incident").isFalse();
        assertThat(list.getItems()).hasSize(2);

        robot.clickOn(warnings);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#incident-shown-row").query().isVisible()).isFalse();
        assertThat(list.getItems()).extracting(MonitoringViewModel.Alert::severity).containsOnly("WARNING")
                .hasSize(2);
    }

    @Test
    void theTablesSeveritiesHaveTheCardsIconsBesideTheWord(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(severityCells(robot, "#incidents-table")).containsExactly(
                "CRITICAL mdi2a-alert-octagon severity-cell-icon-critical",
                "WARNING mdi2a-alert severity-cell-icon-warning",
                "WARNING mdi2a-alert severity-cell-icon-warning",
                "INFO mdi2i-information severity-cell-icon-info");
        assertThat(cutCells(robot, "#incidents-table")).isEmpty();

        robot.interact(() -> tabs.getSelectionModel().select(2));
        TableView<String[]> alerts = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alerts.getItems().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(severityCells(robot, "#alerts-table")).hasSize(5)
                .contains("CRITICAL mdi2a-alert-octagon severity-cell-icon-critical",
                        "INFO mdi2i-information severity-cell-icon-info");
        assertThat(cutCells(robot, "#alerts-table")).as("the icon takes room of its own, the word stays whole")
                .isEmpty();
        Screenshots.save(window.getScene(), "monitoring-alerts-table-severity");
    }

    @Test
    void theIncidentLinesBreakBetweenWordsInTheRoomTheScreenHasInA1024PxWindow(FxRobot robot) throws Exception {
        // The app's sidebar takes about 240 px of a 1024 px window.
        robot.interact(() -> window.setWidth(780));
        ListView<MonitoringViewModel.Alert> list = alertList(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 5);
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Label partOf = robot.lookup("#alert-incident").queryAs(Label.class);
        assertThat(partOf.getText()).isEqualTo("Part of the CLIENT_ID_NULL_RATE incident: 2 alerts, Mar 1 → Mar 2, 2025");
        assertThat(wordsWiderThanTheLine(partOf)).isEmpty();

        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 4);
        selectIncident(robot, incidents, "I-20250301-CLIENT_ID_NULL_RATE");
        robot.interact(() -> robot.lookup("#incident-show-alerts").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wordsWiderThanTheLine(robot.lookup("#incident-shown").queryAs(Label.class))).isEmpty();
        assertThat(partOf.getParent().isVisible()).as("the line over the cards names the incident already")
                .isFalse();
        Screenshots.save(window.getScene(), "monitoring-incident-alerts");
    }

    /** The words of a wrapping label that do not fit on a line of it, so that it breaks them. */
    private static List<String> wordsWiderThanTheLine(Label label) {
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) label.lookup(".text");
        assertThat(drawn.getWrappingWidth()).as("the label wraps").isPositive();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(label.getFont());
        return java.util.Arrays.stream(label.getText().split(" ")).filter(word -> {
            probe.setText(word);
            return probe.getLayoutBounds().getWidth() > drawn.getWrappingWidth();
        }).toList();
    }

    /** The severity cells in view as "WORD icon-literal colour-class". */
    private static List<String> severityCells(FxRobot robot, String table) {
        return robot.lookup(table + " .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.getGraphic() instanceof FontIcon)
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(cell -> cell.getText() + " " + ((FontIcon) cell.getGraphic()).getIconLiteral() + " "
                        + cell.getGraphic().getStyleClass().stream()
                        .filter(c -> c.startsWith("severity-cell-icon-")).findFirst().orElse("no colour"))
                .toList();
    }

    /** Severity cells whose word is drawn cut ("CRIT…"). */
    private static List<String> cutCells(FxRobot robot, String table) {
        return robot.lookup(table + " .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.getGraphic() instanceof FontIcon)
                .filter(cell -> cell.lookup(".text") instanceof javafx.scene.text.Text drawn
                        && !drawn.getText().equals(cell.getText()))
                .map(cell -> String.valueOf(cell.getText())).toList();
    }

    private static void selectIncident(FxRobot robot, TableView<String[]> incidents, String id) {
        robot.interact(() -> {
            for (int row = 0; row < incidents.getItems().size(); row++) {
                if (List.of(incidents.getItems().get(row)).contains(id)) {
                    incidents.getSelectionModel().clearAndSelect(row);
                }
            }
        });
        assertThat(List.of(incidents.getSelectionModel().getSelectedItem())).contains(id);
    }

    @SuppressWarnings("unchecked")
    private static ListView<MonitoringViewModel.Alert> alertList(FxRobot robot) {
        return robot.lookup("#alert-list").queryAs(ListView.class);
    }
}
