package com.puffy.pipeline.transform;

import com.puffy.pipeline.io.ByteWords;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming RFC 4180 reader over raw bytes for the stage's big input (validated_events.csv, millions of rows).
 * Commons CSV builds a String for every field of every row; here a record is a set of byte ranges in a reusable
 * buffer, and the caller decodes only the fields it keeps (or interns them without decoding, see
 * {@link ByteDictionary}). Quoted fields with doubled quotes and line breaks, CRLF or LF, a BOM and a missing last
 * newline are handled; blank lines are skipped. See docs/decisions/0301-fast-csv-reader.md.
 */
final class FastCsvReader implements Closeable {
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final InputStream in;
    private byte[] buf;
    private int limit;
    private int pos;
    private boolean eof;
    private long consumedBefore;
    private long recordNumber;
    private long lineNumber = 1;
    private long recordLine;

    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] escaped = new boolean[32];
    private int count;
    private byte[] scratch = new byte[256];

    FastCsvReader(InputStream in) {
        this(in, 1 << 20);
    }

    /** With a chosen initial buffer, so tests can make records straddle refills. */
    FastCsvReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(4, bufferSize)];
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        while (true) {
            int result = parse();
            if (result > 0) {
                recordNumber++;
                if (recordNumber == 1) {
                    stripBom();
                }
                if (count == 1 && ends[0] == starts[0] && !escaped[0] && !quotedEmpty) {
                    continue;
                }
                return true;
            }
            if (result == 0) {
                return false;
            }
            refill();
        }
    }

    private boolean quotedEmpty;

    /** 1: a record parsed; 0: end of input; -1: the buffer ends inside the record (refill and retry). */
    private int parse() {
        int p = pos;
        if (p >= limit && eof) {
            return 0;
        }
        count = 0;
        quotedEmpty = false;
        long lines = 0;
        byte[] b = buf;
        while (true) {
            if (count == starts.length) {
                grow();
            }
            if (p < limit && b[p] == QUOTE) {
                int start = p + 1;
                int q = start;
                boolean esc = false;
                while (true) {
                    q = scanQuoted(b, q, limit);
                    if (q >= limit) {
                        if (eof) {
                            // An unterminated quote at the end: take the rest as the field.
                            starts[count] = start;
                            ends[count] = limit;
                            escaped[count] = esc;
                            count++;
                            pos = limit;
                            lineNumberAdvance(lines);
                            return 1;
                        }
                        return -1;
                    }
                    byte c = b[q];
                    if (c == QUOTE) {
                        if (q + 1 >= limit && !eof) {
                            return -1;
                        }
                        if (q + 1 < limit && b[q + 1] == QUOTE) {
                            esc = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == LF) {
                        lines++;
                    }
                    q++;
                }
                starts[count] = start;
                ends[count] = q;
                escaped[count] = esc;
                if (q == start) {
                    quotedEmpty = true;
                }
                count++;
                p = q + 1;
                // Skip anything between the closing quote and the delimiter (not valid RFC 4180, kept lenient).
                while (p < limit && b[p] != COMMA && b[p] != LF && b[p] != CR) {
                    p++;
                }
            } else {
                int q = scanUnquoted(b, p, limit);
                if (q >= limit && !eof) {
                    return -1;
                }
                starts[count] = p;
                ends[count] = q;
                escaped[count] = false;
                count++;
                p = q;
            }
            if (p >= limit) {
                if (!eof) {
                    return -1;
                }
                pos = p;
                lineNumberAdvance(lines);
                return 1;
            }
            byte c = b[p];
            if (c == COMMA) {
                p++;
                continue;
            }
            if (c == CR) {
                if (p + 1 >= limit && !eof) {
                    return -1;
                }
                p++;
                if (p < limit && b[p] == LF) {
                    p++;
                }
            } else {
                p++;
            }
            pos = p;
            lineNumberAdvance(lines + 1);
            return 1;
        }
    }

    private static final long COMMAS = ByteWords.broadcast(COMMA);
    private static final long LFS = ByteWords.broadcast(LF);
    private static final long CRS = ByteWords.broadcast(CR);
    private static final long QUOTES = ByteWords.broadcast(QUOTE);

    /** The first index in [q, limit) holding a comma, LF or CR (8 bytes per step), or limit. */
    static int scanUnquoted(byte[] b, int q, int limit) {
        while (q + 8 <= limit) {
            long w = ByteWords.word(b, q);
            // LF and CR in one test, with the other control characters below CR: those few are stepped over.
            long m = ByteWords.zeroBytes(w ^ COMMAS) | ByteWords.bytesBelow(w, (byte) (CR + 1));
            if (m != 0) {
                int at = q + ByteWords.firstFlagged(m);
                byte c = b[at];
                if (c == COMMA || c == LF || c == CR) {
                    return at;
                }
                q = at + 1;
                continue;
            }
            q += 8;
        }
        while (q < limit) {
            byte c = b[q];
            if (c == COMMA || c == LF || c == CR) {
                return q;
            }
            q++;
        }
        return limit;
    }

    /** The first index in [q, limit) holding a quote or LF (inside a quoted field), or limit. */
    static int scanQuoted(byte[] b, int q, int limit) {
        while (q + 8 <= limit) {
            long w = ByteWords.word(b, q);
            long m = ByteWords.zeroBytes(w ^ QUOTES) | ByteWords.zeroBytes(w ^ LFS);
            if (m != 0) {
                return q + ByteWords.firstFlagged(m);
            }
            q += 8;
        }
        while (q < limit) {
            byte c = b[q];
            if (c == QUOTE || c == LF) {
                return q;
            }
            q++;
        }
        return limit;
    }

    private void lineNumberAdvance(long lines) {
        recordLine = lineNumber;
        lineNumber += lines;
    }

    private void refill() throws IOException {
        if (pos > 0) {
            int remaining = limit - pos;
            System.arraycopy(buf, pos, buf, 0, remaining);
            consumedBefore += pos;
            limit = remaining;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    private void grow() {
        int n = starts.length * 2;
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        escaped = Arrays.copyOf(escaped, n);
    }

    private void stripBom() {
        int s = starts[0];
        if (ends[0] - s >= 3 && buf[s] == (byte) 0xEF && buf[s + 1] == (byte) 0xBB && buf[s + 2] == (byte) 0xBF) {
            starts[0] = s + 3;
        }
    }

    int fieldCount() {
        return count;
    }

    /** The 1-based line on which the current record starts (line 1 is the header). */
    long line() {
        return recordLine;
    }

    /** Bytes of the input consumed so far, for progress. */
    long bytesRead() {
        return consumedBefore + pos;
    }

    boolean isEmpty(int field) {
        return field >= count || ends[field] == starts[field];
    }

    String string(int field) {
        if (field >= count) {
            return "";
        }
        if (!escaped[field]) {
            return new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
        }
        int n = unescape(field);
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }

    /** The field's id in {@code dictionary}, interned from its bytes without building a String. */
    int intern(int field, ByteDictionary dictionary) {
        if (field >= count) {
            return dictionary.intern(scratch, 0, 0);
        }
        if (!escaped[field]) {
            return dictionary.intern(buf, starts[field], ends[field]);
        }
        int n = unescape(field);
        return dictionary.intern(scratch, 0, n);
    }

    /**
     * Copies the field's bytes (doubled quotes undone) to {@code target} at {@code at}, which must have room for
     * {@code end(field) - start(field)} bytes; returns the index after the last byte copied.
     */
    int copy(int field, byte[] target, int at) {
        if (field >= count) {
            return at;
        }
        if (!escaped[field]) {
            int n = ends[field] - starts[field];
            System.arraycopy(buf, starts[field], target, at, n);
            return at + n;
        }
        int n = unescape(field);
        System.arraycopy(scratch, 0, target, at, n);
        return at + n;
    }

    /** True when the field's bytes are exactly {@code ascii}. */
    boolean equalsAscii(int field, byte[] ascii) {
        if (field >= count || escaped[field]) {
            return field < count && string(field).equals(new String(ascii, StandardCharsets.US_ASCII));
        }
        int s = starts[field];
        int len = ends[field] - s;
        if (len != ascii.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[s + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    /** The field's raw byte range, valid until the next call to {@link #next()} (unescaped fields only). */
    byte[] buffer() {
        return buf;
    }

    /**
     * Where the field's bytes begin in the whole input (after the opening quote of a quoted field), so a later
     * reader can fetch them again without parsing the records in between.
     */
    long offset(int field) {
        return consumedBefore + start(field);
    }

    int start(int field) {
        return field < count ? starts[field] : 0;
    }

    int end(int field) {
        return field < count ? ends[field] : 0;
    }

    boolean isEscaped(int field) {
        return field < count && escaped[field];
    }

    private int unescape(int field) {
        int s = starts[field];
        int e = ends[field];
        if (scratch.length < e - s) {
            scratch = new byte[Math.max(e - s, scratch.length * 2)];
        }
        int n = 0;
        for (int i = s; i < e; i++) {
            byte c = buf[i];
            scratch[n++] = c;
            if (c == QUOTE && i + 1 < e && buf[i + 1] == QUOTE) {
                i++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
