package com.puffy.pipeline.ui.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * What a data table shows: a header and rows by index. {@link CsvTable} holds small files in memory; {@link FileTable}
 * leaves a large one on disk and keeps only where its rows start, so a 5M-event folder's tables stay within a few
 * hundred megabytes (decision 0600). Filters, sort and search always see every row.
 */
public interface TableData {
    List<String> columns();

    default int column(String name) {
        return columns().indexOf(name);
    }

    int size();

    /** The file the rows came from; null for a table a screen built. */
    Path source();

    /** The cells of row {@code row}, as many as there are columns. */
    String[] row(int row);

    /** The cells of the rows {@code order[from..to)}, read together (one pass over the file for a file table). */
    String[][] rows(int[] order, int from, int to);

    /** Every row's value in {@code column}, compact; read from the file on first use. */
    ColumnValues values(int column) throws IOException;

    /**
     * The column's values if the table holds them already (value-filter columns, the last sorted one), else null
     * without reading anything: for sizing a column on the FX thread.
     */
    default ColumnValues heldValues(int column) {
        return null;
    }

    /**
     * Every row's day in UTC ({@code YYYY-MM-DD}) from the date or timestamp in {@code column}, "" where the cell has
     * none (see {@link Aggregation#utcDay}); compact, as a handful of distinct days whatever the rows.
     */
    default ColumnValues days(int column) throws IOException {
        return days(column, () -> false);
    }

    /**
     * {@link #days(int)}, giving up with a {@link java.util.concurrent.CancellationException} once {@code cancelled}
     * turns true: reading 3M timestamps takes a second or two, and the user may have chosen another chart meanwhile.
     */
    ColumnValues days(int column, java.util.function.BooleanSupplier cancelled) throws IOException;

    /**
     * Clears in {@code keep} the rows none of whose cells (or whose cell in {@code column}, when not -1) contains
     * {@code lowerNeedle}, ignoring case; rows already cleared are not looked at.
     */
    default void search(String lowerNeedle, int column, BitSet keep) throws IOException {
        search(lowerNeedle, column, keep, () -> false);
    }

    /**
     * {@link #search(String, int, BitSet)}, giving up with a {@link java.util.concurrent.CancellationException} once
     * {@code cancelled} turns true: a search scans 3M rows in seconds, and the user may have typed on meanwhile.
     */
    void search(String lowerNeedle, int column, BitSet keep, java.util.function.BooleanSupplier cancelled)
            throws IOException;

    /** Whether the column looks numeric (for right alignment); sorting decides from every value. */
    boolean looksNumeric(int column);
}
