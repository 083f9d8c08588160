package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.io.AtomicFiles;
import com.puffy.pipeline.io.CsvOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the rows a table shows (after filter and sort) to a CSV file through {@link CsvOutput}, so the export is
 * formula-safe (SPEC §7) and never half-written.
 */
public final class TableExport {
    private TableExport() {
    }

    public static void write(List<String> columns, List<String[]> rows, Path file) throws IOException {
        int[] all = new int[columns.size()];
        Arrays.setAll(all, i -> i);
        write(columns, all, rows, file);
    }

    /**
     * Writes cells {@code cells[i]} of each row under {@code columns.get(i)}. The rows are iterated once, so a view
     * over millions of rows on disk streams through without being held.
     */
    public static void write(List<String> columns, int[] cells, Iterable<String[]> rows, Path file)
            throws IOException {
        AtomicFiles.write(file, writer -> {
            try (CsvOutput out = new CsvOutput(writer, columns)) {
                Object[] projected = new Object[cells.length];
                List<Object> line = Arrays.asList(projected);
                for (String[] row : rows) {
                    for (int i = 0; i < cells.length; i++) {
                        int c = cells[i];
                        projected[i] = c < row.length && row[c] != null ? row[c] : "";
                    }
                    out.row(line);
                }
            }
            // A file replaced under the table reads as blank cells: an export of them would look whole and be wrong.
            if (rows instanceof TableQuery.Rows view && view.table() instanceof FileTable onDisk && onDisk.hasChanged()) {
                throw new IOException(onDisk.source().getFileName() + " changed on disk while it was exported, so "
                        + file.getFileName() + " was not written: export again once the table has been read again.");
            }
        });
    }
}
