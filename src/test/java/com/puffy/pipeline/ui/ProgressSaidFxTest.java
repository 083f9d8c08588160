package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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
 * What a screen reader is given of a run (decision 0833): each stage's progress bar says its stage, its percent and
 * what the stage does, read as JavaFX's platform bridges read it ({@code queryAccessibleAttribute}); and the changes a
 * sighted user sees (the bar, a stage's status, the status bar) are told through
 * {@code notifyAccessibleAttributeChanged}, recorded here by the accessible object a bridge would have made.
 */
@ExtendWith(ApplicationExtension.class)
class ProgressSaidFxTest {
    @TempDir
    static Path dir;
    FakeStagesWindow window;
    MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        window = FakeStagesWindow.open(stage, dir, "said", StageId.QUALITY, StageId.TRANSFORM);
        vm = window.vm;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void eachBarSaysItsStageItsPercentAndWhatTheStageDoesAndTellsEachWholePercent(FxRobot robot) throws Exception {
        ProgressBar bar = robot.lookup("#progress-quality").queryAs(ProgressBar.class);
        Told told = Told.on(bar);
        StageViewModel quality = vm.stage(StageId.QUALITY);
        robot.interact(() -> quality.started(System.nanoTime()));
        // Before: no text at all, so a screen reader said "progress bar" and the value, 0.45, of no stage.
        assertThat(said(bar)).isEqualTo("Quality: running, Starting\u2026");
        told.clear();
        robot.interact(() -> quality.progressFromEngine(45, 100, "Validating files", UiThreads.direct()));
        assertThat(said(bar)).isEqualTo("Quality: 45 percent, Validating files");
        assertThat(told.attributes).contains(AccessibleAttribute.TEXT, AccessibleAttribute.VALUE,
                AccessibleAttribute.INDETERMINATE);
        told.clear();
        // Within the same whole percent nothing is told: the engine moves a bar many times a second.
        robot.interact(() -> quality.progressFromEngine(457, 1000, "Validating files", UiThreads.direct()));
        assertThat(said(bar)).isEqualTo("Quality: 45 percent, Validating files");
        assertThat(told.attributes).isEmpty();
        robot.interact(() -> {
            quality.started(System.nanoTime() - TimeUnit.SECONDS.toNanos(100));
            quality.progressFromEngine(9_996, 10_000, "Writing validated events", UiThreads.direct());
            vm.tick();
        });
        // Rounded down: a stage still running never says it is done.
        assertThat(said(bar)).isEqualTo("Quality: 99 percent, Writing validated events, a few seconds left");
        assertThat(told.attributes).contains(AccessibleAttribute.TEXT, AccessibleAttribute.VALUE);
        told.clear();
        robot.interact(() -> quality.finished(StageState.FAILED, "Failed: events_20250101.csv could not be read.",
                null, null));
        assertThat(said(bar)).isEqualTo("Quality: failed, Failed: events_20250101.csv could not be read.");
        assertThat(told.attributes).containsExactly(AccessibleAttribute.TEXT);
        // Every stage's bar names its own stage, the one not in this build too.
        assertThat(said(robot.lookup("#progress-transform").queryAs(ProgressBar.class))).startsWith("Transform: ");
        assertThat(said(robot.lookup("#progress-monitor").queryAs(ProgressBar.class)))
                .isEqualTo("Monitoring: not in this build, Not available in this build.");
    }

    @Test
    void aRunsEndAStagesStatusAndTheStatusBarAreToldAsTheyChange(FxRobot robot) throws Exception {
        Label chip = robot.lookup("#state-quality").queryAs(Label.class);
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        Label lastRun = robot.lookup("#last-run").queryAs(Label.class);
        Told chipTold = Told.on(chip);
        Told statusTold = Told.on(status);
        Told lastRunTold = Told.on(lastRun);
        robot.clickOn("#stage-tabs");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.stage(StageId.TRANSFORM).getState() == StageState.FRESH && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // "fresh" alone said of no stage.
        assertThat(said(chip)).isEqualTo("Quality: fresh");
        assertThat(chipTold.attributes).contains(AccessibleAttribute.TEXT);
        assertThat(said(status)).isEqualTo(status.getText()).isNotBlank();
        assertThat(statusTold.attributes).contains(AccessibleAttribute.TEXT);
        assertThat(said(lastRun)).startsWith("Last run");
        assertThat(lastRunTold.attributes).contains(AccessibleAttribute.TEXT);

        // A stage gone out of date: its chip and the notice above the screens.
        Label outdated = robot.lookup("#outdated-text").queryAs(Label.class);
        Told outdatedTold = Told.on(outdated);
        chipTold.clear();
        robot.interact(() -> {
            vm.stage(StageId.QUALITY).showStatus(StageState.STALE);
            vm.outdatedNoticeProperty().set("Quality's results are from before the folder changed.");
        });
        assertThat(said(chip)).isEqualTo("Quality: stale");
        assertThat(chipTold.attributes).containsExactly(AccessibleAttribute.TEXT);
        assertThat(said(outdated)).isEqualTo("Quality's results are from before the folder changed.");
        assertThat(outdatedTold.attributes).contains(AccessibleAttribute.TEXT);
    }

    private static String said(Node node) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return (String) WaitForAsyncUtils.asyncFx(() -> node.queryAccessibleAttribute(AccessibleAttribute.TEXT)).get();
    }

    /**
     * The object a platform bridge makes for a node once a screen reader asks for it (none on Linux, where JavaFX has
     * no bridge), put in its place: {@code notifyAccessibleAttributeChanged} hands it what the bridge would pass on.
     */
    static final class Told extends com.sun.glass.ui.Accessible {
        final List<AccessibleAttribute> attributes = new CopyOnWriteArrayList<>();

        static Told on(Node node) throws Exception {
            Told told = new Told();
            Field accessible = Node.class.getDeclaredField("accessible");
            accessible.setAccessible(true);
            WaitForAsyncUtils.asyncFx(() -> {
                accessible.set(node, told);
                return null;
            }).get();
            return told;
        }

        void clear() {
            attributes.clear();
        }

        @Override
        protected long getNativeAccessible() {
            return 0;
        }

        @Override
        public void sendNotification(AccessibleAttribute notification) {
            attributes.add(notification);
        }
    }
}
