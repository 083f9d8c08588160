package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.quality.QualityStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * F5 on a folder never run: each screen says its stage runs or waits, not "Run the Quality stage", until it has
 * results (decision 0811). The Quality screen said "Nothing to show yet" for the whole of Quality's run while its
 * card's bar moved. The real Quality stage, held until the test lets it finish; the other stages are fakes.
 */
@ExtendWith(ApplicationExtension.class)
class ScreensDuringAFirstRunFxTest {
    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n";
    private static final String ROW = "c%1$d,https://shop.example/p,,2025-11-0%1$dT10:00:00Z,page_viewed,,Mozilla/5.0\n";

    @TempDir
    static Path dir;
    final CountDownLatch inQuality = new CountDownLatch(1);
    final CountDownLatch qualityMayEnd = new CountDownLatch(1);
    Preferences prefs;
    MainViewModel vm;
    MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20251101.csv"), HEADER + ROW.formatted(1));
        Files.writeString(input.resolve("events_20251102.csv"), HEADER + ROW.formatted(2));
        prefs = Preferences.userRoot().node("eventpipe-test/first-run-" + System.nanoTime());
        FakeStages fakes = new FakeStages();
        vm = new MainViewModel(new Pipeline(List.of(heldQuality(), fakes.stage(StageId.TRANSFORM),
                fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS))), UiThreads.javafx(),
                new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        vm.openFolder(input);
        view = StudioApp.build(vm, UiThreads.javafx(), null, prefs);
        view.setErrorPresenter(e -> { });
        stage.setScene(view.createScene(1024, 768));
        stage.show();
        view.select(StageId.QUALITY);
    }

    @AfterEach
    void tearDown() throws Exception {
        qualityMayEnd.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        prefs.removeNode();
    }

    /** The real Quality stage, which also writes the one file the fake Transform reads, once the test lets it. */
    private com.puffy.pipeline.core.Stage heldQuality() {
        QualityStage real = new QualityStage();
        return new com.puffy.pipeline.core.Stage() {
            @Override
            public StageId id() {
                return StageId.QUALITY;
            }

            @Override
            public List<String> outputs() {
                return real.outputs();
            }

            @Override
            public String inputFingerprint(RunSettings settings) {
                return real.inputFingerprint(settings);
            }

            @Override
            public Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
                return real.configUsed(config);
            }

            @Override
            public Map<String, Set<String>> bookkeepingColumns() {
                return real.bookkeepingColumns();
            }

            @Override
            public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
                inQuality.countDown();
                assertThat(qualityMayEnd.await(20, TimeUnit.SECONDS)).isTrue();
                StageResult result = real.run(context, progress, cancellation);
                Files.writeString(context.workDir().resolve("quality.csv"), "name,value\nquality,1\n");
                return result;
            }
        };
    }

    /** The title and words of every empty state on screen, one line each. */
    private static String emptyStatesShown(FxRobot robot) {
        return robot.lookup(".empty-state").queryAll().stream().filter(ScreensDuringAFirstRunFxTest::shown)
                .map(empty -> ((EmptyState) empty).getChildren().stream().filter(Label.class::isInstance)
                        .map(label -> ((Label) label).getText()).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n"));
    }

    private static boolean shown(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void waitUntilShown(FxRobot robot, String words) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emptyStatesShown(robot).contains(words));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(emptyStatesShown(robot)).as("shown").contains(words);
        }
    }

    @Test
    void eachScreenSaysItsStageRunsOrWaitsThenQualityShowsItsResults(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(emptyStatesShown(robot)).as("before F5").contains("Run the Quality stage");

        robot.interact(vm::runAll);
        assertThat(inQuality.await(10, TimeUnit.SECONDS)).isTrue();
        waitUntilShown(robot, "Nothing to show yet | Quality is checking the 2 files in this folder now: its "
                + "results show here when it finishes. Its card on the left shows how far it has got.");
        assertThat(emptyStatesShown(robot)).doesNotContain("Run the Quality stage");

        robot.interact(() -> view.select(StageId.TRANSFORM));
        waitUntilShown(robot, "Transform runs once Quality has finished: its results show here then.");
        robot.interact(() -> view.select(StageId.MONITOR));
        waitUntilShown(robot, "Monitoring has not finished yet | Monitoring runs once Quality and Transform have "
                + "finished");
        robot.interact(() -> view.select(StageId.ANALYSIS));
        waitUntilShown(robot, "Analysis runs once Quality, Transform and Monitoring have finished");

        robot.interact(() -> view.select(StageId.QUALITY));
        qualityMayEnd.countDown();
        Label reconciliation = robot.lookup("#reconciliation").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> reconciliation.getText().startsWith("2 rows read"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(emptyStatesShown(robot)).as("after the run").doesNotContain("is checking");
    }
}
