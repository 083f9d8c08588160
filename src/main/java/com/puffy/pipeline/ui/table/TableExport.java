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
        AtomicFiles.write(file, writer -> {
            try (CsvOutput out = new CsvOutput(writer, columns)) {
                for (String[] row : rows) {
                    out.row(Arrays.asList((Object[]) row));
                }
            }
        });
    }
}
