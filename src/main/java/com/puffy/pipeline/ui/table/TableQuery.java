package com.puffy.pipeline.ui.table;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the user asked a table to show: free text (in any column, or one), value filters per column (facets), and
 * a sort. Runs off the FX thread over every row of the table, and gives the rows to show as row numbers in order.
 */
public record TableQuery(String text, int textColumn, Map<Integer, Set<String>> facets, int sortColumn,
                         boolean ascending) {

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
        BitSet keep = new BitSet(table.size());
        keep.set(0, table.size());
        for (Map.Entry<Integer, Set<String>> facet : facets.entrySet()) {
            Set<String> allowed = facet.getValue();
            if (allowed != null && !allowed.isEmpty() && facet.getKey() < table.columns().size()) {
                table.values(facet.getKey()).retain(allowed, keep);
            }
        }
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!needle.isEmpty()) {
            table.search(needle, textColumn < table.columns().size() ? textColumn : -1, keep);
        }
        int[] order = keep.stream().toArray();
        if (sortColumn >= 0 && sortColumn < table.columns().size()) {
            // Stable, so rows that compare equal keep their order in the file; on ints, so 3M rows are not boxed.
            IntArrays.mergeSort(order, table.values(sortColumn).order(ascending));
        }
        return order;
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
