package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, its own ticking clock and threads, the real Quality stage: a day dropped into the open folder is
 * named above the screens while the window stays in front, with no focus change; once the window is closed the folder
 * is no longer looked at. Time moves only when the test moves it, so a loaded machine makes it slower, not flaky.
 */
@ExtendWith(ApplicationExtension.class)
class FolderPollFxTest {
    private static final String HEADER = OutdatedNoticeFxTest.HEADER;
    private static final String ROW = OutdatedNoticeFxTest.ROW;

    @TempDir
    Path dir;
    @RegisterExtension
    final QualityWindowFixture shown = new QualityWindowFixture();
    Stage window;
    MainViewModel vm;
    MainView view;
    final MovingClock clock = new MovingClock("2026-11-27T10:00:00Z");

    @Start
    void start(Stage stage) {
        window = stage;
        shown.show(stage, 1024, 768, clock);
        vm = shown.vm();
        view = shown.view();
    }

    /** Moves the clock a look's interval on and waits until the window's tick has started the next look. */
    private void aLookLater() throws Exception {
        int before = looks();
        clock.advance(FolderPoll.INTERVAL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> looks() > before);
    }

    private int looks() throws Exception {
        return WaitForAsyncUtils.asyncFx(vm::folderLooks).get();
    }

    private String line() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> vm.outdatedNoticeProperty().get()).get();
    }

    @Test
    void aDayDroppedIntoTheOpenFolderIsNamedWithoutAFocusChangeAndNotLookedForOnceTheWindowIsClosed(FxRobot robot)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("events"));
        Files.writeString(folder.resolve("events_20251101.csv"), HEADER + ROW.formatted(1));
        robot.interact(() -> vm.openFolder(folder));
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.stage(com.puffy.pipeline.core.StageId.QUALITY).getState() == StageState.FRESH);
        aLookLater();
        assertThat(line()).isEmpty();

        Files.writeString(folder.resolve("events_20251102.csv"), HEADER + ROW.formatted(2));
        aLookLater();
        aLookLater();
        String added = "Out of date: events_20251102.csv is new since the last run, so Quality shows its results "
                + "from before. Run all (F5) to update it.";
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> line().equals(added));
        assertThat(UiFixtures.noticeOnEachScreen(robot, view, "outdated")).containsOnly(added);

        robot.interact(window::hide);
        assertThat(vm.windowShowingProperty().get()).isFalse();
        Files.writeString(folder.resolve("events_20251103.csv"), HEADER + ROW.formatted(3));
        int looksWhenClosed = looks();
        for (int tick = 0; tick < 3; tick++) {
            clock.advance(FolderPoll.INTERVAL);
            robot.interact(vm::tick);
        }
        assertThat(looks()).as("no look once the window is closed").isEqualTo(looksWhenClosed);
        assertThat(line()).isEqualTo(added);
        assertThat(shown.errors()).isEmpty();
    }
}
