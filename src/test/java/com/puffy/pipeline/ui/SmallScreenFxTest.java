package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window on a 1024×768 screen (compact rail) over hand-written outputs. */
@ExtendWith(ApplicationExtension.class)
class SmallScreenFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainView view;
    MainViewModel vm;
    Stage window;

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        Path out = RunSettings.defaultOutputFor(input.toAbsolutePath());
        UiFixtures.quality(out);
        UiFixtures.transform(out);
        UiFixtures.monitoring(out);
        prefs = Preferences.userRoot().node("eventpipe-test/small-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new Pipeline(List.of()), threads, new RecentFolders(prefs), d -> d,
                Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        view = StudioApp.build(vm, threads, null, prefs);
        window = stage;
        stage.setScene(view.createScene(1008, 740));
        // The window outlives a test: one that widened it would leave the next test a wider one.
        stage.sizeToScene();
        stage.show();
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    /** The lines a flow pane's shown children sit on (it centres each line's controls). */
    private static int lines(FlowPane pane) {
        TreeSet<Long> tops = new TreeSet<>();
        for (Node child : pane.getChildren()) {
            if (child.isManaged() && child.isVisible()) {
                tops.add(Math.round(child.getBoundsInParent().getCenterY()));
            }
        }
        return tops.size();
    }

    @Test
    void theSessionsFiltersFitOnTwoLinesAt1024Pixels(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.TRANSFORM));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dataset-sessions-count")
                .queryAs(Label.class).getText().equals("3 rows"));
        WaitForAsyncUtils.waitForFxEvents();
        FlowPane bar = (FlowPane) robot.lookup("#dataset-sessions-search").query().getParent();
        Screenshots.save(window.getScene(), "sessions-1024");
        assertThat(lines(bar)).as("lines of the Sessions filter bar").isLessThanOrEqualTo(2);
        double tallest = bar.getChildren().stream().filter(Node::isVisible)
                .mapToDouble(n -> n.getBoundsInParent().getHeight()).max().orElseThrow();
        assertThat(bar.getHeight()).as("the bar is two controls high at most")
                .isLessThanOrEqualTo(2 * tallest + bar.getVgap() + 1);
        double sceneWidth = window.getScene().getWidth();
        for (String id : List.of("#dataset-sessions-count", "#dataset-sessions-facet-converted",
                "#open-journey-sessions")) {
            Node node = robot.lookup(id).query();
            assertThat(node.localToScene(node.getLayoutBounds()).getMaxX()).as(id + " inside the window")
                    .isLessThanOrEqualTo(sceneWidth);
        }
    }
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {1008, 1260})
    void aStagesProgressTrackStandsOutFromItsCard(double width, FxRobot robot) {
        robot.interact(() -> window.setWidth(width));
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#progress-quality").query();
        javafx.scene.layout.Region track = (javafx.scene.layout.Region) bar.lookup(".track");
        javafx.scene.layout.Region card = (javafx.scene.layout.Region) robot.lookup("#stage-quality").query();
        double ratio = Wcag.contrast(fill(track), fill(card));
        assertThat(ratio).as(width + " px: contrast of the empty track with the card").isGreaterThanOrEqualTo(1.3);
    }

    private static javafx.scene.paint.Color fill(javafx.scene.layout.Region region) {
        List<javafx.scene.layout.BackgroundFill> fills = region.getBackground().getFills();
        return (javafx.scene.paint.Color) fills.get(fills.size() - 1).getFill();
    }

    private void selectTab(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).forEach(pane ->
                pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                        .ifPresent(t -> pane.getSelectionModel().select(t))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> cutShort() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Truncation.truncatedLabels(window.getScene().getRoot(),
                java.util.Set.of("input-folder", "output-folder", "cache-file"))).get();
    }

    @Test
    void theTransformScreensLinesAreWholeAt1024Pixels(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(StageId.TRANSFORM));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dataset-sessions-count")
                .queryAs(Label.class).getText().equals("3 rows"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutShort()).as("Datasets: cut short").isEmpty();
        Label description = robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().startsWith("Sessions · sessions.csv")).findFirst()
                .orElseThrow();
        assertThat(description.getHeight()).as("the dataset's description is whole: " + description.getText())
                .isGreaterThanOrEqualTo(description.prefHeight(description.getWidth()) - 0.5);
        selectTab(robot, "transform-tab-journey");
        Screenshots.save(window.getScene(), "journey-1024");
        assertThat(cutShort()).as("User journey: cut short").isEmpty();
    }
    @Test
    void withAFolderOpenTheFoldersHintTakesOneLineAt1024Pixels() throws Exception {
        // The header is two rows there (HeaderFxTest); a wrapped hint made it three.
        Label hint = WaitForAsyncUtils.asyncFx(() -> (Label) window.getScene().lookup("#input-folder-hint")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hint.getText()).as("a folder is open").contains("switch");
        assertThat(hint.getHeight()).as("one line: " + hint.getText())
                .isLessThan(2 * hint.getFont().getSize());
    }

    @Test
    void withoutAFolderTheHeaderSaysWhatToDoWithoutCuttingIt(FxRobot robot) throws Exception {
        Preferences fresh = Preferences.userRoot().node("eventpipe-test/small-none-" + System.nanoTime());
        try {
            Stage second = WaitForAsyncUtils.asyncFx(() -> {
                UiThreads threads = UiThreads.javafx();
                MainViewModel none = new MainViewModel(new Pipeline(List.of()), threads, new RecentFolders(fresh),
                        d -> d, Clock.systemUTC());
                Stage stage = new Stage();
                stage.setScene(StudioApp.build(none, threads, null, fresh).createScene(1008, 740));
                stage.show();
                return stage;
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = WaitForAsyncUtils.asyncFx(() -> Truncation.truncatedLabels(second.getScene().getRoot(),
                    java.util.Set.of("output-folder", "cache-file"))).get();
            Screenshots.save(second.getScene(), "no-folder-1024");
            javafx.scene.control.TableView<?> files = (javafx.scene.control.TableView<?>) second.getScene()
                    .lookup("#quality-files-summary-table");
            assertThat(files.isVisible()).as("no bare table before a folder is open").isFalse();
            assertThat(((Label) second.getScene().lookup("#reconciliation")).getText())
                    .as("nothing to run before a folder is open").doesNotStartWith("Run ");
            assertThat(second.getScene().getRoot().lookupAll(".label").stream().filter(Node::isVisible)
                    .map(n -> ((Label) n).getText()).toList())
                    .as("the screen says what to do").contains("Open a folder of daily event files (Ctrl+O), "
                            + "drop one on the window, or open the sample data.");
            robot.interact(second::close);
            assertThat(cut).as("cut short with no folder open").isEmpty();
        } finally {
            fresh.removeNode();
        }
    }

    @Test
    void theStatusMessageKeepsMoreRoomThanTheFolderNamesItRepeatsAt1024Pixels(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        Label where = robot.lookup("#status-paths").queryAs(Label.class);
        assertThat(message.getText()).startsWith("Opened ");
        assertThat(message.getWidth()).as("'" + message.getText() + "' beside '" + where.getText() + "'")
                .isGreaterThan(where.getWidth());
        assertThat(message.getHeight()).as("the message on two lines at most").isLessThan(3 * message.getFont().getSize() * 1.2);
    }

    @Test
    void theFolderNamesAreWholeOrAwayNeverCutShortAt1024Pixels(FxRobot robot) throws Exception {
        // A long message ("Opened …: events_20250308.csv is new since the last run, so …") left them as "Folde…".
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        Label where = robot.lookup("#status-paths").queryAs(Label.class);
        robot.interact(() -> vm.statusMessageProperty().set("Opened /tmp/day13: events_20250308.csv is new since the"
                + " last run, so Quality, Transform, Analysis, Monitoring are out of date. Run all (F5) brings them up"
                + " to date."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(where.isVisible()).as("beside a message on two lines: '" + where.getText() + "'").isFalse();
        assertThat(message.getHeight()).as("the message has the room").isLessThan(3 * message.getFont().getSize() * 1.2);
        robot.interact(() -> vm.statusMessageProperty().set("Ready."));
        WaitForAsyncUtils.waitForFxEvents();
        Label last = robot.lookup("#last-run").queryAs(Label.class);
        assertThat(where.isVisible()).as("beside a short message: " + message.prefWidth(-1) + " + '" + where.getText()
                + "' " + where.prefWidth(-1) + " + '" + last.getText() + "' " + last.prefWidth(-1) + " in "
                + message.getParent().getLayoutBounds().getWidth()).isTrue();
        assertThat(where.getWidth()).as("whole: '" + where.getText() + "'")
                .isGreaterThanOrEqualTo(where.prefWidth(-1) - 0.5);
    }

    @Test
    void aShortMessageBesideLongFolderNamesNeverWidensTheWindowPastTheScreen(FxRobot robot) throws Exception {
        // A message narrower than its least width (200 px: "Opened /tmp/ar-pq-g14.") counted as its text only: the
        // folder names stayed, and the status bar pushed the window past 1024 px, cutting Today and the last run off.
        Label where = robot.lookup("#status-paths").queryAs(Label.class);
        Label last = robot.lookup("#last-run").queryAs(Label.class);
        robot.interact(() -> {
            vm.statusMessageProperty().set("Ready.");
            vm.lastRunProperty().set("Last run Nov 27 14:03: 4.5 s");
        });
        double sceneWidth = window.getScene().getWidth();
        for (int length = 10; length <= 90; length += 2) {
            String output = "/tmp/" + "o".repeat(length);
            robot.interact(() -> vm.outputDirProperty().set(Path.of(output)));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Bounds lastRun = last.localToScene(last.getLayoutBounds());
            assertThat(lastRun.getMaxX()).as("'" + last.getText() + "' inside the window beside '" + where.getText()
                    + "' (shown: " + where.isVisible() + ")").isLessThanOrEqualTo(sceneWidth);
            assertThat(!where.isVisible() || where.getWidth() >= where.prefWidth(-1) - 0.5)
                    .as("whole or away: '" + where.getText() + "'").isTrue();
        }
    }
}
