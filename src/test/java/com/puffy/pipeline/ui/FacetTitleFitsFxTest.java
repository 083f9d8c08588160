package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.table.OneTableWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
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
 * A value filter with a value ticked says so whole: Quarantine's "Reasons: 1 chosen" read "Reasons: 1 chos…" at
 * 1024 px (a fixed 170 px held "Severity" and "File" but not a longer title), and Truncation does not see a
 * filter's title, drawn in a list cell.
 */
@ExtendWith(ApplicationExtension.class)
class FacetTitleFitsFxTest {
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "ft", List.of("file", "reasons"), 1000, 500,
                scene -> Theme.apply(scene, false, null));
        window.load(OneTableWindow.csv(dir, "quarantine",
                "file,line,reasons\na.csv,4,MISSING_CLIENT_ID\nb.csv,5,MALFORMED_CSV\nc.csv,6,INVALID_TIMESTAMP\n"
                        + "d.csv,7,COLUMN_COUNT_MISMATCH\ne.csv,8,INVALID_EVENT_DATA\nf.csv,9,PURCHASE_INVALID_REVENUE\n"
                        + "g.csv,10,PURCHASE_MISSING_TRANSACTION_ID\n"));
    }

    @Test
    void aTickedFilterShowsItsWholeTitle(FxRobot robot) throws Exception {
        window.waitForRows(7);
        CheckComboBox<String> reasons = window.valueFilter("reasons");
        robot.interact(() -> reasons.getCheckModel().check("MALFORMED_CSV"));
        window.waitForRows(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> reasons.getTitle().equals("Reasons: 1 chosen"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawnTitle(reasons)).isEqualTo("Reasons: 1 chosen");
        robot.interact(() -> reasons.getCheckModel().checkAll());
        window.waitForRows(7);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawnTitle(reasons)).isEqualTo("Reasons: 7 chosen");
    }

    private static String drawnTitle(CheckComboBox<String> facet) {
        return facet.lookupAll(".list-cell").stream().filter(ListCell.class::isInstance).map(ListCell.class::cast)
                .filter(c -> c.getText() != null && c.getText().startsWith("Reasons"))
                .map(c -> c.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                        .findFirst().orElse("(not drawn)"))
                .findFirst().orElse("(no title cell)");
    }
}
