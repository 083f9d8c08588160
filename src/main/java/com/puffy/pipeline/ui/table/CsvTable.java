package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.io.CsvColumnReader;
import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV file held in memory: a header and one {@code String[]} per row, repeated values of a column sharing one
 * String. For the files a screen reads whole (file summary, alerts, one user's journey) and for tables a screen
 * builds; the data tables show output files through {@link FileTable}, which leaves them on disk.
 */
public final class CsvTable implements TableData {
    /** Per column, values are shared until this many distinct ones are seen; beyond it the column is "unique". */
    private static final int INTERN_LIMIT = 4096;

    private final List<String> columns;
    private final List<String[]> rows;
    private final boolean[] numeric;
    private final Path source;
    private final Map<Integer, ColumnValues> values = new HashMap<>();

    public CsvTable(List<String> columns, List<String[]> rows, Path source) {
        this.columns = withoutBom(columns);
        this.rows = Collections.unmodifiableList(rows);
        this.source = source;
        this.numeric = new boolean[columns.size()];
        for (int c = 0; c < numeric.length; c++) {
            boolean sawNumber = false;
            boolean allNumbers = true;
            for (String[] row : rows) {
                String v = row[c];
                if (v == null || v.isEmpty()) {
                    continue;
                }
                if (looksNumeric(v)) {
                    sawNumber = true;
                } else {
                    allNumbers = false;
                    break;
                }
            }
            numeric[c] = sawNumber && allNumbers;
        }
    }

    public static CsvTable read(Path file) throws IOException {
        return read(file, null, (java.util.Set<String>) null);
    }

    /** Only the rows whose {@code column} equals {@code value} (e.g. one client's events); all rows when null. */
    public static CsvTable read(Path file, String column, String value) throws IOException {
        return read(file, column, value == null ? null : java.util.Set.of(value));
    }

    /** Only the rows whose {@code column} is one of {@code values}; all rows when {@code column} is null. */
    public static CsvTable read(Path file, String column, java.util.Set<String> values) throws IOException {
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            List<String> header = positionOrder(reader.header());
            int widest = reader.header().values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            if (widest != header.size()) {
                // A name given twice: the byte reader keeps the last column of a name, so read every cell.
                return readEveryCell(file, column, values);
            }
            reader.select(header);
            int width = header.size();
            int keyIndex = column == null ? -1 : withoutBom(header).indexOf(column);
            if (column != null && keyIndex < 0) {
                throw new IOException(file + " has no column " + column);
            }
            // Repeated values (channels, dates, booleans) share one String per column until a column shows too
            // many distinct values to be worth it; the reader decodes such a value once, not per row.
            List<java.util.Set<String>> distinct = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                distinct.add(new java.util.HashSet<>());
            }
            List<String[]> rows = new ArrayList<>();
            while (reader.next()) {
                if (keyIndex >= 0 && !values.contains(CsvInput.unprotect(reader.get(keyIndex)))) {
                    continue;
                }
                String[] row = new String[width];
                for (int c = 0; c < width; c++) {
                    java.util.Set<String> seen = distinct.get(c);
                    String cell;
                    if (seen != null) {
                        cell = reader.label(c);
                        seen.add(cell);
                        if (seen.size() > INTERN_LIMIT) {
                            distinct.set(c, null);
                        }
                    } else {
                        cell = reader.get(c);
                    }
                    row[c] = CsvInput.unprotect(cell);
                }
                rows.add(row);
            }
            return new CsvTable(header, rows, file);
        }
    }

    /**
     * The header as the user reads it: a file saved by Excel or Notepad starts with a byte-order mark, which the
     * reader keeps in the first column's name, so "\uFEFFevent_type" matched no filter, search or sort by name.
     */
    static List<String> withoutBom(List<String> header) {
        if (header.isEmpty() || !header.get(0).startsWith("\uFEFF")) {
            return List.copyOf(header);
        }
        List<String> names = new ArrayList<>(header);
        names.set(0, names.get(0).substring(1));
        return List.copyOf(names);
    }

    private static List<String> positionOrder(Map<String, Integer> header) {
        List<String> names = new ArrayList<>(header.keySet());
        names.sort(java.util.Comparator.comparing(header::get));
        return names;
    }

    /** Through Commons CSV, every cell of every record: for a header with a repeated name. */
    private static CsvTable readEveryCell(Path file, String column, java.util.Set<String> values) throws IOException {
        try (CSVParser parser = CsvInput.open(file)) {
            List<String> header = parser.getHeaderNames();
            int width = header.size();
            int keyIndex = column == null ? -1 : header.indexOf(column);
            if (column != null && keyIndex < 0) {
                throw new IOException(file + " has no column " + column);
            }
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (keyIndex >= 0 && (keyIndex >= record.size()
                        || !values.contains(CsvInput.unprotect(record.get(keyIndex))))) {
                    continue;
                }
                String[] row = new String[width];
                for (int c = 0; c < width; c++) {
                    row[c] = c < record.size() ? CsvInput.unprotect(record.get(c)) : "";
                }
                rows.add(row);
            }
            return new CsvTable(header, rows, file);
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    public List<String[]> rows() {
        return rows;
    }

    @Override
    public String[] row(int row) {
        return rows.get(row);
    }

    @Override
    public String[][] rows(int[] order, int from, int to) {
        String[][] out = new String[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = rows.get(order[i]);
        }
        return out;
    }

    @Override
    public synchronized ColumnValues values(int column) {
        return values.computeIfAbsent(column, c -> {
            ColumnValues.Builder builder = new ColumnValues.Builder();
            for (String[] row : rows) {
                builder.add(c < row.length && row[c] != null ? row[c] : "");
            }
            return builder.build();
        });
    }

    @Override
    public synchronized ColumnValues heldValues(int column) {
        return values.get(column);
    }

    @Override
    public synchronized ColumnValues days(int column, java.util.function.BooleanSupplier cancelled) {
        ColumnValues.Builder builder = new ColumnValues.Builder();
        Map<String, String> known = new HashMap<>();
        for (String[] row : rows) {
            String cell = column < row.length && row[column] != null ? row[column] : "";
            builder.add(known.computeIfAbsent(cell, Aggregation::utcDay));
        }
        return builder.build();
    }

    @Override
    public void search(String lowerNeedle, int column, java.util.BitSet keep,
                       java.util.function.BooleanSupplier cancelled) {
        int looked = 0;
        for (int r = keep.nextSetBit(0); r >= 0 && r < rows.size(); r = keep.nextSetBit(r + 1)) {
            if ((++looked & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("a newer search was asked for");
            }
            if (!FileTable.matches(rows.get(r), column, lowerNeedle)) {
                keep.clear(r);
            }
        }
    }

    @Override
    public boolean looksNumeric(int column) {
        return numeric[column];
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public int column(String name) {
        return columns.indexOf(name);
    }

    public boolean isNumeric(int column) {
        return numeric[column];
    }

    /** The cell as a number, NaN when empty or not a number. */
    public static double number(String cell) {
        if (cell == null || cell.isEmpty() || !looksNumeric(cell)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static boolean looksNumeric(String v) {
        int n = v.length();
        if (n == 0 || n > 40) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char ch = v.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digit = true;
            } else if (!(ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return false;
            }
        }
        return digit && (v.charAt(0) != '-' || n > 1) && v.chars().filter(ch -> ch == '-').count() <= 2
                && !(v.length() >= 10 && v.charAt(4) == '-' && Character.isDigit(v.charAt(0)));
    }
}
