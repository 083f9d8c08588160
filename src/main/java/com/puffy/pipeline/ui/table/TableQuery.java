package com.puffy.pipeline.ui.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the user asked a table to show: free text (in any column, or one), value filters per column (facets), and
 * a sort. Runs off the FX thread over every row of the table, and gives the rows to show as row numbers in order.
 */
public record TableQuery(String text, int textColumn, Map<Integer, Set<String>> facets, int sortColumn,
                         boolean ascending, Map<Integer, Set<String>> scope) {
    /** The key of the scope's rows among the filters' in {@link Passing#byFilter}: no column's, so always applied. */
    private static final int SCOPE = -1;

    public TableQuery(String text, int textColumn, Map<Integer, Set<String>> facets, int sortColumn,
                      boolean ascending) {
        this(text, textColumn, facets, sortColumn, ascending, Map.of());
    }

    public static TableQuery all() {
        return new TableQuery("", -1, Map.of(), -1, true);
    }

    /** The rows to show, in order, read when asked for (see {@link Rows}). */
    public Rows apply(TableData table) {
        try {
            return new Rows(table, order(table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbers of the rows that pass, in the order asked for; ties keep the file's order. */
    public int[] order(TableData table) throws IOException {
        return sorted(table, rows(table, () -> false).rows());
    }

    /** {@link #rows} and {@link #counts} together. */
    public Filtered filter(TableData table, Collection<Integer> countColumns, BooleanSupplier cancelled)
            throws IOException {
        Passing passing = rows(table, cancelled);
        return new Filtered(passing.rows(), counts(table, countColumns, passing, cancelled));
    }

    /**
     * The rows that pass the search and the value filters. Gives up with a
     * {@link java.util.concurrent.CancellationException} once {@code cancelled} turns true.
     */
    public Passing rows(TableData table, BooleanSupplier cancelled) throws IOException {
        Map<Integer, BitSet> byFilter = passes(table);
        if (!scope.isEmpty()) {
            byFilter.put(SCOPE, inScope(table));
        }
        BitSet rows = passAll(byFilter, table.size());
        search(table, rows, cancelled);
        return new Passing(rows, byFilter);
    }

    /**
     * For each of {@code countColumns} (value-filter columns), how many rows each of its values would give: the rows
     * that pass the search and the <em>other</em> columns' filters, as faceted search counts, so a number says what
     * ticking its value adds. {@code passing} is what {@link #rows} gave for this query: each filter's rows are
     * taken from it rather than read from the column again, and only the rows a column's own filter left out are
     * searched again, after the table has its rows. Columns of too many values to list have no counts.
     */
    public Map<Integer, Map<String, Integer>> counts(TableData table, Collection<Integer> countColumns,
                                                     Passing passing, BooleanSupplier cancelled) throws IOException {
        int n = table.size();
        int width = table.columns().size();
        BitSet rows = passing.rows();
        Map<Integer, BitSet> passes = passing.byFilter();
        BitSet all = passAll(passes, n);
        List<Integer> counted = countColumns.stream().filter(c -> c >= 0 && c < width).distinct().toList();
        // A counted column's own filter is left out of its counts: those rows pass every other filter.
        Map<Integer, BitSet> allBut = new HashMap<>();
        BitSet more = new BitSet(n);
        for (int c : counted) {
            if (passes.containsKey(c)) {
                Map<Integer, BitSet> others = new LinkedHashMap<>(passes);
                others.remove(c);
                BitSet passOthers = passAll(others, n);
                allBut.put(c, passOthers);
                more.or(passOthers);
            }
        }
        more.andNot(all);
        // Searched once over every row some count needs beyond the rows shown, not once per column.
        search(table, more, cancelled);
        more.or(rows);
        Map<Integer, Map<String, Integer>> counts = new HashMap<>();
        for (int c : counted) {
            BitSet over = rows;
            if (allBut.containsKey(c)) {
                over = (BitSet) more.clone();
                over.and(allBut.get(c));
            }
            Map<String, Integer> byValue = table.values(c).counts(over, cancelled);
            if (byValue != null) {
                counts.put(c, byValue);
            }
        }
        return counts;
    }

    /** Per value filter in use, the rows it lets through. */
    private Map<Integer, BitSet> passes(TableData table) throws IOException {
        Map<Integer, BitSet> passes = new LinkedHashMap<>();
        for (Map.Entry<Integer, Set<String>> facet : facets.entrySet()) {
            Set<String> allowed = facet.getValue();
            if (allowed != null && !allowed.isEmpty() && facet.getKey() < table.columns().size()) {
                BitSet pass = new BitSet(table.size());
                pass.set(0, table.size());
                table.values(facet.getKey()).retain(allowed, pass);
                passes.put(facet.getKey(), pass);
            }
        }
        return passes;
    }

    /**
     * The rows of the screen's scope (one incident's alerts): every one of its columns holds one of its values. A
     * column the table does not have, or no value, leaves no row: the scope's words would name rows that are not
     * there.
     */
    private BitSet inScope(TableData table) throws IOException {
        BitSet pass = new BitSet(table.size());
        pass.set(0, table.size());
        for (Map.Entry<Integer, Set<String>> column : scope.entrySet()) {
            int c = column.getKey();
            if (c < 0 || c >= table.columns().size() || column.getValue().isEmpty()) {
                pass.clear();
                break;
            }
            table.values(c).retain(column.getValue(), pass);
        }
        return pass;
    }

    private static BitSet passAll(Map<Integer, BitSet> passes, int n) {
        BitSet all = new BitSet(n);
        all.set(0, n);
        passes.values().forEach(all::and);
        return all;
    }

    /** Clears in {@code keep} the rows the search text does not find (none when there is no text). */
    private void search(TableData table, BitSet keep, BooleanSupplier cancelled) throws IOException {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (needle.isEmpty() || keep.isEmpty()) {
            return;
        }
        int column = textColumn < table.columns().size() ? textColumn : -1;
        // "3,500" or "21956.00" typed as a count or money cell reads finds the file's "3500" or "21956" too (and a
        // message's "3,500").
        String plain = NumberCells.asWritten(needle);
        BitSet plainFound = null;
        if (plain != null) {
            plainFound = (BitSet) keep.clone();
            table.search(plain, column, plainFound, cancelled);
        }
        table.search(needle, column, keep, cancelled);
        if (plainFound != null) {
            keep.or(plainFound);
        }
    }

    /** The numbers of {@code rows} in the order asked for; ties keep the file's order. */
    public int[] sorted(TableData table, BitSet rows) throws IOException {
        int[] order = rows.stream().toArray();
        if (sortColumn >= 0 && sortColumn < table.columns().size()) {
            // Ties keep their order in the file; see ColumnValues.sorted.
            order = table.values(sortColumn).sorted(order, ascending);
        }
        return order;
    }

    /** This query without its sort: what a value filter's counts depend on. */
    public TableQuery unsorted() {
        return new TableQuery(text, textColumn, facets, -1, true, scope);
    }

    /**
     * What {@link #rows} found: the rows that pass, and per value filter in use the rows it lets through on its own
     * (a column's counts leave its own filter out). Read only: {@link #counts} reuses them.
     */
    public record Passing(BitSet rows, Map<Integer, BitSet> byFilter) {
    }

    /**
     * The rows that pass, and per counted column each value's count (zeros included) by value; a column of too many
     * values to list has no counts.
     */
    public record Filtered(BitSet rows, Map<Integer, Map<String, Integer>> counts) {
    }

    /** A view's rows: row numbers in order over the table, each row read when the list is asked for it. */
    public static final class Rows extends java.util.AbstractList<String[]> implements java.util.RandomAccess {
        private static final int BATCH = 1024;
        private final TableData table;
        private final int[] order;

        public Rows(TableData table, int[] order) {
            this.table = table;
            this.order = order;
        }

        public static Rows none() {
            return new Rows(new CsvTable(List.of(), new java.util.ArrayList<>(), null), new int[0]);
        }

        public TableData table() {
            return table;
        }

        /** The row numbers shown, in order: the array itself, not a copy (millions of rows), so never change it. */
        public int[] rowNumbers() {
            return order;
        }

        @Override
        public String[] get(int index) {
            if (table instanceof FileTable file) {
                return file.row(order, index);
            }
            return table.row(order[index]);
        }

        @Override
        public int size() {
            return order.length;
        }

        /** Every row in order, read a batch at a time and not kept: for exporting millions of rows. */
        @Override
        public java.util.Iterator<String[]> iterator() {
            return new java.util.Iterator<>() {
                private int next;
                private String[][] batch = new String[0][];
                private int batchStart;

                @Override
                public boolean hasNext() {
                    return next < order.length;
                }

                @Override
                public String[] next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    if (next >= batchStart + batch.length) {
                        batchStart = next;
                        batch = table.rows(order, next, Math.min(order.length, next + BATCH));
                    }
                    return batch[next++ - batchStart];
                }
            };
        }
    }
}
