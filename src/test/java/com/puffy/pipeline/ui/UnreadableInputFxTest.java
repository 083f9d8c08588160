package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * An event file that cannot be read among readable ones (decision 0200, exit 3 on the command line): the app names it,
 * with its reason and what to do, in the status bar, on the Quality screen and on Quality's card, on the real Quality
 * stage; after a run, on reopening the folder, and no longer once the file is fixed and Quality runs again.
 */
@ExtendWith(ApplicationExtension.class)
class UnreadableInputFxTest {
    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent";
    private static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)";

    @TempDir
    Path dir;
    @RegisterExtension
    final QualityWindowFixture window = new QualityWindowFixture();
    MainViewModel vm;
    MainView view;
    Path input;

    @Start
    void start(Stage stage) throws Exception {
        window.show(stage, 1280, 800);
        vm = window.vm();
        view = window.view();
    }

    private static String day(String date) {
        return HEADER + "\n" + "1740268798-lvfV1k5nHCN8,https://puffy.com/,," + date + "T10:00:00.000Z,page_viewed,,"
                + UA + "\n" + "1740268799-abcdefghijkl,https://puffy.com/,," + date + "T11:00:00.000Z,page_viewed,,"
                + UA + "\n";
    }

    /** The day's file with a Latin-1 "é" and a 0xFF 0xFE pair in its second row: not UTF-8. */
    private static byte[] notUtf8(String date) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "\n1740268798-lvfV1k5nHCN8,https://puffy.com/,," + date
                + "T10:00:00.000Z,page_viewed,," + UA + "\n1740268799-abcdefghijkl,https://puffy.com/caf")
                .getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[]{(byte) 0xE9, (byte) 0xFF, (byte) 0xFE});
        bytes.write((",," + date + "T11:00:00.000Z,page_viewed,," + UA + "\n").getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }

    private Path folder(String name, String... unreadableDates) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("events_20250223.csv"), day("2025-02-23"));
        Files.writeString(folder.resolve("events_20250224.csv"), day("2025-02-24"));
        for (String date : unreadableDates) {
            Files.write(folder.resolve("events_" + date.replace("-", "") + ".csv"), notUtf8(date));
        }
        return folder;
    }

    /** Opens the folder with another screen than Quality in front: the status bar's copy shows there only. */
    private void open(FxRobot robot, Path folder) {
        robot.interact(() -> vm.openFolder(folder));
        robot.interact(() -> view.select(com.puffy.pipeline.core.StageId.TRANSFORM));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void runAll(FxRobot robot) throws Exception {
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.statusMessageProperty().get().startsWith("Finished"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.errors()).isEmpty();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.isVisible() && node.isManaged();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void oneUnreadableFileIsNamedWithItsReasonInTheStatusBarOnTheQualityScreenAndOnItsCard(FxRobot robot)
            throws Exception {
        input = folder("events", "2025-02-25");
        open(robot, input);
        runAll(robot);

        String sentence = "events_20250225.csv is not UTF-8 text (first invalid byte at line 3, byte ";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "#status-unreadable"));
        assertThat(text(robot, "#status-unreadable-text"))
                .startsWith("1 event file could not be read, so its rows are missing from every output: " + sentence)
                .endsWith("); re-export it as UTF-8, then run again (F5).");
        assertThat(vm.statusMessageProperty().get())
                .startsWith("Finished 1 stage in ").endsWith(" without the rows of 1 event file that could not be read.");
        assertThat(shown(robot, "#quality-unreadable")).isTrue();
        assertThat(text(robot, "#quality-unreadable-text")).isEqualTo(text(robot, "#status-unreadable-text"));
        // The status bar keeps to one line under the Quality screen's wrapped copy; its tooltip holds the whole text.
        Label statusText = robot.lookup("#status-unreadable-text").queryAs(Label.class);
        assertThat(statusText.isWrapText()).isFalse();
        assertThat(statusText.getTooltip().getText()).isEqualTo(statusText.getText());
        assertThat(robot.lookup("#quality-unreadable-text").queryAs(Label.class).isWrapText()).isTrue();
        assertThat(shown(robot, "#warning-quality")).isTrue();
        assertThat(text(robot, "#warning-quality")).isEqualTo("1 file could not be read");
        assertThat(robot.lookup("#warning-quality").queryAs(Label.class).getStyleClass()).contains("stage-warning");
        assertThat(robot.lookup("#status-unreadable").query().getStyleClass()).contains("unreadable-line");
        assertThat(robot.lookup("#status-unreadable-show").queryAs(Hyperlink.class).getText())
                .isEqualTo("Show it in Findings");

        // Fixed (saved as UTF-8) and run again: every row is read and the message goes.
        Files.writeString(input.resolve("events_20250225.csv"), day("2025-02-25"));
        runAll(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shown(robot, "#status-unreadable"));
        assertThat(shown(robot, "#quality-unreadable")).isFalse();
        assertThat(shown(robot, "#warning-quality")).isFalse();
        assertThat(vm.unreadableInputs()).isEmpty();
        assertThat(vm.statusMessageProperty().get()).doesNotContain("could not be read");
    }

    @Test
    void reopeningAFolderWhoseQualityOutputsAreUpToDateSaysItAgainWithoutRunning(FxRobot robot) throws Exception {
        input = folder("events", "2025-02-25");
        Path other = folder("other");
        open(robot, input);
        runAll(robot);
        open(robot, other);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shown(robot, "#status-unreadable"));

        open(robot, input);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "#status-unreadable"));
        assertThat(text(robot, "#status-unreadable-text")).contains("events_20250225.csv is not UTF-8 text");
        assertThat(text(robot, "#quality-unreadable-text")).contains("events_20250225.csv is not UTF-8 text");
        assertThat(text(robot, "#warning-quality")).isEqualTo("1 file could not be read");
        assertThat(vm.statusMessageProperty().get()).startsWith("Opened ");
    }

    @Test
    void severalUnreadableFilesAreCountedAndTheLinkFiltersFindingsToThem(FxRobot robot) throws Exception {
        input = folder("events", "2025-02-25", "2025-02-26");
        open(robot, input);
        runAll(robot);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "#status-unreadable"));
        assertThat(text(robot, "#status-unreadable-text")).isEqualTo("2 event files could not be read, so their rows "
                + "are missing from every output: fix each as its finding says (or move it out of the folder), then "
                + "run again (F5).");
        assertThat(text(robot, "#warning-quality")).isEqualTo("2 files could not be read");
        assertThat(vm.unreadableInputs()).hasSize(2).allMatch(s -> s.contains("is not UTF-8 text"));

        robot.clickOn("#status-unreadable-show");
        TableView<?> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() == 2
                && findings.getItems().stream().allMatch(row -> Arrays.asList((String[]) row).contains("UNREADABLE_FILE")));
        assertThat(robot.lookup("#quality-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("quality-tab-findings");
        @SuppressWarnings("unchecked")
        CheckComboBox<String> code = robot.lookup("#findings-facet-code").queryAs(CheckComboBox.class);
        assertThat(code.getCheckModel().getCheckedItems()).containsExactly("UNREADABLE_FILE");
    }

    @Test
    void aFolderWhoseFilesAreAllReadableShowsNothingNew(FxRobot robot) throws Exception {
        input = folder("events");
        open(robot, input);
        runAll(robot);

        assertThat(shown(robot, "#status-unreadable")).isFalse();
        assertThat(shown(robot, "#quality-unreadable")).isFalse();
        assertThat(shown(robot, "#warning-quality")).isFalse();
        assertThat(vm.unreadableInputs()).isEmpty();
        assertThat(vm.statusMessageProperty().get()).startsWith("Finished 1 stage in ").endsWith(".")
                .doesNotContain("could not be read");
    }
}
