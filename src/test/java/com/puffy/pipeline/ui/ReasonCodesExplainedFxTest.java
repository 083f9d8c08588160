package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * A reason code is explained where the analyst meets it: MISSING_CLIENT_ID or PURCHASE_REVENUE_MISMATCH alone, in
 * Findings, Quarantine or the why line, sent the analyst to the spec to learn what the rule checks and what to do.
 */
@ExtendWith(ApplicationExtension.class)
class ReasonCodesExplainedFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    QualityScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.quality(fixture.output());
        fixture.write(StageId.QUALITY, com.puffy.pipeline.core.OutputFiles.STAGE_MANIFEST, """
                {"stage":"quality","figures":{"rows_quarantined":5,
                 "quarantined_by_reason":{"MISSING_CLIENT_ID":3,"INVALID_TIMESTAMP":2},
                 "duplicates":{"DUPLICATE_EVENT":2,"DUPLICATE_PURCHASE":0}},"summary":[]}
                """);
        screen = fixture.showScreen(stage, QualityScreen::new, 1024, 700);
    }

    @Test
    void aSelectedFindingSaysWhatItsRuleChecksAndWhatToDo(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-findings"));
        @SuppressWarnings("unchecked")
        TableView<String[]> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 5);
        Label explanation = robot.lookup("#findings-explanation").queryAs(Label.class);
        assertThat(UiFixtures.shown(explanation)).as("no line without a finding selected").isFalse();
        robot.interact(() -> {
            findings.requestFocus();
            findings.getSelectionModel().select(0);
        });
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.getSelectionModel().getSelectedItem()[3]).isEqualTo("BOT_USER_AGENT");
        assertThat(UiFixtures.shown(explanation)).isTrue();
        assertThat(explanation.getText()).startsWith("BOT_USER_AGENT: The user agent is a bot, crawler or headless "
                + "browser. The row stays valid and counts, flagged. Nothing to fix");
    }

    @Test
    void aSelectedQuarantinedRowExplainsItsReasons(FxRobot robot) throws Exception {
        robot.interact(() -> screen.showTab("quality-tab-quarantine"));
        @SuppressWarnings("unchecked")
        TableView<String[]> quarantine = robot.lookup("#quarantine-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantine.getItems().size() == 2);
        Label explanation = robot.lookup("#quarantine-explanation").queryAs(Label.class);
        assertThat(explanation.getText()).startsWith("Rows set aside with every reason");
        robot.interact(() -> quarantine.getSelectionModel().select(0));
        assertThat(explanation.getText()).startsWith("MISSING_CLIENT_ID: The client id is empty. The row is "
                + "quarantined: it counts in no figure. Without a client");
        robot.interact(() -> quarantine.getSelectionModel().clearSelection());
        assertThat(explanation.getText()).startsWith("Rows set aside with every reason");
    }

    @Test
    void theWhyLineSaysItsOtherReasonsAreReasonsAndWhatEachChecks(FxRobot robot) throws Exception {
        javafx.scene.Node why = robot.lookup("#reconciliation-why").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !UiFixtures.flowText(why).isEmpty());
        assertThat(UiFixtures.flowText(why)).isEqualTo(
                "Quarantined for MISSING_CLIENT_ID 3 (+1 reason) · Dropped as DUPLICATE_EVENT 2");
        assertThat(robot.lookup("#why-MISSING_CLIENT_ID").queryAs(Hyperlink.class).getTooltip().getText())
                .startsWith("MISSING_CLIENT_ID: The client id is empty.");
        assertThat(((javafx.scene.control.Tooltip) why.getProperties().get("javafx.scene.control.Tooltip")).getText())
                .isEqualTo("""
                MISSING_CLIENT_ID: The client id is empty.
                INVALID_TIMESTAMP: The timestamp is missing or not ISO-8601.
                DUPLICATE_EVENT: An exact copy of an earlier row.""");
    }

    @Test
    void eachReasonOfTheWhyLineIsAKeyboardLinkToItsRowsWithAWayBackToAll(FxRobot robot) throws Exception {
        Hyperlink missing = robot.lookup("#why-MISSING_CLIENT_ID").queryAs(Hyperlink.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> missing.getScene() != null);
        assertThat(missing.isFocusTraversable()).isTrue();
        assertThat(missing.getAccessibleHelp()).startsWith("MISSING_CLIENT_ID: The client id is empty.");
        robot.interact(missing::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quality-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId()).isEqualTo("quality-tab-quarantine");
        @SuppressWarnings("unchecked")
        TableView<String[]> quarantine = robot.lookup("#quarantine-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantine.getItems().size() == 1);
        assertThat(quarantine.getItems().get(0)[2]).isEqualTo("MISSING_CLIENT_ID");
        Label focus = robot.lookup("#quality-reason-focus").queryAs(Label.class);
        assertThat(UiFixtures.shown(focus)).isTrue();
        assertThat(focus.getText()).isEqualTo("Only the 3 rows quarantined for MISSING_CLIENT_ID.");
        Hyperlink back = robot.lookup("#quality-reason-focus-clear").queryAs(Hyperlink.class);
        assertThat(back.getText()).isEqualTo("Show all quarantined rows");
        robot.interact(back::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantine.getItems().size() == 2);
        assertThat(UiFixtures.shown(focus)).as("the line goes with the filter").isFalse();

        // A duplicate is dropped, not quarantined: its code leads to its findings.
        robot.interact(() -> robot.lookup("#why-DUPLICATE_EVENT").queryAs(Hyperlink.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<String[]> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 1);
        assertThat(findings.getItems().get(0)[3]).isEqualTo("DUPLICATE_EVENT");
        assertThat(focus.getText()).isEqualTo("Only the DUPLICATE_EVENT findings: 2 rows were dropped as copies.");
        assertThat(back.getText()).isEqualTo("Show all findings");
        // Choosing other codes in the Code filter ends the line: it never claims a filter that no longer holds.
        robot.interact(() -> screen.showUnreadableFindings());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiFixtures.shown(focus)).isFalse();
    }
}
