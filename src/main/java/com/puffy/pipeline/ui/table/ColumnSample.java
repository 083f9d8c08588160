package com.puffy.pipeline.ui.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a table measures to size its columns on screen: the first rows' values, and the longest values of the
 * columns whose values are already held as codes (the value-filter columns), so a long code that first appears past
 * the first rows ("TRANSACTION_ID_COLLISION" in findings sorted by file) still gets room. Bounded whatever the
 * table: a few hundred rows read, a few dozen values a column to measure.
 */
final class ColumnSample {
    /** Rows read from the start of the table. */
    static final int FIRST_ROWS = 300;
    /** The longest values of a held column taken besides the first rows. */
    static final int LONGEST_HELD = 32;
    /** Values a column keeps to measure, longest first. */
    static final int PER_COLUMN = 40;

    private ColumnSample() {
    }

    /** Per column, up to {@link #PER_COLUMN} distinct values, longest (in characters) first. */
    static List<List<String>> of(TableData data) {
        int width = data.columns().size();
        List<Set<String>> seen = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            seen.add(new LinkedHashSet<>());
        }
        int rows = Math.min(FIRST_ROWS, data.size());
        int[] first = new int[rows];
        java.util.Arrays.setAll(first, i -> i);
        for (String[] row : data.rows(first, 0, rows)) {
            for (int c = 0; c < width && c < row.length; c++) {
                if (row[c] != null && !row[c].isEmpty()) {
                    seen.get(c).add(row[c]);
                }
            }
        }
        for (int c = 0; c < width; c++) {
            ColumnValues held = data.heldValues(c);
            if (held != null) {
                seen.get(c).addAll(held.longest(LONGEST_HELD));
            }
        }
        List<List<String>> sample = new ArrayList<>();
        for (Set<String> values : seen) {
            sample.add(values.stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .limit(PER_COLUMN).toList());
        }
        return sample;
    }
}
