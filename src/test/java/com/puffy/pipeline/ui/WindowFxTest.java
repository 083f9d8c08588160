package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window over hand-written outputs: dark theme, export from the visible table, the empty states. */
@ExtendWith(ApplicationExtension.class)
class WindowFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    Stage window;
    final List<UiError> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        prefs = Preferences.userRoot().node("eventpipe-test/w-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new com.puffy.pipeline.engine.Pipeline(List.of()), threads, new RecentFolders(prefs),
                d -> d, Clock.systemUTC());
        view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(errors::add);
        stage.setScene(view.createScene(1440, 900));
        stage.show();
        vm.openFolder(input);
        Path out = vm.outputDirProperty().get();
        UiFixtures.quality(out);
        UiFixtures.transform(out);
        UiFixtures.monitoring(out);
        vm.refreshStatuses();
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @Test
    void onANarrowWindowTheStageRailIsCompactAndItsDetailsAreOneHoverAway(FxRobot robot) throws Exception {
        javafx.scene.control.ScrollPane rail = robot.lookup("#rail").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            window.setWidth(1440);
            window.setHeight(900);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rail.getWidth()).as("wide window").isEqualTo(300.0);
        assertThat(dependsLabels(robot)).as("what each stage reads is shown").isNotEmpty()
                .allMatch(javafx.scene.Node::isVisible);

        robot.interact(() -> {
            vm.setCacheFile(dir.resolve("home/user/.local/share/EventPipelineStudio/data/cache.sqlite"));
            window.setWidth(1024);
            window.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rail.getWidth()).as("a 1024 px window").isLessThanOrEqualTo(MainView.COMPACT_RAIL_WIDTH);
        assertThat(dependsLabels(robot)).noneMatch(javafx.scene.Node::isVisible);
        javafx.scene.Node card = robot.lookup("#stage-quality").query();
        assertThat(robot.lookup("#run-quality").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#state-quality").queryAs(Label.class).isVisible()).isTrue();
        Object tooltip = card.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tooltip).isInstanceOf(javafx.scene.control.Tooltip.class);
        assertThat(((javafx.scene.control.Tooltip) tooltip).getText()).contains(vm.stage(StageId.QUALITY).dependsOn());
        Screenshots.save(window.getScene(), "fixture-window-1024");
        Label output = robot.lookup("#output-folder").queryAs(Label.class);
        Label cache = robot.lookup("#cache-file").queryAs(Label.class);
        assertThat(output.getWidth()).as("the output path keeps as much room as the cache path")
                .isGreaterThanOrEqualTo(Math.min(output.prefWidth(-1), cache.getWidth()) - 1);

        robot.interact(() -> window.setWidth(1440));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rail.getWidth()).isEqualTo(300.0);
        assertThat(card.getProperties().get("javafx.scene.control.Tooltip")).isNull();
    }

    @Test
    void aCardsDetailsShowingWhenTheWindowWidensPastCompactCloseAndTheProgressBarsStay(FxRobot robot)
            throws Exception {
        javafx.scene.Node card = robot.lookup("#stage-quality").query();
        for (int round = 0; round < 3; round++) {
            robot.interact(() -> window.setWidth(1024));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.Tooltip details =
                    (javafx.scene.control.Tooltip) card.getProperties().get("javafx.scene.control.Tooltip");
            assertThat(details).isNotNull();
            robot.interact(() -> details.show(window));
            assertThat(details.isShowing()).isTrue();
            robot.interact(() -> window.setWidth(1440));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(details.isShowing()).as("round " + round + ": no tooltip left over the wide rail").isFalse();
            assertThat(robot.lookup("#progress-quality").query().isVisible()).isTrue();
        }
        robot.interact(() -> window.setWidth(1024));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#progress-quality").query().isVisible()).isTrue();
    }

    private java.util.List<Label> dependsLabels(FxRobot robot) {
        java.util.Set<String> texts = new java.util.HashSet<>();
        vm.stages().forEach(s -> texts.add(s.dependsOn()));
        return robot.lookup(".stage-card .label").queryAllAs(Label.class).stream()
                .filter(l -> texts.contains(l.getText())).toList();
    }

    @Test
    void onAWideWindowTheOutputPathIsNotSqueezedBesideALongCachePath(FxRobot robot) throws Exception {
        // A first start on the sample data: both paths are long, under the user's data folder.
        Path data = dir.resolve("home/analyst-with-a-long-name/.local/share/EventPipelineStudio");
        Path sample = Files.createDirectories(data.resolve("sample-data"));
        robot.interact(() -> {
            vm.openFolder(sample);
            vm.setCacheFile(data.resolve("cache.sqlite"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label output = robot.lookup("#output-folder").queryAs(Label.class);
        Label cache = robot.lookup("#cache-file").queryAs(Label.class);
        assertThat(output.getWidth()).as("the output path keeps as much room as the cache path")
                .isGreaterThanOrEqualTo(Math.min(output.prefWidth(-1), cache.getWidth()) - 1);
    }

    @Test
    void theDarkThemeSwitchesAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#dark-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.getScene().getRoot().getStyleClass()).contains("theme-dark");
        assertThat(Theme.isDark(prefs)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reconciliation").queryAs(Label.class)
                .getText().startsWith("300 rows read"));
        Screenshots.save(window.getScene(), "fixture-window-dark");
        robot.clickOn("#dark-toggle");
    }

    @Test
    void ctrlEExportsTheTableOnScreenAndSaysWhereItWent(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.QUALITY));
        @SuppressWarnings("unchecked")
        TableView<String[]> files = robot.lookup("#quality-files-summary-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().size() == 4);
        assertThat(MainView.suggestedExportName(files)).as("named after the file shown").isEqualTo("file_summary.csv");
        Path target = dir.resolve("export-" + System.nanoTime() + ".csv");
        robot.interact(() -> view.exportTable(view.visibleTable(), target));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusMessageProperty().get().startsWith("Exported"));
        assertThat(Files.readAllLines(target)).hasSize(5).first().asString()
                .startsWith("file,rows_read,rows_valid,rows_quarantined,rows_duplicate,partition_date");

        robot.interact(() -> robot.lookup("#quality-files-summary-search").queryAs(javafx.scene.control.TextField.class)
                .setText("notes"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().size() == 1);
        assertThat(MainView.suggestedExportName(files)).isEqualTo("file_summary-filtered.csv");
    }

    @Test
    void enterOpensTheSelectedRowsFieldsAndItCopiesAsTabSeparatedText(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.QUALITY));
        // Findings: Enter on a row of the Files table goes to that file's findings (FileFindingsFxTest).
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#quality-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getTabs().stream().filter(t -> "quality-tab-findings".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        @SuppressWarnings("unchecked")
        TableView<String[]> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 5);
        robot.interact(() -> {
            findings.getSelectionModel().select(0);
            findings.requestFocus();
        });
        robot.push(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.stage.Window> dialogs = robot.listWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#row-details") != null).toList();
        assertThat(dialogs).hasSize(1);
        robot.interact(() -> ((Stage) dialogs.get(0)).close());
        com.puffy.pipeline.ui.table.DataTableView table = com.puffy.pipeline.ui.table.DataTableView.of(findings);
        assertThat(table.rowAsText(findings.getItems().get(0)))
                .isEqualTo("events_20250101.csv\t4\tERROR\tMISSING_CLIENT_ID\tThe client id is empty.\tclient_id\t\t2025-01-01");
    }

    @Test
    void exportingAFilteredTableWritesItsRowsAndSaysFiltersLeftSomeOut(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.QUALITY));
        @SuppressWarnings("unchecked")
        TableView<String[]> files = robot.lookup("#quality-files-summary-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().size() == 4);
        robot.interact(() -> robot.lookup("#quality-files-summary-search").queryAs(javafx.scene.control.TextField.class)
                .setText("clientId"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().size() == 2);
        Path target = dir.resolve("filtered-" + System.nanoTime() + ".csv");
        robot.interact(() -> view.exportTable(view.visibleTable(), target));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusMessageProperty().get().startsWith("Exported"));
        assertThat(vm.statusMessageProperty().get())
                .isEqualTo("Exported the 2 rows that pass the filters (of 4) to " + target + ".");
        assertThat(Files.readAllLines(target)).hasSize(3);
    }

    @Test
    void ctrlFPutsTheCursorInTheSearchOfTheTableInView(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.QUALITY));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#quality-files-summary-table")
                .queryAs(TableView.class).getItems().size() == 4);
        robot.interact(() -> robot.lookup("#stage-tabs").query().requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.getScene().getFocusOwner()).isSameAs(robot.lookup("#quality-files-summary-search").query());
    }

    @Test
    void analysisWithoutARunSaysWhatToDo(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.ANALYSIS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".empty-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("No analysis yet");
        Screenshots.save(window.getScene(), "fixture-window-analysis-empty");
    }
}
