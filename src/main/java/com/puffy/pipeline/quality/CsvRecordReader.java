package com.puffy.pipeline.quality;

import com.puffy.pipeline.io.ByteWords;
import com.puffy.pipeline.model.EmptyValue;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records from one event file, tolerant of everything SPEC §2/§4 says happens: a BOM, CRLF, no
 * trailing newline, blank lines and lines of bare commas (not rows), quoted fields spanning lines, and unbalanced quotes. A record that
 * cannot be parsed is returned as {@link Kind#MALFORMED} covering only its first physical line; reading resumes
 * at the next line, so the rows before and after it are still processed.
 * <p>
 * Commons CSV cannot resynchronize after an unbalanced quote (it swallows the rest of the file or stops), and it
 * does not give each record's physical line and raw text, which the quarantine needs; hence this small reader.
 */
final class CsvRecordReader implements Closeable {
    enum Kind { RECORD, MALFORMED }

    /** A multi-line record longer than this is an unbalanced quote, not a field with line breaks. */
    static final int MAX_RECORD_LINES = 64;
    static final int MAX_RECORD_CHARS = 1 << 20;
    /** A physical line longer than this is cut: it is quarantined as malformed, and memory stays bounded. */
    static final int MAX_LINE_CHARS = 16 << 20;

    /** The decoded text, once the text is read through the decoder (null while the bytes are read as they are). */
    private Reader reader;
    private char[] buf = new char[1 << 16];
    /*
     * While every byte read is ASCII, the bytes are the characters: they are read into bytes[] and the decoder is not
     * used (decoding and turning chars back into a String were a tenth of the validating threads' time). At the first
     * other byte the decoder takes over from that byte on, asked for exactly the characters it would have been asked
     * for had it read the file from its start, so the text, the pieces it is read in, and the point where a bad
     * byte stops it are the same (ReaderModesTest compares both ways on generated files).
     */
    private InputStream byteSource;
    private CharsetDecoder decoder;
    private byte[] bytes;
    private int pos;
    private int lim;
    private boolean eof;
    private boolean started;
    private long physicalLine;
    private boolean lineTooLong;
    private boolean sawNul;
    private long loneCarriageReturns;
    private long firstLoneCarriageReturn;

    /**
     * The buffer's text buf[0, lim) as a String, rebuilt after every fill: String.indexOf is a vectorized
     * intrinsic, and scanning the char[] one character at a time for line ends, commas and quotes was a fifth of
     * the stage's CPU.
     */
    private String chunk = "";
    /**
     * The same text as bytes while every character read is ASCII, so the validator can read fields as byte ranges
     * ({@link #field(int, FieldValue)}) instead of Strings.
     */
    private byte[] chunkBytes;
    private boolean chunkLatin1;

    // The current physical line: lineText[lineOff, lineOff + lineLen).
    private String lineText;
    private int lineOff;
    private int lineLen;
    private long lineNo;

    private final ArrayDeque<PendingLine> pending = new ArrayDeque<>();
    private int expectedFields = -1;
    private int fewestFields = -1;

    // The current record: field i is source[fieldStart[i], fieldEnd[i]); when it had "" escapes, it is fieldText[i]
    // or, in an all-ASCII chunk, unescaped[fieldStart[i], fieldEnd[i]).
    private String source;
    /** The source's Latin-1 bytes, or null when the record is not a range of an all-ASCII chunk. */
    private byte[] sourceBytes;
    private int fieldCount;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private String[] fieldText = new String[16];
    private boolean[] fieldUnescaped = new boolean[16];
    /**
     * The fields of the current record that had "" escapes, unescaped, when the record lies in an all-ASCII chunk:
     * such fields (event_data's JSON on every row) then stay bytes for the validator instead of becoming Strings.
     */
    private byte[] unescaped = new byte[1024];
    private int unescapedLength;
    private Kind kind;
    private long recordLine;
    private String rawText;
    private String rawSource;
    private int rawOff;
    private int rawLen;
    private String problem;
    private final StringBuilder scratch = new StringBuilder(256);

    private record PendingLine(long number, String text, boolean tooLong) {
    }

    /** Reads text that is already decoded; fields are always Strings. */
    CsvRecordReader(Reader reader) {
        this.reader = reader;
    }

    /**
     * Reads UTF-8 bytes: as they are while they are ASCII, then through the decoder, which reports what it cannot
     * decode as {@link java.nio.charset.CharacterCodingException} from {@link #next()}.
     */
    CsvRecordReader(InputStream utf8, CharsetDecoder decoder) {
        this.byteSource = utf8;
        this.decoder = decoder;
        this.bytes = new byte[buf.length];
    }

    /** Once the header is known, a multi-line record with another field count is judged malformed. */
    void expectFields(int count) {
        expectFields(count, count);
    }

    /** A record may have from {@code min} to {@code max} fields (a header's unnamed trailing cells are optional). */
    void expectFields(int min, int max) {
        this.expectedFields = max;
        this.fewestFields = min;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** The fields of the current record as Strings (a new list: for the header and the rare paths). */
    List<String> fields() {
        List<String> list = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            list.add(field(i));
        }
        return list;
    }

    /** Field i of the current record. */
    String field(int i) {
        if (i >= fieldCount) {
            return ""; // an optional trailing cell the record does not have
        }
        if (fieldText[i] == null) {
            if (fieldStart[i] == fieldEnd[i]) {
                fieldText[i] = "";
            } else if (fieldUnescaped[i]) {
                fieldText[i] = new String(unescaped, fieldStart[i], fieldEnd[i] - fieldStart[i],
                        StandardCharsets.ISO_8859_1);
            } else {
                fieldText[i] = source.substring(fieldStart[i], fieldEnd[i]);
            }
        }
        return fieldText[i];
    }

    /**
     * Sets target to field i of the current record: as a range of Latin-1 bytes when the record lies in an all-ASCII
     * buffer and the field had no "" escapes, else as its String. The bytes stay valid until the next call of
     * {@link #next()}.
     */
    void field(int i, FieldValue target) {
        if (i >= fieldCount) {
            target.setEmpty();
        } else if (sourceBytes != null && fieldText[i] == null) {
            target.setLatin1(fieldUnescaped[i] ? unescaped : sourceBytes, fieldStart[i], fieldEnd[i] - fieldStart[i]);
        } else {
            target.setText(field(i));
        }
    }

    Kind kind() {
        return kind;
    }

    /** The physical line (1-based) where the current record starts. */
    long line() {
        return recordLine;
    }

    /** Why a malformed record could not be parsed. */
    String problem() {
        return problem;
    }

    /** How many lines ended in a lone CR (a CR not followed by LF, before the end of the file). */
    long loneCarriageReturns() {
        return loneCarriageReturns;
    }

    /** The first line that ended in a lone CR, or 0. */
    long firstLoneCarriageReturn() {
        return firstLoneCarriageReturn;
    }

    /** Whether a NUL character was read: text files have none, so the file is binary. */
    boolean sawNul() {
        return sawNul;
    }

    /** The record's text as read (lines joined with LF, CR of CRLF dropped, a lone CR read as a line end). */
    String rawText() {
        if (rawText == null) {
            rawText = rawSource.substring(rawOff, rawOff + rawLen);
        }
        return rawText;
    }

    /** Advances to the next non-blank record; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            if (!nextLine()) {
                return false;
            }
            if (isBlank(lineText, lineOff, lineLen)) {
                continue;
            }
            rawText = null;
            recordLine = lineNo;
            problem = null;
            if (lineTooLong) {
                setMalformed("the line is longer than " + MAX_LINE_CHARS + " characters");
                return true;
            }
            int status = parse(lineText, lineOff, lineLen);
            if (status == OK) {
                kind = Kind.RECORD;
                sourceBytes = lineText == chunk && chunkLatin1 ? chunkBytes : null;
                rawSource = lineText;
                rawOff = lineOff;
                rawLen = lineLen;
                return true;
            }
            if (status == BAD) {
                setMalformed(problem);
                return true;
            }
            continueAcrossLines();
            return true;
        }
    }

    private void continueAcrossLines() throws IOException {
        String first = lineText.substring(lineOff, lineOff + lineLen);
        StringBuilder joined = new StringBuilder(first);
        List<PendingLine> consumed = new ArrayList<>();
        int status = OPEN;
        while (status == OPEN) {
            if (consumed.size() >= MAX_RECORD_LINES || joined.length() > MAX_RECORD_CHARS) {
                problem = "a quoted field is not closed";
                break;
            }
            if (!nextLine()) {
                problem = "a quoted field is not closed before the end of the file";
                break;
            }
            PendingLine line = new PendingLine(lineNo, lineText.substring(lineOff, lineOff + lineLen), lineTooLong);
            consumed.add(line);
            if (line.tooLong()) {
                problem = "a quoted field is not closed";
                break;
            }
            joined.append('\n').append(line.text());
            String text = joined.toString();
            status = parse(text, 0, text.length());
            if (status == OK && expectedFields >= 0 && (fieldCount > expectedFields || fieldCount < fewestFields)) {
                status = BAD;
                problem = "a quoted field runs over " + (consumed.size() + 1) + " lines and the record has "
                        + fieldCount + " fields instead of " + expectedFields;
            }
            if (status == OK) {
                kind = Kind.RECORD;
                sourceBytes = null;
                rawText = text;
                return;
            }
        }
        // Resynchronize: only the first line is the bad record; the lines after it are read again as records.
        for (int i = consumed.size() - 1; i >= 0; i--) {
            pending.addFirst(consumed.get(i));
        }
        fieldCount = 0;
        kind = Kind.MALFORMED;
        rawText = first;
        if (problem == null) {
            problem = "a quoted field is not closed";
        }
    }

    private void setMalformed(String why) {
        fieldCount = 0;
        kind = Kind.MALFORMED;
        problem = why;
        rawSource = lineText;
        rawOff = lineOff;
        rawLen = lineLen;
    }

    private static final int OK = 0;
    private static final int OPEN = 1;
    private static final int BAD = 2;

    /** Splits one candidate record into its fields: OK, OPEN (a quote still open at the end) or BAD. */
    private int parse(String a, int off, int len) {
        source = a;
        fieldCount = 0;
        unescapedLength = 0;
        int end = off + len;
        int i = off;
        while (true) {
            if (i < end && a.charAt(i) == '"') {
                int start = i + 1;
                int j = start;
                boolean escaped = false;
                while (true) {
                    j = find(a, QUOTE, j);
                    if (j < 0 || j >= end) {
                        return OPEN;
                    }
                    if (j + 1 < end && a.charAt(j + 1) == '"') {
                        escaped = true;
                        j += 2;
                        continue;
                    }
                    break;
                }
                if (escaped && a == chunk && chunkLatin1) {
                    addUnescapedBytes(chunkBytes, start, j);
                } else if (escaped) {
                    scratch.setLength(0);
                    for (int k = start; k < j; k++) {
                        char c = a.charAt(k);
                        scratch.append(c);
                        if (c == '"') {
                            k++;
                        }
                    }
                    addField(start, j, scratch.toString());
                } else {
                    addField(start, j, null);
                }
                i = j + 1;
                if (i >= end) {
                    return OK;
                }
                if (a.charAt(i) != ',') {
                    problem = "a quoted field is followed by text before the next comma (column " + fieldCount + ")";
                    return BAD;
                }
                i++;
                if (i >= end) {
                    addField(i, i, null);
                    return OK;
                }
            } else {
                int j = find(a, COMMA, i);
                if (j < 0 || j > end) {
                    j = end;
                }
                addField(i, j, null);
                if (j >= end) {
                    return OK;
                }
                i = j + 1;
                if (i >= end) {
                    addField(i, i, null);
                    return OK;
                }
            }
        }
    }

    /** Appends a field a[start, end), or the given unescaped text of a field that had "" escapes. */
    private void addField(int start, int end, String unescapedText) {
        if (fieldCount == fieldStart.length) {
            fieldStart = java.util.Arrays.copyOf(fieldStart, fieldCount * 2);
            fieldEnd = java.util.Arrays.copyOf(fieldEnd, fieldCount * 2);
            fieldText = java.util.Arrays.copyOf(fieldText, fieldCount * 2);
            fieldUnescaped = java.util.Arrays.copyOf(fieldUnescaped, fieldCount * 2);
        }
        fieldStart[fieldCount] = start;
        fieldEnd[fieldCount] = end;
        fieldText[fieldCount] = unescapedText;
        fieldUnescaped[fieldCount] = false;
        fieldCount++;
    }

    /** Appends the quoted field bytes[start, end) with each "" made one ", kept as bytes in {@link #unescaped}. */
    private void addUnescapedBytes(byte[] bytes, int start, int end) {
        if (unescapedLength + (end - start) > unescaped.length) {
            unescaped = java.util.Arrays.copyOf(unescaped,
                    Math.max(unescaped.length * 2, unescapedLength + end - start));
        }
        int from = unescapedLength;
        int to = from;
        for (int k = start; k < end; k++) {
            byte b = bytes[k];
            unescaped[to++] = b;
            if (b == '"') {
                k++;
            }
        }
        unescapedLength = to;
        addField(from, to, null);
        fieldUnescaped[fieldCount - 1] = true;
    }

    private static final int COMMA = 0;
    private static final int QUOTE = 1;
    private static final int CR = 2;
    private static final char[] SOUGHT = {',', '"', '\r'};
    // Per sought character: the text searched last, the position searched from, and what was found (-1: none).
    private final String[] searchedText = new String[3];
    private final int[] searchedFrom = new int[3];
    private final int[] found = new int[3];

    /**
     * text.indexOf(sought, from), remembering the answer: the last field of a line is searched past the line's end
     * (indexOf has no end bound), and without the memory a run of lines without that character would be scanned
     * again and again up to the next one.
     */
    private int find(String text, int sought, int from) {
        if (searchedText[sought] == text && searchedFrom[sought] <= from
                && (found[sought] < 0 || found[sought] >= from)) {
            return found[sought];
        }
        searchedText[sought] = text;
        searchedFrom[sought] = from;
        found[sought] = text.indexOf(SOUGHT[sought], from);
        return found[sought];
    }

    /**
     * A line of only blanks, or of only commas between blanks: spreadsheets save rows whose cells were cleared as
     * {@code ,,,,,,}. Counted as rows they were quarantined as MISSING_CLIENT_ID and raised the day's client-id null
     * rate into a CRITICAL alert about data nobody sent (decision 0200). Blanks are those of every empty cell
     * ({@link EmptyValue}, decision 0825): a line of a no-break space shows as much as an empty line, yet it was a
     * row, quarantined as COLUMN_COUNT_MISMATCH and counted in rows_read.
     */
    private static boolean isBlank(String a, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; ) {
            char c = a.charAt(i);
            if (c > ' ' && c < 0x7F && c != ',') {
                return false;
            }
            // Code points, not UTF-16 units: a line of U+E0001 (two surrogates) shows as much as one of U+2060.
            int codePoint = a.codePointAt(i);
            if (codePoint != ',' && !EmptyValue.isBlankCodePoint(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Moves to the next physical line (from the pushback queue first); false at the end of the file. */
    private boolean nextLine() throws IOException {
        while (true) {
            if (!pending.isEmpty()) {
                PendingLine line = pending.pollFirst();
                lineText = line.text();
                lineOff = 0;
                lineLen = lineText.length();
                lineNo = line.number();
                lineTooLong = line.tooLong();
                return true;
            }
            lineTooLong = false;
            int i = chunk.indexOf('\n', pos);
            int cr = find(chunk, CR, pos);
            if (cr >= 0 && (i < 0 || cr < i - 1)) {
                // A CR that is not the CR of this line's CRLF: a lone CR, which ends a line as in Excel, LibreOffice
                // and Python's csv. Read as data, it joined two rows into one record of twice the fields (0801).
                // A CR that ends the text read so far may be half of a CRLF: it waits for the next read (below).
                if (cr + 1 < lim) {
                    emitLine(pos, cr);
                    pos = cr + 1;
                    loneCarriageReturns++;
                    if (firstLoneCarriageReturn == 0) {
                        firstLoneCarriageReturn = lineNo;
                    }
                    return true;
                }
            }
            if (i >= 0) {
                emitLine(pos, i);
                pos = i + 1;
                return true;
            }
            if (eof) {
                if (pos < lim) {
                    emitLine(pos, lim);
                    pos = lim;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void emitLine(int from, int to) {
        int end = to;
        if (end > from && chunk.charAt(end - 1) == '\r') {
            end--;
        }
        lineText = chunk;
        lineOff = from;
        lineLen = end - from;
        lineNo = ++physicalLine;
    }

    private void fill() throws IOException {
        fresh = -1;
        if (byteSource != null) {
            fillBytes();
        } else {
            fillBuffer();
        }
        if (byteSource != null) {
            chunk = new String(bytes, 0, lim, StandardCharsets.ISO_8859_1);
            chunkBytes = bytes;
            chunkLatin1 = true;
        } else {
            chunk = new String(buf, 0, lim);
            chunkLatin1 = false;
        }
        if (fresh >= 0 && chunk.indexOf('\0', fresh) >= 0) {
            sawNul = true;
        }
    }

    /** Where the characters the last fill read start in buf; -1 when it read none. */
    private int fresh;

    private void fillBuffer() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            if (buf.length >= MAX_LINE_CHARS) {
                // Keep memory bounded: the line so far becomes one record marked too long; the rest of the line
                // is discarded up to its end.
                skipRestOfLongLine();
                return;
            }
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = reader.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return;
        }
        if (!started) {
            started = true;
            if (n > 0 && buf[lim] == '\uFEFF') {
                System.arraycopy(buf, lim + 1, buf, lim, n - 1);
                n--;
            }
        }
        fresh = lim;
        lim += n;
    }

    /** {@link #fillBuffer} on the bytes while they are ASCII: the same requests, the same characters. */
    private void fillBytes() throws IOException {
        if (pos > 0) {
            System.arraycopy(bytes, pos, bytes, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == bytes.length) {
            if (bytes.length >= MAX_LINE_CHARS) {
                startDecoding(lim, NO_BYTES, 0, 0);
                fillBuffer();
                return;
            }
            bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
        }
        int wanted = bytes.length - lim;
        if (wanted < 2) {
            // The decoder reads a single character differently (two, keeping one back): let it.
            startDecoding(lim, NO_BYTES, 0, 0);
            fillBuffer();
            return;
        }
        int got = 0;
        while (got < wanted) {
            int n = byteSource.read(bytes, lim + got, wanted - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        if (got == 0) {
            eof = true;
            return;
        }
        int other = ByteWords.isAscii(bytes, lim, lim + got) ? -1
                : firstNonAscii(bytes, lim, lim + got);
        if (other < 0) {
            started = true;
            fresh = lim;
            lim += got;
            return;
        }
        // The ASCII bytes before it are characters; the decoder is asked for the rest of this read's characters
        // (at least two, see above) from the bytes read from there on.
        int asciiEnd = Math.min(other, lim + wanted - 2);
        int from = lim;
        startDecoding(asciiEnd, bytes, asciiEnd, lim + got);
        int n = reader.read(buf, asciiEnd, wanted - (asciiEnd - from));
        int count = asciiEnd - from + Math.max(n, 0);
        if (!started) {
            started = true;
            if (count > 0 && buf[from] == '\uFEFF') {
                System.arraycopy(buf, from + 1, buf, from, count - 1);
                count--;
            }
        }
        fresh = from;
        lim = from + count;
    }

    private static final byte[] NO_BYTES = new byte[0];

    /**
     * From now on the text comes from the decoder: the first {@code textEnd} bytes (ASCII) become characters, and
     * the decoder reads prefix[from, to) (bytes already read) and then the rest of the stream.
     */
    private void startDecoding(int textEnd, byte[] prefix, int from, int to) {
        if (buf.length < bytes.length) {
            buf = new char[bytes.length];
        }
        for (int i = 0; i < textEnd; i++) {
            buf[i] = (char) bytes[i];
        }
        reader = new InputStreamReader(new PrefixedStream(java.util.Arrays.copyOfRange(prefix, from, to), byteSource),
                decoder);
        byteSource = null;
        bytes = null;
        chunkBytes = null;
    }

    /** Whether the text so far was read as bytes, all of them ASCII (no byte-order mark either). */
    boolean readsAsciiBytes() {
        return byteSource != null;
    }

    /** The index of the first byte of b[from, to) that is not ASCII, or -1. */
    static int firstNonAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (!ByteWords.isAscii(b, i, i + 8)) {
                break;
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes already read, then the rest of a stream. */
    private static final class PrefixedStream extends InputStream {
        private final byte[] prefix;
        private int at;
        private final InputStream rest;

        PrefixedStream(byte[] prefix, InputStream rest) {
            this.prefix = prefix;
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            return at < prefix.length ? prefix[at++] & 0xff : rest.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (at < prefix.length) {
                int n = Math.min(len, prefix.length - at);
                System.arraycopy(prefix, at, b, off, n);
                at += n;
                return n;
            }
            return rest.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(Integer.MAX_VALUE, (long) (prefix.length - at) + rest.available());
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }

    private void skipRestOfLongLine() throws IOException {
        char[] skip = new char[1 << 16];
        // The long line ends where nextLine would end it: at an LF, or at a lone CR (0801). Skipped to the next LF
        // alone, the rows after a lone CR vanished into the long line and later lines were numbered one too low.
        // A CR is settled by the character after it, which may come with the next read (or the buffer's last one).
        boolean afterCr = lim > 0 && buf[lim - 1] == '\r';
        while (true) {
            int n = reader.read(skip, 0, skip.length);
            if (n < 0) {
                eof = true;
                break;
            }
            int restFrom = -1;
            for (int i = 0; i < n; i++) {
                char c = skip[i];
                if (afterCr) {
                    restFrom = c == '\n' ? i + 1 : i;
                    if (c != '\n') {
                        loneCarriageReturns++;
                        if (firstLoneCarriageReturn == 0) {
                            firstLoneCarriageReturn = physicalLine + 1;
                        }
                    }
                    break;
                }
                if (c == '\n') {
                    restFrom = i + 1;
                    break;
                }
                afterCr = c == '\r';
            }
            if (restFrom >= 0) {
                // Put back what follows the line end; the buffer keeps the first part of the long line.
                int rest = n - restFrom;
                pending.addLast(new PendingLine(physicalLine + 1, new String(buf, 0, Math.min(lim, 4096)), true));
                physicalLine++;
                pos = 0;
                lim = 0;
                System.arraycopy(skip, restFrom, buf, 0, rest);
                lim = rest;
                return;
            }
        }
        pending.addLast(new PendingLine(physicalLine + 1, new String(buf, 0, Math.min(lim, 4096)), true));
        physicalLine++;
        pos = 0;
        lim = 0;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        } else {
            byteSource.close();
        }
    }
}
