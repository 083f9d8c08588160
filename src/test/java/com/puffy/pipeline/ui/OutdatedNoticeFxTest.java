package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
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
 * An analyst's day with the app open: a new day's file dropped in, a corrected file put in under the same name. The
 * screens go on showing the last run's results; a line above them says so and why until the next run.
 */
@ExtendWith(ApplicationExtension.class)
class OutdatedNoticeFxTest {
    static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n";
    static final String ROW = "1740268798-lvfV1k5nHCN8,https://puffy.com/,,2025-11-0%dT10:00:00.000Z,"
            + "page_viewed,,Mozilla/5.0\n";

    @TempDir
    Path dir;
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    final List<UiError> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("eventpipe-test/outdated-" + System.nanoTime());
        UiFixtures.QualityWindow window = UiFixtures.QualityWindow.show(stage, prefs, errors, 1024, 768);
        vm = window.vm();
        view = window.view();
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private void run(FxRobot robot) throws Exception {
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && !vm.statusMessageProperty().get().startsWith("Running"));
        settle();
    }

    /** The statuses are read off the FX thread. */
    private static void settle() throws Exception {
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window comes back to the front after the folder changed. */
    private void windowBack(FxRobot robot) throws Exception {
        robot.interact(vm::recheckStatuses);
        settle();
    }

    private List<String> lineOnEachScreen(FxRobot robot) {
        return UiFixtures.noticeOnEachScreen(robot, view, "outdated");
    }

    @Test
    void aDayAddedOrAFileCorrectedIsSaidAboveEveryScreenUntilTheNextRun(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("events"));
        Files.writeString(folder.resolve("events_20251101.csv"), HEADER + ROW.formatted(1));
        robot.interact(() -> vm.openFolder(folder));
        settle();
        run(robot);
        assertThat(lineOnEachScreen(robot)).containsOnly("");

        Files.writeString(folder.resolve("events_20251102.csv"), HEADER + ROW.formatted(2));
        windowBack(robot);
        String added = "Out of date: events_20251102.csv is new since the last run, so Quality shows its results "
                + "from before. Run all (F5) to update it.";
        assertThat(lineOnEachScreen(robot)).containsExactly(added, added, added, added);

        run(robot);
        assertThat(lineOnEachScreen(robot)).containsOnly("");

        Path corrected = dir.resolve("corrected.csv");
        Files.writeString(corrected, HEADER + ROW.formatted(1) + ROW.formatted(1).replace("10:00", "11:00"));
        Files.move(corrected, folder.resolve("events_20251101.csv"), StandardCopyOption.REPLACE_EXISTING);
        windowBack(robot);
        assertThat(lineOnEachScreen(robot)).containsOnly("Out of date: events_20251101.csv changed since the last "
                + "run, so Quality shows its results from before. Run all (F5) to update it.");
        assertThat(errors).isEmpty();
    }
}
