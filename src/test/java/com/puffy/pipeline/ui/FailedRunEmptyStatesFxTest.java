package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
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
 * After a run that found nothing to read, the line above the screens gives the reasons; each screen's own empty state
 * said "Run the Quality stage…" beneath it, as if nothing had happened. On the real Quality stage and window.
 */
@ExtendWith(ApplicationExtension.class)
class FailedRunEmptyStatesFxTest {
    @TempDir
    Path dir;
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    final List<UiError> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("eventpipe-test/failed-run-" + System.nanoTime());
        UiFixtures.QualityWindow window = UiFixtures.QualityWindow.show(stage, prefs, errors, 1024, 768);
        vm = window.vm();
        view = window.view();
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    /** The words of every empty state in view on the screen of {@code id}, and the reconciliation line on Quality's. */
    private List<String> emptyStateWords(FxRobot robot, StageId id) {
        robot.interact(() -> view.select(id));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> words = new ArrayList<>();
        for (Node state : robot.lookup(".empty-state").queryAll()) {
            if (state.isVisible() && state.getScene() != null && state.localToScene(state.getBoundsInLocal()).getHeight() > 0
                    && isShown(state)) {
                for (Node label : state.lookupAll(".label")) {
                    words.add(((Label) label).getText());
                }
            }
        }
        return words;
    }

    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aFolderOfCompressedDaysSaysOnEveryScreenThatTheLastRunFailedAndWhereItsReasonsAre(FxRobot robot)
            throws Exception {
        Path packed = Files.createDirectories(dir.resolve("packed"));
        Files.write(packed.resolve("events_20250101.csv.gz"), new byte[] {0x1f, (byte) 0x8b});
        robot.interact(() -> vm.openFolder(packed));
        // The rules and the statuses are read off the FX thread (decision 0831); the screens read again after.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.outputsVersionProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(String.join(" ", emptyStateWords(robot, StageId.QUALITY))).as("before any run")
                .contains("Run the Quality stage (or Run all, F5)");
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && !vm.statusMessageProperty().get().startsWith("Running"));
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).hasSize(1);
        String next = ". The reasons are in the line above the screens: do what it says, then run again (F5).";
        assertThat(emptyStateWords(robot, StageId.QUALITY))
                .contains("The last run of Quality failed, so it has nothing to show" + next)
                .noneMatch(words -> words.contains("Run the Quality stage"));
        assertThat(robot.lookup("#reconciliation").queryAs(Label.class).getText()).as("the why is said once, below")
                .isEqualTo("No rows to account for yet.");
        assertThat(emptyStateWords(robot, StageId.TRANSFORM))
                .contains("Transform did not run: Quality, which it needs, failed in the last run" + next);
        assertThat(emptyStateWords(robot, StageId.ANALYSIS))
                .contains("Analysis did not run: Quality, which it needs, failed in the last run" + next);
        assertThat(emptyStateWords(robot, StageId.MONITOR)).containsExactly("No alerts to show",
                "Monitoring did not run: Quality, which it needs, failed in the last run" + next);
    }
}
