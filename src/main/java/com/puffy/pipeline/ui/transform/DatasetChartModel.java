package com.puffy.pipeline.ui.transform;

import com.puffy.pipeline.ui.UiError;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.Aggregation;
import com.puffy.pipeline.ui.table.Aggregation.Measure;
import com.puffy.pipeline.ui.table.Aggregation.Spec;
import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.TableData;
import com.puffy.pipeline.ui.table.TableQuery;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ViewModel of a dataset's chart: what to group by and measure, and the figures for the rows the dataset's table
 * shows after its filters and search. The figures come from {@link Aggregation}, off the FX thread; a newer choice or
 * filter cancels the one running.
 */
public final class DatasetChartModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DatasetChartModel.class);

    /** A way to group: a column's values, or the day of a date or timestamp column. */
    public record Grouping(String column, boolean byDay) {
        @Override
        public String toString() {
            return Spec.rows(column, byDay).groupLabel();
        }
    }

    /** A way to measure a group: its rows, or the sum or mean of a numeric column. */
    public record MeasureChoice(Measure measure, String column) {
        @Override
        public String toString() {
            return measure == Measure.ROWS ? "Rows" : new Spec("x", false, measure, column, 1).measureLabel();
        }
    }

    private final UiThreads threads;
    private final DataTableModel table;
    private final Spec preferred;
    private final ObservableList<Grouping> groupings = FXCollections.observableArrayList();
    private final ObservableList<MeasureChoice> measures = FXCollections.observableArrayList();
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>();
    private final ObjectProperty<MeasureChoice> measure = new SimpleObjectProperty<>();
    private final IntegerProperty top = new SimpleIntegerProperty(10);
    private final ObjectProperty<Aggregation.Result> result = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final ObjectProperty<UiError> error = new SimpleObjectProperty<>();
    private boolean shown;
    private boolean choosing;
    private TableData choicesOf;
    private Object lastRows;
    private Spec lastSpec;
    private AtomicBoolean running = new AtomicBoolean();
    private long generation;
    private java.util.Set<String> overlapping = java.util.Set.of();

    /** {@code preferred}: what the chart shows first for this dataset, when the file has those columns. */
    public DatasetChartModel(UiThreads threads, DataTableModel table, Spec preferred) {
        this.threads = threads;
        this.table = table;
        this.preferred = preferred;
        table.tableProperty().addListener((obs, old, now) -> {
            if (now != null) {
                offerChoices(now);
            }
            update();
        });
        table.rowsProperty().addListener((obs, old, now) -> update());
        // Busy while the table reads or filters (the bars are about to change) and while the rows are added up.
        busy.bind(computing.or(table.loadingProperty()));
        grouping.addListener((obs, old, now) -> update());
        measure.addListener((obs, old, now) -> update());
        top.addListener((obs, old, now) -> update());
        if (table.tableProperty().get() != null) {
            offerChoices(table.tableProperty().get());
        }
    }

    /**
     * Columns whose rows count the same things again (a funnel's sessions per step): their sums get no total and
     * their bars no share of it.
     */
    public void setOverlappingColumns(java.util.Set<String> columns) {
        overlapping = java.util.Set.copyOf(columns);
    }

    public ObservableList<Grouping> groupings() {
        return groupings;
    }

    public ObservableList<MeasureChoice> measures() {
        return measures;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public ObjectProperty<MeasureChoice> measureProperty() {
        return measure;
    }

    /** How many categories get a bar of their own before the rest go into "Other". */
    public IntegerProperty topProperty() {
        return top;
    }

    /** The figures shown; null while there are none (loading, adding up, or a grouping that cannot be charted). */
    public ObjectProperty<Aggregation.Result> resultProperty() {
        return result;
    }

    /** What the chart says instead of bars, or beside them while it adds up: "Adding up 3,104,512 rows…". */
    public StringProperty messageProperty() {
        return message;
    }

    public javafx.beans.value.ObservableBooleanValue busyProperty() {
        return busy;
    }

    public ObjectProperty<UiError> errorProperty() {
        return error;
    }

    /** The dataset's table model, whose filtered rows the chart adds up. */
    public DataTableModel table() {
        return table;
    }

    /** Adds up only while the chart is on screen: a filter typed with the table in front costs no 3M-row pass. */
    public void setShown(boolean nowShown) {
        shown = nowShown;
        update();
    }

    private void offerChoices(TableData data) {
        if (data == choicesOf) {
            return;
        }
        choicesOf = data;
        Aggregation.Choices found = Aggregation.choices(data);
        Grouping keptGrouping = grouping.get();
        MeasureChoice keptMeasure = measure.get();
        choosing = true;
        try {
            List<Grouping> groups = new java.util.ArrayList<>();
            found.categories().forEach(c -> groups.add(new Grouping(c, false)));
            found.days().forEach(c -> groups.add(new Grouping(c, true)));
            List<MeasureChoice> ways = new java.util.ArrayList<>();
            ways.add(new MeasureChoice(Measure.ROWS, null));
            found.numbers().forEach(c -> ways.add(new MeasureChoice(Measure.SUM, c)));
            found.numbers().forEach(c -> ways.add(new MeasureChoice(Measure.MEAN, c)));
            groupings.setAll(groups);
            measures.setAll(ways);
            // The user's choice outlives a reload after a run; a dataset opened for the first time shows its default.
            Grouping wanted = keptGrouping != null && groups.contains(keptGrouping) ? keptGrouping
                    : preferred != null && groups.contains(new Grouping(preferred.groupColumn(), preferred.byDay()))
                    ? new Grouping(preferred.groupColumn(), preferred.byDay())
                    : groups.isEmpty() ? null : groups.get(0);
            MeasureChoice wantedMeasure = keptMeasure != null && ways.contains(keptMeasure) ? keptMeasure
                    : preferred != null && ways.contains(new MeasureChoice(preferred.measure(), preferred.measureColumn()))
                    ? new MeasureChoice(preferred.measure(), preferred.measureColumn()) : ways.get(0);
            grouping.set(wanted);
            measure.set(wantedMeasure);
        } finally {
            choosing = false;
        }
    }

    /** Adds the rows up again if what is asked changed: the rows, the grouping, the measure or the top. */
    private void update() {
        if (choosing || !shown) {
            return;
        }
        TableData data = table.tableProperty().get();
        List<String[]> rows = table.rowsProperty().get();
        Grouping by = grouping.get();
        MeasureChoice what = measure.get();
        if (data == null || !(rows instanceof TableQuery.Rows view) || view.table() != data) {
            cancelRunning();
            result.set(null);
            computing.set(false);
            message.set(table.loadingProperty().get() ? table.placeholderProperty().get() : "");
            lastRows = null;
            return;
        }
        if (by == null || what == null) {
            cancelRunning();
            result.set(null);
            computing.set(false);
            message.set("Nothing in " + name(data) + " to group by.");
            lastRows = null;
            return;
        }
        Spec spec = new Spec(by.column(), by.byDay(), what.measure(), what.column(), Math.max(1, top.get()));
        if (rows == lastRows && spec.equals(lastSpec)) {
            return;
        }
        lastRows = rows;
        lastSpec = spec;
        cancelRunning();
        AtomicBoolean cancelled = new AtomicBoolean();
        running = cancelled;
        long gen = ++generation;
        int[] numbers = view.rowNumbers();
        // Read here, on the FX thread that sets it: the background thread would see it unsynchronised.
        java.util.Set<String> overlappingColumns = overlapping;
        computing.set(true);
        message.set("Adding up " + String.format(java.util.Locale.US, "%,d", numbers.length)
                + (numbers.length == 1 ? " row…" : " rows…"));
        threads.background(() -> {
            try {
                long started = System.nanoTime();
                Aggregation.Result summed = Aggregation.run(data, numbers, spec, cancelled::get);
                Aggregation.Result found = spec.measure() == Aggregation.Measure.SUM
                        && overlappingColumns.contains(spec.measureColumn()) ? summed.withoutTotal() : summed;
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis >= 500) {
                    LOG.info("Charted {} by {} over {} rows of {} in {} ms", spec.measureLabel(), spec.groupLabel(),
                            numbers.length, data.source(), millis);
                }
                threads.fx(() -> {
                    if (gen == generation) {
                        computing.set(false);
                        message.set(!found.groups().isEmpty() ? "" : found.rows() == 0 ? "No rows match the filters."
                                : "No row has a value to chart: " + found.leftOut());
                        result.set(found);
                    }
                });
            } catch (CancellationException superseded) {
                // a newer choice runs instead
            } catch (IllegalArgumentException cannot) {
                threads.fx(() -> {
                    if (gen == generation) {
                        computing.set(false);
                        result.set(null);
                        message.set(cannot.getMessage());
                    }
                });
            } catch (Exception | OutOfMemoryError e) {
                threads.fx(() -> {
                    if (gen == generation) {
                        computing.set(false);
                        result.set(null);
                        lastRows = null;
                        message.set("Could not add up " + name(data) + ".");
                        error.set(UiError.of("chart " + data.source(), e));
                    }
                });
            }
        });
    }

    private void cancelRunning() {
        running.set(true);
        generation++;
    }

    private static String name(TableData data) {
        return data.source() == null ? "the table" : Objects.toString(data.source().getFileName());
    }
}
