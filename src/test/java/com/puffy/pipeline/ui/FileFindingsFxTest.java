package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.quality.QualityScreen;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * From a file of the Files table to its findings and quarantined rows, and back: a file's row led to its own fields
 * only, and the analyst asking what went wrong in events_20250101.csv had to find the File filter in two other tabs.
 */
@ExtendWith(ApplicationExtension.class)
class FileFindingsFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    QualityScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.quality(fixture.output());
        screen = fixture.showScreen(stage, QualityScreen::new, 1024, 700);
    }

    @Test
    void enterOnAFileShowsItsFindingsAndQuarantinedRowsUntilAllFilesAreAskedFor(FxRobot robot) throws Exception {
        TableView<String[]> files = table(robot, "#quality-files-summary-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().size() == 4);
        robot.interact(() -> {
            files.requestFocus();
            files.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot)).isEqualTo("quality-tab-findings");
        TableView<String[]> findings = table(robot, "#findings-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 3);
        assertThat(findings.getItems()).extracting(row -> row[0]).containsOnly("events_20250101.csv");
        assertThat(findings.isFocused()).as("the keyboard goes on in the findings").isTrue();
        Label focus = robot.lookup("#quality-focus").queryAs(Label.class);
        assertThat(focus.getText()).isEqualTo(
                "Only events_20250101.csv: 100 rows read, 3 quarantined, 2 duplicates.");
        assertThat(UiFixtures.shown(focus)).isTrue();

        robot.interact(() -> screen.showTab("quality-tab-quarantine"));
        TableView<String[]> quarantine = table(robot, "#quarantine-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantine.getItems().size() == 1
                && "events_20250101.csv".equals(quarantine.getItems().get(0)[0]));
        assertThat(UiFixtures.shown(focus)).as("the file filter holds here too").isTrue();

        robot.interact(() -> robot.lookup("#quality-focus-clear").queryAs(Hyperlink.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quarantine.getItems().size() == 2);
        robot.interact(() -> screen.showTab("quality-tab-findings"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 5);
        assertThat(UiFixtures.shown(focus)).isFalse();
    }

    @Test
    void aFileWithoutFindingsSaysSoInsteadOfListingEveryFile(FxRobot robot) throws Exception {
        TableView<String[]> files = table(robot, "#quality-files-summary-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().size() == 4);
        // events_20250103.csv: 80 rows read, all valid, no finding.
        robot.doubleClickOn(robot.lookup("#quality-files-summary-table .table-row-cell").nth(2).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#findings-none-for-file").tryQuery().map(UiFixtures::shown).orElse(false));
        assertThat(robot.lookup("#findings-none-for-file .label").queryAs(Label.class).getText())
                .isEqualTo("events_20250103.csv has no findings.");
        assertThat(table(robot, "#findings-table").isVisible()).isFalse();
        robot.interact(() -> screen.showTab("quality-tab-quarantine"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#quarantine-none-for-file").tryQuery().map(UiFixtures::shown).orElse(false));
        assertThat(robot.lookup("#quarantine-none-for-file .label").queryAs(Label.class).getText())
                .isEqualTo("events_20250103.csv has no quarantined rows.");

        // Another file: the table is back, with that file's rows.
        robot.interact(() -> robot.lookup("#quality-focus-back").queryAs(Hyperlink.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot)).isEqualTo("quality-tab-files");
        assertThat(files.getSelectionModel().getSelectedItem()[0]).as("back at the file it came from")
                .isEqualTo("events_20250103.csv");
        robot.interact(() -> files.getSelectionModel().select(1));
        robot.type(KeyCode.ENTER);
        TableView<String[]> findings = table(robot, "#findings-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.isVisible() && findings.getItems().size() == 1);
        assertThat(findings.getItems().get(0)[0]).isEqualTo("events_20250102.csv");
        assertThat(robot.lookup("#findings-none-for-file").tryQuery()).as("no longer in the table's place").isEmpty();
    }

    @Test
    void theRowMenuOffersTheFilesFindingsAndChoosingOtherFilesEndsTheFocus(FxRobot robot) throws Exception {
        TableView<String[]> files = table(robot, "#quality-files-summary-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.getItems().size() == 4);
        robot.interact(() -> {
            files.requestFocus();
            files.getSelectionModel().select(1);
        });
        robot.press(KeyCode.SHIFT).press(KeyCode.F10).release(KeyCode.F10).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> files.getContextMenu().isShowing());
        List<String> items = files.getContextMenu().getItems().stream().map(MenuItem::getText).toList();
        assertThat(items.get(0)).isEqualTo("Show this file's findings (Enter)");
        assertThat(items).contains("Show all fields").doesNotContain("Show all fields (Enter)");
        robot.interact(() -> files.getContextMenu().getItems().get(0).fire());
        robot.interact(() -> files.getContextMenu().hide());
        TableView<String[]> findings = table(robot, "#findings-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 1);
        Label focus = robot.lookup("#quality-focus").queryAs(Label.class);
        assertThat(focus.getText()).startsWith("Only events_20250102.csv:");

        @SuppressWarnings("unchecked")
        CheckComboBox<String> file = robot.lookup("#findings-facet-file").queryAs(CheckComboBox.class);
        robot.interact(() -> file.getCheckModel().check("events_20250101.csv"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiFixtures.shown(focus)).as("two files ticked: no longer one file's findings").isFalse();
    }

    @SuppressWarnings("unchecked")
    private static TableView<String[]> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static String selectedTab(FxRobot robot) {
        return robot.lookup("#quality-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }
}
