package com.puffy.pipeline.quality;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-file results between validating a file (in parallel) and writing the outputs (in file order, after the
 * cross-file steps). The validator renders every row as the final bytes of validated_events.csv, quarantine.csv and
 * findings.csv, into one stream per output, so writing a file's rows is mostly a kernel-side copy of whole streams.
 * A fourth stream, the control stream, holds one small record per row with the byte lengths and the few values the
 * writer needs to patch a row that a cross-file step changed after validation: a dropped duplicate, a colliding
 * transaction id, or EXTRA columns laid out differently from the folder's global set.
 * <p>
 * Its own buffers instead of DataOutputStream: that writes an int as four synchronized single-byte writes, which
 * showed up as the top cost of spooling in profiles.
 */
final class Spool {
    static final byte QUARANTINED = 'Q';
    static final byte CANDIDATE = 'V';

    /** The four streams of a spool, by file-name suffix; the order is the order of the cache payload. */
    static final List<String> STREAMS = List.of("v", "q", "f", "c");

    private Spool() {
    }

    static Path stream(Path spool, String suffix) {
        return spool.resolveSibling(spool.getFileName() + "." + suffix);
    }

    static Path validated(Path spool) {
        return stream(spool, "v");
    }

    static Path quarantined(Path spool) {
        return stream(spool, "q");
    }

    static Path findings(Path spool) {
        return stream(spool, "f");
    }

    static Path control(Path spool) {
        return stream(spool, "c");
    }

    /** Total bytes of a spool's streams (0 when it has none). */
    static long size(Path spool) throws IOException {
        long total = 0;
        for (String s : STREAMS) {
            Path p = stream(spool, s);
            if (Files.exists(p)) {
                total += Files.size(p);
            }
        }
        return total;
    }

    /**
     * Deletes a spool as soon as its rows are written: the kernel then drops its pages without writing them to
     * disk, which leaves room under the dirty-page limit for the outputs being written.
     */
    static void delete(Path spool) throws IOException {
        for (String s : STREAMS) {
            Files.deleteIfExists(stream(spool, s));
        }
    }

    static boolean exists(Path spool) {
        return spool != null && Files.exists(control(spool));
    }

    static final class Writer implements Closeable {
        private final Out validated;
        private final Out quarantined;
        private final Out findings;
        private final Out control;

        Writer(Path spool) throws IOException {
            Out v = null;
            Out q = null;
            Out f = null;
            try {
                v = new Out(Spool.validated(spool), 1 << 20);
                q = new Out(Spool.quarantined(spool), 1 << 16);
                f = new Out(Spool.findings(spool), 1 << 18);
                this.control = new Out(Spool.control(spool), 1 << 18);
            } catch (IOException e) {
                closeAll(e, v, q, f);
                throw e;
            }
            this.validated = v;
            this.quarantined = q;
            this.findings = f;
        }

        /** A quarantined row: its final quarantine.csv line and findings.csv lines. */
        void quarantined(StringBuilder line, StringBuilder findingRows) throws IOException {
            quarantined.text(line);
            int f = findings.text(findingRows);
            control.ensure(5);
            control.put(QUARANTINED);
            control.putInt(f);
        }

        /**
         * A row that passed the ERROR rules: its validated_events.csv line (with the order key and revenue last
         * before its EXTRA cells), its findings.csv lines, and what a later patch needs.
         */
        void candidate(int line, int mask, Utf8Line validatedLine, StringBuilder findingRows,
                       String transactionId, String revenue, String[] extraCells) throws IOException {
            int v = validatedLine.length();
            validated.bytes(validatedLine.bytes(), v);
            int f = findings.text(findingRows);
            control.ensure(17);
            control.put(CANDIDATE);
            control.putInt(line);
            control.putInt(mask);
            control.putInt(v);
            control.putInt(f);
            control.string(transactionId);
            control.string(revenue);
            control.ensure(2);
            control.putShort(extraCells.length);
            for (String cell : extraCells) {
                control.string(cell);
            }
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (Out out : new Out[] {validated, quarantined, findings, control}) {
                try {
                    out.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        private static void closeAll(IOException cause, Out... outs) {
            for (Out out : outs) {
                if (out != null) {
                    try {
                        out.close();
                    } catch (IOException e) {
                        cause.addSuppressed(e);
                    }
                }
            }
        }
    }

    /** One buffered output stream of a spool. */
    private static final class Out implements Closeable {
        private final OutputStream out;
        private byte[] buf;
        private int pos;

        Out(Path file, int size) throws IOException {
            // The path may be left as a hard link to a file the cache keeps: writing through it would change that.
            Files.deleteIfExists(file);
            this.out = Files.newOutputStream(file);
            this.buf = new byte[size];
        }

        /** Appends text as UTF-8; returns the number of bytes. */
        int text(StringBuilder text) throws IOException {
            if (text.length() == 0) {
                return 0;
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
            return bytes.length;
        }

        void bytes(byte[] bytes, int length) throws IOException {
            ensure(length);
            System.arraycopy(bytes, 0, buf, pos, length);
            pos += length;
        }

        void string(String s) throws IOException {
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

        void put(byte b) {
            buf[pos++] = b;
        }

        void putInt(int v) {
            buf[pos] = (byte) (v >>> 24);
            buf[pos + 1] = (byte) (v >>> 16);
            buf[pos + 2] = (byte) (v >>> 8);
            buf[pos + 3] = (byte) v;
            pos += 4;
        }

        void putShort(int v) {
            buf[pos] = (byte) (v >>> 8);
            buf[pos + 1] = (byte) v;
            pos += 2;
        }

        void ensure(int n) throws IOException {
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

    /** One control record as read back; fields not used by its kind are left as they were. */
    static final class Entry {
        byte kind;
        int line;
        int mask;
        int validatedLength;
        int findingsLength;
        String transactionId;
        String revenue;
        /** The rendered EXTRA cells in the file's own column order. */
        String[] extraCells;
    }

    /** Reads a control stream in order. */
    static final class ControlReader implements Closeable {
        private final Path file;
        private final InputStream in;
        private byte[] buf = new byte[1 << 18];
        private int pos;
        private int lim;
        private boolean eof;

        ControlReader(Path spool) throws IOException {
            this.file = Spool.control(spool);
            this.in = Files.newInputStream(file);
        }

        boolean next(Entry e) throws IOException {
            if (!available(1)) {
                return false;
            }
            require(5);
            e.kind = buf[pos++];
            if (e.kind == QUARANTINED) {
                e.findingsLength = getInt();
                return true;
            }
            if (e.kind != CANDIDATE) {
                throw damaged("has an unknown record kind " + e.kind);
            }
            require(16);
            e.line = getInt();
            e.mask = getInt();
            e.validatedLength = getInt();
            e.findingsLength = getInt();
            e.transactionId = string();
            e.revenue = string();
            require(2);
            int extras = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
            pos += 2;
            if (e.extraCells == null || e.extraCells.length != extras) {
                e.extraCells = new String[extras];
            }
            for (int i = 0; i < extras; i++) {
                e.extraCells[i] = string();
            }
            return true;
        }

        private IOException damaged(String how) {
            return new IOException("The spool file " + file + " " + how + ": the disk may be full or the work folder "
                    + "was changed while the stage ran; run again.");
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
                throw damaged("ends early");
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
