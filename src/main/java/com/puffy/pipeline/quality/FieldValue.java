package com.puffy.pipeline.quality;

import com.puffy.pipeline.io.ByteWords;
import com.puffy.pipeline.model.EmptyValue;
import java.nio.charset.StandardCharsets;

/**
 * One field of the record being validated, read without making a String on the common path. While a file has shown
 * only ASCII bytes, a field the reader did not have to unescape is a range of the reader's Latin-1 buffer, and the
 * checks, the hash and the copy into the output read those bytes; otherwise (a non-ASCII file, a field with ""
 * escapes, a record spanning lines) it is the field's String. Either way {@link #text()} gives the same String the
 * reader would have made, created at most once and only when a rule or an output needs it: at 5M rows, a String per
 * field and the copies between them were a fifth of the validating threads' time.
 * <p>
 * The checks that accept only ASCII characters (numbers, client ids, timestamps) read {@link #asciiBytes()}; their
 * String entry points wrap the String ({@link #of(String)}), so each check is written once.
 */
final class FieldValue {
    private static final byte[] NO_BYTES = new byte[0];

    private byte[] bytes = NO_BYTES;
    private int offset;
    private int length;
    /** Whether the value is bytes[offset, offset + length), one byte per character. */
    private boolean latin1 = true;
    private String text = "";
    /** {@link #asciiBytes()} of a value held as a String, made on first use. */
    private byte[] narrowed;
    private boolean narrowedValid;

    /** A field over a String, for the String entry points of the checks and for tests. */
    static FieldValue of(String text) {
        FieldValue value = new FieldValue();
        value.setText(text);
        return value;
    }

    /** The value is these Latin-1 bytes (one byte per character); they must not change while it is used. */
    void setLatin1(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.latin1 = true;
        this.text = null;
    }

    void setText(String text) {
        this.text = text;
        this.latin1 = false;
        this.length = text.length();
        this.narrowedValid = false;
    }

    void setEmpty() {
        setLatin1(NO_BYTES, 0, 0);
    }

    /** Whether the value is held as Latin-1 bytes (then {@link #bytes()} and {@link #offset()} give them). */
    boolean latin1() {
        return latin1;
    }

    byte[] bytes() {
        return bytes;
    }

    int offset() {
        return offset;
    }

    /** The number of UTF-16 code units, as String.length(). */
    int length() {
        return length;
    }

    /**
     * One byte per character, from {@link #asciiOffset()}: the character itself when it is ASCII, 0xFF otherwise.
     * Enough for a check that accepts only ASCII characters, and the same length as the text.
     */
    byte[] asciiBytes() {
        if (latin1) {
            return bytes;
        }
        if (!narrowedValid) {
            if (narrowed == null || narrowed.length < length) {
                narrowed = new byte[Math.max(length, 32)];
            }
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                narrowed[i] = c < 0x80 ? (byte) c : (byte) 0xFF;
            }
            narrowedValid = true;
        }
        return narrowed;
    }

    int asciiOffset() {
        return latin1 ? offset : 0;
    }

    String text() {
        if (text == null) {
            text = length == 0 ? "" : new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        return text;
    }

    /**
     * Whether the value is empty as every stage means it ({@link EmptyValue}): only white space, control, space or
     * invisible format characters. The row rules and the value-drift profile both ask this, so a column's null share
     * counts the rows its MISSING_ rule quarantines (decision 0822).
     */
    boolean isEmpty() {
        if (!latin1) {
            return EmptyValue.isEmpty(text);
        }
        for (int i = offset; i < offset + length; i++) {
            if (!EmptyValue.isBlankCodePoint(bytes[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@link EmptyValue#trim} would change the value: ASCII padding and a trailing no-break or zero-width
     * space alike, or a format character beyond U+FFFF (decision 0834).
     */
    boolean hasBlankEnd() {
        if (!latin1) {
            return EmptyValue.hasBlankEnd(text);
        }
        return length > 0 && (EmptyValue.isBlankCodePoint(bytes[offset] & 0xff)
                || EmptyValue.isBlankCodePoint(bytes[offset + length - 1] & 0xff));
    }

    /** The field hash over the UTF-16 code units (the Latin-1 bytes are those code units). */
    void hash(Murmur3.Hash128 out) {
        if (latin1) {
            Murmur3.hashLatin1(bytes, offset, length, 0, out);
        } else {
            Murmur3.hash(text, 0, out);
        }
    }

    /**
     * Whether the Latin-1 bytes hold a comma, quote, CR or LF, the characters that make a CSV cell need quotes
     * ({@link com.puffy.pipeline.io.CsvCells#needsQuotes}); eight bytes per step.
     */
    boolean latin1NeedsQuotes() {
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            long word = ByteWords.word(bytes, i);
            if ((hasByte(word, ',') | hasByte(word, '"') | hasByte(word, '\n') | hasByte(word, '\r')) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            byte b = bytes[i];
            if (b == ',' || b == '"' || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Non-zero when one of the eight bytes of word equals c. */
    private static long hasByte(long word, char c) {
        return ByteWords.zeroBytes(word ^ ByteWords.broadcast((byte) c));
    }
}
