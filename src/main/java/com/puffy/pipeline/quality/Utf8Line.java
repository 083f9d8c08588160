package com.puffy.pipeline.quality;

import com.puffy.pipeline.io.ByteWords;
import com.puffy.pipeline.io.CsvCells;
import com.puffy.pipeline.io.CsvOutput;
import java.nio.charset.StandardCharsets;

/**
 * A validated_events.csv line rendered straight into UTF-8 bytes, cell by cell as {@link CsvCells} renders it.
 * Building it in a StringBuilder, then a String, then a byte[] copied every one of its bytes three more times;
 * text the caller knows to be ASCII (the cells of a file that has shown only ASCII bytes) is copied once.
 */
final class Utf8Line {
    private byte[] bytes = new byte[1024];
    private int length;
    private final StringBuilder quoted = new StringBuilder(256);

    void clear() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Appends text as it is; {@code ascii}: every character is below 128, so its bytes are its characters. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exact for ASCII text.
    Utf8Line append(String text, boolean ascii) {
        if (ascii) {
            int n = text.length();
            ensure(n);
            text.getBytes(0, n, bytes, length);
            length += n;
        } else {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }
        return this;
    }

    /** Appends an ASCII character. */
    Utf8Line append(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    Utf8Line append(int value) {
        if (value < 0) {
            return append(Integer.toString(value), true);
        }
        int digits = 1;
        for (int rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        ensure(digits);
        int at = length + digits;
        int rest = value;
        do {
            bytes[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        length += digits;
        return this;
    }

    /** {@link CsvCells#appendText}: a text cell made formula-safe and quoted when needed. */
    void appendText(String text, boolean ascii) {
        if (text == null || text.isEmpty()) {
            return;
        }
        appendQuoted(CsvOutput.mayProtect(text.charAt(0)) ? CsvOutput.formulaSafe(text) : text, ascii);
    }

    /**
     * {@link #appendText(String, boolean)} of a field: when it is held as Latin-1 bytes (an ASCII file) and needs no
     * formula protection, the common case, its bytes are copied, quoted when needed; otherwise its String takes the
     * text path.
     */
    void appendText(FieldValue field, boolean ascii) {
        if (field.latin1() && !startsLikeFormula(field)) {
            if (field.latin1NeedsQuotes()) {
                appendQuotedLatin1(field);
            } else {
                appendLatin1(field);
            }
            return;
        }
        appendText(field.text(), ascii);
    }

    private static boolean startsLikeFormula(FieldValue latin1Field) {
        return latin1Field.length() > 0 && CsvOutput.mayProtect((char) latin1Field.bytes()[latin1Field.offset()]);
    }

    /** {@link CsvCells#appendQuoted} of a Latin-1 field (event_data's JSON on every row): in quotes, each " doubled. */
    private void appendQuotedLatin1(FieldValue field) {
        byte[] text = field.bytes();
        int from = field.offset();
        int end = from + field.length();
        ensure(2 * field.length() + 2);
        bytes[length++] = '"';
        int quote;
        while ((quote = ByteWords.indexOf(text, (byte) '"', from, end)) >= 0) {
            System.arraycopy(text, from, bytes, length, quote + 1 - from);
            length += quote + 1 - from;
            bytes[length++] = '"';
            from = quote + 1;
        }
        System.arraycopy(text, from, bytes, length, end - from);
        length += end - from;
        bytes[length++] = '"';
    }

    /** Appends a field as it is (no quoting), as {@link #append(String, boolean)} would append its String. */
    Utf8Line append(FieldValue field, boolean ascii) {
        if (field.latin1()) {
            appendLatin1(field);
            return this;
        }
        return append(field.text(), ascii);
    }

    /** The Latin-1 bytes of a field of an ASCII file: ASCII, so they are also its UTF-8 bytes. */
    private void appendLatin1(FieldValue field) {
        int n = field.length();
        ensure(n);
        System.arraycopy(field.bytes(), field.offset(), bytes, length, n);
        length += n;
    }

    /** {@link CsvCells#appendQuoted}: a cell as given, quoted when needed. */
    void appendQuoted(String text, boolean ascii) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!CsvCells.needsQuotes(text)) {
            append(text, ascii);
            return;
        }
        quoted.setLength(0);
        CsvCells.appendQuoted(quoted, text);
        append(quoted.toString(), ascii);
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        }
    }
}
