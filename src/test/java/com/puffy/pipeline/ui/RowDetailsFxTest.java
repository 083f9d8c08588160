package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.RowDetailsDialog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A row with a 5 KB user agent: every field name stays readable and the whole value can be read and copied. */
@ExtendWith(ApplicationExtension.class)
class RowDetailsFxTest {
    Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1000, 700));
        Theme.apply(stage.getScene(), false, null);
        stage.show();
    }

    @Test
    void aFiveKilobyteValueKeepsEveryFieldNameWholeAndTheValueWhole(FxRobot robot) throws Exception {
        String agent = "Mozilla/5.0 (compatible; LongBot/1.0) " + "x".repeat(5000);
        List<Map.Entry<String, String>> fields = List.of(Map.entry("file", "events_20250223.csv"),
                Map.entry("line", "51"), Map.entry("severity", "WARNING"), Map.entry("value", agent),
                Map.entry("message", "The user agent is a bot, crawler or headless browser; the row is kept and flagged."));
        Dialog<Void> dialog = shown(robot, fields);
        Screenshots.save(dialog.getDialogPane().getScene(), "row-details-long-value");
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> Truncation.truncatedLabels(
                dialog.getDialogPane(), java.util.Set.of())).get();
        assertThat(cut).isEmpty();
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) dialog.getDialogPane().getContent();
        assertThat(scroll.getViewportBounds().getHeight()).as("every field in view without scrolling")
                .isGreaterThanOrEqualTo(scroll.getContent().getLayoutBounds().getHeight());
        TextArea value = (TextArea) dialog.getDialogPane().lookup(".text-area");
        assertThat(value.getText()).isEqualTo(agent);
        robot.interact(() -> dialog.close());
    }

    @Test
    void tabLeavesALongValueInsteadOfStayingInIt(FxRobot robot) throws Exception {
        List<Map.Entry<String, String>> fields = List.of(Map.entry("file", "events_20250223.csv"),
                Map.entry("value", "Mozilla/5.0 " + "x".repeat(400)), Map.entry("message", "The user agent is a bot."));
        Dialog<Void> dialog = shown(robot, fields);
        TextArea value = (TextArea) dialog.getDialogPane().lookup(".text-area");
        robot.interact(value::requestFocus);
        assertThat(value.getScene().getFocusOwner()).isSameAs(value);
        robot.push(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.getScene().getFocusOwner()).as("Tab moved on").isNotSameAs(value);
        assertThat(value.getText()).doesNotContain("\t");
        robot.push(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.getScene().getFocusOwner()).as("Shift+Tab comes back").isSameAs(value);
        robot.interact(() -> dialog.close());
    }

    /**
     * An alert's row at 1024×768: the names sat on the dialog's left edge ("metric" lost its "m" under the window
     * frame) and a 300-character message got four lines where it wraps to five or six, its last line cut in half.
     */
    @Test
    void namesKeepAMarginAndAWrappedMessageShowsAllItsLines(FxRobot robot) throws Exception {
        String message = "client_id missing on 12.0% of rows (baseline 1.0%, critical above 10.0%): mostly homepage "
                + "views (94.8% of 420 rows). These rows are quarantined, so their visits are missing from sessions and "
                + "users. Check the tag manager's cookie-consent change around 2025-03-01: the client-id cookie is "
                + "probably not set before the first page view.";
        List<Map.Entry<String, String>> fields = List.of(Map.entry("alert_id", "A-20250301-CLIENT_ID_NULL_RATE"),
                Map.entry("metric", "client_id_null_rate"), Map.entry("message", message));
        Dialog<Void> dialog = shown(robot, fields);
        javafx.scene.Node name = dialog.getDialogPane().lookup(".field-name");
        double left = WaitForAsyncUtils.asyncFx(() -> dialog.getDialogPane()
                .sceneToLocal(name.localToScene(name.getLayoutBounds())).getMinX()).get();
        assertThat(left).as("the names' margin from the dialog's edge").isGreaterThanOrEqualTo(10);
        TextArea area = (TextArea) dialog.getDialogPane().lookup(".text-area");
        javafx.scene.control.ScrollPane inner = (javafx.scene.control.ScrollPane) area.lookup(".scroll-pane");
        javafx.scene.text.Text lines = (javafx.scene.text.Text) area.lookup(".text");
        assertThat(lines.getBoundsInParent().getMaxY()).as("the message's lines all in view")
                .isLessThanOrEqualTo(inner.getViewportBounds().getHeight());
        robot.interact(() -> dialog.close());
    }

    private Dialog<Void> shown(FxRobot robot, List<Map.Entry<String, String>> fields) {
        AtomicReference<Dialog<Void>> dialog = new AtomicReference<>();
        robot.interact(() -> {
            dialog.set(RowDetailsDialog.create(window, fields));
            dialog.get().show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog.get();
    }
}
