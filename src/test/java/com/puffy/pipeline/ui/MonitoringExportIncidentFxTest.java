package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With one incident's alerts listed ("Show its alerts"), Export (Ctrl+E) writes those alerts, within the table's
 * search, and its file name and the status line say which incident. It wrote the whole alerts table.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringExportIncidentFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    final List<UiError> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    Path target;
    final List<String> proposed = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        prefs = Preferences.userRoot().node("eventpipe-test/x-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new com.puffy.pipeline.engine.Pipeline(List.of()), threads, new RecentFolders(prefs),
                d -> d, Clock.systemUTC());
        view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(errors::add);
        view.setSaveDialog(chooser -> {
            proposed.add(chooser.getInitialFileName());
            return target == null ? null : target.toFile();
        });
        stage.setScene(view.createScene(1024, 768));
        stage.show();
        vm.openFolder(input);
        Path m = Files.createDirectories(vm.outputDirProperty().get().resolve("monitoring"));
        Files.writeString(m.resolve("alerts.csv"), """
                alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action
                A-20250301-CLIENT_ID_NULL_RATE,2025-03-01,CLIENT_ID_NULL_RATE,CRITICAL,client_id_null_rate,0.12,0.01,0.1,client_id missing on 12.0% of rows.,Check the tag.
                A-20250302-CLIENT_ID_NULL_RATE,2025-03-02,CLIENT_ID_NULL_RATE,CRITICAL,client_id_null_rate,0.15,0.01,0.1,client_id missing on 15.0% of rows.,Check the tag.
                A-20250305-CLIENT_ID_NULL_RATE,2025-03-05,CLIENT_ID_NULL_RATE,WARNING,client_id_null_rate,0.08,0.01,0.05,client_id missing on 8.0% of rows.,Check the tag.
                A-20250301-VALUE_DRIFT,2025-03-01,VALUE_DRIFT,WARNING,client_id.null_share,0.12,0.01,0.06,`client_id` empty share moves.,Look at the file.
                A-20250303-BOT_SHARE,2025-03-03,BOT_SHARE,INFO,bot_share,0.2,0.13,0.2,Bots made 20.4% of valid rows.,Check the bot filter.
                """);
        Files.writeString(m.resolve("incidents.csv"), """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I-20250301-CLIENT_ID_NULL_RATE,CLIENT_ID_NULL_RATE,2025-03-01,2025-03-02,2,CRITICAL,client_id missing on up to 15.0% of rows
                I-20250305-CLIENT_ID_NULL_RATE,CLIENT_ID_NULL_RATE,2025-03-05,2025-03-05,1,WARNING,client_id missing on 8.0% of rows
                I-20250301-VALUE_DRIFT,VALUE_DRIFT,2025-03-01,2025-03-01,1,WARNING,`client_id` null share 1.0% → 12.0%
                I-20250303-BOT_SHARE,BOT_SHARE,2025-03-03,2025-03-03,1,INFO,bots made 20.4% of rows
                """);
        vm.refreshStatuses();
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private static void ctrlE(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ctrlEWritesTheListedIncidentsAlertsAndNamesIt(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.MONITOR));
        ListView<?> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 5);
        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 4);
        int id = incidents.getColumns().stream().filter(c -> "incident_id".equals(c.getUserData())).findFirst()
                .map(c -> (Integer) c.getProperties().get("row-index")).orElseThrow();
        robot.interact(() -> {
            for (int row = 0; row < incidents.getItems().size(); row++) {
                if ("I-20250301-CLIENT_ID_NULL_RATE".equals(incidents.getItems().get(row)[id])) {
                    incidents.getSelectionModel().clearAndSelect(row);
                }
            }
        });
        robot.clickOn(robot.lookup("#incident-show-alerts").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).hasSize(2);

        // On the Alerts tab, the cards listing the incident's two alerts.
        target = dir.resolve("incident-" + System.nanoTime() + ".csv");
        ctrlE(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(target)
                && vm.statusMessageProperty().get().startsWith("Exported"));
        assertThat(errors).isEmpty();
        assertThat(proposed).containsExactly("alerts-I-20250301-CLIENT_ID_NULL_RATE.csv");
        List<String> lines = Files.readAllLines(target);
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(1, 3)).allMatch(l -> l.startsWith("2025-03-0") && l.contains("CLIENT_ID_NULL_RATE"))
                .noneMatch(l -> l.startsWith("2025-03-05"));
        assertThat(vm.statusMessageProperty().get()).isEqualTo("Exported the 2 rows of the CLIENT_ID_NULL_RATE "
                + "incident of Mar 1 → Mar 2, 2025 (I-20250301-CLIENT_ID_NULL_RATE) to " + target + ".");

        // The Alerts table lists the same rows, says so, and its search narrows them further.
        robot.interact(() -> tabs.getSelectionModel().select(2));
        TableView<String[]> alerts = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alerts.getItems().size() == 2);
        assertThat(robot.lookup("#alerts-scope").queryAs(Label.class).getText()).isEqualTo("Only the rows of the "
                + "CLIENT_ID_NULL_RATE incident of Mar 1 → Mar 2, 2025 (I-20250301-CLIENT_ID_NULL_RATE)");
        robot.interact(() -> robot.lookup("#alerts-search").queryAs(TextField.class).setText("15.0%"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alerts.getItems().size() == 1);
        target = dir.resolve("searched-" + System.nanoTime() + ".csv");
        ctrlE(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(target)
                && vm.statusMessageProperty().get().startsWith("Exported"));
        assertThat(proposed).last().isEqualTo("alerts-I-20250301-CLIENT_ID_NULL_RATE-filtered.csv");
        assertThat(Files.readAllLines(target)).hasSize(2).last().asString().startsWith("2025-03-02");
        assertThat(vm.statusMessageProperty().get()).startsWith("Exported the 1 row of the CLIENT_ID_NULL_RATE "
                + "incident of Mar 1 → Mar 2, 2025 (I-20250301-CLIENT_ID_NULL_RATE) that passes the filters to ");

        // "Show all rows" over the table is "Show all alerts" over the cards.
        robot.interact(() -> robot.lookup("#alerts-search").queryAs(TextField.class).setText(""));
        robot.clickOn(robot.lookup("#alerts-scope-clear").queryAs(Hyperlink.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alerts.getItems().size() == 5);
        assertThat(list.getItems()).hasSize(5);
        assertThat(robot.lookup("#incident-shown-row").query().isVisible()).isFalse();
        target = dir.resolve("all-" + System.nanoTime() + ".csv");
        ctrlE(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(target));
        assertThat(proposed).last().isEqualTo("alerts.csv");
        assertThat(Files.readAllLines(target)).hasSize(6);
    }
}
