package com.puffy.pipeline.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads chosen columns of the product's own CSV outputs (UTF-8, RFC 4180, written by {@code io.CsvOutput}) straight
 * from the bytes, making a String only for the cells asked for. Monitoring and analysis read a few columns of files
 * of hundreds of megabytes (sessions.csv, findings.csv, quarantine.csv); a general CSV parser builds every cell of
 * every record and took seconds for that (decisions 0402 and 0501).
 *
 * <p>Gives the same cells as {@code io.CsvInput} (Commons CSV's RFC 4180 format with the first record as header):
 * quoted cells may hold commas, doubled quotes and line breaks; a record ends at LF, CR or CRLF; a quote inside an
 * unquoted cell is text; blanks between a closing quote and the next delimiter are skipped; a header name given
 * twice refers to its last column; a cell the record does not have reads as "". A quoted cell left open at the end
 * of the file, or text after a closing quote, is an error naming the file.
 */
public final class CsvColumnReader implements Closeable {
    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int NOT_SELECTED = -1;
    /** {@link #parseRecord} could not finish the record before the end of the buffered bytes. */
    private static final int NEEDS_MORE_BYTES = -1;
    private static final long COMMAS = ByteWords.broadcast((byte) ',');
    private static final long LFS = ByteWords.broadcast((byte) '\n');
    private static final long CRS = ByteWords.broadcast((byte) '\r');

    private final Path file;
    private final InputStream in;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfFile;
    /** Bytes of the file dropped from the front of the buffer so far: the buffer's start as a file offset. */
    private long dropped;
    private final Map<String, Integer> header;

    /** For each column position, its slot among the selected columns, or {@link #NOT_SELECTED}. */
    private int[] slotOfColumn = new int[0];
    private int[] cellStart = new int[0];
    private int[] cellEnd = new int[0];
    /** Whether the cell was quoted and holds a doubled quote, so its text needs unescaping. */
    private boolean[] cellEscaped = new boolean[0];
    private boolean hasRecord;
    /** {@link #label} of each distinct cell seen, keyed by its bytes; bounded for a column of many values. */
    private final Map<CellBytes, String> labels = new HashMap<>();
    private final CellBytes probe = new CellBytes();
    private static final int MAX_LABELS = 1 << 16;

    private CsvColumnReader(Path file, int initialBufferBytes) throws IOException {
        this.file = file;
        this.buffer = new byte[initialBufferBytes];
        this.in = Files.newInputStream(file);
        try {
            this.header = readHeader();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a file and reads its header record; choose the columns with {@link #select} before {@link #next}. */
    public static CsvColumnReader open(Path file) throws IOException {
        return new CsvColumnReader(file, INITIAL_BUFFER);
    }

    /** With a small buffer, tests make records and quoted cells cross the buffer's end and outgrow it. */
    public static CsvColumnReader open(Path file, int initialBufferBytes) throws IOException {
        return new CsvColumnReader(file, Math.max(1, initialBufferBytes));
    }

    /**
     * Where the current record ends in the file: the offset of the byte after its line break (after the header
     * before the first {@link #next}). The app's tables keep these to read a row again without holding the file.
     */
    public long offset() {
        return dropped + position;
    }

    /** Column name → position, in header order (an empty file has no columns). */
    public Map<String, Integer> header() {
        return header;
    }

    public boolean has(String column) {
        return header.containsKey(column);
    }

    /**
     * Chooses the columns to read: slot i of {@link #get} is {@code columns.get(i)}. A column the header lacks is
     * allowed and reads as "" on every record, as a missing column reads through a header map.
     */
    public CsvColumnReader select(List<String> columns) {
        int widest = header.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        slotOfColumn = new int[widest];
        Arrays.fill(slotOfColumn, NOT_SELECTED);
        for (int slot = 0; slot < columns.size(); slot++) {
            Integer position = header.get(columns.get(slot));
            if (position != null) {
                slotOfColumn[position] = slot;
            }
        }
        cellStart = new int[columns.size()];
        cellEnd = new int[columns.size()];
        cellEscaped = new boolean[columns.size()];
        return this;
    }

    /** Moves to the next record; false at the end of the file. */
    public boolean next() throws IOException {
        hasRecord = false;
        Arrays.fill(cellStart, 0);
        Arrays.fill(cellEnd, 0);
        Arrays.fill(cellEscaped, false);
        if (position >= limit && !fill()) {
            return false;
        }
        while (true) {
            int end = parseRecord(position, slotOfColumn, null);
            if (end != NEEDS_MORE_BYTES) {
                position = end;
                hasRecord = true;
                return true;
            }
            fill();
        }
    }

    /** The text of the selected column in {@code slot} of the current record ("" if the record lacks it). */
    public String get(int slot) {
        requireRecord();
        int start = cellStart[slot];
        String text = new String(buffer, start, cellEnd[slot] - start, StandardCharsets.UTF_8);
        return cellEscaped[slot] ? text.replace("\"\"", "\"") : text;
    }

    /**
     * Whether the cell in {@code slot} equals {@code expected}, ignoring case as {@link String#equalsIgnoreCase}
     * does, without making a String when the cell is plain ASCII (the common case over millions of rows).
     */
    public boolean is(int slot, String expected) {
        requireRecord();
        int start = cellStart[slot];
        int length = cellEnd[slot] - start;
        if (cellEscaped[slot]) {
            return get(slot).equalsIgnoreCase(expected);
        }
        for (int i = 0; i < length; i++) {
            if (buffer[start + i] < 0) {
                return get(slot).equalsIgnoreCase(expected);
            }
        }
        if (length != expected.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char actual = (char) buffer[start + i];
            char wanted = expected.charAt(i);
            if (actual != wanted && Character.toLowerCase(actual) != Character.toLowerCase(wanted)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #get} for columns of few distinct values (device, channel, severity, file name): each value is decoded
     * once and the same String returned after, so the caller's hash lookups do not hash a new String per record.
     */
    public String label(int slot) {
        requireRecord();
        probe.point(buffer, cellStart[slot], cellEnd[slot], cellEscaped[slot]);
        String text = labels.get(probe);
        if (text == null) {
            text = get(slot);
            if (labels.size() < MAX_LABELS) {
                labels.put(probe.copy(), text);
            }
        }
        return text;
    }

    /** The cell as a number, NaN when empty; whole numbers are read straight from the bytes. */
    public double number(int slot) {
        requireRecord();
        int from = cellStart[slot];
        int to = cellEnd[slot];
        if (from == to) {
            return Double.NaN;
        }
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
        return Double.parseDouble(get(slot));
    }

    /** A cell's bytes as a map key: a view into the buffer for lookups, a copy when stored. */
    private static final class CellBytes {
        private byte[] bytes;
        private int from;
        private int to;
        private boolean escaped;
        private int hash;

        void point(byte[] bytes, int from, int to, boolean escaped) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            this.escaped = escaped;
            int h = escaped ? 1 : 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        CellBytes copy() {
            CellBytes copy = new CellBytes();
            copy.bytes = Arrays.copyOfRange(bytes, from, to);
            copy.to = to - from;
            copy.escaped = escaped;
            copy.hash = hash;
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CellBytes that && escaped == that.escaped
                    && Arrays.equals(bytes, from, to, that.bytes, that.from, that.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private void requireRecord() {
        if (!hasRecord) {
            throw new IllegalStateException("No current record: call next() first");
        }
    }

    private Map<String, Integer> readHeader() throws IOException {
        if (!fill()) {
            return Map.of();
        }
        List<String> names = new ArrayList<>();
        while (true) {
            names.clear();
            int end = parseRecord(position, null, names);
            if (end != NEEDS_MORE_BYTES) {
                position = end;
                break;
            }
            fill();
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), i);
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * Parses the record starting at {@code start}: stores the bounds of the selected cells (slots given by
     * {@code slots}) or, for the header, adds every cell's text to {@code names}. Returns the position after the
     * record's line break, or {@link #NEEDS_MORE_BYTES} if the buffer ends before the record does.
     */
    private int parseRecord(int start, int[] slots, List<String> names) throws IOException {
        final byte[] bytes = buffer;
        final int end = limit;
        int p = start;
        int column = 0;
        while (true) {
            int cellFrom;
            int cellTo;
            boolean escaped = false;
            if (p < end && bytes[p] == '"') {
                cellFrom = ++p;
                while (true) {
                    if (p >= end) {
                        if (endOfFile) {
                            throw malformed("a quoted cell is not closed before the end of the file");
                        }
                        return NEEDS_MORE_BYTES;
                    }
                    if (bytes[p] == '"') {
                        if (p + 1 >= end && !endOfFile) {
                            return NEEDS_MORE_BYTES;
                        }
                        if (p + 1 < end && bytes[p + 1] == '"') {
                            escaped = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    p++;
                }
                cellTo = p++;
                while (p < end && bytes[p] != ',' && bytes[p] != '\n' && bytes[p] != '\r') {
                    if (!isBlank(bytes[p])) {
                        throw malformed("text after a closing quote");
                    }
                    p++;
                }
            } else {
                cellFrom = p;
                p = unquotedCellEnd(bytes, p, end);
                cellTo = p;
            }
            if (p >= end && !endOfFile) {
                return NEEDS_MORE_BYTES;
            }
            if (names != null) {
                String name = new String(bytes, cellFrom, cellTo - cellFrom, StandardCharsets.UTF_8);
                names.add(escaped ? name.replace("\"\"", "\"") : name);
            } else if (column < slots.length && slots[column] != NOT_SELECTED) {
                int slot = slots[column];
                cellStart[slot] = cellFrom;
                cellEnd[slot] = cellTo;
                cellEscaped[slot] = escaped;
            }
            column++;
            if (p >= end) {
                return p;
            }
            byte delimiter = bytes[p];
            if (delimiter == ',') {
                p++;
            } else if (delimiter == '\n') {
                return p + 1;
            } else if (p + 1 < end) {
                return bytes[p + 1] == '\n' ? p + 2 : p + 1;
            } else {
                return endOfFile ? p + 1 : NEEDS_MORE_BYTES;
            }
        }
    }

    /**
     * Where an unquoted cell starting at {@code from} ends: at the first comma, LF or CR, or at {@code end}. Tests
     * eight bytes a step (decision 0402): most cells are a word or two long, and a byte loop was the stage's cost.
     */
    private static int unquotedCellEnd(byte[] bytes, int from, int end) {
        int p = from;
        for (; p + Long.BYTES <= end; p += Long.BYTES) {
            long word = ByteWords.word(bytes, p);
            long flags = ByteWords.zeroBytes(word ^ COMMAS) | ByteWords.zeroBytes(word ^ LFS)
                    | ByteWords.zeroBytes(word ^ CRS);
            if (flags != 0) {
                return p + ByteWords.firstFlagged(flags);
            }
        }
        for (; p < end; p++) {
            byte b = bytes[p];
            if (b == ',' || b == '\n' || b == '\r') {
                return p;
            }
        }
        return end;
    }

    /** The characters Commons CSV skips between a closing quote and the delimiter (Character.isWhitespace). */
    private static boolean isBlank(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
    }

    /**
     * Keeps the unparsed bytes (the record being read) at the front of the buffer, growing it if that record fills
     * it, and reads more. Returns false when nothing is left to parse.
     */
    private boolean fill() throws IOException {
        int kept = limit - position;
        if (position > 0) {
            dropped += position;
            System.arraycopy(buffer, position, buffer, 0, kept);
            position = 0;
            limit = kept;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        while (!endOfFile && limit < buffer.length) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfFile = true;
            } else {
                limit += read;
                break;
            }
        }
        return limit > position;
    }

    private IOException malformed(String what) {
        return new IOException("The file " + file + " is not a well-formed CSV file (" + what
                + "): run the stage that wrote it again.");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
