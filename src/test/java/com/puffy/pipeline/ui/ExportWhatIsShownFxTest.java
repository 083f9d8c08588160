package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.chart.BarChart;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
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

/** Ctrl+E writes what the Transform screen shows: the dataset's rows under the table, the chart's figures under it. */
@ExtendWith(ApplicationExtension.class)
class ExportWhatIsShownFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    final List<UiError> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The file the save dialog "chose", and the name it proposed. */
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
        stage.setScene(view.createScene(1440, 900));
        stage.show();
        vm.openFolder(input);
        Path out = vm.outputDirProperty().get();
        UiFixtures.transform(out);
        // A channel that a spreadsheet would run as a formula: the export must write it as text.
        Files.writeString(out.resolve("transform/sessions.csv"), """
                session_id,client_id,session_start,channel,device,revenue
                s1,c1,2025-01-01T10:00:00.000Z,Direct,mobile,10
                s2,c1,2025-01-03T18:00:00.000Z,Direct,mobile,0
                s3,c2,2025-01-02T09:00:00.000Z,=HYPERLINK(x),desktop,5.5
                """);
        vm.refreshStatuses();
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private static String exportItemText(FxRobot robot) {
        MenuItem item = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "menu-export".equals(i.getId())).findFirst()
                .orElseThrow();
        return item.getText();
    }

    private static void ctrlE(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withTheChartShownCtrlEWritesTheChartsSeriesAndTheMenuSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.TRANSFORM));
        @SuppressWarnings("unchecked")
        TableView<String[]> sessions = robot.lookup("#dataset-sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.getItems().size() == 3);
        assertThat(exportItemText(robot)).isEqualTo("Export table as CSV…");

        robot.clickOn("#dataset-view-chart");
        BarChart<?, ?> bars = robot.lookup("#dataset-sessions-chart-bars").queryAs(BarChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !bars.getData().isEmpty() && bars.getData().get(0).getData().size() == 2);
        assertThat(exportItemText(robot)).isEqualTo("Export chart as CSV…");

        target = dir.resolve("chart-" + System.nanoTime() + ".csv");
        ctrlE(robot);
        assertThat(errors).isEmpty();
        assertThat(proposed).containsExactly("sessions-rows-by-channel.csv");
        assertThat(Files.readString(target)).as("the chart's series, formula-safe")
                .isEqualTo("channel,rows\nDirect,2\n'=HYPERLINK(x),1\n");
        robot.clickOn("#dataset-sessions-chart-copy");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(Files.readString(target)).as("what Copy as CSV gives").isEqualTo(copied);
        assertThat(vm.statusMessageProperty().get())
                .isEqualTo("Exported the chart's 2 bars (Rows by channel) to " + target + ".");

        // The chart's own Save as CSV… is the same export: same dialog, name, folder and words.
        Path saved = Files.createDirectories(dir.resolve("saved-" + System.nanoTime())).resolve("chart.csv");
        target = saved;
        robot.clickOn("#dataset-sessions-chart-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(proposed).hasSize(2).last().isEqualTo("sessions-rows-by-channel.csv");
        assertThat(Files.readString(saved)).isEqualTo(copied);
        assertThat(vm.statusMessageProperty().get()).endsWith(" to " + saved + ".");
        assertThat(prefs.get("exportFolder", null)).as("the next export opens there").isEqualTo(saved.getParent().toString());

        // Another stage's screen shows tables; back on Transform the chart is still in view.
        robot.interact(() -> view.select(StageId.QUALITY));
        assertThat(exportItemText(robot)).isEqualTo("Export table as CSV…");
        robot.interact(() -> view.select(StageId.TRANSFORM));
        assertThat(exportItemText(robot)).isEqualTo("Export chart as CSV…");

        // The table again: Ctrl+E writes its rows, as before.
        robot.clickOn("#dataset-view-table");
        assertThat(exportItemText(robot)).isEqualTo("Export table as CSV…");
        target = dir.resolve("table-" + System.nanoTime() + ".csv");
        ctrlE(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusMessageProperty().get().startsWith("Exported 3"));
        // The columns in their order on screen: the ones a session is read by first.
        assertThat(Files.readAllLines(target)).hasSize(4).first()
                .isEqualTo("session_id,channel,device,revenue,session_start,client_id");
        assertThat(proposed).last().isEqualTo("sessions.csv");
    }

    @Test
    void aChartStillAddingUpSaysSoInsteadOfWritingAnEmptyFile(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.TRANSFORM));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#dataset-sessions-table").queryAs(TableView.class).getItems().size() == 3);
        robot.clickOn("#dataset-view-chart");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<com.puffy.pipeline.ui.transform.DatasetChartModel.Grouping> groupBy =
                robot.lookup("#dataset-sessions-chart-group").queryAs(javafx.scene.control.ComboBox.class);
        // A grouping that cannot be added up leaves the chart without figures.
        target = dir.resolve("never-" + System.nanoTime() + ".csv");
        robot.interact(() -> groupBy.setValue(new com.puffy.pipeline.ui.transform.DatasetChartModel.Grouping(
                "no_such_column", false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#dataset-sessions-chart-message")
                .queryAs(javafx.scene.control.Label.class).getText().isBlank());
        ctrlE(robot);
        assertThat(proposed).as("no dialog").isEmpty();
        assertThat(errors).extracting(UiError::message).singleElement().asString()
                .startsWith("The chart has no figures to export yet: ");
        assertThat(Files.exists(target)).isFalse();
    }
}
