package com.puffy.pipeline.ui.quality;

import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.table.CsvTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The schema-drift timeline: event files by date (rows) × columns, each cell holding the change active there.
 * Built from {@code file_summary.csv} (the files, in processing order) and {@code schema_drift.csv} (one row per
 * episode at its first file, lasting {@code episode_files} files). It lays out what Quality decided; it decides
 * nothing itself.
 */
public final class DriftTimeline {
    /** One cell: the change and its plain-words explanation. */
    public record Cell(String change, String explanation) {
    }

    /** Files {@code first} to {@code last} (indexes into {@link #files()}), next to each other, with the same cells. */
    public record Stretch(int first, int last) {
        public int size() {
            return last - first + 1;
        }
    }

    private final List<String> files;
    private final List<String> dates;
    private final List<String> columns;
    private final Map<String, Cell> cells;
    private final List<String> summary;
    private final List<Stretch> stretches;

    private DriftTimeline(List<String> files, List<String> dates, List<String> columns, Map<String, Cell> cells,
                          List<String> summary) {
        this.files = files;
        this.dates = dates;
        this.columns = columns;
        this.cells = cells;
        this.summary = summary;
        this.stretches = cutIntoStretches();
    }

    /**
     * The files cut where any column's cell changes: a row a file put 120 days' first change 37 rows down, out of
     * view, with the column names scrolled away above it; as stretches the whole story is a dozen rows.
     */
    private List<Stretch> cutIntoStretches() {
        List<Stretch> found = new ArrayList<>();
        int first = 0;
        for (int f = 1; f <= files.size(); f++) {
            if (f == files.size() || !sameCells(f - 1, f)) {
                found.add(new Stretch(first, f - 1));
                first = f;
            }
        }
        return found;
    }

    private boolean sameCells(int file, int other) {
        for (String column : columns) {
            if (!Objects.equals(cell(file, column), cell(other, column))) {
                return false;
            }
        }
        return true;
    }

    public static DriftTimeline build(CsvTable fileSummary, CsvTable drift) {
        List<String> files = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        int fileCol = fileSummary.column("file");
        int dateCol = fileSummary.column("partition_date");
        int eventCol = fileSummary.column("is_event_file");
        for (String[] row : fileSummary.rows()) {
            if (eventCol >= 0 && !"true".equalsIgnoreCase(row[eventCol])) {
                continue;
            }
            files.add(row[fileCol]);
            dates.add(dateCol >= 0 ? row[dateCol] : "");
        }
        Set<String> columns = new LinkedHashSet<>();
        for (CanonicalColumn column : CanonicalColumn.values()) {
            columns.add(column.columnName());
        }
        Map<String, Cell> cells = new HashMap<>();
        // The lines in the order the episodes begin: schema_drift.csv lists them by kind, so "`referrer` is back"
        // (Mar 6) came before "`client_id` empty share moves" (Mar 1) and a reader pieced the story together.
        Map<String, Integer> beginsAt = new HashMap<>();
        List<String> summary = new ArrayList<>();
        if (drift != null) {
            int dFile = drift.column("file");
            int dChange = drift.column("change");
            int dColumn = drift.column("column");
            int dDetail = drift.column("detail");
            int dEpisode = drift.column("episode_files");
            for (String[] row : drift.rows()) {
                String column = row[dColumn];
                if (column == null || column.isBlank()) {
                    continue;
                }
                columns.add(column);
                String change = row[dChange];
                int span = 1;
                if (dEpisode >= 0) {
                    double parsed = CsvTable.number(row[dEpisode]);
                    span = Double.isNaN(parsed) ? 1 : Math.max(1, (int) parsed);
                }
                String detail = plain(dDetail >= 0 ? row[dDetail] : "");
                int start = files.indexOf(row[dFile]);
                String line = when(row[dFile], start < 0 ? "" : dates.get(start), span) + ": "
                        + (detail.isBlank() ? change.toLowerCase(Locale.ROOT) + " " + column : detail);
                summary.add(line);
                beginsAt.putIfAbsent(line, start < 0 ? Integer.MAX_VALUE : start);
                if (start < 0) {
                    continue;
                }
                int end = "RESTORED".equals(change) ? start + 1 : Math.min(files.size(), start + span);
                for (int i = start; i < end; i++) {
                    cells.put(key(i, column), new Cell(change, detail));
                }
            }
        }
        summary.sort(java.util.Comparator.comparing(beginsAt::get));
        return new DriftTimeline(files, dates, new ArrayList<>(columns), cells, summary);
    }

    /**
     * "From Feb 27, 2025 (events_20250227.csv), 10 files" or "On Mar 3, 2025 only (events_20250303.csv)". It read
     * "from events_20250227.csv (10 files)": the day was to be read out of the file's name, and one file read as
     * "from" with nothing after it.
     */
    private static String when(String file, String date, int span) {
        String day = date == null || date.isBlank() ? "" : Formats.longDate(date) + " ";
        return span == 1 ? "On " + day + (day.isEmpty() ? file + " only" : "only (" + file + ")")
                : "From " + day + (day.isEmpty() ? file : "(" + file + ")") + ", " + span + " files";
    }

    /**
     * The stage's detail without its markdown quotes: "`client_id` arrives as `clientId`" showed its backticks in the
     * plain words and the tooltips.
     */
    private static String plain(String detail) {
        return detail == null ? "" : detail.replace("`", "");
    }

    private static String key(int file, String column) {
        return file + "\u0000" + column;
    }

    public List<String> files() {
        return files;
    }

    public List<String> dates() {
        return dates;
    }

    public List<String> columns() {
        return columns;
    }

    /** The change in this file and column, or null when it matches the contract. */
    public Cell cell(int file, String column) {
        return cells.get(key(file, column));
    }

    /** The rows to draw: each file once, next files with the same cells together, in the files' order. */
    public List<Stretch> stretches() {
        return stretches;
    }

    /**
     * The row's name: "2025-02-23 – 2025-03-31   37 files" for files together, "2025-04-01   events_20250401.csv"
     * for one, its date padded to a range's width (the names are set in a fixed-width font) so the file names and
     * counts line up.
     */
    public String label(Stretch stretch) {
        String when = stretch.size() == 1 ? dates.get(stretch.first())
                : dates.get(stretch.first()) + " – " + dates.get(stretch.last());
        boolean ranges = stretches.stream().anyMatch(s -> s.size() > 1);
        String padded = ranges ? String.format(Locale.ROOT, "%-23s", when) : when;
        return padded + "   " + (stretch.size() == 1 ? files.get(stretch.first()) : stretch.size() + " files");
    }

    /** The stretch's files as its tooltip names them: "events_20250223.csv … events_20250331.csv (37 files)". */
    public String fileNames(Stretch stretch) {
        return stretch.size() == 1 ? files.get(stretch.first())
                : files.get(stretch.first()) + " … " + files.get(stretch.last()) + " (" + stretch.size() + " files)";
    }

    /** A line per episode in plain words: "From Feb 27, 2025 (events_20250227.csv), 10 files: client_id …". */
    public List<String> summary() {
        return summary;
    }
}
