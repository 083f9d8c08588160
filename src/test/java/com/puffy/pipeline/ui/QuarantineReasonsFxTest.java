package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Quarantine's Reasons filter lists each reason once and finds every row that has it: it listed each combination
 * ("INVALID_EVENT_DATA;PURCHASE_MISSING_TRANSACTION_ID;PURCHASE_INVALID_REVENUE"), so ticking PURCHASE_INVALID_REVENUE
 * on /tmp/pq-g14 showed 3 rows where the reconciliation said 4.
 */
@ExtendWith(ApplicationExtension.class)
class QuarantineReasonsFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    QualityScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.quality(fixture.output());
        String raw = ",https://puffy.com/,,2025-01-01T10:00:00.000Z,purchase,,Mozilla/5.0,x";
        fixture.write(StageId.QUALITY, "quarantine.csv",
                "file,line,reasons,raw_client_id,raw_page_url,raw_referrer,raw_timestamp,raw_event_name,"
                        + "raw_event_data,raw_user_agent,raw_record\n"
                        + "a.csv,4,PURCHASE_INVALID_REVENUE" + raw + "\n"
                        + "a.csv,5,PURCHASE_INVALID_REVENUE" + raw + "\n"
                        + "a.csv,6,MISSING_CLIENT_ID" + raw + "\n"
                        + "b.csv,7,INVALID_EVENT_DATA;PURCHASE_MISSING_TRANSACTION_ID;PURCHASE_INVALID_REVENUE"
                        + raw + "\n");
        screen = fixture.showScreen(stage, QualityScreen::new, 1108, 700);
    }

    @Test
    void eachReasonIsListedOnceAndFindsEveryRowThatHasIt(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-quarantine"));
        TableView<?> quarantine = robot.lookup("#quarantine-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantine.getItems().size() == 4);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> reasons = robot.lookup("#quarantine-facet-reasons").queryAs(CheckComboBox.class);
        assertThat(reasons.getItems()).containsExactly("INVALID_EVENT_DATA", "MISSING_CLIENT_ID",
                "PURCHASE_INVALID_REVENUE", "PURCHASE_MISSING_TRANSACTION_ID");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> reasons.getConverter().toString("PURCHASE_INVALID_REVENUE").endsWith("  3"));
        assertThat(reasons.getConverter().toString("MISSING_CLIENT_ID")).isEqualTo("MISSING_CLIENT_ID  1");

        robot.interact(() -> reasons.getCheckModel().check("PURCHASE_INVALID_REVENUE"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantine.getItems().size() == 3);
        assertThat(quarantine.getItems().stream().map(r -> ((String[]) r)[1]).toList())
                .containsExactlyInAnyOrder("4", "5", "7");

        robot.interact(() -> {
            reasons.getCheckModel().clearChecks();
            reasons.getCheckModel().check("INVALID_EVENT_DATA");
            reasons.getCheckModel().check("MISSING_CLIENT_ID");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantine.getItems().size() == 2);
        assertThat(quarantine.getItems().stream().map(r -> ((String[]) r)[1]).toList())
                .containsExactlyInAnyOrder("6", "7");
        // The file filter's counts follow the reasons ticked, as for any other column.
        @SuppressWarnings("unchecked")
        CheckComboBox<String> files = robot.lookup("#quarantine-facet-file").queryAs(CheckComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getConverter().toString("b.csv").equals("b.csv  1")
                && files.getConverter().toString("a.csv").equals("a.csv  1"));
    }
}
