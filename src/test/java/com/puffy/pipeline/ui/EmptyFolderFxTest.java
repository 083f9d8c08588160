package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A folder that gives the screens nothing to show (no CSV file, or event files with only their header line): after
 * F5, a line above every screen says why and what to do, as opening a folder without CSV files says in the status bar.
 */
@ExtendWith(ApplicationExtension.class)
class EmptyFolderFxTest {
    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n";

    @TempDir
    Path dir;
    @RegisterExtension
    final QualityWindowFixture window = new QualityWindowFixture();

    @Start
    void start(Stage stage) {
        window.show(stage, 1024, 768);
    }

    private void openAndRun(FxRobot robot, Path folder) throws Exception {
        robot.interact(() -> window.vm().openFolder(folder));
        window.waitUntilIdle();
        window.runAll(robot);
    }

    private List<String> lineOnEachScreen(FxRobot robot) {
        return UiFixtures.noticeOnEachScreen(robot, window.view(), "nothing-to-show");
    }

    @Test
    void anEmptyFolderSaysAboveEveryScreenWhyItIsEmptyOnceTheRunsDialogIsClosed(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        openAndRun(robot, empty);
        assertThat(window.errors()).singleElement().extracting(UiError::message).asString()
                .startsWith("No event CSV files");
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
        assertThat(window.errors()).isEmpty();
        assertThat(lineOnEachScreen(robot)).allSatisfy(words -> assertThat(words).startsWith("The 2 event files in "
                + headers.toAbsolutePath() + " hold only a header line, no events, so every screen is empty"));

        Path events = Files.createDirectories(dir.resolve("events"));
        Files.writeString(events.resolve("events_20251101.csv"), HEADER + "1740268798-lvfV1k5nHCN8,https://puffy"
                + ".com/,,2025-11-01T10:00:00.000Z,page_viewed,,Mozilla/5.0\n");
        openAndRun(robot, events);
        assertThat(lineOnEachScreen(robot)).containsOnly("");
    }
}
