package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Double-click a file … for its findings" under an empty Files table pointed at files that were not there. */
@ExtendWith(ApplicationExtension.class)
class QualityFilesHintFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    QualityScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        screen = fixture.showScreen(stage, QualityScreen::new, 1024, 700);
    }

    @Test
    void theFilesHintShowsOnlyWhileTheTableHasFiles(FxRobot robot) throws Exception {
        Label hint = robot.lookup("#quality-files-hint").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hint.isVisible()).as("before Quality ran").isFalse();
        UiFixtures.quality(fixture.output());
        robot.interact(screen::reload);
        TableView<?> files = robot.lookup("#quality-files-summary-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !files.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).startsWith("Double-click a file (or press Enter)");
    }
}
