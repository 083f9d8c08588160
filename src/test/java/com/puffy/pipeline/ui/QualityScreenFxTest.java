package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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

/** The Quality screen over hand-written outputs: reconciliation, drift timeline, findings filters, quarantine. */
@ExtendWith(ApplicationExtension.class)
class QualityScreenFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    QualityScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.quality(fixture.output());
        screen = fixture.showScreen(stage, QualityScreen::new, 1200, 760);
    }

    @Test
    void showsTheReconciliationOfEveryRowRead(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reconciliation").queryAs(Label.class)
                .getText().startsWith("300 rows read"));
        assertThat(robot.lookup("#reconciliation").queryAs(Label.class).getText())
                .isEqualTo("300 rows read = 293 valid + 5 quarantined + 2 duplicates: every row is accounted for.");
    }

    @Test
    void theReconciliationSaysWhyRowsWereSetAsideAndLinksToThem(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#reconciliation-why").query().getParent().isVisible())
                .as("without the stage's figures there is no line").isFalse();
        fixture.write(StageId.QUALITY, com.puffy.pipeline.core.OutputFiles.STAGE_MANIFEST, """
                {"stage":"quality","figures":{"rows_quarantined":5,
                 "quarantined_by_reason":{"COLUMN_COUNT_MISMATCH":0,"MISSING_CLIENT_ID":3,"INVALID_TIMESTAMP":2},
                 "duplicates":{"DUPLICATE_EVENT":2,"DUPLICATE_PURCHASE":0}},"summary":[]}
                """);
        robot.interact(screen::reload);
        javafx.scene.Node why = robot.lookup("#reconciliation-why").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> why.getParent().isVisible());
        assertThat(why.getAccessibleText()).isEqualTo("Quarantined for MISSING_CLIENT_ID 3, INVALID_TIMESTAMP 2 (a row "
                + "may have several) · Dropped as DUPLICATE_EVENT 2");
        assertThat(UiFixtures.flowText(why)).isEqualTo("Quarantined for MISSING_CLIENT_ID 3 (+1 reason) · Dropped as DUPLICATE_EVENT 2");
        robot.interact(() -> robot.lookup("#reconciliation-why-toggle").queryAs(javafx.scene.control.Hyperlink.class)
                .fire());
        assertThat(UiFixtures.flowText(why)).isEqualTo(why.getAccessibleText());
        robot.interact(() -> robot.lookup("#show-quarantine").queryAs(javafx.scene.control.Hyperlink.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quality-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId()).isEqualTo("quality-tab-quarantine");
    }

    @Test
    void findingsFilterBySeverityAndText(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-findings"));
        TableView<?> table = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 5);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> severity = robot.lookup("#findings-facet-severity").queryAs(CheckComboBox.class);
        robot.interact(() -> severity.getCheckModel().check("ERROR"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.clickOn("#findings-search").write("timestamp");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        // The count label follows the filtered items on a later pulse.
        Label count = robot.lookup("#findings-count").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "1 of 5 rows".equals(count.getText()));
    }

    @Test
    void theDriftTimelineSaysWhatChangedInPlainWords(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-drift"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#drift-summary").queryAs(javafx.scene.layout.VBox.class).getChildren().isEmpty());
        assertThat(robot.lookup("#drift-summary .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("• From Jan 2, 2025 (events_20250102.csv), 2 files: client_id arrives as clientId");
        assertThat(robot.lookup(".drift-cell.drift-renamed").queryAll()).hasSize(2);
        assertThat(robot.lookup(".drift-cell.drift-missing").queryAll()).hasSize(1);
    }

    @Test
    void doubleClickOnAQuarantinedRowShowsItsRawFields(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-quarantine"));
        TableView<?> table = robot.lookup("#quarantine-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        // The rows are drawn on a later pulse than the items arrive (a busy machine showed none yet).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#quarantine-table .table-row-cell").queryAll().size() >= 2);
        robot.doubleClickOn(robot.lookup("#quarantine-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#row-details").tryQuery().isPresent());
        assertThat(robot.lookup("#row-details .text-field").queryAllAs(javafx.scene.control.TextField.class))
                .extracting(javafx.scene.control.TextField::getText).contains("yesterday", "INVALID_TIMESTAMP");
    }
}
