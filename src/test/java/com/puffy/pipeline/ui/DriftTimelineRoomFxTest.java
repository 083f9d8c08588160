package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * The schema-drift timeline keeps room at 1024×768 over fifteen files and six changes: the plain words above it left
 * it 50 px, one file in view.
 */
@ExtendWith(ApplicationExtension.class)
class DriftTimelineRoomFxTest {
    private static final String HEADER = "client_id|page_url|referrer|timestamp|event_name|event_data|user_agent";

    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    QualityScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        StringBuilder files = new StringBuilder("file,partition_date,is_event_file,header,rows_read,rows_valid,"
                + "rows_quarantined,rows_duplicate\n");
        for (int day = 1; day <= 15; day++) {
            files.append(String.format("events_202501%02d.csv,2025-01-%02d,true,%s,100,100,0,0%n", day, day, HEADER));
        }
        fixture.write(StageId.QUALITY, "file_summary.csv", files);
        fixture.write(StageId.QUALITY, "schema_drift.csv", """
                file,partition_date,change,column,raw_header,detail,episode_files,metric,value,baseline
                events_20250105.csv,2025-01-05,RENAMED,client_id,clientId,`client_id` arrives as `clientId`,10,,,
                events_20250110.csv,2025-01-10,MISSING,referrer,,`referrer` is missing (read as empty),2,,,
                events_20250112.csv,2025-01-12,RESTORED,referrer,referrer,`referrer` is back,3,,,
                events_20250107.csv,2025-01-07,VALUE_DRIFT,client_id,clientId,`client_id` empty share moves from 1.0% to 12.0%,2,null_share,0.12,0.01
                events_20250109.csv,2025-01-09,VALUE_DRIFT,item_price,event_data,share of purchase items without `item_price` moves from 0.0% to 6.3%,1,null_share,0.0625,0
                events_20250112.csv,2025-01-12,VALUE_DRIFT,item_price,event_data,share of purchase items without `item_price` moves from 0.0% to 100.0%,3,null_share,1,0
                """);
        // The Quality screen's size in a 1024×768 window.
        screen = fixture.showScreen(stage, QualityScreen::new, 776, 560);
    }

    @Test
    void theTimelineShowsEightFilesAt1024By768(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-drift"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#drift-summary .label").queryAll().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        Label firstFile = robot.lookup(".drift-file").queryAs(Label.class);
        double rowHeight = firstFile.getHeight() + 2;
        ScrollPane timeline = robot.lookup("#drift-grid-scroll").queryAs(ScrollPane.class);
        assertThat(timeline.getViewportBounds().getHeight())
                .as("the timeline's header and eight files in view")
                .isGreaterThanOrEqualTo(9 * rowHeight);
    }
}
