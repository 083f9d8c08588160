package com.puffy.pipeline.quality;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Per-file intermediate results between validating a file (in parallel) and writing the outputs (in file order,
 * after the cross-file steps): one entry per row read, quarantined or candidate, in line order. Each input file is
 * therefore streamed once; the spool holds rows already rendered as CSV cells, so writing them is a byte copy.
 */
final class Spool {
    static final byte QUARANTINED = 'Q';
    static final byte CANDIDATE = 'V';

    private Spool() {
    }

    static final class Writer implements Closeable {
        private final DataOutputStream out;

        Writer(Path file) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 17));
        }

        void quarantined(int line, int errorMask, String detail, String[] raw, String rawRecord) throws IOException {
            out.writeByte(QUARANTINED);
            out.writeInt(line);
            out.writeInt(errorMask);
            string(detail);
            out.writeByte(raw.length);
            for (String s : raw) {
                string(s);
            }
            string(rawRecord);
        }

        void candidate(int line, int warningMask, int epochDay, String timestamp, String cells, String revenue,
                       String transactionId, String[] extraCells, String[] warningValues, int warningValueCount)
                throws IOException {
            out.writeByte(CANDIDATE);
            out.writeInt(line);
            out.writeInt(warningMask);
            out.writeInt(epochDay);
            string(timestamp);
            bytes(cells.getBytes(StandardCharsets.UTF_8));
            string(revenue);
            string(transactionId);
            out.writeShort(extraCells.length);
            for (String s : extraCells) {
                string(s);
            }
            out.writeByte(warningValueCount);
            for (int i = 0; i < warningValueCount; i++) {
                string(warningValues[i]);
            }
        }

        private void string(String s) throws IOException {
            bytes(s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8));
        }

        private void bytes(byte[] b) throws IOException {
            out.writeInt(b.length);
            out.write(b);
        }

        @Override
        public void close() throws IOException {
            out.close();
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
        // Candidate.
        int epochDay;
        String timestamp;
        byte[] cells;
        String revenue;
        String transactionId;
        String[] extraCells;
        String[] warningValues = new String[8];
        int warningValueCount;
    }

    static final class Reader implements Closeable {
        private final DataInputStream in;

        Reader(Path file) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 17));
        }

        boolean next(Entry e) throws IOException {
            int kind;
            try {
                kind = in.readByte();
            } catch (EOFException end) {
                return false;
            }
            e.kind = (byte) kind;
            e.line = in.readInt();
            e.mask = in.readInt();
            if (kind == QUARANTINED) {
                e.detail = string();
                int n = in.readUnsignedByte();
                e.raw = new String[n];
                for (int i = 0; i < n; i++) {
                    e.raw[i] = string();
                }
                e.rawRecord = string();
            } else {
                e.epochDay = in.readInt();
                e.timestamp = string();
                e.cells = bytes();
                e.revenue = string();
                e.transactionId = string();
                int n = in.readUnsignedShort();
                e.extraCells = new String[n];
                for (int i = 0; i < n; i++) {
                    e.extraCells[i] = string();
                }
                e.warningValueCount = in.readUnsignedByte();
                for (int i = 0; i < e.warningValueCount; i++) {
                    e.warningValues[i] = string();
                }
            }
            return true;
        }

        private String string() throws IOException {
            int n = in.readInt();
            if (n == 0) {
                return "";
            }
            byte[] b = new byte[n];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        private byte[] bytes() throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return b;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
