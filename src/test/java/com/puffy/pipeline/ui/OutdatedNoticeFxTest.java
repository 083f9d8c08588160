package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    @RegisterExtension
    final QualityWindowFixture window = new QualityWindowFixture();
    MainViewModel vm;

    @Start
    void start(Stage stage) {
        window.show(stage, 1024, 768);
        vm = window.vm();
    }

    /** The window comes back to the front after the folder changed: it reads the statuses off the FX thread. */
    private void windowBack(FxRobot robot) throws Exception {
        robot.interact(vm::recheckStatuses);
        window.waitUntilIdle();
    }

    private List<String> lineOnEachScreen(FxRobot robot) {
        return UiFixtures.noticeOnEachScreen(robot, window.view(), "outdated");
    }

    @Test
    void aDayAddedOrAFileCorrectedIsSaidAboveEveryScreenUntilTheNextRun(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("events"));
        Files.writeString(folder.resolve("events_20251101.csv"), HEADER + ROW.formatted(1));
        robot.interact(() -> vm.openFolder(folder));
        window.waitUntilIdle();
        window.runAll(robot);
        assertThat(lineOnEachScreen(robot)).containsOnly("");

        Files.writeString(folder.resolve("events_20251102.csv"), HEADER + ROW.formatted(2));
        windowBack(robot);
        String added = "Out of date: events_20251102.csv is new since the last run, so Quality shows its results "
                + "from before. Run all (F5) to update it.";
        assertThat(lineOnEachScreen(robot)).containsExactly(added, added, added, added);

        window.runAll(robot);
        assertThat(lineOnEachScreen(robot)).containsOnly("");

        Path corrected = dir.resolve("corrected.csv");
        Files.writeString(corrected, HEADER + ROW.formatted(1) + ROW.formatted(1).replace("10:00", "11:00"));
        Files.move(corrected, folder.resolve("events_20251101.csv"), StandardCopyOption.REPLACE_EXISTING);
        windowBack(robot);
        assertThat(lineOnEachScreen(robot)).containsOnly("Out of date: events_20251101.csv changed since the last "
                + "run, so Quality shows its results from before. Run all (F5) to update it.");
        assertThat(window.errors()).isEmpty();
    }
}
