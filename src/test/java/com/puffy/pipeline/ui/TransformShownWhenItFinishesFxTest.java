package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Transform screen in front shows Transform's datasets as soon as that stage has run, while Monitoring and Analysis
 * still run (13-17 s at 5M events); the journeys' indexes, which read sessions.csv and validated_events.csv whole, are
 * built once the run has ended, not beside the stages still running.
 */
@ExtendWith(ApplicationExtension.class)
class TransformShownWhenItFinishesFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    /** The app's threads, counting the loads and the indexes being built that are not yet done. */
    final CountedThreads threads = new CountedThreads();
    Path home;
    String oldHome;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createDirectories(dir.resolve("home-" + System.nanoTime()));
        oldHome = System.getProperty("eventpipe.home");
        System.setProperty("eventpipe.home", home.toString());
        fixture.openNewFolder(dir, threads);
        MainView view = StudioApp.build(fixture.vm(), threads, null, fixture.prefs());
        view.setErrorPresenter(e -> { });
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        view.select(StageId.TRANSFORM);
    }

    @AfterEach
    void restoreHome() {
        if (oldHome == null) {
            System.clearProperty("eventpipe.home");
        } else {
            System.setProperty("eventpipe.home", oldHome);
        }
    }

    private long journeyIndexes() throws Exception {
        Path folder = home.resolve("journey-index");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void theDatasetsShowWhenTransformFinishesAndTheIndexesWaitForTheRunsEnd(FxRobot robot) throws Exception {
        // The folder's statuses read on opening it reload the screens: that is not what this test is about.
        threads.waitUntilIdle();
        MainViewModel vm = fixture.vm();
        TableView<?> sessions = robot.lookup("#dataset-sessions-table").queryAs(TableView.class);
        assertThat(sessions.getItems()).as("before the run").isEmpty();
        StageViewModel quality = vm.stage(StageId.QUALITY);
        StageViewModel transform = vm.stage(StageId.TRANSFORM);
        StageViewModel monitor = vm.stage(StageId.MONITOR);
        robot.interact(() -> {
            vm.runningProperty().set(true);
            quality.started(System.nanoTime());
        });
        UiFixtures.quality(fixture.output());
        robot.interact(() -> {
            quality.finished(StageState.FRESH, "Finished at 22:35.", List.of(), java.time.Duration.ofSeconds(35));
            transform.started(System.nanoTime());
        });
        UiFixtures.transform(fixture.output());
        robot.interact(() -> {
            transform.finished(StageState.FRESH, "Finished at 22:36.", List.of(), java.time.Duration.ofSeconds(20));
            monitor.started(System.nanoTime());
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.getItems().size() == 3);
        threads.waitUntilIdle();
        assertThat(monitor.getState()).as("the run goes on").isEqualTo(StageState.RUNNING);
        assertThat(journeyIndexes()).as("no index built while Monitoring and Analysis run").isZero();

        robot.interact(() -> {
            monitor.finished(StageState.FRESH, "Finished at 22:37.", List.of(), java.time.Duration.ofSeconds(5));
            vm.runningProperty().set(false);
            vm.outputsVersionProperty().set(vm.outputsVersionProperty().get() + 1);
        });
        threads.waitUntilIdle();
        assertThat(journeyIndexes()).as("built once the run has ended").isPositive();
        assertThat(sessions.getItems()).as("the rows read when Transform finished stay").hasSize(3);
    }
}
