package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * A folder that gives the screens nothing to show (no CSV file, or event files with only their header line): after
 * F5, a line above every screen says why and what to do, as opening a folder without CSV files says in the status bar.
 */
@ExtendWith(ApplicationExtension.class)
class EmptyFolderFxTest {
    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n";

    @TempDir
    Path dir;
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    final List<UiError> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("eventpipe-test/empty-" + System.nanoTime());
        UiFixtures.QualityWindow window = UiFixtures.QualityWindow.show(stage, prefs, errors, 1024, 768);
        vm = window.vm();
        view = window.view();
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private void openAndRun(FxRobot robot, Path folder) throws Exception {
        // The rules and the statuses are read off the FX thread (decision 0831); the screens are told to read again
        // (outputsVersion) once they have been.
        int beforeOpening = vm.outputsVersionProperty().get();
        robot.interact(() -> vm.openFolder(folder));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.outputsVersionProperty().get() > beforeOpening);
        WaitForAsyncUtils.waitForFxEvents();
        int beforeTheRun = vm.outputsVersionProperty().get();
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && !vm.statusMessageProperty().get().startsWith("Running")
                && vm.outputsVersionProperty().get() > beforeTheRun);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> lineOnEachScreen(FxRobot robot) {
        return UiFixtures.noticeOnEachScreen(robot, view, "nothing-to-show");
    }

    @Test
    void anEmptyFolderSaysAboveEveryScreenWhyItIsEmptyOnceTheRunsDialogIsClosed(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        openAndRun(robot, empty);
        assertThat(errors).singleElement().extracting(UiError::message).asString().startsWith("No event CSV files");
        String words = empty.toAbsolutePath() + " holds no CSV file, so every screen is empty: choose the folder "
                + "that holds the daily event files (events_YYYYMMDD.csv) with File → Open folder… (Ctrl+O).";
        assertThat(lineOnEachScreen(robot)).containsExactly(words, words, words, words);
    }

    @Test
    void headerOnlyEventFilesSayAboveEveryScreenThatTheyHoldNoEventsAndAFolderWithEventsSaysNothing(FxRobot robot)
            throws Exception {
        Path headers = Files.createDirectories(dir.resolve("headers"));
        Files.writeString(headers.resolve("events_20251101.csv"), HEADER);
        Files.writeString(headers.resolve("events_20251102.csv"), HEADER);
        openAndRun(robot, headers);
        assertThat(errors).isEmpty();
        assertThat(lineOnEachScreen(robot)).allSatisfy(words -> assertThat(words).startsWith("The 2 event files in "
                + headers.toAbsolutePath() + " hold only a header line, no events, so every screen is empty"));

        Path events = Files.createDirectories(dir.resolve("events"));
        Files.writeString(events.resolve("events_20251101.csv"), HEADER + "1740268798-lvfV1k5nHCN8,https://puffy"
                + ".com/,,2025-11-01T10:00:00.000Z,page_viewed,,Mozilla/5.0\n");
        openAndRun(robot, events);
        assertThat(lineOnEachScreen(robot)).containsOnly("");
    }
}
