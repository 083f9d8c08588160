package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.TextFlow;
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
 * The Incidents table fits the 780 px the screen has in a 1024 px window: every column in view with no sideways
 * scrolling, the summaries, checks and ids wrapped whole. Before, the dates, the count and the id were right of the
 * window; then the id was cut in its middle.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringIncidentsFitFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "alerts.csv", """
                alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action
                A-20250228-TRANSACTION_ID_COLLISION,2025-02-28,TRANSACTION_ID_COLLISION,CRITICAL,,2,0,0,2 orders share a transaction id.,Check the orders.
                """);
        fixture.write(StageId.MONITOR, "incidents.csv", """
                incident_id,check,first_date,last_date,alerts,worst_severity,summary
                I-20250228-TRANSACTION_ID_COLLISION,TRANSACTION_ID_COLLISION,2025-02-28,2025-02-28,1,CRITICAL,2 orders with a colliding transaction id
                I-20250301-CLIENT_ID_NULL_RATE,CLIENT_ID_NULL_RATE,2025-03-01,2025-03-02,2,CRITICAL,client_id missing on up to 15.0% of rows
                I-20250227-SCHEMA_DRIFT,SCHEMA_DRIFT,2025-02-27,2025-02-27,1,WARNING,`client_id` arrives as `clientId`
                I-20250303-DIRECT_SHARE_SHIFT,DIRECT_SHARE_SHIFT,2025-03-03,2025-03-03,1,WARNING,Direct share of revenue 59.2% (baseline 28.1%)
                I-20250306-ITEM_PRICE_MISSING,ITEM_PRICE_MISSING,2025-03-06,2025-03-08,3,WARNING,item_price missing on 100.0% of orders
                I-20250306-STICKY_REFERRER,STICKY_REFERRER,2025-03-06,2025-03-06,1,WARNING,external referrers on 31.1% of events after a session's first
                """);
        fixture.showScreen(stage, MonitoringScreen::new, 780, 560);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyColumnIsInViewWithoutScrollingSideways(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#monitor-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<String[]> incidents = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents.getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        settle(robot, incidents);

        for (Node node : incidents.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                assertThat(bar.isVisible()).as("a sideways scrollbar").isFalse();
            }
        }
        double columns = incidents.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(columns).as("the columns' widths within the table's").isLessThanOrEqualTo(incidents.getWidth());
        assertThat(incidents.getVisibleLeafColumns()).extracting(c -> (String) c.getUserData()).containsExactly(
                "worst_severity", "check", "summary", "first_date", "last_date", "alerts", "incident_id");

        // No text cut: a wrapped summary or check is as tall as its lines, a date and a count whole.
        int checked = 0;
        for (Node node : incidents.lookupAll(".table-cell")) {
            if (!(node instanceof TableCell<?, ?> cell) || cell.isEmpty() || !cell.isVisible()) {
                continue;
            }
            String column = (String) cell.getTableColumn().getUserData();
            if ("check".equals(column)) {
                assertThat(cell.getGraphic()).as("a check in parts, so a line breaks after an underscore")
                        .isInstanceOf(javafx.scene.layout.FlowPane.class);
            }
            if ("incident_id".equals(column)) {
                // Cut in its middle ("I-2025…ISION" in 110 px), the id named neither its day nor its check.
                assertThat(cell.getGraphic()).as("an id in parts, so a line breaks after a dash or an underscore: "
                        + cell.getItem()).isInstanceOf(javafx.scene.layout.FlowPane.class);
            }
            if (cell.getGraphic() instanceof TextFlow flow) {
                assertThat(flow.getHeight()).as(column + " " + cell.getItem() + " drawn whole")
                        .isGreaterThanOrEqualTo(flow.prefHeight(flow.getWidth()) - 0.5);
                assertThat(flow.getWidth()).isLessThanOrEqualTo(cell.getWidth());
                checked++;
            } else if (cell.getGraphic() instanceof javafx.scene.layout.FlowPane parts) {
                // A check breaks between its parts ("TRANSACTION_" / "ID_COLLISION"), never inside one.
                for (Node part : parts.getChildren()) {
                    assertThat(part.getBoundsInParent().getMaxX()).as(column + " " + cell.getItem() + " part cut")
                            .isLessThanOrEqualTo(parts.getWidth() + 0.5);
                }
                assertThat(parts.getHeight()).as(column + " " + cell.getItem() + " drawn whole")
                        .isGreaterThanOrEqualTo(parts.prefHeight(parts.getWidth()) - 0.5);
                assertThat(parts.getWidth()).isLessThanOrEqualTo(cell.getWidth());
                checked++;
            } else {
                assertThat(cell.getTooltip()).as(column + " " + cell.getItem() + " cut").isNull();
            }
        }
        assertThat(checked).as("summaries, checks and ids wrapped").isGreaterThanOrEqualTo(18);
        assertThat(Truncation.truncatedLabels(window.getScene().getRoot(), java.util.Set.of())).isEmpty();

        // In a 1440 px window the room goes to the summaries first (one line each), not to the id beside them.
        TableColumn<String[], ?> summary = column(incidents, "summary");
        double narrow = summary.getWidth();
        robot.interact(() -> window.setWidth(1180));
        WaitForAsyncUtils.waitForFxEvents();
        settle(robot, incidents);
        assertThat(summary.getWidth()).isGreaterThan(narrow + 150);
        assertThat(summary.getWidth()).isGreaterThan(column(incidents, "incident_id").getWidth());
        assertThat(incidents.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum())
                .isLessThanOrEqualTo(incidents.getWidth());
        // Wider, a summary or check on fewer lines takes a lower row: rows stood two and three lines tall for text
        // now on one, as measured at the narrower width before.
        assertThat(rowsTallerThanTheirText(incidents)).isEmpty();
        robot.interact(() -> window.setWidth(780));
        settle(robot, incidents);
        robot.interact(() -> window.setWidth(1180));
        settle(robot, incidents);
        assertThat(rowsTallerThanTheirText(incidents)).isEmpty();
    }

    /**
     * Rows (as "check: height > needed") taller than their cells' text needs at the cells' widths, or than the
     * table's shortest row when that is more (the theme's least row height).
     */
    private static List<String> rowsTallerThanTheirText(TableView<String[]> table) {
        List<javafx.scene.control.TableRow<?>> rows = new java.util.ArrayList<>();
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof javafx.scene.control.TableRow<?> row && !row.isEmpty() && row.isVisible()) {
                rows.add(row);
            }
        }
        double shortest = rows.stream().mapToDouble(javafx.scene.control.TableRow::getHeight).min().orElse(0);
        List<String> tall = new java.util.ArrayList<>();
        for (javafx.scene.control.TableRow<?> row : rows) {
            double needed = shortest;
            for (Node child : row.getChildrenUnmodifiable()) {
                if (child instanceof TableCell<?, ?> cell && cell.isVisible()
                        && cell.getGraphic() instanceof javafx.scene.layout.Region lines) {
                    double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
                    needed = Math.max(needed, lines.prefHeight(room) + cell.snappedTopInset()
                            + cell.snappedBottomInset());
                }
            }
            if (row.getHeight() > needed + 1) {
                tall.add(((String[]) row.getItem())[1] + ": " + row.getHeight() + " > " + needed);
            }
        }
        return tall;
    }

    /** Lays the table out until its rows, made again for new column widths, are drawn. */
    private static void settle(FxRobot robot, TableView<String[]> table) {
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> table.layout());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static TableColumn<String[], ?> column(TableView<String[]> table, String name) {
        return table.getColumns().stream().filter(c -> name.equals(c.getUserData())).findFirst().orElseThrow();
    }
}
