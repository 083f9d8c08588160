package com.puffy.pipeline.quality;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a file saved with classic Mac line ends, a lone CR (Excel for Mac's "CSV (Macintosh)" still writes them), as
 * if its lines ended in LF. Without this the whole file is one header line: its rows vanish into bogus EXTRA
 * columns and the reconciliation counts none of them.
 * <p>
 * The first line decides; files with LF or CRLF pass through untouched.
 */
final class ClassicMacLineEnds {
    /** How far to look for the end of the header line. */
    static final int SNIFF_BYTES = 64 * 1024;

    private ClassicMacLineEnds() {
    }

    /**
     * A stream over {@code in} that reads CR and CRLF as LF if the first line ends in a lone CR, else passes the bytes
     * on as they are. It decides at the first read, so a failing read is the caller's to handle like any other.
     */
    static InputStream normalize(BufferedInputStream in) {
        return new SniffedStream(in);
    }

    static boolean firstLineEndsWithLoneCr(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                return false;
            }
            if (head[i] == '\r') {
                // A CR that ends the sniffed bytes may be half of a CRLF; only the end of the file settles it.
                return i + 1 < head.length ? head[i + 1] != '\n' : head.length < SNIFF_BYTES;
            }
        }
        return false;
    }

    private static final class SniffedStream extends FilterInputStream {
        private boolean decided;
        private boolean translate;
        private boolean afterCr;
        private final byte[] one = new byte[1];

        SniffedStream(BufferedInputStream in) {
            super(in);
        }

        private void decide() throws IOException {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            translate = firstLineEndsWithLoneCr(head);
            decided = true;
        }

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!decided) {
                decide();
            }
            if (!translate) {
                return in.read(b, off, len);
            }
            while (true) {
                int n = in.read(b, off, len);
                if (n < 0) {
                    return n;
                }
                int written = off;
                for (int i = off; i < off + n; i++) {
                    byte c = b[i];
                    if (c == '\n' && afterCr) {
                        afterCr = false;
                        continue;
                    }
                    afterCr = c == '\r';
                    b[written++] = afterCr ? (byte) '\n' : c;
                }
                if (written > off) {
                    return written - off;
                }
                // Every byte read was the LF of a CRLF already given as LF: read on rather than report 0.
            }
        }

        @Override
        public long skip(long n) throws IOException {
            if (!decided) {
                decide();
            }
            if (!translate) {
                return in.skip(n);
            }
            byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
            long skipped = 0;
            while (skipped < n) {
                int got = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (got < 0) {
                    break;
                }
                skipped += got;
            }
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return decided && !translate ? in.available() : 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
