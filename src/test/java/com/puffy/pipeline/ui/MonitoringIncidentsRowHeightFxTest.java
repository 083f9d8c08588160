package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
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
 * pq-g14's fifteen incidents in the width a 1366 px window gives the Monitoring screen (about 1,050 px): every row
 * one or two lines tall. The summaries took the spare width first (one line each) and left the checks and ids beside
 * them on two and three lines.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringIncidentsRowHeightFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "incidents.csv", """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I-20250228-TRANSACTION_ID_COLLISION,TRANSACTION_ID_COLLISION,2025-02-28,2025-02-28,1,CRITICAL,2 orders with a colliding transaction id
                I-20250301-CLIENT_ID_NULL_RATE,CLIENT_ID_NULL_RATE,2025-03-01,2025-03-02,2,CRITICAL,client_id missing on up to 15.0% of rows
                I-20250304-SCHEMA_DRIFT,SCHEMA_DRIFT,2025-03-04,2025-03-04,1,CRITICAL,`referrer` missing
                I-20261128-FRESHNESS,FRESHNESS,2026-11-28,2026-11-28,1,CRITICAL,latest partition 2025-03-08 is 630 days old
                I-20250226-ZERO_REVENUE_ORDERS,ZERO_REVENUE_ORDERS,2025-02-26,2025-02-26,1,WARNING,1 order with revenue 0
                I-20250227-SCHEMA_DRIFT,SCHEMA_DRIFT,2025-02-27,2025-02-27,1,WARNING,`client_id` arrives as `clientId`
                I-20250301-VALUE_DRIFT,VALUE_DRIFT,2025-03-01,2025-03-01,1,WARNING,`client_id` null share 1.0% → 12.0%
                I-20250303-BOT_SHARE,BOT_SHARE,2025-03-03,2025-03-03,1,WARNING,bots made 20.4% of rows
                I-20250303-VALUE_DRIFT,VALUE_DRIFT,2025-03-03,2025-03-03,1,WARNING,`item_price` null share 0.0% → 6.3%
                I-20250303-ZERO_REVENUE_ORDERS,ZERO_REVENUE_ORDERS,2025-03-03,2025-03-03,1,WARNING,1 order with revenue 0
                I-20250305-DIRECT_SHARE_SHIFT,DIRECT_SHARE_SHIFT,2025-03-05,2025-03-05,1,WARNING,Direct share of revenue 58.7% (baseline 27.3%)
                I-20250306-ITEM_PRICE_MISSING,ITEM_PRICE_MISSING,2025-03-06,2025-03-08,3,WARNING,item_price missing on 100.0% of orders
                I-20250306-STICKY_REFERRER,STICKY_REFERRER,2025-03-06,2025-03-06,1,WARNING,external referrers on 31.1% of events after a session's first
                I-20250306-VALUE_DRIFT,VALUE_DRIFT,2025-03-06,2025-03-06,1,WARNING,`item_price` null share 0.0% → 100.0%
                I-20250306-SCHEMA_DRIFT,SCHEMA_DRIFT,2025-03-06,2025-03-06,1,INFO,`referrer` back to normal
                """);
        fixture.showScreen(stage, MonitoringScreen::new, 1050, 560);
    }

    @Test
    @SuppressWarnings("unchecked")
    void atThirteenSixtySixPixelsEveryIncidentTakesOneOrTwoLines(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 15);
        List<String> tall = new ArrayList<>();
        int measured = 0;
        // Every row in turn, as the table draws only those in view.
        for (int first = 0; first < 15; first += 4) {
            int row = first;
            robot.interact(() -> incidents.scrollTo(row));
            for (int i = 0; i < 3; i++) {
                robot.interact(incidents::layout);
                WaitForAsyncUtils.waitForFxEvents();
            }
            for (Node node : incidents.lookupAll(".table-cell")) {
                if (!(node instanceof TableCell<?, ?> cell) || cell.isEmpty() || !cell.isVisible()
                        || !(cell.getGraphic() instanceof Region lines) || cell.getTableRow() == null) {
                    continue;
                }
                double line = lines.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                        .mapToDouble(t -> t.getLayoutBounds().getHeight()).max().orElse(0);
                if (line == 0) {
                    continue;
                }
                measured++;
                long count = Math.round(lines.getHeight() / line);
                if (count > 2) {
                    tall.add(cell.getTableColumn().getUserData() + " " + cell.getItem() + ": " + count + " lines");
                }
            }
        }
        assertThat(measured).as("wrapped cells measured").isGreaterThanOrEqualTo(30);
        assertThat(tall).as("cells on more than two lines").isEmpty();
        assertThat(incidents.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum())
                .as("no sideways scrolling").isLessThanOrEqualTo(incidents.getWidth());
    }
}
