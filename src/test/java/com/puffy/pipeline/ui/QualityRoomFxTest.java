package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.quality.QualityStage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Quality screen's tables keep room on a 1024×768 screen over a folder with every kind of trouble (an unreadable
 * file, several reasons to quarantine, duplicates): the summary above them is compact and the unreadable-file message
 * shows once. At 1008×728 the Findings table was 170 px tall (three whole rows) under a five-line summary and the
 * same message twice, 240 px (five) now; at 1440×900 it was 444 px (eleven), 498 px (twelve) now.
 */
@ExtendWith(ApplicationExtension.class)
class QualityRoomFxTest {
    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent";
    private static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)";

    @TempDir
    Path dir;
    Preferences prefs;
    Stage window;
    MainViewModel vm;
    MainView view;

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        if (window != null) {
            robot.interact(window::close);
        }
        prefs.removeNode();
    }

    /** Thirty rows without a client id, three without a timestamp, one malformed, two duplicates, one file not UTF-8. */
    private Path allFaults() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("faults"));
        StringBuilder day = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 30; i++) {
            day.append(",https://puffy.com/,,2025-02-23T10:").append(String.format("%02d", i)).append(":00.000Z,page_viewed,,")
                    .append(UA).append('\n');
        }
        for (int i = 0; i < 3; i++) {
            day.append("1740268798-lvfV1k5nHCN8,https://puffy.com/,,yesterday,page_viewed,,").append(UA).append('\n');
        }
        day.append("1740268798-lvfV1k5nHCN8,https://puffy.com/\n");
        String good = "1740268799-abcdefghijkl,https://puffy.com/,,2025-02-23T11:00:00.000Z,page_viewed,," + UA + "\n";
        day.append(good).append(good).append(good);
        Files.writeString(folder.resolve("events_20250223.csv"), day.toString());
        Files.writeString(folder.resolve("events_20250224.csv"), HEADER + "\n"
                + "1740268798-lvfV1k5nHCN8,https://puffy.com/,,2025-02-24T10:00:00.000Z,page_viewed,," + UA + "\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "\n1740268799-abcdefghijkl,https://puffy.com/caf").getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[]{(byte) 0xE9, (byte) 0xFF, (byte) 0xFE});
        bytes.write((",,2025-02-25T11:00:00.000Z,page_viewed,," + UA + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.write(folder.resolve("events_20250225.csv"), bytes.toByteArray());
        return folder;
    }

    private void openAndRun(FxRobot robot, double width, double height, boolean dark) throws Exception {
        prefs = Preferences.userRoot().node("eventpipe-test/room-" + System.nanoTime());
        Path folder = allFaults();
        window = WaitForAsyncUtils.asyncFx(() -> {
            UiThreads threads = UiThreads.javafx();
            vm = new MainViewModel(new Pipeline(List.of(new QualityStage())), threads, new RecentFolders(prefs),
                    d -> d, Clock.systemUTC());
            vm.cacheEnabledProperty().set(false);
            view = StudioApp.build(vm, threads, null, prefs);
            view.setErrorPresenter(e -> {
                throw new AssertionError(e.toString());
            });
            Stage stage = new Stage();
            stage.setScene(view.createScene(width, height));
            Theme.apply(stage.getScene(), dark, prefs);
            stage.show();
            vm.openFolder(folder);
            return stage;
        }).get();
        robot.interact(vm::runAll);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.statusMessageProperty().get().startsWith("Finished"));
        robot.interact(() -> view.select(StageId.QUALITY));
        javafx.scene.control.TabPane tabs = robot.lookup("#quality-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getTabs().stream().filter(t -> "quality-tab-findings".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
        TableView<?> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findings.getItems().size() > 30);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "#quality-unreadable"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "#reconciliation-why"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        if (!node.isManaged()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /** Rows of the table drawn whole, below its header and above its bottom edge. */
    private static long wholeRows(TableView<?> table) {
        Bounds view = inScene(table);
        Node header = table.lookup(".column-header-background");
        double top = inScene(header).getMaxY();
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> row && row.isVisible() && row.getItem() != null)
                .map(QualityRoomFxTest::inScene)
                .filter(b -> b.getMinY() >= top - 1 && b.getMaxY() <= view.getMaxY() + 1)
                .count();
    }

    @ParameterizedTest(name = "{0}×{1}, dark {2}")
    @CsvSource({"1008, 728, true, 230, 5", "1440, 900, false, 490, 12"})
    void theFindingsTableKeepsRoomAndTheUnreadableFileIsNamedOnce(double width, double height, boolean dark,
            double minTableHeight, long minRows, FxRobot robot) throws Exception {
        openAndRun(robot, width, height, dark);
        Screenshots.save(window.getScene(), "quality-room-" + (int) width + (dark ? "-dark" : "-light"));
        TableView<?> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        long rows = WaitForAsyncUtils.asyncFx(() -> wholeRows(findings)).get();
        System.out.printf("quality room %.0fx%.0f dark=%s: findings table %.0f px, %d whole rows%n", width, height,
                dark, findings.getHeight(), rows);
        assertThat(findings.getHeight()).as("the Findings table's height").isGreaterThanOrEqualTo(minTableHeight);
        assertThat(rows).as("whole rows of findings in view").isGreaterThanOrEqualTo(minRows);

        // Once on this screen: the Quality screen's copy, whole and with its link; the status bar's copy is hidden.
        assertThat(shown(robot, "#quality-unreadable")).isTrue();
        assertThat(shown(robot, "#status-unreadable")).as("the status bar's copy on the Quality screen").isFalse();
        String message = robot.lookup("#quality-unreadable-text").queryAs(Label.class).getText();
        assertThat(message).startsWith("1 event file could not be read").contains("events_20250225.csv is not UTF-8 text")
                .endsWith("then run again (F5).");
        assertThat(robot.lookup("#quality-unreadable-show").queryAs(Hyperlink.class).getText())
                .isEqualTo("Show it in Findings");
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> Truncation.truncatedLabels(window.getScene().getRoot(),
                java.util.Set.of("input-folder", "output-folder", "cache-file"))).get();
        assertThat(cut).as("labels cut short").isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Wcag.unreadable(window.getScene().getRoot())).get())
                .as("texts below WCAG AA").isEmpty();

        // The reasons keep to one line until asked for; a screen reader reads them all either way.
        javafx.scene.Node why = robot.lookup("#reconciliation-why").query();
        String all = "Quarantined for MISSING_CLIENT_ID 30, INVALID_TIMESTAMP 3, COLUMN_COUNT_MISMATCH 1 (a row may "
                + "have several) · Dropped as DUPLICATE_EVENT 2";
        assertThat(UiFixtures.flowText(why)).isEqualTo("Quarantined for MISSING_CLIENT_ID 30 (+2 reasons) · Dropped as DUPLICATE_EVENT 2");
        assertThat(why.getAccessibleText()).isEqualTo(all);
        Hyperlink toggle = robot.lookup("#reconciliation-why-toggle").queryAs(Hyperlink.class);
        assertThat(toggle.getText()).isEqualTo("All reasons");
        robot.interact(toggle::requestFocus);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiFixtures.flowText(why)).isEqualTo(all);
        assertThat(toggle.getText()).isEqualTo("Fewer reasons");
        robot.interact(toggle::fire);
        assertThat(UiFixtures.flowText(why)).startsWith("Quarantined for MISSING_CLIENT_ID 30 (+2 reasons)");

        // Elsewhere the status bar names it, with the same link.
        robot.interact(() -> view.select(StageId.TRANSFORM));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#status-unreadable")).as("the status bar's copy on another screen").isTrue();
        robot.interact(() -> robot.lookup("#status-unreadable-show").queryAs(Hyperlink.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#status-unreadable")).as("back on Quality, once again").isFalse();
        assertThat(shown(robot, "#quality-unreadable")).isTrue();
    }
}
