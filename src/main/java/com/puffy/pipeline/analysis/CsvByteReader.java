package com.puffy.pipeline.analysis;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an RFC 4180 CSV written by {@code io.CsvOutput} record by record, each field a byte range of one reusable
 * buffer, so a caller that keeps a few fields of millions of records decodes only those: going through Commons CSV
 * or Tablesaw builds a String for every field. Handles quoted fields with commas, doubled quotes and line breaks,
 * CRLF and a missing last newline; a quote left open at the end of the file is an {@link IOException}.
 */
final class CsvByteReader implements Closeable {
    private static final int INITIAL_BUFFER = 1 << 20;
    /** Bounds the memory of {@link #label} on a column that turns out to have many values. */
    private static final int MAX_LABELS = 1 << 16;

    private final InputStream in;
    private byte[] buffer;
    /** The unread bytes are {@code buffer[next, limit)}. */
    private int next;
    private int limit;
    private boolean endOfInput;
    private int fields;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] quoted = new boolean[32];
    private final Map<FieldBytes, String> labels = new HashMap<>();
    private final FieldBytes probe = new FieldBytes();

    CsvByteReader(InputStream in) {
        this(in, INITIAL_BUFFER);
    }

    /** A small buffer lets tests make every record straddle a refill. */
    CsvByteReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[Math.max(4, bufferSize)];
    }

    /** Moves to the next record; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            if (next == limit && endOfInput) {
                return false;
            }
            int end = parseRecord();
            if (end >= 0) {
                next = end;
                return true;
            }
            if (endOfInput) {
                throw new IOException("a quoted field is not closed before the end of the file");
            }
            refill();
        }
    }

    int fields() {
        return fields;
    }

    /** The field as text: UTF-8, quotes undone; an absent field (short record) is empty. */
    String text(int field) {
        if (field >= fields) {
            return "";
        }
        String raw = new String(buffer, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
        return quoted[field] ? raw.replace("\"\"", "\"") : raw;
    }

    /**
     * Like {@link #text} for columns of few distinct values (device, channel, severity): each value is decoded once
     * and the same String returned each time after, so a caller's hash lookups do not hash it again.
     */
    String label(int field) {
        if (field >= fields) {
            return "";
        }
        probe.point(buffer, starts[field], ends[field], quoted[field]);
        String text = labels.get(probe);
        if (text == null) {
            text = text(field);
            if (labels.size() < MAX_LABELS) {
                labels.put(probe.copy(), text);
            }
        }
        return text;
    }

    /** Whether the field is exactly this ASCII text (a quoted field is compared by its content). */
    boolean is(int field, byte[] ascii) {
        if (field >= fields) {
            return ascii.length == 0;
        }
        return Arrays.equals(buffer, starts[field], ends[field], ascii, 0, ascii.length);
    }

    /** The field as a number, NaN when empty; whole numbers are read straight from the bytes. */
    double number(int field) {
        if (field >= fields || starts[field] == ends[field]) {
            return Double.NaN;
        }
        int from = starts[field];
        int to = ends[field];
        if (to - from <= 15) {
            long value = 0;
            int i = from;
            while (i < to && buffer[i] >= '0' && buffer[i] <= '9') {
                value = value * 10 + (buffer[i++] - '0');
            }
            if (i == to) {
                return value;
            }
        }
        return Double.parseDouble(text(field));
    }

    /** Finds the end of the record starting at {@code next}; -1 when the buffer ends first and more input may come. */
    private int parseRecord() {
        fields = 0;
        int p = next;
        while (true) {
            int start;
            int end;
            boolean isQuoted = p < limit && buffer[p] == '"';
            if (isQuoted) {
                start = p + 1;
                p = start;
                while (true) {
                    while (p < limit && buffer[p] != '"') {
                        p++;
                    }
                    if (p + 1 >= limit && !(p < limit && endOfInput)) {
                        return -1;
                    }
                    if (p + 1 < limit && buffer[p + 1] == '"') {
                        p += 2;
                        continue;
                    }
                    break;
                }
                end = p++;
            } else {
                start = p;
                while (p < limit && buffer[p] != ',' && buffer[p] != '\n' && buffer[p] != '\r') {
                    p++;
                }
                if (p == limit && !endOfInput) {
                    return -1;
                }
                end = p;
            }
            addField(start, end, isQuoted);
            if (p < limit && buffer[p] == ',') {
                p++;
                continue;
            }
            if (p < limit && buffer[p] == '\r') {
                if (p + 1 == limit && !endOfInput) {
                    return -1;
                }
                p++;
            }
            if (p < limit && buffer[p] == '\n') {
                p++;
            }
            return p;
        }
    }

    private void addField(int start, int end, boolean isQuoted) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        quoted[fields] = isQuoted;
        fields++;
    }

    /** Keeps the unfinished record, moved to the front (the buffer doubles when it alone fills it), and reads on. */
    private void refill() throws IOException {
        int kept = limit - next;
        if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else {
            System.arraycopy(buffer, next, buffer, 0, kept);
        }
        next = 0;
        limit = kept;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
        } else {
            limit += read;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A field's raw bytes as a hash key; the probe points into the buffer, stored keys own a copy. */
    private static final class FieldBytes {
        private byte[] bytes;
        private int from;
        private int to;
        private boolean quoted;
        private int hash;

        void point(byte[] array, int start, int end, boolean isQuoted) {
            bytes = array;
            from = start;
            to = end;
            quoted = isQuoted;
            int h = isQuoted ? 1 : 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + array[i];
            }
            hash = h;
        }

        FieldBytes copy() {
            FieldBytes copy = new FieldBytes();
            copy.bytes = Arrays.copyOfRange(bytes, from, to);
            copy.from = 0;
            copy.to = to - from;
            copy.quoted = quoted;
            copy.hash = hash;
            return copy;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FieldBytes o && o.hash == hash && o.quoted == quoted
                    && Arrays.equals(bytes, from, to, o.bytes, o.from, o.to);
        }
    }
}
