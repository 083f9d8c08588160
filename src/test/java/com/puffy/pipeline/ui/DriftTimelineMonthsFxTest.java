package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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
 * The schema-drift timeline over 120 daily files at 1024×768, the drift of `generate --days 120 --faults all`: a row
 * a file put the first change 38 rows down, out of view, and scrolled down to it the column names were gone.
 */
@ExtendWith(ApplicationExtension.class)
class DriftTimelineMonthsFxTest {
    private static final String HEADER = "client_id|page_url|referrer|timestamp|event_name|event_data|user_agent";
    private static final LocalDate FIRST = LocalDate.of(2025, 2, 23);

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
        for (int day = 0; day < 120; day++) {
            LocalDate date = FIRST.plusDays(day);
            files.append("events_").append(date.toString().replace("-", "")).append(".csv,").append(date)
                    .append(",true,").append(HEADER).append(",4000,3960,40,0\n");
        }
        fixture.write(StageId.QUALITY, "file_summary.csv", files);
        fixture.write(StageId.QUALITY, "schema_drift.csv", """
                file,partition_date,change,column,raw_header,detail,episode_files,metric,value,baseline
                events_20250401.csv,2025-04-01,RENAMED,client_id,clientId,`client_id` arrives as `clientId`,83,,,
                events_20250516.csv,2025-05-16,MISSING,referrer,,`referrer` is missing (read as empty),17,,,
                events_20250602.csv,2025-06-02,RESTORED,referrer,referrer,`referrer` is back,21,,,
                events_20250419.csv,2025-04-19,VALUE_DRIFT,client_id,clientId,`client_id` empty share moves from 1.0% to 12.0%,2,null_share,0.12,0.01
                """);
        // The Quality screen's size in a 1024×768 window.
        screen = fixture.showScreen(stage, QualityScreen::new, 776, 560);
    }

    private ScrollPane showTimeline(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-drift"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#drift-summary .label").queryAll().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#drift-grid-scroll").queryAs(ScrollPane.class);
    }

    private static Bounds onScreen(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static Bounds viewport(ScrollPane scroll) {
        Node view = scroll.lookup(".viewport");
        return view.localToScene(view.getBoundsInLocal());
    }

    @Test
    void theFilesBetweenChangesShareARowSoTheFirstChangeIsInView(FxRobot robot) throws Exception {
        ScrollPane timeline = showTimeline(robot);
        assertThat(robot.lookup(".drift-file").queryAllAs(Label.class)).extracting(Label::getText).containsExactly(
                "2025-02-23 – 2025-03-31   37 files",
                "2025-04-01 – 2025-04-18   18 files",
                "2025-04-19 – 2025-04-20   2 files",
                "2025-04-21 – 2025-05-15   25 files",
                "2025-05-16 – 2025-06-01   17 files",
                "2025-06-02                events_20250602.csv",
                "2025-06-03 – 2025-06-22   20 files");
        Screenshots.save(timeline.getScene(), "drift-timeline-120-days");
        Node firstRenamed = robot.lookup(".drift-cell.drift-renamed").query();
        assertThat(viewport(timeline).contains(onScreen(firstRenamed)))
                .as("client_id's rename from Apr 1 in view without scrolling").isTrue();
    }

    @Test
    void theColumnNamesStayInViewScrolledDown(FxRobot robot) throws Exception {
        // A change every few days: more rows than the timeline's part of the screen holds.
        StringBuilder drift = new StringBuilder(
                "file,partition_date,change,column,raw_header,detail,episode_files,metric,value,baseline\n");
        for (int day = 2; day < 120; day += 6) {
            LocalDate date = FIRST.plusDays(day);
            drift.append("events_").append(date.toString().replace("-", "")).append(".csv,").append(date)
                    .append(",VALUE_DRIFT,item_price,event_data,share of purchase items without `item_price` moves,1,")
                    .append("null_share,1,0\n");
        }
        fixture.write(StageId.QUALITY, "schema_drift.csv", drift);
        robot.interact(screen::reload);
        robot.interact(() -> screen.showTab("quality-tab-drift"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#drift-summary .label").queryAll().size() == 20);
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane timeline = robot.lookup("#drift-grid-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> timeline.setVvalue(timeline.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(timeline.getScene(), "drift-timeline-120-days-scrolled");
        Label itemPrice = robot.lookup(".drift-header").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().equals("item_price")).findFirst().orElseThrow();
        Bounds viewport = viewport(timeline);
        Bounds name = onScreen(itemPrice);
        assertThat(robot.lookup(".drift-file").queryAll()).as("a row for each change and the days between").hasSize(41);
        assertThat(name.getMinY()).as("item_price's name at the top of the timeline scrolled to its end")
                .isBetween(viewport.getMinY() - 0.5, viewport.getMinY() + 0.5);
        Node lastChange = robot.lookup(".drift-cell.drift-value-drift").queryAll().stream()
                .max(java.util.Comparator.comparingDouble(node -> onScreen(node).getMinY())).orElseThrow();
        assertThat(onScreen(lastChange).getMinY()).as("the last change below the names, in view")
                .isBetween(name.getMaxY() - 0.5, viewport.getMaxY() - onScreen(lastChange).getHeight() + 0.5);
    }
}
