package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.UiError;
import com.puffy.pipeline.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ViewModel of a data table: the loaded file, the user's filters and sort, and the rows they select. Loading,
 * filtering and sorting run off the FX thread; only the finished row list is handed to the table.
 */
public final class DataTableModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataTableModel.class);
    static final String NO_MATCH = "No rows match the filters.";
    private static final String FILTERING = "Filtering the rows…";
    static final String SORTING = "Sorting…";
    static final String SEARCHING = "Searching…";
    static final String FILTERING_SHORT = "Filtering…";
    /** Before any file is read (no folder open yet): "No rows match the filters" blamed filters nobody had set. */
    private static final String NOTHING = "Nothing to show yet.";
    static final String NO_FOLDER = "Open a folder of daily event files (Ctrl+O), drop one on the window, or open "
            + "the sample data.";
    private final UiThreads threads;
    private final List<String> facetColumns;
    private final ObjectProperty<TableData> table = new SimpleObjectProperty<>();
    private final ObjectProperty<List<String[]>> rows = new SimpleObjectProperty<>(List.of());
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty filterColumn = new SimpleStringProperty();
    private final Map<String, ObservableList<String>> facetValues = new LinkedHashMap<>();
    private final Map<String, Set<String>> facetSelection = new HashMap<>();
    private final StringProperty countText = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final javafx.beans.property.ReadOnlyBooleanWrapper counting = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper sortPending = new javafx.beans.property.ReadOnlyStringWrapper();
    private final StringProperty emptyReason = new SimpleStringProperty("");
    private final StringProperty placeholder = new SimpleStringProperty(NOTHING);
    private final ObjectProperty<UiError> error = new SimpleObjectProperty<>();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>();
    private String noRows;
    private final AtomicLong generation = new AtomicLong();
    /** "Loading sessions.csv…" while a file is read and its first query runs; null otherwise. */
    private String readingText;
    /** The query whose rows are on screen, and of which table: a sort asked before a search ran is still searching. */
    private TableData answeredTable;
    private TableQuery answeredQuery;
    private boolean shown = true;
    private boolean loadPending;
    private Path pendingFile;
    private String pendingHint;
    private String loadedHint;
    private final Map<String, StringProperty> facetNotes = new LinkedHashMap<>();
    private final Map<String, ObjectProperty<Map<String, Integer>>> facetCounts = new LinkedHashMap<>();
    /** The table and filters (sort aside) whose counts the value filters show: a new sort does not count again. */
    private TableData countedTable;
    private TableQuery countedQuery;
    private int sortColumn = -1;
    private TableData lastTable;
    private TableQuery lastQuery;
    private boolean ascending = true;

    /** Value-filter columns whose cells hold several values joined by a separator; see {@link #splitValues}. */
    private final Map<String, String> separators = new HashMap<>();
    /** A split column's cells as the file has them (its dictionary), which a tick is translated into. */
    private final Map<String, List<String>> wholeValues = new HashMap<>();

    /**
     * A part of the table a screen lists alone (one incident's alerts): the rows whose {@code values}' columns each
     * hold one of the values given. The analyst's search and value filters apply within it, and Export writes what
     * passes both. {@code words} name it in a sentence ("the CLIENT_ID_NULL_RATE incident of Mar 1 → Mar 2, 2025
     * (I-…)"), {@code fileName} in an exported file's name.
     */
    public record Scope(String words, String fileName, Map<String, Set<String>> values) {
        public Scope {
            values = Map.copyOf(values);
        }
    }

    public DataTableModel(UiThreads threads, List<String> facetColumns) {
        this.threads = threads;
        this.facetColumns = List.copyOf(facetColumns);
        scope.addListener((obs, old, now) -> apply());
        for (String column : facetColumns) {
            facetValues.put(column, FXCollections.observableArrayList());
            facetNotes.put(column, new SimpleStringProperty(""));
            facetCounts.put(column, new SimpleObjectProperty<>());
        }
    }

    /**
     * Makes the value filter of {@code column} list each of the values its cells join with {@code separator} once
     * (Quarantine's reasons: "INVALID_EVENT_DATA;PURCHASE_INVALID_REVENUE"): a row passes when any of its values is
     * ticked, and a value's count is the rows that have it. Listed as whole cells, ticking PURCHASE_INVALID_REVENUE
     * showed 3 rows where the reconciliation said 4, the fourth having two other reasons too.
     */
    public void splitValues(String column, String separator) {
        if (!facetColumns.contains(column)) {
            throw new IllegalArgumentException(column + " is not a value filter of this table");
        }
        separators.put(column, separator);
    }

    /** The values a cell of a split column holds ({@code [cell]} for another column, or an empty cell). */
    private List<String> parts(String column, String cell) {
        String separator = separators.get(column);
        if (separator == null || cell.isEmpty()) {
            return List.of(cell);
        }
        List<String> parts = new ArrayList<>();
        for (String part : cell.split(java.util.regex.Pattern.quote(separator), -1)) {
            if (!part.isEmpty() && !parts.contains(part)) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? List.of(cell) : parts;
    }

    public ObjectProperty<TableData> tableProperty() {
        return table;
    }

    /**
     * What the table says when its file has no rows, in the screen's words ("No incidents: …"); null for "<file> has
     * no rows.".
     */
    public void setNoRowsText(String text) {
        noRows = text;
    }

    /** The part of the table shown alone ({@link Scope}), or null for the whole table. */
    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** The rows to show, filtered and sorted; replaced as a whole so a million rows never trickle in. */
    public ObjectProperty<List<String[]>> rowsProperty() {
        return rows;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The column the free text searches; null or blank means every column. */
    public StringProperty filterColumnProperty() {
        return filterColumn;
    }

    public List<String> facetColumns() {
        return facetColumns;
    }

    /** The distinct values of a facet column, sorted, for its filter list. */
    public ObservableList<String> facetValues(String column) {
        return facetValues.get(column);
    }

    /**
     * Why a facet column's filter has nothing to tick, "" when it lists the values: a column of more distinct values
     * than a list can usefully hold (session ids) is filtered through the search instead.
     */
    public StringProperty facetNote(String column) {
        return facetNotes.get(column);
    }

    /**
     * How many rows each value of a facet column would give if ticked (the rows that pass the search and the other
     * columns' value filters), by value; null until counted for the table shown. Recounted off the FX thread when the
     * search or a value filter changes.
     */
    public ObjectProperty<Map<String, Integer>> facetCounts(String column) {
        return facetCounts.get(column);
    }

    public StringProperty countTextProperty() {
        return countText;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /**
     * True while the value filters' counts are worked out for the rows on screen: after a search at 5M events that
     * took 4.8 s more, during which the lists showed the counts from before the search.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /**
     * The column whose sort was asked while the rows on screen are not yet in its order; null when they are. At 3M
     * rows a sort takes seconds, and the header's arrow, drawn at the click, said the old rows were sorted.
     */
    public javafx.beans.property.ReadOnlyStringProperty sortPendingProperty() {
        return sortPending.getReadOnlyProperty();
    }

    /** Why there is no table (file missing), in words for the screen. */
    public StringProperty emptyReasonProperty() {
        return emptyReason;
    }

    public ObjectProperty<UiError> errorProperty() {
        return error;
    }

    /**
     * What the table says while it has no row to show: loading a file (a sessions.csv of millions of rows takes
     * seconds), filtering, or that nothing matches. "No rows match" during a load read as an empty dataset.
     */
    public StringProperty placeholderProperty() {
        return placeholder;
    }

    /**
     * {@link #load} now if the table is shown, else the next time it is: findings.csv at 5M events is 227 MB, held as
     * half a gigabyte of rows, and most visits to the Quality screen never open its Findings tab.
     */
    public void loadWhenShown(Path file, String missingHint) {
        if (shown) {
            load(file, missingHint);
            return;
        }
        if (showsUnchanged(file)) {
            loadPending = false;
            return;
        }
        generation.incrementAndGet();
        counting.set(false);
        sortPending.set(null);
        loadPending = true;
        pendingFile = file;
        pendingHint = missingHint;
        // The rows on hand are out of date: let them go now rather than hold both versions when shown.
        table.set(null);
        rows.set(List.of());
        countText.set("");
    }

    /** Whether the table is on screen; a load put off by {@link #loadWhenShown} happens when it becomes so. */
    public void setShown(boolean nowShown) {
        shown = nowShown;
        if (nowShown && loadPending) {
            loadPending = false;
            load(pendingFile, pendingHint);
        }
    }

    /** Loads {@code file} in the background; {@code missingHint} is shown when it does not exist. */
    public void load(Path file, String missingHint) {
        load(file, missingHint, file == null ? null : "Loading " + file.getFileName() + "…");
    }

    private void load(Path file, String missingHint, String loadingText) {
        loadPending = false;
        loadedHint = missingHint;
        if (showsUnchanged(file)) {
            return;
        }
        long gen = generation.incrementAndGet();
        counting.set(false);
        sortPending.set(null);
        if (file == null || !Files.isRegularFile(file)) {
            table.set(null);
            rows.set(List.of());
            countText.set("");
            placeholder.set(NOTHING);
            // No file to look for: no folder is open, and running a stage is not yet the next step.
            emptyReason.set(file == null ? NO_FOLDER : missingHint);
            return;
        }
        // The rows on hand are those of the previous file: let them go before reading, or a reread sessions.csv
        // at 5M events would briefly need its 1.6 GB twice.
        table.set(null);
        rows.set(List.of());
        // The reason there was nothing (no folder open yet, the stage not run) no longer holds: reopening a folder
        // with results said "Open a folder of daily event files" over the table while its file was read.
        emptyReason.set("");
        loading.set(true);
        readingText = loadingText;
        countText.set(readingText);
        placeholder.set(readingText);
        threads.background(() -> {
            try {
                long started = System.nanoTime();
                FileTable onDisk = FileTable.open(file, facetColumns, percent -> threads.fx(() -> {
                    // In the rows' place only: the count's place beside the filters keeps its width.
                    if (gen == generation.get() && loadingText.equals(readingText)) {
                        placeholder.set(percent == 0 ? loadingText : loadingText + " " + percent + " %");
                    }
                }));
                TableData loaded = onDisk != null ? onDisk : CsvTable.read(file);
                logIfSlow(started, "Read where the " + loaded.size() + " rows of " + file + " start");
                threads.fx(() -> {
                    if (gen == generation.get()) {
                        show(loaded);
                    }
                });
            } catch (Exception | OutOfMemoryError e) {
                threads.fx(() -> {
                    if (gen == generation.get()) {
                        loading.set(false);
                        readingText = null;
                        placeholder.set(NOTHING);
                        table.set(null);
                        rows.set(List.of());
                        emptyReason.set("Could not read " + file.getFileName() + ".");
                        error.set(UiError.of("read " + file, e));
                    }
                });
            }
        });
    }

    /**
     * Whether the table shows {@code file} as it still is on disk. The screens reload after every run, a cancelled
     * one too: at 5M events that read sessions.csv again (7–11 s) and ran the sort and search again (7 s each) for
     * outputs the run had left as they were, the table empty meanwhile. The rows, sort and filters stay instead.
     */
    private boolean showsUnchanged(Path file) {
        return file != null && table.get() instanceof FileTable onDisk && onDisk.source().equals(file)
                && onDisk.isUnchanged();
    }

    /** Reading and querying a table of millions of rows takes seconds; the log says how many, for a slow machine. */
    private static void logIfSlow(long startedNanos, String what) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (millis >= 1000) {
            LOG.info("{} in {} ms", what, millis);
        }
    }

    /** Shows an already loaded table (for tables a screen builds itself). */
    public void show(TableData loaded) {
        if (loaded instanceof FileTable onDisk) {
            // A run, or the user, replaced or truncated the file under the table: its rows showed as blank cells
            // until the screen was reloaded by hand. Read it again, saying why.
            onDisk.onChange(() -> threads.fx(() -> {
                if (table.get() == onDisk) {
                    load(onDisk.source(), loadedHint,
                            onDisk.source().getFileName() + " changed on disk: reading it again…");
                }
            }));
        }
        table.set(loaded);
        emptyReason.set("");
        for (String column : facetColumns) {
            int c = loaded.column(column);
            List<String> distinct = List.of();
            String note = "";
            if (c >= 0) {
                try {
                    List<String> listed = loaded.values(c).distinct();
                    distinct = listed == null ? List.of() : listed;
                    if (listed == null) {
                        note = "More than " + Formats.count(ColumnValues.DICTIONARY_LIMIT) + " different " + column
                                + " values, too many to list: type one in the search instead.";
                    }
                } catch (java.io.IOException e) {
                    error.set(UiError.of("read " + loaded.source(), e));
                }
            }
            if (separators.containsKey(column)) {
                wholeValues.put(column, distinct);
                java.util.TreeSet<String> split = new java.util.TreeSet<>();
                distinct.forEach(cell -> split.addAll(parts(column, cell)));
                distinct = List.copyOf(split);
            }
            facetCounts.get(column).set(null);
            facetValues.get(column).setAll(distinct);
            facetNotes.get(column).set(note);
            facetSelection.keySet().retainAll(facetColumns);
        }
        apply();
    }

    public void setFacet(String column, Set<String> selected) {
        facetSelection.put(column, Set.copyOf(selected));
        apply();
    }

    public void setSort(String column, boolean ascendingOrder) {
        TableData current = table.get();
        sortColumn = column == null || current == null ? -1 : current.column(column);
        ascending = ascendingOrder;
        apply();
    }

    /** Runs the query in the background and publishes the result if no newer one was asked for meanwhile. */
    public void apply() {
        TableData current = table.get();
        if (current == null) {
            return;
        }
        Map<Integer, Set<String>> facets = new HashMap<>();
        facetSelection.forEach((column, values) -> {
            int c = current.column(column);
            if (c >= 0 && !values.isEmpty()) {
                facets.put(c, wholeCells(column, values));
            }
        });
        String column = filterColumn.get();
        int textColumn = column == null || column.isBlank() ? -1 : current.column(column);
        Map<Integer, Set<String>> within = new HashMap<>();
        Scope shownAlone = scope.get();
        if (shownAlone != null) {
            shownAlone.values().forEach((name, values) -> within.put(current.column(name), values));
        }
        TableQuery query = new TableQuery(filterText.get(), textColumn, facets, sortColumn, ascending, within);
        // Showing a table asks three times (the rows, the search column, the sort); at 5M rows a search scans the
        // file, so the same question on the same table is asked once.
        if (current == lastTable && query.equals(lastQuery)) {
            return;
        }
        TableQuery before = current == answeredTable ? answeredQuery : null;
        lastTable = current;
        lastQuery = query;
        TableQuery filters = query.unsorted();
        boolean count = current != countedTable || !filters.equals(countedQuery);
        List<Integer> countColumns = new ArrayList<>();
        if (count) {
            facetColumns.forEach(name -> countColumns.add(current.column(name)));
        }
        long gen = generation.incrementAndGet();
        // A newer question (typing on, another tick) makes this one moot: its search and counts stop where they are.
        java.util.function.BooleanSupplier stale = () -> gen != generation.get();
        loading.set(true);
        counting.set(count);
        boolean newOrder = before == null || before.sortColumn() != query.sortColumn()
                || before.ascending() != query.ascending();
        sortPending.set(newOrder && sortColumn >= 0 && sortColumn < current.columns().size()
                ? current.columns().get(sortColumn) : null);
        placeholder.set(readingText != null ? readingText : FILTERING);
        // At 3M rows a sort takes seconds: "3,108,626 rows" beside the old order, or the rows before a tick, read as
        // the answer. Short words, so the count's place (as wide as "3,108,626 of 3,108,626 rows") does not grow.
        String shownCount = countText.get();
        countText.set(readingText != null ? readingText : working(before, query));
        threads.background(() -> {
            TableQuery.Rows result;
            TableQuery.Passing rowsPassing;
            try {
                long started = System.nanoTime();
                rowsPassing = query.rows(current, stale);
                result = new TableQuery.Rows(current, query.sorted(current, rowsPassing.rows()));
                logIfSlow(started, "Ran " + query + " on " + current.source() + ": " + result.size() + " rows");
            } catch (java.util.concurrent.CancellationException newer) {
                return;
            } catch (Exception | OutOfMemoryError e) {
                threads.fx(() -> {
                    // A file found changed is being read again (see show): no error to report.
                    boolean rereading = current instanceof FileTable onDisk && onDisk.hasChanged();
                    if (gen == generation.get() && !rereading) {
                        lastQuery = null;
                        loading.set(false);
                        counting.set(false);
                        sortPending.set(null);
                        countText.set(shownCount);
                        readingText = null;
                        placeholder.set(NO_MATCH);
                        error.set(UiError.of("filter or sort " + current.source(), e));
                    }
                });
                return;
            }
            threads.fx(() -> {
                if (gen == generation.get()) {
                    rows.set(result);
                    answeredTable = current;
                    answeredQuery = query;
                    loading.set(false);
                    sortPending.set(null);
                    readingText = null;
                    // A header-only file (no quarantined rows, no findings) has nothing to filter: "No rows match the
                    // filters" blamed filters nobody had set.
                    placeholder.set(current.size() > 0 ? NO_MATCH : noRows != null ? noRows
                            : current.source() == null ? "No rows." : current.source().getFileName() + " has no rows.");
                    String noun = current.size() == 1 ? " row" : " rows";
                    String held = Formats.count(current.size()) + noun;
                    countText.set(result.size() == current.size() ? held
                            : Formats.count(result.size()) + " of " + held);
                }
            });
            if (count) {
                // After the rows are shown: counting for a value filter in use searches the rows it left out.
                count(current, query, filters, countColumns, rowsPassing, gen, stale);
            }
        });
    }

    /** What the table is doing until a query's rows are shown: what changed since the rows on screen were asked. */
    static String working(TableQuery before, TableQuery now) {
        if (before != null && before.unsorted().equals(now.unsorted())) {
            return SORTING;
        }
        boolean newText = before == null || !before.text().equals(now.text())
                || before.textColumn() != now.textColumn();
        return !now.text().isBlank() && newText ? SEARCHING : FILTERING_SHORT;
    }

    private void count(TableData current, TableQuery query, TableQuery filters, List<Integer> countColumns,
                       TableQuery.Passing rowsPassing, long gen, java.util.function.BooleanSupplier stale) {
        Map<String, Map<String, Integer>> byName = new HashMap<>();
        try {
            long started = System.nanoTime();
            Map<Integer, Map<String, Integer>> counts = query.counts(current, countColumns, rowsPassing, stale);
            logIfSlow(started, "Counted the value filters of " + current.source());
            for (String name : facetColumns) {
                byName.put(name, separators.containsKey(name) ? byPart(name, counts.get(current.column(name)))
                        : counts.get(current.column(name)));
            }
        } catch (java.util.concurrent.CancellationException newer) {
            return;
        } catch (Exception | OutOfMemoryError e) {
            // The rows are shown; a list without counts says less, not something wrong. A changed file is read again.
            LOG.warn("Could not count the value filters of {}", current.source(), e);
            threads.fx(() -> {
                if (gen == generation.get()) {
                    counting.set(false);
                }
            });
            return;
        }
        threads.fx(() -> {
            if (gen == generation.get()) {
                counting.set(false);
                countedTable = current;
                countedQuery = filters;
                byName.forEach((name, counts) -> facetCounts.get(name).set(counts));
            }
        });
    }

    /** The cells of a split column holding any of the values ticked (and the values, which may be cells too). */
    private Set<String> wholeCells(String column, Set<String> ticked) {
        List<String> cells = wholeValues.get(column);
        if (cells == null) {
            return ticked;
        }
        Set<String> allowed = new java.util.HashSet<>(ticked);
        for (String cell : cells) {
            for (String part : parts(column, cell)) {
                if (ticked.contains(part)) {
                    allowed.add(cell);
                    break;
                }
            }
        }
        return allowed;
    }

    /** A split column's counts per cell, added up per value: the rows that have each value. */
    private Map<String, Integer> byPart(String column, Map<String, Integer> byCell) {
        if (byCell == null) {
            return null;
        }
        Map<String, Integer> counts = new HashMap<>();
        byCell.forEach((cell, n) -> parts(column, cell).forEach(part -> counts.merge(part, n, Integer::sum)));
        return counts;
    }

    /**
     * How {@code column}'s cells read in the table shown ({@link NumberCells}): its value filter's list and the row's
     * details say a value as its cell does, "3,500", "21956.00", "1.02%", where the file holds "3500".
     */
    public NumberCells.Kind kindOf(String column) {
        TableData current = table.get();
        int c = current == null ? -1 : current.column(column);
        return c < 0 ? NumberCells.Kind.AS_WRITTEN : NumberCells.kindOf(column, current.looksNumeric(c));
    }

    /** {@code value} of {@code column} as its cell shows it (see {@link #kindOf}). */
    public String shown(String column, String value) {
        return NumberCells.shown(kindOf(column), value);
    }

    /** The visible row as (column, value) pairs, for the row-details dialog. */
    public List<Map.Entry<String, String>> fields(String[] row) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        TableData current = table.get();
        if (current == null || row == null) {
            return fields;
        }
        for (int c = 0; c < current.columns().size(); c++) {
            fields.add(Map.entry(current.columns().get(c), c < row.length ? row[c] : ""));
        }
        return fields;
    }
}
