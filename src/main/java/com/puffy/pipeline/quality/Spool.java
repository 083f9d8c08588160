package com.puffy.pipeline.quality;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Per-file intermediate results between validating a file (in parallel) and writing the outputs (in file order,
 * after the cross-file steps): one entry per row read, quarantined or candidate, in line order. Each input file is
 * therefore streamed once; the spool holds rows already rendered as CSV cells, so writing them is a byte copy.
 * <p>
 * Its own buffer instead of DataOutputStream: that writes an int as four synchronized single-byte writes, which
 * showed up as the top cost of spooling in profiles.
 */
final class Spool {
    static final byte QUARANTINED = 'Q';
    static final byte CANDIDATE = 'V';
    private static final int BUFFER = 1 << 20;

    private Spool() {
    }

    static final class Writer implements Closeable {
        private final OutputStream out;
        private byte[] buf = new byte[BUFFER];
        private int pos;

        Writer(Path file) throws IOException {
            this.out = Files.newOutputStream(file);
        }

        void quarantined(int line, int errorMask, String detail, String[] raw, String rawRecord) throws IOException {
            ensure(9);
            buf[pos++] = QUARANTINED;
            putInt(line);
            putInt(errorMask);
            string(detail);
            ensure(1);
            buf[pos++] = (byte) raw.length;
            for (String s : raw) {
                string(s);
            }
            string(rawRecord);
        }

        void candidate(int line, int warningMask, int epochDay, String timestamp, String cells, String revenue,
                       String transactionId, String[] extraCells, String[] warningValues, int warningValueCount)
                throws IOException {
            ensure(13);
            buf[pos++] = CANDIDATE;
            putInt(line);
            putInt(warningMask);
            putInt(epochDay);
            string(timestamp);
            string(cells);
            string(revenue);
            string(transactionId);
            ensure(3);
            putShort(extraCells.length);
            for (String s : extraCells) {
                string(s);
            }
            buf[pos++] = (byte) warningValueCount;
            for (int i = 0; i < warningValueCount; i++) {
                string(warningValues[i]);
            }
        }

        private void string(String s) throws IOException {
            if (s == null || s.isEmpty()) {
                ensure(4);
                putInt(0);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            ensure(4 + bytes.length);
            putInt(bytes.length);
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
        }

        private void putInt(int v) {
            buf[pos] = (byte) (v >>> 24);
            buf[pos + 1] = (byte) (v >>> 16);
            buf[pos + 2] = (byte) (v >>> 8);
            buf[pos + 3] = (byte) v;
            pos += 4;
        }

        private void putShort(int v) {
            buf[pos] = (byte) (v >>> 8);
            buf[pos + 1] = (byte) v;
            pos += 2;
        }

        private void ensure(int n) throws IOException {
            if (pos + n <= buf.length) {
                return;
            }
            flush();
            if (n > buf.length) {
                buf = new byte[n];
            }
        }

        private void flush() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                out.close();
            }
        }
    }

    /** One spooled row as read back; fields not used by its kind are left as they were. */
    static final class Entry {
        byte kind;
        int line;
        int mask;
        // Quarantined.
        String detail;
        String[] raw;
        String rawRecord;
        // Candidate: the rendered canonical cells are cells[0, cellsLength), reused entry after entry.
        int epochDay;
        String timestamp;
        byte[] cells = new byte[1024];
        int cellsLength;
        String revenue;
        String transactionId;
        String[] extraCells;
        String[] warningValues = new String[8];
        int warningValueCount;
    }

    static final class Reader implements Closeable {
        private final InputStream in;
        private byte[] buf = new byte[BUFFER];
        private int pos;
        private int lim;
        private boolean eof;

        Reader(Path file) throws IOException {
            this.in = Files.newInputStream(file);
        }

        boolean next(Entry e) throws IOException {
            if (!available(1)) {
                return false;
            }
            require(9);
            int kind = buf[pos++];
            e.kind = (byte) kind;
            e.line = getInt();
            e.mask = getInt();
            if (kind == QUARANTINED) {
                e.detail = string();
                require(1);
                int n = buf[pos++] & 0xff;
                e.raw = new String[n];
                for (int i = 0; i < n; i++) {
                    e.raw[i] = string();
                }
                e.rawRecord = string();
            } else {
                require(4);
                e.epochDay = getInt();
                e.timestamp = string();
                require(4);
                int n = getInt();
                require(n);
                if (e.cells.length < n) {
                    e.cells = new byte[Math.max(n, e.cells.length * 2)];
                }
                System.arraycopy(buf, pos, e.cells, 0, n);
                e.cellsLength = n;
                pos += n;
                e.revenue = string();
                e.transactionId = string();
                require(2);
                int extras = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
                pos += 2;
                e.extraCells = new String[extras];
                for (int i = 0; i < extras; i++) {
                    e.extraCells[i] = string();
                }
                require(1);
                e.warningValueCount = buf[pos++] & 0xff;
                for (int i = 0; i < e.warningValueCount; i++) {
                    e.warningValues[i] = string();
                }
            }
            return true;
        }

        private String string() throws IOException {
            require(4);
            int n = getInt();
            if (n == 0) {
                return "";
            }
            require(n);
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        private int getInt() {
            int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        private boolean available(int n) throws IOException {
            while (lim - pos < n && !eof) {
                fill();
            }
            return lim - pos >= n;
        }

        private void require(int n) throws IOException {
            if (!available(n)) {
                throw new IOException("The spool file ends early");
            }
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            if (lim == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
