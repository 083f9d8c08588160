package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
 * The Quality screen shows Quality's results as soon as that stage has run, while the later stages still run: at
 * 5M events its card said "Finished at 22:35" above a screen that said "Run the Quality stage" for 50 s more.
 */
@ExtendWith(ApplicationExtension.class)
class QualityShownWhenItFinishesFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        MainView view = StudioApp.build(fixture.vm(), UiThreads.javafx(), null, fixture.prefs());
        view.setErrorPresenter(e -> { });
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        view.select(StageId.QUALITY);
    }

    @Test
    void theResultsShowWhenQualityFinishesNotWhenTheRunDoes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Label reconciliation = robot.lookup("#reconciliation").queryAs(Label.class);
        assertThat(reconciliation.getText()).as("before the run").doesNotStartWith("300 rows read");
        StageViewModel quality = fixture.vm().stage(StageId.QUALITY);
        StageViewModel transform = fixture.vm().stage(StageId.TRANSFORM);
        robot.interact(() -> {
            quality.started(System.nanoTime());
            transform.stateProperty().set(StageState.WAITING);
        });
        UiFixtures.quality(fixture.output());
        robot.interact(() -> {
            quality.finished(StageState.FRESH, "Finished at 22:35.", List.of(), java.time.Duration.ofSeconds(35));
            transform.started(System.nanoTime());
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reconciliation.getText().startsWith("300 rows read"));
        assertThat(transform.getState()).as("the run goes on").isEqualTo(StageState.RUNNING);
    }
}
