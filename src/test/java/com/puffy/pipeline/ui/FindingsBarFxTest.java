package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.DataTableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table's filters keep one line where they fit without the row count, and the count goes under the rows rather
 * than take a line of filters: at 1024×768 the Findings table (776 px wide) had its search, "All columns" and two
 * value filters on one line and File alone on a second, because the count ("16,522 of 16,522 rows", 173 px with the
 * busy sign) stood beside them: the bar was 82 px tall, 44 px now. Compact value filters are as wide as their titles:
 * at 125 px "First channel" read "First cha…".
 */
@ExtendWith(ApplicationExtension.class)
class FindingsBarFxTest {
    static final int ROWS = 16_522;
    static final int ERRORS = 1_508;
    @TempDir
    Path dir;
    Stage window;
    DataTableModel model;
    DataTableView view;

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) {
            robot.interact(window::close);
        }
    }

    /** Findings as Quality writes them: three severities, a dozen codes, a file per day. */
    private Path findings() throws Exception {
        StringBuilder csv = new StringBuilder("file,line,severity,code,column,value,message\n");
        for (int r = 0; r < ROWS; r++) {
            csv.append("events_202503").append(10 + r % 14).append(".csv,").append(r + 2).append(',')
                    .append(r < ERRORS ? "ERROR" : r % 3 == 0 ? "INFO" : "WARNING").append(",CODE_")
                    .append(r % 12).append(",user_agent,Mozilla/5.0,The user agent looks like a bot\n");
        }
        return Files.writeString(dir.resolve("findings.csv"), csv);
    }

    private void show(FxRobot robot, Path file, List<String> facets, double width, boolean dark) throws Exception {
        window = WaitForAsyncUtils.asyncFx(() -> {
            model = new DataTableModel(UiThreads.javafx(), facets);
            view = new DataTableView(model, "fb");
            Scene scene = new Scene(view, width, 500);
            Theme.apply(scene, dark, null);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            model.load(file, "run it");
            return stage;
        }).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.loadingProperty().get()
                && model.tableProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /** The bar's controls shown, in order. */
    private List<Node> controls() {
        List<Node> shown = new ArrayList<>();
        for (Node child : view.toolbar().getChildren()) {
            if (child.isManaged() && child.isVisible()) {
                shown.add(child);
            }
        }
        return shown;
    }

    /** A value filter's title as drawn on its button ("Severity (1)"), or its text when cut ("First cha…"). */
    private static String drawnTitle(CheckComboBox<?> facet) {
        // The button is a cell of the control's inner combo box: the one with a title.
        for (Node node : facet.lookupAll(".list-cell")) {
            if (node instanceof Labeled cell && cell.getText() != null && !cell.getText().isEmpty()
                    && cell.lookup(".text") instanceof Text drawn) {
                return drawn.getText();
            }
        }
        throw new AssertionError("no title on " + facet.getId());
    }

    @SuppressWarnings("unchecked")
    private CheckComboBox<String> facet(FxRobot robot, String column) {
        return robot.lookup("#fb-facet-" + column).queryAs(CheckComboBox.class);
    }

    @Test
    void atTheFindingsWidthOfA1024PxScreenTheFiltersTakeOneLineAndTheCountGoesUnderTheRows(FxRobot robot)
            throws Exception {
        show(robot, findings(), List.of("severity", "code", "file"), 776, false);
        Screenshots.save(window.getScene(), "findings-bar-776");
        double barHeight = view.getTop().getLayoutBounds().getHeight();
        List<Node> controls = controls();
        double top = controls.get(0).getBoundsInParent().getCenterY();
        for (Node control : controls) {
            assertThat(control.getBoundsInParent().getCenterY()).as(control.getId() + " on the first line")
                    .isCloseTo(top, org.assertj.core.data.Offset.offset(1.0));
        }
        double tallest = controls.stream().mapToDouble(n -> n.getBoundsInParent().getHeight()).max().orElseThrow();
        assertThat(barHeight).as("the bar is one line of controls").isLessThanOrEqualTo(tallest + 12 + 1);

        Label count = robot.lookup("#fb-count").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo("16,522 rows");
        assertThat(count.isVisible() && count.getParent().isVisible()).isTrue();
        Bounds counted = inScene(count);
        Bounds rows = inScene(view.table());
        assertThat(counted.getMinY()).as("the count under the rows").isGreaterThanOrEqualTo(rows.getMaxY());
        assertThat(counted.getMaxX()).as("at their right, in the window").isLessThanOrEqualTo(776)
                .isGreaterThan(776 - 40);

        double tableTop = rows.getMinY();
        double tableHeight = view.table().getHeight();
        CheckComboBox<String> severity = facet(robot, "severity");
        robot.interact(() -> severity.getCheckModel().check("ERROR"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.table().getItems().size() == ERRORS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count.getText()).isEqualTo("1,508 of 16,522 rows");
        assertThat(drawnTitle(severity)).as("the ticked filter's title, whole").isEqualTo("Severity (1)");
        assertThat(view.getTop().getLayoutBounds().getHeight()).as("the bar's height after a tick")
                .isEqualTo(barHeight);
        assertThat(inScene(view.table()).getMinY()).as("where the rows start").isEqualTo(tableTop);
        assertThat(view.table().getHeight()).as("the rows' height").isEqualTo(tableHeight);
        assertThat(inScene(count).getMaxX()).as("the longer count in the window").isLessThanOrEqualTo(776);
        System.out.printf("findings bar at 776 px: %.0f px tall, one line; count under the rows%n", barHeight);
    }

    @Test
    void whereTheFiltersLeaveRoomTheCountStaysAtTheRightOfTheirLine(FxRobot robot) throws Exception {
        // The Findings table's width in a 1440×900 window.
        show(robot, findings(), List.of("severity", "code", "file"), 1108, true);
        Label count = robot.lookup("#fb-count").queryAs(Label.class);
        Bounds counted = inScene(count);
        Bounds bar = inScene(view.getTop());
        Bounds file = inScene(facet(robot, "file"));
        assertThat(counted.getMaxY()).as("the count in the bar").isLessThanOrEqualTo(bar.getMaxY());
        assertThat(counted.getCenterY()).as("on the filters' line")
                .isCloseTo(file.getCenterY(), org.assertj.core.data.Offset.offset(3.0));
        assertThat(counted.getMaxX()).as("at the bar's right end").isCloseTo(1108, org.assertj.core.data.Offset.offset(1.0));
        assertThat(drawnTitle(facet(robot, "severity"))).isEqualTo("Severity");
        // 170 px, or the width of the title with every value ticked ("Severity: 3 chosen"), 171 px here.
        assertThat(facet(robot, "severity").getWidth()).as("full-size filters where they fit").isBetween(170.0, 180.0);
    }

    @Test
    void aCompactValueFilterShowsItsWholeTitle(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("client_id,first_channel,device\n");
        String[] channels = {"Direct", "Paid Search", "Organic Search", "Paid Social", "Email", "Referral"};
        for (int r = 0; r < 300; r++) {
            csv.append("c").append(r).append(',').append(channels[r % channels.length]).append(',')
                    .append(r % 2 == 0 ? "mobile" : "desktop").append('\n');
        }
        Path users = Files.writeString(dir.resolve("users.csv"), csv);
        // The Users table's width in a 1024×768 window, beside the list of datasets.
        show(robot, users, List.of("first_channel", "device"), 576, false);
        CheckComboBox<String> first = facet(robot, "first_channel");
        assertThat(drawnTitle(first)).isEqualTo("First channel");
        robot.interact(() -> first.getCheckModel().check("Email"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawnTitle(first)).isEqualTo("First channel (1)");
        assertThat(drawnTitle(facet(robot, "device"))).isEqualTo("Device");
    }
}
