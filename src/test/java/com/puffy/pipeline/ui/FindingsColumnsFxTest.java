package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Files;
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
 * What an analyst reads first is in view at 1024 px: a finding's message (why, and what to do) comes right after its
 * code (it came seventh, after the offending value, a user agent up to 340 px wide); a file's reconciliation (rows read
 * = valid + quarantined + duplicate) right after its name (it came after the raw header, rows_duplicate out of view).
 */
@ExtendWith(ApplicationExtension.class)
class FindingsColumnsFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    QualityScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.quality(fixture.output());
        // A user agent as long as they come, in the value column.
        Path findings = fixture.output().resolve("quality").resolve("findings.csv");
        Files.writeString(findings, Files.readString(findings).replace("Googlebot/2.1",
                "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/41.0.2272.96 Mobile Safari/537.36 (compatible; Googlebot/2.1)"));
        // The Quality screen's width in a 1024×768 window.
        screen = fixture.showScreen(stage, QualityScreen::new, 776, 560);
    }

    @Test
    void theMessageFollowsTheCodeAndIsInViewAt1024Pixels(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-findings"));
        TableView<?> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.getColumns().stream().map(c -> (String) c.getUserData()).toList())
                .startsWith("file", "line", "severity", "code", "message");
        TableColumn<?, ?> message = findings.getColumns().get(4);
        double left = findings.getColumns().subList(0, 4).stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(left).as("the message column starts inside the table").isLessThan(findings.getWidth() - 60);
        // The cells keep the file's values: a row still reads as the file has it.
        String[] row = (String[]) findings.getItems().get(0);
        assertThat(row).startsWith("events_20250101.csv", "4", "ERROR", "MISSING_CLIENT_ID", "client_id");
        assertThat(message.getCellData(0)).isEqualTo("The client id is empty.");
    }

    @Test
    void aFilesCountsFollowItsNameAndAreInViewAt1024Pixels(FxRobot robot) throws Exception {
        TableView<?> files = robot.lookup("#quality-files-summary-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !files.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(files.getColumns().stream().map(c -> (String) c.getUserData()).toList()).startsWith("file",
                "rows_read", "rows_valid", "rows_quarantined", "rows_duplicate");
        double right = files.getColumns().subList(0, 5).stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(right).as("rows_duplicate ends inside the table").isLessThan(files.getWidth());
        assertThat(files.getColumns().get(4).getCellData(0)).isEqualTo("2");
    }
}
