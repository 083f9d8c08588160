package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.transform.TransformScreen;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
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
 * The Transform screen at 1024×768. The Sessions table showed only its two ids: channel, device, converted and revenue
 * came after the landing page, out of view; a conversion's revenue came after four ids. The columns a row is read by
 * now come first, the ids start narrow, and all of them are in view without scrolling sideways. A journey's credit
 * table showed 2.5 of its six models: the timeline had a share of a split it drew nothing in, and the table a search
 * line and a hint line over six rows.
 */
@ExtendWith(ApplicationExtension.class)
class TransformRoomFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    TransformScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.transform(fixture.output());
        // The Transform screen's size in a 1024×768 window.
        screen = fixture.showScreen(stage, TransformScreen::new, 776, 552);
    }

    @Test
    void aSessionsChannelDeviceConversionAndRevenueAreInViewBesideItsId(FxRobot robot) throws Exception {
        TableView<String[]> sessions = table(robot, "sessions.csv", "#dataset-sessions-table", 3);
        assertThat(leadingNames(sessions, 6))
                .containsExactly("session_id", "channel", "device", "converted", "revenue", "session_start");
        for (String column : List.of("session_id", "channel", "device", "converted", "revenue")) {
            assertThat(rightEdge(sessions, column)).as(column + " in view").isLessThanOrEqualTo(sessions.getWidth());
        }
        assertThat(column(sessions, "client_id").getWidth()).as("an id starts narrow, whole on hover")
                .isLessThanOrEqualTo(130);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFileNameIsWholeInTheAllFilesListAt1024(FxRobot robot) throws Exception {
        // The list kept a fifth of the screen, 145 px at 1024: "channel_performance.csv" ran under its edge, to be
        // read by scrolling the list sideways.
        String longest = "channel_performance.csv";
        java.nio.file.Files.writeString(fixture.output().resolve("transform/" + longest), "channel,sessions\nEmail,1\n");
        javafx.scene.control.ListView<String> files = allFilesListing(robot, longest);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> files.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> wider = new java.util.ArrayList<>();
        for (Node cell : files.lookupAll(".list-cell")) {
            javafx.scene.control.ListCell<String> listCell = (javafx.scene.control.ListCell<String>) cell;
            if (listCell.getItem() != null && listCell.prefWidth(-1) > files.getWidth() - 2) {
                wider.add(listCell.getItem() + " " + listCell.prefWidth(-1) + " > " + files.getWidth());
            }
        }
        assertThat(wider).as("file names wider than the list").isEmpty();
        assertThat(robot.lookup("#transform-files-table").queryAs(TableView.class).getWidth())
                .as("the table keeps most of the screen").isGreaterThan(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLongFileNameBelowTheListsFoldWidensItAsTheAnalysisReportsSixteenFilesNeed(FxRobot robot) throws Exception {
        // Analysis lists 16 report files: at 768 px the last ones are below the fold, so no cell draws them, and the
        // list was sized by the names drawn. A name is whole when scrolled to, without a sideways scroll.
        String longest = "zz_channel_revenue_by_model_by_day.csv";
        for (int i = 0; i < 30; i++) {
            java.nio.file.Files.writeString(fixture.output().resolve("transform/f" + i + ".csv"), "a\n1\n");
        }
        java.nio.file.Files.writeString(fixture.output().resolve("transform/" + longest), "a\n1\n");
        javafx.scene.control.ListView<String> files = allFilesListing(robot, longest);
        for (int pulse = 0; pulse < 5; pulse++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        javafx.scene.control.ListCell<String> any = (javafx.scene.control.ListCell<String>) files.lookupAll(".list-cell")
                .stream().filter(c -> ((javafx.scene.control.ListCell<String>) c).getItem() != null).findFirst()
                .orElseThrow();
        javafx.scene.text.Text probe = new javafx.scene.text.Text(longest);
        probe.setFont(any.getFont());
        double needed = probe.getLayoutBounds().getWidth() + any.snappedLeftInset() + any.snappedRightInset();
        assertThat(files.getWidth()).as("the list fits " + longest).isGreaterThanOrEqualTo(needed);
    }

    @Test
    void theJourneysClientFieldShowsAWholeClientIdAndItsPromptAt1024(FxRobot robot) throws Exception {
        // The field gave way to the hint beside it down to 160 px: its prompt read "client id, e.g. 17402" and a
        // pasted id (1740268798-lvfV1k5nHCN8, 23 characters) showed its first 19.
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#transform-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getTabs().stream().filter(t -> "transform-tab-journey".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField client = robot.lookup("#journey-client")
                .queryAs(javafx.scene.control.TextField.class);
        double room = client.getWidth() - client.snappedLeftInset() - client.snappedRightInset();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(client.getFont());
        for (String text : List.of(client.getPromptText(), "1740268798-lvfV1k5nHCN8")) {
            probe.setText(text);
            assertThat(room).as("'" + text + "' in the field").isGreaterThanOrEqualTo(probe.getLayoutBounds().getWidth());
        }
        assertThat(robot.lookup("#journey-message").queryAs(Label.class).getWidth()).as("the hint keeps room")
                .isGreaterThan(250);
    }

    @Test
    void aConversionsRevenueIsInViewToSortBy(FxRobot robot) throws Exception {
        TableView<String[]> conversions = table(robot, "conversions.csv", "#dataset-conversions-table", 1);
        assertThat(leadingNames(conversions, 3)).containsExactly("order_key", "revenue", "channel_last_click");
        assertThat(rightEdge(conversions, "channel_last_click")).isLessThanOrEqualTo(conversions.getWidth());
    }

    @Test
    void fiveOfTheSixModelsCreditsAreWholeInViewAt1024(FxRobot robot) throws Exception {
        robot.interact(() -> screen.openJourney("1740268798-lvfV1k5nHCN8"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#journey-header").queryAs(Label.class)
                .getText().startsWith("Client 1740268798-lvfV1k5nHCN8"));
        TableView<?> credits = robot.lookup("#credits-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> credits.getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds table = credits.localToScene(credits.getLayoutBounds());
        long whole = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getTableView() == credits && !row.isEmpty() && row.isVisible())
                .filter(row -> {
                    Bounds bounds = ((Node) row).localToScene(((Node) row).getLayoutBounds());
                    return bounds.getMaxY() <= table.getMaxY() + 0.5;
                }).count();
        assertThat(whole).as("models whose row is whole in view").isGreaterThanOrEqualTo(5);
        assertThat(shown(robot.lookup("#credits-search").query())).as("no search over six rows").isFalse();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private TableView<String[]> table(FxRobot robot, String file, String id, int rows) throws Exception {
        robot.interact(() -> screen.showDataset(file));
        @SuppressWarnings("unchecked")
        TableView<String[]> table = robot.lookup(id).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == rows);
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    private static List<Object> leadingNames(TableView<String[]> table, int count) {
        return table.getColumns().stream().limit(count).map(TableColumn::getUserData).toList();
    }

    private static TableColumn<String[], ?> column(TableView<String[]> table, String name) {
        return table.getColumns().stream().filter(c -> name.equals(c.getUserData())).findFirst().orElseThrow();
    }

    /** Where the column ends, from the table's left edge, with the table scrolled to its start. */
    private static double rightEdge(TableView<String[]> table, String name) {
        double edge = 0;
        for (TableColumn<String[], ?> column : table.getVisibleLeafColumns()) {
            edge += column.getWidth();
            if (name.equals(column.getUserData())) {
                return edge;
            }
        }
        throw new AssertionError("no column " + name);
    }

    /** The screen read again and its "All files" tab shown, once its list names {@code file}. */
    @SuppressWarnings("unchecked")
    private javafx.scene.control.ListView<String> allFilesListing(FxRobot robot, String file) throws Exception {
        robot.interact(() -> {
            screen.reload();
            javafx.scene.control.TabPane tabs = robot.lookup("#transform-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getTabs().stream().filter(t -> "transform-tab-all".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        javafx.scene.control.ListView<String> files = robot.lookup("#transform-file-list")
                .queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().contains(file));
        return files;
    }
}
