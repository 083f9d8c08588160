package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.Theme;
import com.puffy.pipeline.ui.UiThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the table shows while a sort or the value filters' counts are still being worked out: at 3M rows a sort took
 * 7.5 s with the header's arrow on the column from the click, and the counts after a search 4.8 s with the lists
 * showing the counts from before it and nothing that moved. The work is held and released by the test, step by step.
 */
@ExtendWith(ApplicationExtension.class)
class TableSaysWhatItIsStillDoingFxTest {
    @TempDir
    static Path dir;
    /** Background work and FX updates, each run when the test says. */
    final List<Runnable> work = new ArrayList<>();
    final List<Runnable> updates = new ArrayList<>();
    DataTableModel model;
    DataTableView view;

    @Start
    void start(Stage stage) throws Exception {
        model = new DataTableModel(new UiThreads() {
            @Override
            public void background(Runnable task) {
                work.add(task);
            }

            @Override
            public void fx(Runnable update) {
                updates.add(update);
            }
        }, List.of("severity"));
        view = new DataTableView(model, "still");
        Scene scene = new Scene(view, 900, 400);
        Theme.apply(scene, false, null);
        stage.setScene(scene);
        stage.show();
        model.load(OneTableWindow.csv(dir, "findings", "file,line,severity\n"
                + "a.csv,10,ERROR\na.csv,2,WARNING\nb.csv,3,INFO\nb.csv,7,ERROR\n"), "run it");
        runAll();
    }

    /** Runs what is held, and what that asks for, until nothing is left. */
    private void runAll() {
        while (!work.isEmpty() || !updates.isEmpty()) {
            (updates.isEmpty() ? work : updates).remove(0).run();
        }
    }

    private TableColumn<String[], ?> column(String name) {
        return view.table().getColumns().stream().filter(c -> name.equals(c.getUserData())).findFirst().orElseThrow();
    }

    /** The shape the header of {@code name} draws where the sort arrow goes, as the stylesheet gives it. */
    private String arrowShape(String name) {
        view.applyCss();
        view.layout();
        Node header = view.table().lookupAll(".column-header").stream()
                .filter(h -> h.getStyleClass().contains("column-header") && h.lookup(".label") instanceof javafx.scene.control.Label l
                        && name.equals(l.getText()))
                .findFirst().orElseThrow();
        Region arrow = (Region) header.lookup(".arrow");
        return arrow == null || !(arrow.getShape() instanceof SVGPath path) ? "" : path.getContent();
    }

    @Test
    void theSortArrowShowsWithTheSortedRowsAndADotsMarkUntilThen(FxRobot robot) {
        TableColumn<String[], ?> line = column("line");
        robot.interact(() -> {
            line.setSortType(TableColumn.SortType.DESCENDING);
            view.table().getSortOrder().setAll(List.of(line));
        });
        robot.interact(() -> {
            assertThat(model.countTextProperty().get()).isEqualTo("Sorting…");
            assertThat(line.getStyleClass()).as("the rows on screen are not sorted yet").contains(DataTableView.SORT_PENDING);
            assertThat(arrowShape("line")).as("three dots where the arrow goes").contains("a 1 1");
        });
        robot.interact(() -> {
            runAll();
            assertThat(view.table().getItems().get(0)[1]).isEqualTo("10");
            assertThat(line.getStyleClass()).doesNotContain(DataTableView.SORT_PENDING);
            assertThat(arrowShape("line")).as("the arrow").isEqualTo("M 0 0 h 7 l -3.5 4 z");
        });

        // A search on rows already in the asked order: the order on screen does not change, the arrow stays.
        robot.interact(() -> {
            model.filterTextProperty().set("a.csv");
            model.apply();
            assertThat(line.getStyleClass()).doesNotContain(DataTableView.SORT_PENDING);
            runAll();
        });
    }

    @Test
    void theValueFiltersSayTheyAreCountingUntilTheirCountsAreThere(FxRobot robot) {
        @SuppressWarnings("unchecked")
        CheckComboBox<String> severity = (CheckComboBox<String>) view.lookup("#still-facet-severity");
        ProgressIndicator busy = (ProgressIndicator) view.lookup("#still-busy");
        robot.interact(() -> {
            assertThat(severity.getConverter().toString("ERROR")).isEqualTo("ERROR  2");
            assertThat(busy.isVisible()).isFalse();
            model.filterTextProperty().set("b.csv");
            model.apply();
            work.remove(0).run();
            // The rows of the search are shown; the counts are the next step.
            updates.remove(0).run();
            assertThat(model.countTextProperty().get()).isEqualTo("2 of 4 rows");
            assertThat(severity.getConverter().toString("ERROR"))
                    .as("not the count of before the search").isEqualTo("ERROR  counting…");
            assertThat(busy.isVisible()).as("something moves while the counts are worked out").isTrue();
            assertThat(busy.getTooltip().getText()).startsWith("Counting");
            runAll();
            assertThat(severity.getConverter().toString("ERROR")).isEqualTo("ERROR  1");
            assertThat(severity.getConverter().toString("WARNING")).isEqualTo("WARNING  0");
            assertThat(busy.isVisible()).isFalse();
        });
    }
}
