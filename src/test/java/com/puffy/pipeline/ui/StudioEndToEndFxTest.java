package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.FaultKind;
import com.puffy.pipeline.generate.GenerateSettings;
import com.puffy.pipeline.generate.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real flows on the real engine and the bundled sample data: open it, run all (F5), watch the bars reach the
 * end, filter findings, open a dataset and a journey, see alerts, export a CSV, cancel a run. One window for the
 * whole class, so the pipeline runs once. Saves a snapshot of each screen under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioEndToEndFxTest {
    static Path home;
    static Preferences prefs;
    static MainViewModel vm;
    /** The app's threads, counted, so that a test can wait until the screens have read and shown their outputs. */
    static CountedThreads threads;
    static MainView view;
    static Stage window;
    static final List<UiError> errors = new CopyOnWriteArrayList<>();
    static String oldHome;
    private static boolean started;
    private static javafx.scene.Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        if (started) {
            // TestFX calls @Start before every test; the window and its finished run are kept across tests.
            stage.setScene(scene);
            stage.show();
            return;
        }
        started = true;
        home = Files.createTempDirectory("eventpipe-e2e");
        oldHome = System.getProperty("eventpipe.home");
        System.setProperty("eventpipe.home", home.toString());
        prefs = Preferences.userRoot().node("eventpipe-test/e2e-" + System.nanoTime());
        threads = new CountedThreads();
        vm = new MainViewModel(StudioEngine.standardPipeline(), threads, new RecentFolders(prefs), sampleSource(),
                Clock.systemUTC());
        vm.setCacheFile(home.resolve("cache.sqlite"));
        view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(errors::add);
        vm.onError(errors::add);
        scene = view.createScene(1440, 900);
        stage.setScene(scene);
        stage.show();
        window = stage;
    }

    /**
     * The bundled sample (14 days × 3,500 events) with {@code -Deventpipe.fullSample=true}, for the README's
     * screenshots; otherwise the same generator and faults on 8 days × 400 events, so the suite stays quick.
     */
    private static SampleDataSource sampleSource() {
        if (Boolean.getBoolean("eventpipe.fullSample")) {
            return SampleData::ensure;
        }
        return dir -> {
            EventGenerator.generate(new GenerateSettings(dir, 8, 400, SampleData.START, SampleData.SEED,
                    FaultKind.common()), Progress.NONE, Cancellation.none());
            return dir;
        };
    }

    @AfterAll
    static void tearDown() throws Exception {
        prefs.removeNode();
        // Not a @TempDir: the window and its run span every test of the class. Each run left 5 MB in the temp folder.
        try (Stream<Path> walk = Files.walk(home)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (oldHome == null) {
            System.clearProperty("eventpipe.home");
        } else {
            System.setProperty("eventpipe.home", oldHome);
        }
    }

    @Test
    @Order(1)
    void opensTheSampleDataAndRunsAllWithF5(FxRobot robot) throws Exception {
        System.setProperty("eventpipe.home", home.toString());
        robot.clickOn("#open-sample");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.inputDirProperty().get() != null);
        assertThat(vm.inputDirProperty().get()).startsWith(home);
        robot.clickOn("#stage-tabs");
        // The sample's run can end (0.3 s) before push returns from waiting for the FX events: a listener sees it
        // start, where polling running missed it.
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> vm.runningProperty().addListener((obs, was, now) -> started.compareAndSet(false, now)));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, started::get);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        // The screens read the run's outputs after its end: a lookup while they add their nodes read a list that
        // changed under it (IndexOutOfBoundsException in Parent.lookupAll, seen under a load of 20).
        threads.waitUntilIdle();
        assertThat(errors).isEmpty();
        for (StageId id : StageId.values()) {
            assertThat(vm.stage(id).getState()).as(id.title()).isEqualTo(StageState.FRESH);
            assertThat(robot.lookup("#progress-" + id.cliName()).queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        }
        assertThat(robot.lookup("#summary-quality").queryAs(javafx.scene.text.TextFlow.class).getAccessibleText())
                .isNotBlank();
        // The first start on the sample data: the output path shares the header line with the cache path.
        Label output = robot.lookup("#output-folder").queryAs(Label.class);
        Label cache = robot.lookup("#cache-file").queryAs(Label.class);
        assertThat(output.getWidth()).as("the output path keeps as much room as the cache path")
                .isGreaterThanOrEqualTo(Math.min(output.prefWidth(-1), cache.getWidth()) - 1);
    }

    @Test
    @Order(2)
    void qualityReconcilesAndFindingsFilterBySeverity(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.QUALITY));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#reconciliation").queryAs(Label.class)
                .getText().endsWith("every row is accounted for."));
        robot.interact(() -> select(robot, "#quality-tabs", "quality-tab-findings"));
        TableView<?> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !findings.getItems().isEmpty());
        int all = findings.getItems().size();
        @SuppressWarnings("unchecked")
        CheckComboBox<String> severity = robot.lookup("#findings-facet-severity").queryAs(CheckComboBox.class);
        robot.interact(() -> severity.getCheckModel().check("ERROR"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> findings.getItems().size() < all);
        int severityColumn = findings.getColumns().stream().map(c -> (String) c.getUserData()).toList().indexOf("severity");
        assertThat(findings.getItems()).allMatch(row -> ((String[]) row)[severityColumn].equals("ERROR"));
        Screenshots.save(window.getScene(), "screen-quality-findings");
        robot.interact(() -> severity.getCheckModel().clearChecks());
        robot.interact(() -> select(robot, "#quality-tabs", "quality-tab-drift"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.getScene(), "screen-quality");
    }

    @Test
    @Order(3)
    void aDatasetOpensAndAJourneyShowsTheCredit(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.TRANSFORM));
        TableView<?> sessions = robot.lookup("#dataset-sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !sessions.getItems().isEmpty());
        Screenshots.save(window.getScene(), "screen-transform-datasets");
        robot.interact(() -> ((javafx.scene.control.ListView<?>) robot.lookup("#dataset-list").query())
                .getSelectionModel().select(2));
        TableView<?> conversions = robot.lookup("#dataset-conversions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !conversions.getItems().isEmpty());
        robot.interact(() -> conversions.getSelectionModel().select(0));
        robot.clickOn("#open-journey-conversions");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#journey-header").queryAs(Label.class)
                .getText().startsWith("Client "));
        TableView<?> credits = robot.lookup("#credits-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !credits.getItems().isEmpty());
        assertThat(robot.lookup(".journey-purchase").queryAll()).isNotEmpty();
        // A session's start as the app writes moments ("Feb 23 21:03 UTC"), not "Sun 23 Feb 21:03 UTC".
        assertThat(robot.lookup(".journey-when").queryAllAs(Label.class)).isNotEmpty()
                .allSatisfy(when -> assertThat(when.getText()).matches("[A-Z][a-z]{2} \\d{1,2}(, \\d{4})? \\d{2}:\\d{2} UTC"));

        String client = clientWithTheMostTouchpoints();
        javafx.scene.control.TextField field = robot.lookup("#journey-client").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText(client));
        robot.clickOn("#journey-show");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#journey-header").queryAs(Label.class)
                .getText().startsWith("Client " + client));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !credits.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.getScene(), "screen-transform");
    }

    @Test
    @Order(4)
    void analysisShowsTheKpis(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.ANALYSIS));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#kpi-revenue").tryQuery().isPresent());
        String revenue = robot.lookup("#kpi-revenue").queryAs(Label.class).getText();
        assertThat(revenue).startsWith("$");
        // One money: the rail's Transform line said "revenue 264,653.69" beside this tile's "$264,654".
        assertThat(String.join("\n", vm.stage(StageId.TRANSFORM).summary())).contains("revenue " + revenue);
        // Written as the report and the stage summary write a conversion rate ("0.99%"), not "1.0 %" beside it.
        assertThat(robot.lookup("#kpi-cvr").queryAs(Label.class).getText()).matches("\\d+\\.\\d{1,2}%");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.chart.XYChart<Number, Number> orders = robot.from(robot.lookup("#chart-orders").queryAs(
                javafx.scene.Node.class)).lookup(".chart").queryAs(javafx.scene.chart.XYChart.class);
        javafx.scene.chart.NumberAxis count = (javafx.scene.chart.NumberAxis) orders.getYAxis();
        double most = orders.getData().get(0).getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).max()
                .orElseThrow();
        assertThat(count.getTickUnit()).as("orders axis step").isGreaterThanOrEqualTo(1)
                .satisfies(step -> assertThat(step % 1).isZero());
        assertThat(count.getUpperBound()).isGreaterThan(most);
        Screenshots.save(window.getScene(), "screen-analysis");
        javafx.scene.control.ScrollPane scroll = robot.lookup("#analysis-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.getScene(), "screen-analysis-charts");
    }

    @Test
    @Order(5)
    void monitoringListsAlertsMostSevereFirst(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.MONITOR));
        @SuppressWarnings("unchecked")
        ListView<com.puffy.pipeline.ui.monitor.MonitoringViewModel.Alert> alerts =
                robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !alerts.getItems().isEmpty());
        List<String> order = List.of("CRITICAL", "WARNING", "INFO");
        List<Integer> ranks = alerts.getItems().stream().map(a -> order.indexOf(a.severity())).toList();
        assertThat(ranks).isSorted();
        int nullRate = alerts.getItems().stream().map(a -> a.check()).toList().indexOf("CLIENT_ID_NULL_RATE");
        robot.interact(() -> alerts.getSelectionModel().select(Math.max(0, nullRate)));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.getScene(), "screen-monitoring");
    }

    @Test
    @Order(6)
    void aTableExportsToACsvOnDisk(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.QUALITY));
        robot.interact(() -> select(robot, "#quality-tabs", "quality-tab-findings"));
        @SuppressWarnings("unchecked")
        TableView<String[]> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !findings.getItems().isEmpty());
        Path file = home.resolve("exports").resolve("findings.csv");
        robot.interact(() -> view.exportTable(view.visibleTable(), file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(file));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("file,line,severity,code");
        assertThat(lines).hasSize(findings.getItems().size() + 1);
    }

    @Test
    @Order(7)
    void cancellingARunLeavesNothingHalfWritten(FxRobot robot) throws Exception {
        Path out = vm.outputDirProperty().get();
        Map<String, Long> before = sizes(out);
        // Cancel in the same FX pulse that starts the run: waiting for the RUNNING state raced a small run that
        // could finish before the listener ran on a loaded machine.
        robot.interact(() -> {
            vm.rerunAll();
            vm.cancel();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.stages().stream().anyMatch(s -> s.getState() == StageState.CANCELLED));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.statusMessageProperty().get()).startsWith("Run cancelled");
        assertThat(sizes(out)).isEqualTo(before);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-"));
        }
    }

    @Test
    @Order(8)
    void atTheSmallestWindowSizeNoLabelIsCutShort(FxRobot robot) throws Exception {
        // The last test: it leaves the window at its minimum size (Monocle's screen refuses 1440×900 back).
        robot.interact(() -> {
            window.setWidth(1000);
            window.setHeight(640);
        });
        java.util.Set<String> paths = java.util.Set.of("input-folder", "output-folder", "cache-file");
        java.util.Map<StageId, List<String>> cut = new java.util.EnumMap<>(StageId.class);
        for (StageId id : StageId.values()) {
            robot.interact(() -> view.select(id));
            robot.lookup("#analysis-scroll").tryQueryAs(javafx.scene.control.ScrollPane.class)
                    .ifPresent(scroll -> robot.interact(() -> scroll.setVvalue(0)));
            // A screen shown reads its outputs off the FX thread: a label cut only once they have come in is cut.
            threads.waitUntilIdle();
            Screenshots.save(window.getScene(), "small-window-" + id.cliName());
            List<String> labels = WaitForAsyncUtils.asyncFx(() -> {
                List<String> found = new java.util.ArrayList<>(
                        Truncation.truncatedLabels(window.getScene().getRoot(), paths));
                found.addAll(Truncation.widerThanTheirPane(window.getScene().getRoot()));
                return found;
            }).get();
            if (!labels.isEmpty()) {
                cut.put(id, labels);
            }
        }
        assertThat(cut).isEmpty();
        // A long path once ate its own name: the line showed two paths without saying which was the output.
        assertThat(robot.lookup(".path-line").queryAllAs(javafx.scene.control.Label.class))
                .filteredOn(javafx.scene.Node::isVisible).extracting(javafx.scene.control.Label::getText)
                .contains("Output", "Cache");
        // The As of field's prompt ("2025-03-09 (sample)") is no Label, so the walk above does not see it cut.
        javafx.scene.control.TextField asOf = robot.lookup("#as-of").queryAs(javafx.scene.control.DatePicker.class)
                .getEditor();
        double promptWidth = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.text.Text text = new javafx.scene.text.Text(asOf.getPromptText());
            text.setFont(asOf.getFont());
            return text.getLayoutBounds().getWidth() + asOf.getPadding().getLeft() + asOf.getPadding().getRight();
        }).get();
        assertThat(asOf.getPromptText()).isEqualTo(SampleData.AS_OF + " (sample)");
        assertThat(asOf.getWidth()).as("room for the As of prompt").isGreaterThanOrEqualTo(promptWidth);
    }

    /** A converting client whose order has the most touchpoints: the journey worth a picture. */
    private static String clientWithTheMostTouchpoints() throws Exception {
        Path transform = vm.stageOutput(StageId.TRANSFORM);
        com.puffy.pipeline.ui.table.CsvTable attribution = com.puffy.pipeline.ui.table.CsvTable.read(
                transform.resolve("attribution.csv"));
        int order = attribution.column("order_key");
        int touchpoints = attribution.column("touchpoints");
        String best = attribution.rows().stream()
                .max(java.util.Comparator.comparingDouble(r -> com.puffy.pipeline.ui.table.CsvTable.number(r[touchpoints])))
                .map(r -> r[order]).orElseThrow();
        com.puffy.pipeline.ui.table.CsvTable conversions = com.puffy.pipeline.ui.table.CsvTable.read(
                transform.resolve("conversions.csv"), "order_key", best);
        return conversions.rows().get(0)[conversions.column("client_id")];
    }

    private static Map<String, Long> sizes(Path out) throws Exception {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".csv")).toList()) {
                sizes.put(out.relativize(p).toString(), Files.size(p));
            }
        }
        return sizes;
    }

    private static void select(FxRobot robot, String tabPane, String tabId) {
        TabPane pane = robot.lookup(tabPane).queryAs(TabPane.class);
        pane.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> pane.getSelectionModel().select(t));
    }
}
