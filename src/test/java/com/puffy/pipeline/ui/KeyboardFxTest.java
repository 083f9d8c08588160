package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window driven from the keyboard alone, with a stage that runs until it is cancelled. */
@ExtendWith(ApplicationExtension.class)
class KeyboardFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    Stage window;
    final List<UiError> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/kb-" + System.nanoTime());
        FakeStages fakes = new FakeStages();
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY, KeyboardFxTest::untilCancelled))),
                threads, new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        view = StudioApp.build(vm, threads, null, prefs);
        window = stage;
        view.setErrorPresenter(errors::add);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        // Quality outputs from an earlier run, so the Files table and its search are there to type in.
        UiFixtures.quality(com.puffy.pipeline.core.RunSettings.defaultOutputFor(input.toAbsolutePath()));
        vm.openFolder(input);
    }

    /** Runs until cancelled, or 20 s at most so a broken Escape fails the test rather than hanging it. */
    private static void untilCancelled(Cancellation cancellation) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!cancellation.isCancelled() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @org.junit.jupiter.api.Test
    void closingDuringARunAsksThenStopsTheRunBeforeTheWindowCloses(FxRobot robot) throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        view.setConfirmStopToClose(() -> asked.incrementAndGet() > 1);
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        robot.interact(view::requestClose);
        assertThat(asked).hasValue(1);
        assertThat(window.isShowing()).as("'Keep running' keeps the window and the run").isTrue();
        assertThat(vm.runningProperty().get()).isTrue();

        robot.interact(view::requestClose);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.isShowing());
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.CANCELLED);
        try (var left = Files.list(vm.outputDirProperty().get())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-"));
        }
    }

    @org.junit.jupiter.api.Test
    void resizingAcrossTheCompactWidthDuringARunKeepsItsProgressAndTheCancelIconStopsIt(FxRobot robot)
            throws Exception {
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.stage(StageId.QUALITY).progressProperty().get() > 0);
        javafx.scene.control.ProgressBar bar = robot.lookup("#progress-quality").queryAs(javafx.scene.control.ProgressBar.class);
        javafx.scene.control.Button cancelAll = robot.lookup("#cancel-run").queryButton();
        javafx.scene.control.Button cancelStage = robot.lookup("#cancel-quality").queryButton();
        for (double width : new double[] {1024, 1440, 1100, 1300, 1199, 1201, 1024}) {
            robot.interact(() -> window.setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(bar.isVisible()).as(width + " px").isTrue();
            assertThat(bar.getWidth()).as(width + " px: the bar has room").isGreaterThan(100);
            assertThat(bar.getProgress()).as(width + " px").isEqualTo(0.25);
            assertThat(cancelStage.isVisible()).isTrue();
            assertThat(cancelStage.getWidth()).as(width + " px: the card's Cancel is whole")
                    .isGreaterThanOrEqualTo(cancelStage.prefWidth(-1) - 0.5);
            assertThat(cancelStage.getContentDisplay()).as(width + " px").isEqualTo(width < MainView.COMPACT_RAIL_BELOW
                    ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT);
            Label elapsed = robot.lookup("#elapsed-quality").queryAs(Label.class);
            // The elapsed time ticks every second: lay out and measure in one go on the FX thread, or a tick between
            // the last pulse and the measurement shows a longer text in its old width.
            double[] widthAndPref = new double[2];
            robot.interact(() -> {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
                widthAndPref[0] = elapsed.getWidth();
                widthAndPref[1] = elapsed.prefWidth(-1);
            });
            assertThat(elapsed.getText()).isNotEmpty();
            assertThat(widthAndPref[0]).as(width + " px: the elapsed time is not cut to '...'")
                    .isGreaterThanOrEqualTo(widthAndPref[1] - 0.5);
            javafx.scene.Node card = robot.lookup("#stage-quality").query();
            javafx.scene.control.ScrollPane rail = robot.lookup("#rail").queryAs(javafx.scene.control.ScrollPane.class);
            assertThat(card.getBoundsInLocal().getWidth()).as(width + " px: the card fits the rail")
                    .isLessThanOrEqualTo(rail.getViewportBounds().getWidth());
            assertThat(vm.runningProperty().get()).isTrue();
        }
        assertThat(cancelAll.getContentDisplay()).isEqualTo(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        Screenshots.save(window.getScene(), "compact-rail-during-run");
        robot.clickOn(cancelAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.CANCELLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#stage-tabs", "#recent-folders", "#quality-files-summary-search",
            "#quality-files-summary-search-column"})
    void escapeCancelsTheRunWhereverTheFocusIs(String focused, FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node node = robot.lookup(focused).query();
        robot.interact(node::requestFocus);
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        robot.interact(node::requestFocus);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.CANCELLED);
    }
    @org.junit.jupiter.api.Test
    void escapeInASearchWithTextEmptiesItAndKeepsTheCursorThere(FxRobot robot) throws Exception {
        javafx.scene.control.TextField search = robot.lookup("#quality-files-summary-search")
                .queryAs(javafx.scene.control.TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !search.isDisabled() && search.isVisible());
        robot.interact(() -> {
            search.requestFocus();
            search.setText("events_2025");
        });
        assertThat(window.getScene().getFocusOwner()).isSameAs(search);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.getText()).isEmpty();
        assertThat(window.getScene().getFocusOwner()).isSameAs(search);
        assertThat(vm.stage(StageId.QUALITY).getState()).as("nothing was running to cancel")
                .isNotEqualTo(StageState.CANCELLED);
    }

    @org.junit.jupiter.api.Test
    void duringARunTheFirstEscapeEmptiesTheSearchAndTheSecondCancels(FxRobot robot) throws Exception {
        javafx.scene.control.TextField search = robot.lookup("#quality-files-summary-search")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !search.isDisabled() && search.isVisible());
        robot.interact(() -> {
            search.requestFocus();
            search.setText("events_2025");
        });
        assertThat(window.getScene().getFocusOwner()).isSameAs(search);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.getText()).isEmpty();
        assertThat(window.getScene().getFocusOwner()).isSameAs(search);
        assertThat(vm.runningProperty().get()).as("the first Escape only empties the search").isTrue();

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.CANCELLED);
    }

    @org.junit.jupiter.api.Test
    void duringARunEscapeClosesAnOpenListFirstAndCancelsNext(FxRobot robot) throws Exception {
        javafx.scene.control.ComboBox<?> column = robot.lookup("#quality-files-summary-search-column")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !column.isDisabled() && column.isVisible());
        robot.interact(() -> {
            column.requestFocus();
            column.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column.isShowing()).isTrue();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column.isShowing()).isFalse();
        assertThat(vm.runningProperty().get()).as("Escape closed the list, not the run").isTrue();

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.CANCELLED);
    }
}
