package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import com.puffy.pipeline.ui.transform.TransformScreen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Transform and Monitoring screens over hand-written outputs. */
@ExtendWith(ApplicationExtension.class)
class OtherScreensFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    TransformScreen transform;
    MonitoringScreen monitoring;
    Stage window;
    Path out;

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        fixture.openNewFolder(dir);
        out = fixture.output();
        UiFixtures.quality(out);
        UiFixtures.transform(out);
        UiFixtures.monitoring(out);
        transform = fixture.showScreen(stage, TransformScreen::new, 1200, 760);
        monitoring = new MonitoringScreen(fixture.vm(), fixture.threads());
        monitoring.reload();
    }

    @Test
    void aDatasetOpensSortedByClickingAHeader(FxRobot robot) throws Exception {
        TableView<?> sessions = robot.lookup("#dataset-sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.getItems().size() == 3);
        @SuppressWarnings("unchecked")
        TableView<String[]> typed = (TableView<String[]>) sessions;
        // The file's fifth column; on screen it comes later, after the columns a session is read by.
        javafx.scene.control.TableColumn<String[], ?> duration = typed.getColumns().stream()
                .filter(c -> "duration_s".equals(c.getUserData())).findFirst().orElseThrow();
        robot.interact(() -> typed.getSortOrder().setAll(duration));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> typed.getItems().get(0)[4].equals("60"));
        robot.interact(() -> duration.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> typed.getItems().get(0)[4].equals("1200"));
    }

    @Test
    void afterARunOnlyTheDatasetInViewIsReadAgainTheOthersWhenChosen(FxRobot robot) throws Exception {
        TableView<?> sessions = robot.lookup("#dataset-sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.getItems().size() == 3);
        robot.interact(() -> transform.showDataset("users.csv"));
        TableView<?> users = robot.lookup("#dataset-users-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !users.getItems().isEmpty());

        robot.interact(() -> transform.reload());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessions.getItems()).as("hidden, its file as it was: the rows stay").hasSize(3);

        // A run writes the datasets anew.
        for (String name : List.of("sessions.csv", "users.csv")) {
            Path file = out.resolve("transform").resolve(name);
            java.nio.file.Files.setLastModifiedTime(file,
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        }
        robot.interact(() -> transform.reload());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessions.getItems()).as("hidden: its outdated rows are let go").isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !users.getItems().isEmpty());

        robot.interact(() -> transform.showDataset("sessions.csv"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessions.getItems().size() == 3);
    }

    @Test
    void aDatasetWithManyFiltersWrapsThemAndKeepsTheRowCountInView(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.setWidth(1000);
            window.setHeight(700);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dataset-sessions-count")
                .queryAs(Label.class).getText().equals("3 rows"));
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = window.getScene().getWidth();
        for (String id : List.of("#dataset-sessions-count", "#dataset-sessions-facet-converted",
                "#open-journey-sessions")) {
            javafx.scene.Node node = robot.lookup(id).query();
            javafx.geometry.Bounds bounds = node.localToScene(node.getLayoutBounds());
            assertThat(bounds.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(sceneWidth);
        }
    }

    @Test
    void aJourneyShowsSessionsEventsAndCreditPerModel(FxRobot robot) throws Exception {
        robot.interact(() -> transform.openJourney("1740268798-lvfV1k5nHCN8"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#journey-header").queryAs(Label.class)
                .getText().startsWith("Client 1740268798-lvfV1k5nHCN8"));
        assertThat(robot.lookup("#journey-header").queryAs(Label.class).getText())
                .contains("2 sessions", "7 events", "1 conversion ·", "$1,300 revenue");
        assertThat(robot.lookup(".journey-purchase").queryAll()).hasSize(1);
        TableView<?> credits = robot.lookup("#credits-table").queryAs(TableView.class);
        // A row per model, a column per touchpoint: six models across ran past a 1024 px window.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> credits.getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(credits.getColumns().stream().map(javafx.scene.control.TableColumn::getText).toList())
                .containsExactly("model", "Organic Search · Jan 1 10:00", "Paid Search · Jan 3 18:00");
        assertThat((String[]) credits.getItems().get(0)).containsExactly("First click", "100% ($1,300)", "0%");
        assertThat((String[]) credits.getItems().get(5)).containsExactly("Time decay", "40% ($520)", "60% ($780)");
        double width = credits.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        assertThat(width).as("every touchpoint in view at 1024 px").isLessThan(760);
    }

    @Test
    void aClientWithNoOrderSaysWhyTheCreditTableIsEmpty(FxRobot robot) throws Exception {
        robot.interact(() -> transform.openJourney("1740000000-abcdefghijkl"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#journey-header").queryAs(Label.class)
                .getText().startsWith("Client 1740000000-abcdefghijkl"));
        TableView<?> credits = robot.lookup("#credits-table").queryAs(TableView.class);
        // "No rows." left the analyst to guess whether the credit was missing or the client never bought.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> credits.getPlaceholder() instanceof Label placeholder
                && placeholder.getText().equals(TransformScreen.NO_ORDER));
    }

    @Test
    void anUnknownClientSaysSoInWords(FxRobot robot) throws Exception {
        robot.interact(() -> transform.openJourney("nobody"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#journey-message").queryAs(Label.class)
                .getText().startsWith("No sessions or valid events for client nobody"));
    }

    @Test
    void alertsComeMostSevereFirstAndTheChartMarksTheDayThatFired(FxRobot robot) throws Exception {
        showMonitoring(robot);
        @SuppressWarnings("unchecked")
        ListView<com.puffy.pipeline.ui.monitor.MonitoringViewModel.Alert> list =
                robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        assertThat(list.getItems()).extracting(a -> a.severity()).containsExactly("CRITICAL", "WARNING", "INFO");
        assertThat(robot.lookup("#alerts-headline").queryAs(Label.class).getText())
                .isEqualTo("1 critical · 1 warning · 1 info");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#metric-chart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getData().size() == 5);
        assertThat(chart.getData().get(4).getData()).singleElement()
                .satisfies(d -> assertThat(d.getXValue().longValue())
                        .isEqualTo(java.time.LocalDate.parse("2025-01-07").toEpochDay()));
        assertThat(chart.getData().get(1).getData()).hasSize(4);
    }

    @Test
    void withoutMetricsTheChartIsHiddenRatherThanKeepingTheLastAxis(FxRobot robot) throws Exception {
        showMonitoring(robot);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#metric-chart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getData().size() == 5);
        assertThat(chart.isVisible()).isTrue();
        try (var files = Files.list(out.resolve("monitoring"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        robot.interact(() -> monitoring.reload());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !chart.isVisible());
    }

    @Test
    void readingTheSameAlertsAgainKeepsTheChosenMetricInItsBox(FxRobot robot) throws Exception {
        // Changing the as-of date reads the outputs again; the metric box went blank while the chart still drew
        // the metric, its series named "value". It happened when the box was on screen as the metrics first arrived.
        showMonitoring(robot);
        Path monitoringDir = out.resolve("monitoring");
        Path saved = Files.createDirectories(out.resolve("saved-monitoring"));
        try (var files = Files.list(monitoringDir)) {
            for (Path file : files.toList()) {
                Files.move(file, saved.resolve(file.getFileName()));
            }
        }
        robot.interact(() -> monitoring.reload());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#metric-chart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !chart.isVisible());
        try (var files = Files.list(saved)) {
            for (Path file : files.toList()) {
                Files.move(file, monitoringDir.resolve(file.getFileName()));
            }
        }
        robot.interact(() -> monitoring.reload());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> box = robot.lookup("#metric-choice").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "events".equals(box.getValue()) && chart.isVisible());
        robot.interact(() -> monitoring.reload());
        fixture.waitUntilIdle();
        assertThat(box.getValue()).isEqualTo("events");
        assertThat(chart.getData().get(0).getName()).isEqualTo("events");
    }

    /**
     * The Monitoring screen as the window's root, its skins made: its tabs' content (the alert list) exists only once
     * the TabPane has a skin, which the next pulse would make; on a loaded machine the lookup could come first.
     */
    private void showMonitoring(FxRobot robot) {
        robot.interact(() -> {
            window.getScene().setRoot(new StackPane(monitoring.node()));
            window.getScene().getRoot().applyCss();
        });
    }
}
