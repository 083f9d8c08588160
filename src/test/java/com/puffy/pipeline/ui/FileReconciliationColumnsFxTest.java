package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
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

/**
 * Each file's reconciliation (rows read = valid + quarantined + duplicate) reads on one line at 1024 px: the counts
 * came after the raw header, rows_quarantined cut at 1440 px and rows_duplicate out of view at either size.
 */
@ExtendWith(ApplicationExtension.class)
class FileReconciliationColumnsFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    QualityScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.quality(fixture.output());
        // The Quality screen's width in a 1024×768 window.
        screen = fixture.showScreen(stage, QualityScreen::new, 776, 560);
    }

    @Test
    void theCountsFollowTheFileAndAreInViewAt1024Pixels(FxRobot robot) throws Exception {
        TableView<?> files = robot.lookup("#quality-files-summary-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !files.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(files.getColumns().stream().map(c -> (String) c.getUserData()).toList()).startsWith("file",
                "rows_read", "rows_valid", "rows_quarantined", "rows_duplicate");
        double right = files.getColumns().subList(0, 5).stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(right).as("rows_duplicate ends inside the table").isLessThan(files.getWidth());
        // The cells keep the file's values.
        TableColumn<?, ?> duplicates = files.getColumns().get(4);
        assertThat(duplicates.getCellData(0)).isEqualTo("2");
    }
}
