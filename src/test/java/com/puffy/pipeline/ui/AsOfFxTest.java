package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.monitor.MonitorStage;
import com.puffy.pipeline.ui.monitor.MonitoringViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
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
 * The As of date from the keyboard: the real Monitoring stage over hand-written Quality and Transform outputs
 * (UiFixtures: the last partition is 2025-01-03), so FRESHNESS and its advice are the engine's own.
 */
@ExtendWith(ApplicationExtension.class)
class AsOfFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    final List<UiError> errors = new CopyOnWriteArrayList<>();
    final List<StageId> ran = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("archive-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        Path fixtures = Files.createDirectories(dir.resolve("fixtures-" + System.nanoTime()));
        UiFixtures.quality(fixtures);
        UiFixtures.transform(fixtures);
        prefs = Preferences.userRoot().node("eventpipe-test/asof-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        MonitorStage monitor = new MonitorStage();
        vm = new MainViewModel(new Pipeline(List.of(copying(StageId.QUALITY, fixtures.resolve("quality")),
                copying(StageId.TRANSFORM, fixtures.resolve("transform")), recording(monitor))),
                threads, new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        MainView view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(errors::add);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        vm.openFolder(input);
    }

    /** A stage that "computes" its outputs by copying a folder of fixture files. */
    private com.puffy.pipeline.core.Stage copying(StageId id, Path from) {
        return new com.puffy.pipeline.core.Stage() {
            @Override
            public StageId id() {
                return id;
            }

            @Override
            public List<String> outputs() {
                return List.of(id == StageId.QUALITY ? "file_summary.csv" : "daily_metrics.csv");
            }

            @Override
            public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
                ran.add(id);
                try (Stream<Path> files = Files.list(from)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, context.workDir().resolve(file.getFileName()));
                    }
                }
                return StageResult.of(Map.of(), List.of());
            }
        };
    }

    private com.puffy.pipeline.core.Stage recording(MonitorStage monitor) {
        return new com.puffy.pipeline.core.Stage() {
            @Override
            public StageId id() {
                return StageId.MONITOR;
            }

            @Override
            public List<String> outputs() {
                return monitor.outputs();
            }

            @Override
            public String inputFingerprint(com.puffy.pipeline.core.RunSettings settings) {
                return monitor.inputFingerprint(settings);
            }

            @Override
            public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
                ran.add(StageId.MONITOR);
                return monitor.run(context, progress, cancellation);
            }
        };
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private MonitoringViewModel.Alert freshness() throws Exception {
        MonitoringViewModel read = new MonitoringViewModel(UiThreads.direct());
        read.reload(vm.stageOutput(StageId.MONITOR));
        return read.alerts().stream().filter(a -> a.check().equals("FRESHNESS")).findFirst().orElse(null);
    }

    private void runAllAndWait(FxRobot robot) throws Exception {
        ran.clear();
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.stage(StageId.MONITOR).getState() == StageState.FRESH);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void settingTheLastDayOfAnOldFolderSilencesFreshnessAndTodayBringsItBack(FxRobot robot) throws Exception {
        DatePicker picker = robot.lookup("#as-of").queryAs(DatePicker.class);
        Button today = robot.lookup("#as-of-today").queryAs(Button.class);
        assertThat(picker.getValue()).isNull();
        assertThat(picker.getPromptText()).as("which day today is in UTC")
                .isEqualTo("today (" + LocalDate.now(java.time.ZoneOffset.UTC) + ")");
        assertThat(today.isDisabled()).isTrue();

        runAllAndWait(robot);
        MonitoringViewModel.Alert alert = freshness();
        assertThat(alert).as("as of today the 2025 fixture is long out of date").isNotNull();
        assertThat(alert.severity()).isEqualTo("CRITICAL");
        assertThat(alert.action()).contains("set As of (in the header) to 2025-01-04").doesNotContain("--as-of");

        // Alt+A (the label's mnemonic) puts the cursor in the date; type it and press Enter.
        robot.press(KeyCode.ALT).press(KeyCode.A).release(KeyCode.A).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getEditor().isFocused() || picker.isFocused()).isTrue();
        robot.write("2025-01-04").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.stage(StageId.MONITOR).getState() == StageState.STALE);
        assertThat(vm.asOfProperty().get()).isEqualTo(LocalDate.of(2025, 1, 4));
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.FRESH);
        assertThat(today.isDisabled()).isFalse();

        runAllAndWait(robot);
        assertThat(ran).containsExactly(StageId.MONITOR);
        assertThat(freshness()).as("the latest partition is a day before 2025-01-04").isNull();

        robot.clickOn("#as-of-today");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.stage(StageId.MONITOR).getState() == StageState.STALE);
        assertThat(vm.asOfProperty().get()).isNull();
        assertThat(picker.getValue()).isNull();
        assertThat(vm.settings().asOf()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(errors).isEmpty();
    }

    @Test
    void aDateBeforeTheDataIsReportedInTheAppsWords(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#as-of").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 12, 31)));
        runAllAndWait(robot);
        assertThat(vm.stage(StageId.MONITOR).summary())
                .anySatisfy(line -> assertThat(line).contains("FRESHNESS was not checked")
                        .contains("set As of (in the header) to a date on or after 2025-01-03"))
                .noneSatisfy(line -> assertThat(line).contains("--as-of"));
    }

    @Test
    void aTypedNonDateKeepsTheDateAndSaysHowToWriteIt(FxRobot robot) throws Exception {
        DatePicker picker = robot.lookup("#as-of").queryAs(DatePicker.class);
        robot.interact(picker::requestFocus);
        robot.write("last tuesday").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.asOfProperty().get()).isNull();
        assertThat(vm.statusMessageProperty().get()).contains("is not a date: type it as YYYY-MM-DD");
    }
}
