package com.puffy.pipeline.ui.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.Aggregation;
import com.puffy.pipeline.ui.table.Aggregation.Measure;
import com.puffy.pipeline.ui.table.Aggregation.Spec;
import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.FileTable;
import com.puffy.pipeline.ui.transform.DatasetChartModel.Grouping;
import com.puffy.pipeline.ui.transform.DatasetChartModel.MeasureChoice;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart's ViewModel without a screen: background work and FX updates run inline. */
class DatasetChartModelTest {
    @TempDir
    Path dir;

    private Path sessions() throws Exception {
        Path file = dir.resolve("sessions.csv");
        Files.writeString(file, """
                session_id,channel,device,session_start,revenue
                s1,Direct,mobile,2025-03-01T10:00:00.000Z,10.10
                s2,Direct,desktop,2025-03-01T23:30:00.000Z,
                s3,Email,mobile,2025-03-02T01:00:00.000Z,5
                """);
        return file;
    }

    @Test
    void opensOnTheDatasetsDefaultAndAddsUpOnlyOnceShown() throws Exception {
        DataTableModel table = new DataTableModel(UiThreads.direct(), List.of("channel", "device"));
        DatasetChartModel chart = new DatasetChartModel(UiThreads.direct(), table,
                new Spec("channel", false, Measure.SUM, "revenue", 10));
        table.load(sessions(), "missing");
        assertThat(chart.groupingProperty().get()).isEqualTo(new Grouping("channel", false));
        assertThat(chart.measureProperty().get()).isEqualTo(new MeasureChoice(Measure.SUM, "revenue"));
        assertThat(chart.groupings()).extracting(Object::toString)
                .containsExactly("channel", "device", "day of session_start");
        assertThat(chart.measures()).extracting(Object::toString)
                .containsExactly("Rows", "Sum of revenue", "Mean of revenue");
        assertThat(chart.resultProperty().get()).as("hidden: nothing added up").isNull();

        chart.setShown(true);
        Aggregation.Result result = chart.resultProperty().get();
        assertThat(result.groups()).extracting(Aggregation.Group::label).containsExactly("Direct", "Email");
        assertThat(result.groups().get(0).value()).isEqualTo(new BigDecimal("10.10"));
        assertThat(result.noValue()).isEqualTo(1);
    }

    @Test
    void followsTheTablesValueFiltersAndSearch() throws Exception {
        DataTableModel table = new DataTableModel(UiThreads.direct(), List.of("channel", "device"));
        DatasetChartModel chart = new DatasetChartModel(UiThreads.direct(), table, Spec.rows("device", false));
        table.load(sessions(), "missing");
        chart.setShown(true);
        assertThat(chart.resultProperty().get().rows()).isEqualTo(3);
        table.setFacet("channel", Set.of("Direct"));
        assertThat(chart.resultProperty().get().groups()).as("one each: in the file's order")
                .extracting(Aggregation.Group::label).containsExactly("mobile", "desktop");
        assertThat(chart.resultProperty().get().rows()).isEqualTo(2);
        table.filterTextProperty().set("desktop");
        table.apply();
        assertThat(chart.resultProperty().get().groups()).extracting(Aggregation.Group::label)
                .containsExactly("desktop");
    }

    @Test
    void aNewerChoiceCancelsTheOneStillAddingUpAndOnlyTheNewestIsShown() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        UiThreads held = UiThreads.holding(queued);
        DataTableModel table = new DataTableModel(UiThreads.direct(), List.of("channel", "device"));
        table.load(sessions(), "missing");
        DatasetChartModel chart = new DatasetChartModel(held, table, Spec.rows("channel", false));
        chart.setShown(true);
        assertThat(chart.messageProperty().get()).isEqualTo("Adding up 3 rows…");
        assertThat(chart.busyProperty().get()).isTrue();
        chart.groupingProperty().set(new Grouping("device", false));
        assertThat(queued).hasSize(2);
        queued.get(1).run();
        assertThat(chart.resultProperty().get().spec().groupColumn()).isEqualTo("device");
        queued.get(0).run();
        assertThat(chart.resultProperty().get().spec().groupColumn()).as("the older run was cancelled")
                .isEqualTo("device");
        assertThat(chart.busyProperty().get()).isFalse();
        assertThat(chart.messageProperty().get()).isEmpty();
    }

    /**
     * The sum takes the overlapping columns as they were when it was asked for: read from the background thread, it
     * took whatever a later file's choice had left in the field (unsynchronised, so not even that for certain).
     */
    @Test
    void aSumStillAddingUpKeepsTheOverlappingColumnsItWasAskedWith() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        DataTableModel table = new DataTableModel(UiThreads.direct(), List.of("channel", "device"));
        table.load(sessions(), "missing");
        DatasetChartModel chart = new DatasetChartModel(UiThreads.holding(queued), table,
                new Spec("channel", false, Measure.SUM, "revenue", 10));
        chart.setShown(true);
        chart.setOverlappingColumns(Set.of("revenue"));
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(chart.resultProperty().get().total()).isEqualTo(new BigDecimal("15.10"));
    }

    @Test
    void theUsersChoiceOutlivesAReloadAfterARun() throws Exception {
        DataTableModel table = new DataTableModel(UiThreads.direct(), List.of("channel"));
        DatasetChartModel chart = new DatasetChartModel(UiThreads.direct(), table, Spec.rows("channel", false));
        Path file = sessions();
        table.load(file, "missing");
        chart.setShown(true);
        chart.groupingProperty().set(new Grouping("session_start", true));
        chart.measureProperty().set(new MeasureChoice(Measure.MEAN, "revenue"));
        table.load(file, "missing");
        assertThat(chart.groupingProperty().get()).isEqualTo(new Grouping("session_start", true));
        assertThat(chart.resultProperty().get().spec().measure()).isEqualTo(Measure.MEAN);
        assertThat(chart.resultProperty().get().groups()).extracting(Aggregation.Group::key)
                .containsExactly("2025-03-01", "2025-03-02");
    }

    @Test
    void aGroupingOfTooManyValuesSaysWhyInsteadOfBars() throws Exception {
        StringBuilder csv = new StringBuilder("id,kind\n");
        for (int i = 0; i < 70_000; i++) {
            csv.append("c").append(i).append(',').append(i % 2).append('\n');
        }
        Path file = dir.resolve("users.csv");
        Files.writeString(file, csv.toString());
        DataTableModel table = new DataTableModel(UiThreads.direct(), List.of());
        DatasetChartModel chart = new DatasetChartModel(UiThreads.direct(), table, Spec.rows("id", false));
        table.load(file, "missing");
        chart.setShown(true);
        assertThat(chart.groupings()).extracting(Grouping::column).doesNotContain("id");
        chart.groupingProperty().set(new Grouping("id", false));
        assertThat(chart.resultProperty().get()).isNull();
        assertThat(chart.messageProperty().get()).startsWith("id has more than 65,536 different values");
    }

    @Test
    void switchingBackToADateColumnChartedBeforeDoesNotReadTheFileAgainForTheLastThreeColumns() throws Exception {
        Path file = dir.resolve("sessions.csv");
        Files.writeString(file, """
                session_id,channel,session_start,session_end,first_seen,last_seen
                s1,Direct,2025-03-01T10:00:00Z,2025-03-01T10:20:00Z,2025-02-01T00:00:00Z,2025-03-05T00:00:00Z
                s2,Email,2025-03-01T23:50:00Z,2025-03-02T00:10:00Z,2025-02-02T00:00:00Z,2025-03-06T00:00:00Z
                """);
        DataTableModel table = new DataTableModel(UiThreads.direct(), List.of("channel"));
        DatasetChartModel chart = new DatasetChartModel(UiThreads.direct(), table, Spec.rows("channel", false));
        table.load(file, "missing");
        chart.setShown(true);
        FileTable onDisk = (FileTable) table.tableProperty().get();
        int before = onDisk.columnPasses();
        java.util.function.Function<String, List<String>> daysBy = column -> {
            chart.groupingProperty().set(new Grouping(column, true));
            return chart.resultProperty().get().groups().stream().map(Aggregation.Group::key).toList();
        };

        assertThat(daysBy.apply("session_start")).containsExactly("2025-03-01");
        assertThat(daysBy.apply("session_end")).containsExactly("2025-03-01", "2025-03-02");
        assertThat(onDisk.columnPasses() - before).as("each column read once").isEqualTo(2);
        assertThat(daysBy.apply("session_start")).containsExactly("2025-03-01");
        assertThat(daysBy.apply("session_end")).containsExactly("2025-03-01", "2025-03-02");
        assertThat(onDisk.columnPasses() - before).as("switching back reads nothing").isEqualTo(2);

        // A fourth column lets go of the one charted longest ago (session_start), and only of it.
        assertThat(daysBy.apply("first_seen")).containsExactly("2025-02-01", "2025-02-02");
        assertThat(daysBy.apply("last_seen")).containsExactly("2025-03-05", "2025-03-06");
        assertThat(onDisk.columnPasses() - before).isEqualTo(4);
        daysBy.apply("session_end");
        daysBy.apply("first_seen");
        assertThat(onDisk.columnPasses() - before).as("still held").isEqualTo(4);
        assertThat(daysBy.apply("session_start")).containsExactly("2025-03-01");
        assertThat(onDisk.columnPasses() - before).as("read again").isEqualTo(5);
    }
}
