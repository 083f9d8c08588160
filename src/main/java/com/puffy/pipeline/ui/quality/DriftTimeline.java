package com.puffy.pipeline.ui.quality;

import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.table.CsvTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    private final List<String> files;
    private final List<String> dates;
    private final List<String> columns;
    private final Map<String, Cell> cells;
    private final List<String> summary;

    private DriftTimeline(List<String> files, List<String> dates, List<String> columns, Map<String, Cell> cells,
                          List<String> summary) {
        this.files = files;
        this.dates = dates;
        this.columns = columns;
        this.cells = cells;
        this.summary = summary;
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
                        + (detail.isBlank() ? change.toLowerCase() + " " + column : detail);
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

    /** A line per episode in plain words: "From Feb 27, 2025 (events_20250227.csv), 10 files: client_id …". */
    public List<String> summary() {
        return summary;
    }
}
