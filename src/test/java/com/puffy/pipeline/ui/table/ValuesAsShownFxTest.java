package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A value filter's list and a row's details say a count, money or a share as its cell does ("3,500", "21956.00",
 * "1.02%"), where the file holds "3500", "21956.000000", "0.0102"; ticking a value still filters on the file's value,
 * and the details give the file's value too, to copy alone.
 */
@ExtendWith(ApplicationExtension.class)
class ValuesAsShownFxTest {
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) {
        window = OneTableWindow.show(stage, "vs", List.of("sessions", "revenue", "conversion_rate", "channel"), 1200,
                500);
    }

    private void loaded(FxRobot robot) throws Exception {
        Path file = OneTableWindow.csv(dir, "daily", "channel,sessions,revenue,conversion_rate,order_id\n"
                + "Direct,3500,21956.000000,0.0102,100234\n"
                + "Email,12,885,0.5,100235\n"
                + "Direct,10000,,0.06,100236\n");
        robot.interact(() -> window.load(file));
        window.waitForRows(3);
    }

    @Test
    void aValueFilterListsCountsMoneyAndSharesAsTheCellsShowThemAndFiltersOnTheFilesValue(FxRobot robot)
            throws Exception {
        loaded(robot);
        CheckComboBox<String> sessions = window.valueFilter("sessions");
        assertThat(sessions.getItems()).as("the file's values, in number order").containsExactly("12", "3500", "10000");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.getConverter().toString("3500").endsWith("  1"));
        assertThat(sessions.getItems()).extracting(sessions.getConverter()::toString)
                .containsExactly("12  1", "3,500  1", "10,000  1");
        CheckComboBox<String> revenue = window.valueFilter("revenue");
        assertThat(revenue.getItems()).extracting(revenue.getConverter()::toString)
                .containsExactly("885.00  1", "21956.00  1", "(empty)  1");
        CheckComboBox<String> share = window.valueFilter("conversion_rate");
        assertThat(share.getItems()).extracting(share.getConverter()::toString)
                .containsExactly("1.02%  1", "6.00%  1", "50.00%  1");
        assertThat(window.valueFilter("channel").getConverter().toString("Direct")).isEqualTo("Direct  2");

        robot.interact(() -> share.getCheckModel().check("0.0102"));
        window.waitForRows(1);
        assertThat(window.table().getItems().get(0)[1]).isEqualTo("3500");
    }

    @Test
    void aRowsDetailsShowTheCellsTextAndTheFilesValueWhereTheyDiffer(FxRobot robot) throws Exception {
        loaded(robot);
        String[] first = window.table().getItems().get(0);
        Dialog<Void> dialog = WaitForAsyncUtils.asyncFx(() -> window.view().showRowDetails(first)).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node pane = dialog.getDialogPane();
        assertThat(text(pane, "#row-details-value-sessions")).isEqualTo("3,500");
        assertThat(text(pane, "#row-details-file-sessions")).isEqualTo("3500");
        assertThat(text(pane, "#row-details-value-revenue")).isEqualTo("21956.00");
        assertThat(text(pane, "#row-details-file-revenue")).isEqualTo("21956.000000");
        assertThat(text(pane, "#row-details-value-conversion_rate")).isEqualTo("1.02%");
        assertThat(text(pane, "#row-details-file-conversion_rate")).isEqualTo("0.0102");
        assertThat(text(pane, "#row-details-value-order_id")).as("an id reads as written").isEqualTo("100234");
        assertThat(pane.lookup("#row-details-file-order_id")).as("nothing to add where they agree").isNull();
        assertThat(pane.lookup("#row-details-file-channel")).isNull();
        robot.interact(dialog::close);
    }

    private static String text(javafx.scene.Node pane, String id) {
        javafx.scene.Node node = pane.lookup(id);
        assertThat(node).as(id).isInstanceOf(TextField.class);
        return ((TextField) node).getText();
    }
}
