package com.puffy.pipeline.transform;

import com.puffy.pipeline.io.ByteWords;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.io.CsvOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CSV rows as UTF-8 bytes in a growable buffer, for the outputs with millions of rows (sessions.csv): the Writer and
 * character encoder under {@link CsvOutput} cost more than the rendering itself. The bytes are those CsvOutput writes:
 * numbers, booleans and timestamps are ASCII that never needs quotes, text is copied as it is only when it is
 * printable ASCII that neither the RFC 4180 printer would quote nor the formula rule would touch, and every other
 * text cell is rendered by CsvOutput's own format.
 */
final class CsvBytes {
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;
    private boolean rowStart = true;
    private final StringBuilder slow = new StringBuilder(256);
    private final byte[] digits = new byte[20];
    private int cachedDay = Integer.MIN_VALUE;
    private byte[] cachedDate;

    CsvBytes(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
        rowStart = true;
    }

    void endRow() {
        put((byte) '\n');
        rowStart = true;
    }

    /** A text cell, as {@link CsvOutput#row} writes it. */
    void text(String value) {
        String rendered = CsvOutput.render(value);
        if (plainAscii(rendered)) {
            // What CsvOutput copies as it is (attribution.csv's order keys): no printer, no String to encode.
            separate();
            int n = rendered.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) rendered.charAt(i);
            }
            return;
        }
        slow.setLength(0);
        try {
            // Writes the delimiter itself, and quotes by position (an empty first cell is quoted).
            CsvOutput.FORMAT.print(rendered, slow, rowStart);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A StringBuilder does not fail", e);
        }
        rowStart = false;
        byte[] utf8 = slow.toString().getBytes(StandardCharsets.UTF_8);
        append(utf8, 0, utf8.length);
    }

    /** Printable ASCII, not empty, that the RFC 4180 printer leaves unquoted (see {@link #plainAscii(byte[], int, int)}). */
    private static boolean plainAscii(String rendered) {
        int n = rendered.length();
        if (n == 0 || rendered.charAt(0) <= '#' || rendered.charAt(n - 1) <= ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = rendered.charAt(i);
            if (c < ' ' || c > '~' || c == ',' || c == '"') {
                return false;
            }
        }
        return true;
    }

    /**
     * A text cell whose value is {@link CsvInput#unprotect} of these UTF-8 bytes (a cell read back from a product CSV,
     * whose formula protection is undone and then applied again on writing).
     */
    void readText(byte[] b, int from, int to) {
        if (from == to && !rowStart) {
            put((byte) ',');
            return;
        }
        if (plainAscii(b, from, to)) {
            separate();
            append(b, from, to);
            return;
        }
        text(unprotected(b, from, to));
    }

    /** The session id {@code <client>-<n>} of a client id read back from a product CSV. */
    void sessionId(byte[] client, int from, int to, int sequence) {
        sessionId(client, from, to, sequence, plainAscii(client, from, to));
    }

    /**
     * The cells {@code session_id,client_id} of a client id read back from a product CSV: one check of the client's
     * bytes serves both cells.
     */
    void sessionAndClient(byte[] client, int from, int to, int sequence) {
        boolean plain = plainAscii(client, from, to);
        sessionId(client, from, to, sequence, plain);
        if (plain) {
            put((byte) ',');
            append(client, from, to);
        } else {
            text(unprotected(client, from, to));
        }
    }

    private void sessionId(byte[] client, int from, int to, int sequence, boolean plain) {
        if (plain) {
            separate();
            append(client, from, to);
            put((byte) '-');
            digits(sequence);
        } else {
            text(unprotected(client, from, to) + "-" + sequence);
        }
    }

    private static String unprotected(byte[] b, int from, int to) {
        return CsvInput.unprotect(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    private static final long COMMAS = ByteWords.broadcast((byte) ',');
    private static final long QUOTES = ByteWords.broadcast((byte) '"');
    private static final long DELETES = ByteWords.broadcast((byte) 0x7F);

    /**
     * Printable ASCII, not empty, that the printer leaves unquoted (no delimiter or quote, a first character after
     * '#', no space at the end) and that is neither formula-protected nor risky (first character not {@code = + - @ '}),
     * so unprotecting, protecting and printing it give back the same bytes.
     */
    static boolean plainAscii(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        byte first = b[from];
        if (first <= '#' || first > '~' || first == '=' || first == '+' || first == '-' || first == '@'
                || first == '\'' || b[to - 1] <= ' ') {
            return false;
        }
        int i = from;
        // Landing pages are long: eight bytes a step. A non-ASCII byte has its high bit set.
        for (; i + 8 <= to; i += 8) {
            long w = ByteWords.word(b, i);
            if (((w & ByteWords.HIGHS) | ByteWords.bytesBelow(w, (byte) ' ') | ByteWords.zeroBytes(w ^ DELETES)
                    | ByteWords.zeroBytes(w ^ COMMAS) | ByteWords.zeroBytes(w ^ QUOTES)) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            // Bytes are signed: every non-ASCII byte is below ' '.
            if (c < ' ' || c > '~' || c == ',' || c == '"') {
                return false;
            }
        }
        return true;
    }

    /** A cell rendered once beforehand by {@link #renderedCell}, delimiter included. */
    void rendered(byte[] cell) {
        if (rowStart) {
            throw new IllegalStateException("A pre-rendered cell carries its delimiter and cannot start a row");
        }
        append(cell, 0, cell.length);
    }

    /** The bytes {@link #text} writes for {@code value} anywhere but first in a row. */
    static byte[] renderedCell(String value) {
        CsvBytes one = new CsvBytes(64);
        one.rowStart = false;
        one.text(value);
        return Arrays.copyOf(one.bytes, one.size);
    }

    void number(long value) {
        separate();
        digits(value);
    }

    void bool(boolean value) {
        separate();
        byte[] text = value ? TRUE : FALSE;
        append(text, 0, text.length);
    }

    void number(double value) {
        if (value == 0) {
            number(0L);
        } else {
            // Out of line: most revenue cells are 0, and the JIT then leaves the decimal formatting out of the
            // compiled row instead of inlining BigDecimal into it.
            nonZero(value);
        }
    }

    private void nonZero(double value) {
        String text = CsvOutput.formatDouble(value);
        if (text.isEmpty()) {
            text(text);
            return;
        }
        separate();
        for (int i = 0; i < text.length(); i++) {
            put((byte) text.charAt(i));
        }
    }

    /**
     * Milliseconds as seconds, as {@code CsvOutput} writes the whole number or the double {@code millis / 1000.0}:
     * below about 30 years a double holds the three decimals exactly after its six-decimal rounding, so they are
     * written directly with trailing zeros dropped.
     */
    void seconds(long millis) {
        if (millis % 1000 == 0) {
            number(millis / 1000);
            return;
        }
        if (millis < 0 || millis >= 1_000_000_000_000L) {
            number(millis / 1000.0);
            return;
        }
        separate();
        digits(millis / 1000);
        put((byte) '.');
        int fraction = (int) (millis % 1000);
        put((byte) ('0' + fraction / 100));
        if (fraction % 100 != 0) {
            put((byte) ('0' + fraction / 10 % 10));
            if (fraction % 10 != 0) {
                put((byte) ('0' + fraction % 10));
            }
        }
    }

    /** {@code YYYY-MM-DD}, as {@link Times#date}. */
    void date(int epochDay) {
        byte[] date = dateBytes(epochDay);
        if (!digitFirst(date)) {
            text(Times.date(epochDay));
            return;
        }
        separate();
        append(date, 0, date.length);
    }

    /** {@code YYYY-MM-DDTHH:MM:SS.sssZ}, as {@link Times.Formatter#timestamp}. */
    void timestamp(long epochMillis) {
        int day = Times.dayOf(epochMillis);
        int inDay = (int) (epochMillis - day * Times.DAY_MS);
        byte[] date = dateBytes(day);
        if (!digitFirst(date)) {
            text(new Times.Formatter().timestamp(epochMillis));
            return;
        }
        separate();
        ensure(date.length + 14);
        byte[] b = bytes;
        int p = size;
        System.arraycopy(date, 0, b, p, date.length);
        p += date.length;
        b[p++] = 'T';
        p = two(b, p, inDay / 3_600_000);
        b[p++] = ':';
        p = two(b, p, inDay / 60_000 % 60);
        b[p++] = ':';
        p = two(b, p, inDay / 1000 % 60);
        b[p++] = '.';
        int milli = inDay % 1000;
        b[p++] = (byte) ('0' + milli / 100);
        b[p++] = (byte) ('0' + milli / 10 % 10);
        b[p++] = (byte) ('0' + milli % 10);
        b[p++] = 'Z';
        size = p;
    }

    private static int two(byte[] b, int p, int v) {
        b[p] = (byte) ('0' + v / 10);
        b[p + 1] = (byte) ('0' + v % 10);
        return p + 2;
    }

    /** Years before 0 or after 9999 are written with a sign, which the formula rule protects. */
    private static boolean digitFirst(byte[] date) {
        return date[0] >= '0' && date[0] <= '9';
    }

    private byte[] dateBytes(int epochDay) {
        if (epochDay != cachedDay) {
            cachedDay = epochDay;
            cachedDate = Times.date(epochDay).getBytes(StandardCharsets.US_ASCII);
        }
        return cachedDate;
    }

    private void separate() {
        if (rowStart) {
            rowStart = false;
        } else {
            put((byte) ',');
        }
    }

    private void digits(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
                append(text, 0, text.length);
                return;
            }
            put((byte) '-');
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        ensure(n);
        while (n > 0) {
            bytes[size++] = digits[--n];
        }
    }

    private void put(byte b) {
        if (size == bytes.length) {
            ensure(1);
        }
        bytes[size++] = b;
    }

    private void append(byte[] b, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(b, from, bytes, size, n);
        size += n;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }
}
