package com.puffy.pipeline.ui.table;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntComparator;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One column of a table, every row, compact: a dictionary and an int per row while the column has few distinct
 * values (channels, severities, dates), else its UTF-8 bytes end to end. What facets filter on and sorts compare; a
 * column of 3M session ids takes about 80 MB this way, against 250 MB as Strings.
 */
public final class ColumnValues {
    /** Beyond this many distinct values the column's bytes are kept instead of a dictionary. */
    static final int DICTIONARY_LIMIT = 1 << 16;
    private static final Map<String, Integer> SEVERITY_RANK =
            Map.of("CRITICAL", 0, "ERROR", 0, "WARNING", 1, "INFO", 2);

    private final int size;
    private final String[] dictionary;
    private final int[] codes;
    private final byte[] bytes;
    private final int[] ends;
    private final boolean numeric;
    private final boolean severity;
    private int[] ranks;
    private double[] numbers;

    private ColumnValues(Builder b) {
        this.size = b.size;
        this.numeric = b.sawNumber && b.allNumbers;
        this.severity = b.sawSeverity && b.allSeverities;
        if (b.bytes == null) {
            this.dictionary = b.dictionary.toArray(new String[0]);
            this.codes = Arrays.copyOf(b.codes, b.size);
            this.bytes = null;
            this.ends = null;
        } else {
            this.dictionary = null;
            this.codes = null;
            this.bytes = Arrays.copyOf(b.bytes, b.byteCount);
            this.ends = Arrays.copyOf(b.ends, b.size);
        }
    }

    public int size() {
        return size;
    }

    public String get(int row) {
        if (dictionary != null) {
            return dictionary[codes[row]];
        }
        int from = row == 0 ? 0 : ends[row - 1];
        return new String(bytes, from, ends[row] - from, StandardCharsets.UTF_8);
    }

    /**
     * The distinct values, sorted, for a value filter; null for a column of too many values to list. Severities come
     * worst first, as a sort and the alert chips put them: "CRITICAL, INFO, WARNING" listed the least severe second;
     * numbers by number, blanks last.
     */
    public List<String> distinct() {
        if (dictionary == null) {
            return null;
        }
        String[] sorted = dictionary.clone();
        if (severity) {
            Arrays.sort(sorted, java.util.Comparator.comparing((String v) -> SEVERITY_RANK.getOrDefault(v, 3))
                    .thenComparing(java.util.Comparator.naturalOrder()));
        } else if (numeric) {
            // Listed as numbers, as the cells sort them: as text "10,000" came before "3,500", "50.00%" before "6.00%".
            // Each parsed once, not at each of the n log n comparisons.
            record Parsed(String text, double number) { }
            Parsed[] parsed = new Parsed[sorted.length];
            Arrays.setAll(parsed, i -> new Parsed(sorted[i], CsvTable.number(sorted[i])));
            Arrays.sort(parsed, java.util.Comparator.comparingDouble(
                            (Parsed p) -> Double.isNaN(p.number()) ? Double.POSITIVE_INFINITY : p.number())
                    .thenComparing((Parsed p) -> Double.isNaN(p.number())).thenComparing(Parsed::text));
            Arrays.setAll(sorted, i -> parsed[i].text());
        } else {
            Arrays.sort(sorted);
        }
        return List.of(sorted);
    }

    /**
     * How many of {@code rows} hold each value, by value, zeros included; null for a column of too many values to
     * list. Counts the rows' dictionary codes: no String is made per row, so 3M rows take tens of milliseconds.
     */
    Map<String, Integer> counts(java.util.BitSet rows, java.util.function.BooleanSupplier cancelled) {
        if (dictionary == null) {
            return null;
        }
        int[] perCode = new int[dictionary.length];
        int looked = 0;
        for (int r = rows.nextSetBit(0); r >= 0 && r < size; r = rows.nextSetBit(r + 1)) {
            if ((++looked & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("newer filters were asked for");
            }
            perCode[codes[r]]++;
        }
        Map<String, Integer> byValue = new HashMap<>(dictionary.length * 2);
        for (int code = 0; code < perCode.length; code++) {
            byValue.put(dictionary[code], perCode[code]);
        }
        return byValue;
    }

    /**
     * Up to {@code limit} of the column's longest values (by characters), for sizing its column on screen: a long
     * code seen only past the first rows still gets room. Empty for a column of too many values to hold as codes.
     */
    List<String> longest(int limit) {
        if (dictionary == null) {
            return List.of();
        }
        return Arrays.stream(dictionary).sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .limit(limit).toList();
    }

    /** Clears in {@code keep} the rows whose value is not one of {@code allowed}. */
    void retain(Set<String> allowed, java.util.BitSet keep) {
        if (dictionary != null) {
            boolean[] ok = new boolean[dictionary.length];
            for (int i = 0; i < ok.length; i++) {
                ok[i] = allowed.contains(dictionary[i]);
            }
            for (int r = keep.nextSetBit(0); r >= 0; r = keep.nextSetBit(r + 1)) {
                if (!ok[codes[r]]) {
                    keep.clear(r);
                }
            }
        } else {
            for (int r = keep.nextSetBit(0); r >= 0; r = keep.nextSetBit(r + 1)) {
                if (!allowed.contains(get(r))) {
                    keep.clear(r);
                }
            }
        }
    }

    /**
     * The order a click on the column's header asks for: numbers as numbers and severities worst first, both with
     * empty cells last whichever the direction; anything else as text (by code point).
     */
    IntComparator order(boolean ascending) {
        if (numeric) {
            double[] keys = numbers();
            return (a, b) -> {
                double x = keys[a];
                double y = keys[b];
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
                }
                return ascending ? Double.compare(x, y) : Double.compare(y, x);
            };
        }
        if (severity) {
            int[] rank = new int[dictionary.length];
            for (int i = 0; i < rank.length; i++) {
                rank[i] = SEVERITY_RANK.getOrDefault(dictionary[i], -1);
            }
            return (a, b) -> {
                int x = rank[codes[a]];
                int y = rank[codes[b]];
                if (x < 0 || y < 0) {
                    return Boolean.compare(x < 0, y < 0);
                }
                return ascending ? Integer.compare(x, y) : Integer.compare(y, x);
            };
        }
        IntComparator text;
        if (dictionary != null) {
            int[] rank = ranks();
            text = (a, b) -> Integer.compare(rank[codes[a]], rank[codes[b]]);
        } else {
            text = (a, b) -> Arrays.compareUnsigned(bytes, a == 0 ? 0 : ends[a - 1], ends[a],
                    bytes, b == 0 ? 0 : ends[b - 1], ends[b]);
        }
        return ascending ? text : (a, b) -> text.compare(b, a);
    }

    /** Runs shorter than this are finished by comparing their values; a radix pass costs more than it saves. */
    private static final int SMALL_RUN = 24;
    /** Past this many bytes alike (long texts held many times: payloads, user agents) a run is compared instead. */
    private static final int RADIX_DEPTH = 256;

    /**
     * {@code rows} (row numbers, ascending) put in the order {@link #order} gives them through a stable sort, ties in
     * the file's order, without comparing two rows' values for most of them: each row gets a number that orders as
     * its value does (a rank, a number's bits, the next 8 bytes of its text) and the rows are radix sorted by it.
     * Sorting 3.1M client ids by comparing their bytes took 1.7 s, most of it waiting for memory (decision 0751).
     */
    int[] sorted(int[] rows, boolean ascending) {
        int n = rows.length;
        if (n < 2) {
            return rows.clone();
        }
        // Each row's key beside its place in rows: sorted as pairs, rows of equal keys stay in the file's order.
        long[] keys = new long[n];
        long[] at = new long[n];
        for (int i = 0; i < n; i++) {
            at[i] = i;
        }
        if (numeric) {
            double[] numbers = numbers();
            for (int i = 0; i < n; i++) {
                keys[i] = numberKey(numbers[rows[i]], ascending);
            }
            LongArrays.radixSort(keys, at);
        } else if (dictionary != null) {
            long[] keyOfCode = new long[dictionary.length];
            int[] rank = severity ? null : ranks();
            for (int code = 0; code < keyOfCode.length; code++) {
                int r = severity ? SEVERITY_RANK.getOrDefault(dictionary[code], -1) : rank[code];
                // An unknown severity (a blank) comes last whichever the direction, as order() puts it.
                keyOfCode[code] = r < 0 ? Long.MAX_VALUE : ascending ? r : -r;
            }
            for (int i = 0; i < n; i++) {
                keys[i] = keyOfCode[codes[rows[i]]];
            }
            LongArrays.radixSort(keys, at);
        } else {
            sortText(rows, at, keys, 0, n, 0, ascending, order(ascending));
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rows[(int) at[i]];
        }
        return out;
    }

    /**
     * A number's place as a long (signed order): Double.compare's order, -0.0 before 0.0; descending the reverse;
     * NaN (a blank) last in both.
     */
    private static long numberKey(double x, boolean ascending) {
        if (Double.isNaN(x)) {
            return Long.MAX_VALUE;
        }
        long bits = Double.doubleToLongBits(x);
        long key = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        return ascending ? key : ~key;
    }

    /**
     * Sorts {@code at[from..to)} (places in {@code rows}, ascending) with their {@code keys} by the text's bytes from
     * {@code depth} on: by the next 8 bytes as a number, then each run that ties on them by the 8 after, as a
     * most-significant-digit radix sort. A run whose values all end within those bytes, a short run, or one alike over its first
     * {@value #RADIX_DEPTH} bytes is finished by {@code exact}: zero bytes padding a shorter value would tie with a
     * value holding NULs.
     */
    private void sortText(int[] rows, long[] at, long[] keys, int from, int to, int depth, boolean ascending,
                          IntComparator exact) {
        for (int i = from; i < to; i++) {
            keys[i] = chunk(rows[(int) at[i]], depth, ascending);
        }
        LongArrays.radixSort(keys, at, from, to);
        int runStart = from;
        while (runStart < to) {
            long key = keys[runStart];
            int runEnd = runStart + 1;
            int first = rows[(int) at[runStart]];
            boolean longer = end(first) - start(first) > depth + 8;
            while (runEnd < to && keys[runEnd] == key) {
                int row = rows[(int) at[runEnd]];
                longer |= end(row) - start(row) > depth + 8;
                runEnd++;
            }
            if (runEnd - runStart > 1) {
                if (longer && runEnd - runStart >= SMALL_RUN && depth < RADIX_DEPTH) {
                    sortText(rows, at, keys, runStart, runEnd, depth + 8, ascending, exact);
                } else {
                    int[] run = new int[runEnd - runStart];
                    for (int i = 0; i < run.length; i++) {
                        run[i] = (int) at[runStart + i];
                    }
                    IntArrays.mergeSort(run, (a, b) -> exact.compare(rows[a], rows[b]));
                    for (int i = 0; i < run.length; i++) {
                        at[runStart + i] = run[i];
                    }
                }
            }
            runStart = runEnd;
        }
    }

    /** Bytes {@code depth..depth+8} of {@code row}'s text, zeros past its end, as a long in unsigned byte order. */
    private long chunk(int row, int depth, boolean ascending) {
        int from = start(row) + depth;
        int end = end(row);
        long key = 0;
        for (int k = 0; k < 8; k++) {
            int i = from + k;
            key = (key << 8) | (i < end ? bytes[i] & 0xFF : 0);
        }
        key ^= Long.MIN_VALUE;
        return ascending ? key : ~key;
    }

    public boolean isNumeric() {
        return numeric;
    }

    /** Whether each row holds a dictionary code ({@link #code}); false for a column of too many distinct values. */
    boolean coded() {
        return dictionary != null;
    }

    /** How many distinct values the dictionary holds (codes run from 0 to this, exclusive). */
    int codeCount() {
        return dictionary.length;
    }

    int code(int row) {
        return codes[row];
    }

    String valueOfCode(int code) {
        return dictionary[code];
    }

    /** The UTF-8 bytes of an uncoded column, every row end to end: row r lies in {@code [start(r), end(r))}. */
    byte[] bytes() {
        return bytes;
    }

    int start(int row) {
        return row == 0 ? 0 : ends[row - 1];
    }

    int end(int row) {
        return ends[row];
    }

    private int[] ranks() {
        if (ranks == null) {
            Integer[] byValue = new Integer[dictionary.length];
            for (int i = 0; i < byValue.length; i++) {
                byValue[i] = i;
            }
            Arrays.sort(byValue, (x, y) -> dictionary[x].compareTo(dictionary[y]));
            int[] r = new int[dictionary.length];
            for (int i = 0; i < byValue.length; i++) {
                r[byValue[i]] = i;
            }
            ranks = r;
        }
        return ranks;
    }

    private double[] numbers() {
        if (numbers == null) {
            double[] keys = new double[size];
            if (dictionary != null) {
                double[] perValue = new double[dictionary.length];
                for (int i = 0; i < perValue.length; i++) {
                    perValue[i] = CsvTable.number(dictionary[i]);
                }
                for (int r = 0; r < size; r++) {
                    keys[r] = perValue[codes[r]];
                }
            } else {
                for (int r = 0; r < size; r++) {
                    keys[r] = CsvTable.number(get(r));
                }
            }
            numbers = keys;
        }
        return numbers;
    }

    /** Collects a column's values row by row. */
    static final class Builder {
        private int size;
        private final List<String> dictionary = new java.util.ArrayList<>();
        private Map<String, Integer> index = new HashMap<>();
        private int[] codes = new int[1024];
        private byte[] bytes;
        private int byteCount;
        private int[] ends;
        private boolean sawNumber;
        private boolean allNumbers = true;
        private boolean sawSeverity;
        private boolean allSeverities = true;

        void add(String value) {
            // "NaN" is how a rate over nothing is written: a blank among numbers, not text that makes the whole
            // column sort as text (-2, 10, 3, NaN).
            if (!value.isEmpty() && !"NaN".equals(value)) {
                if (allNumbers) {
                    if (CsvTable.looksNumeric(value)) {
                        sawNumber = true;
                    } else {
                        allNumbers = false;
                    }
                }
                if (allSeverities) {
                    if (SEVERITY_RANK.containsKey(value)) {
                        sawSeverity = true;
                    } else {
                        allSeverities = false;
                    }
                }
            }
            if (bytes == null) {
                Integer code = index.get(value);
                if (code == null) {
                    if (dictionary.size() < DICTIONARY_LIMIT) {
                        code = dictionary.size();
                        dictionary.add(value);
                        index.put(value, code);
                    } else {
                        toBytes();
                    }
                }
                if (code != null) {
                    if (size == codes.length) {
                        codes = Arrays.copyOf(codes, size * 2);
                    }
                    codes[size++] = code;
                    return;
                }
            }
            append(value);
        }

        /** Too many distinct values for a dictionary: rewrite the rows so far as bytes and go on that way. */
        private void toBytes() {
            bytes = new byte[1 << 16];
            ends = new int[Math.max(1024, codes.length)];
            int rows = size;
            size = 0;
            for (int r = 0; r < rows; r++) {
                append(dictionary.get(codes[r]));
            }
            dictionary.clear();
            index = null;
            codes = null;
        }

        private void append(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            if (byteCount + utf8.length > bytes.length) {
                long grown = Math.max((long) bytes.length * 2, (long) byteCount + utf8.length);
                if (grown > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("This column holds more than 2 GB of text: too much to sort or "
                            + "filter by; filter by another column first.");
                }
                bytes = Arrays.copyOf(bytes, (int) grown);
            }
            System.arraycopy(utf8, 0, bytes, byteCount, utf8.length);
            byteCount += utf8.length;
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size++] = byteCount;
        }

        ColumnValues build() {
            return new ColumnValues(this);
        }
    }
}
