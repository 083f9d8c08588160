package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A stage summary longer than its card: every line is a press away, at a wide window and at 1024×768. */
@ExtendWith(ApplicationExtension.class)
class StageSummaryFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    Stage window;
    final List<String> lines = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        prefs = Preferences.userRoot().node("eventpipe-test/summary-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new Pipeline(List.of(new FakeStages().stage(StageId.QUALITY))), threads,
                new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        MainView view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(e -> { });
        window = stage;
        stage.setScene(view.createScene(1440, 900));
        stage.show();
        // The stage is shared by the tests: one left it at 1024 px.
        stage.setWidth(1440);
        stage.setHeight(900);
        vm.openFolder(input);
        lines.add("Files: 14 examined, 14 event files.");
        lines.add("Rows: 49,351 read = 47,985 valid + 1,365 quarantined + 1 duplicate (reconciled).");
        lines.add("Quarantined by reason (a row may have several): MISSING_CLIENT_ID 1,365.");
        lines.add("Duplicates dropped: 1 exact copy (DUPLICATE_EVENT), 0 purchase replays (DUPLICATE_PURCHASE).");
        lines.add("Drift episodes: 5.");
        lines.add("  RENAMED from events_20250227.csv (10 files): `client_id` arrives as `clientId`");
        lines.add("  events_20250308.csv: 3,500 = 3,465 + 35 + 0");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Window open : new ArrayList<>(Window.getWindows())) {
            if (open != window) {
                WaitForAsyncUtils.asyncFx(open::hide).get();
            }
        }
        prefs.removeNode();
    }

    private String dialogText() {
        return Window.getWindows().stream().filter(w -> w != window && w.isShowing())
                .map(w -> w.getScene().lookup("#summary-dialog-text")).filter(n -> n instanceof TextArea)
                .map(n -> ((TextArea) n).getText()).findFirst().orElse(null);
    }

    @Test
    void aLongSummarySaysHowMuchMoreAndTheButtonBesideRunShowsEveryLine(FxRobot robot) throws Exception {
        robot.interact(() -> vm.stage(StageId.QUALITY).showSummary(lines, Duration.ofSeconds(2)));
        WaitForAsyncUtils.waitForFxEvents();
        String card = robot.lookup("#summary-quality").queryAs(javafx.scene.text.TextFlow.class).getChildren()
                .stream().filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n)
                        .getText()).reduce("", String::concat);
        assertThat(card).contains("Duplicates dropped").endsWith("+ 3 more lines").doesNotContain("…");
        Button whole = robot.lookup("#summary-all-quality").queryButton();
        assertThat(whole.isVisible()).isTrue();
        assertThat(whole.getAccessibleText()).isEqualTo("Show the whole summary of Quality's last run");
        // From the keyboard: the button takes the focus and Space presses it.
        robot.interact(whole::requestFocus);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> dialogText() != null);
        assertThat(dialogText()).contains("`client_id` arrives as `clientId`".replace("`", ""),
                "events_20250308.csv: 3,500 = 3,465 + 35 + 0");
    }

    @Test
    void aShortSummaryNeedsNoButton(FxRobot robot) {
        robot.interact(() -> vm.stage(StageId.QUALITY).showSummary(lines.subList(0, 3), Duration.ofSeconds(2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#summary-all-quality").queryButton().isVisible()).isFalse();
    }

    @Test
    void atA1024pxWindowTheCompactCardKeepsItsHeightAndTheButtonSitsWholeBesideItsStatus(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            window.setWidth(1024);
            window.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node cardNode = robot.lookup("#stage-quality").query();
        double before = cardNode.getLayoutBounds().getHeight();
        robot.interact(() -> vm.stage(StageId.QUALITY).showSummary(lines.subList(0, 2), Duration.ofSeconds(2)));
        WaitForAsyncUtils.waitForFxEvents();
        Button whole = robot.lookup("#summary-all-quality").queryButton();
        assertThat(whole.isVisible()).as("compact, the card shows no summary line: the button is the way to it")
                .isTrue();
        assertThat(cardNode.getLayoutBounds().getHeight()).as("card height").isEqualTo(before);
        javafx.geometry.Bounds b = whole.localToScene(whole.getLayoutBounds());
        javafx.geometry.Bounds card = cardNode.localToScene(cardNode.getLayoutBounds());
        assertThat(b.getMaxX()).isLessThanOrEqualTo(card.getMaxX());
        assertThat(whole.getWidth()).isGreaterThanOrEqualTo(whole.prefWidth(-1) - 0.5);
        assertThat(Truncation.widerThanTheirPane(window.getScene().getRoot())).as("nothing wider than the rail")
                .isEmpty();
        robot.interact(whole::fire);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> dialogText() != null);
        assertThat(dialogText()).contains("Rows: 49,351 read");
    }
}
