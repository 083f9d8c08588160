package com.puffy.pipeline.quality;

import com.puffy.pipeline.model.ReasonCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The cached form of one file's validation (SPEC §8): everything {@link FileValidator} produced (counts, findings,
 * fingerprints, purchases, value profile), plus the name and byte sizes of its spool streams, which
 * {@link CachedResults} keeps as plain files beside the cache. Restoring it with those streams gives the same
 * {@link FileResult} and spool bytes as validating again, so the outputs are byte-identical with or without the
 * cache; the cross-file steps always run over all files.
 */
final class ResultCodec {
    /**
     * Bump when the payload layout or anything a payload encodes changes meaning. 2: the spool holds the rendered
     * output rows in four streams (format 1 held one stream of row fields). 3: the spool streams are files beside
     * the cache; the payload holds their name and sizes instead of their bytes, and is not deflated (most of it
     * is fingerprints, which do not compress: deflating them took half a second per 666,667-row file). 4: a line
     * repeating the header is no longer a quarantined row but a file finding (decision 0202), so a file read by
     * format 3 holds other rows and findings. 5: a quoted header repeated after a byte-order mark is recognized
     * too (format 4 quarantined it).
     */
    static final int FORMAT = 5;
    private static final int MAGIC = 0x51524331; // "QRC1"

    private ResultCodec() {
    }

    /**
     * A decoded payload: the result (without its spool yet), and the name and sizes (in {@link Spool#STREAMS}
     * order) of its stream files; both null when the file had no spool.
     */
    record Decoded(FileResult result, String streams, long[] sizes) {
    }

    /**
     * Encodes {@code r}; {@code streams} names its stored spool streams and {@code sizes} their byte sizes, or both
     * are null when it has no spool.
     */
    static byte[] encode(FileResult r, String streams, long[] sizes) throws IOException {
        if ((streams == null) != (sizes == null) || (sizes != null && sizes.length != Spool.STREAMS.size())) {
            throw new IllegalArgumentException("stream name and sizes go together, one size per stream");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 20 * r.candidates);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            // First, so that the streams of a replaced payload can be found without decoding the rest.
            out.writeBoolean(streams != null);
            if (streams != null) {
                out.writeUTF(streams);
                for (long size : sizes) {
                    out.writeLong(size);
                }
            }
            out.writeUTF(r.status.name());
            out.writeLong(r.partitionDate == null ? Long.MIN_VALUE : r.partitionDate.toEpochDay());
            out.writeBoolean(r.dateFromName);
            text(out, r.header);
            out.writeBoolean(r.mapping != null);
            if (r.mapping != null) {
                out.writeInt(r.mapping.rawHeaders().size());
                for (String h : r.mapping.rawHeaders()) {
                    text(out, h);
                }
            }
            out.writeInt(r.findings.size());
            for (FileFinding f : r.findings) {
                out.writeUTF(f.code().name());
                out.writeLong(f.line());
                text(out, f.column());
                text(out, f.value());
                text(out, f.message());
            }
            text(out, r.sha256);
            out.writeLong(r.rowsRead);
            out.writeLong(r.rowsQuarantined);
            out.writeLong(r.rowsMissingClientId);
            out.writeInt(r.quarantinedByCode.length);
            for (long n : r.quarantinedByCode) {
                out.writeLong(n);
            }
            out.writeLong(r.parsedRows);
            out.writeInt(r.minEpochDay);
            out.writeInt(r.candidates);
            // In bulk: a value at a time through DataOutputStream took most of a store's time for big files.
            ByteBuffer block = ByteBuffer.allocate(20 * r.candidates);
            block.asLongBuffer().put(r.fpHi, 0, r.candidates);
            block.position(8 * r.candidates);
            block.asLongBuffer().put(r.fpLo, 0, r.candidates);
            block.position(16 * r.candidates);
            block.asIntBuffer().put(r.candidateLine, 0, r.candidates);
            out.write(block.array());
            out.writeInt(r.purchases.size());
            for (FileResult.PurchaseRef p : r.purchases) {
                out.writeInt(p.candidate());
                out.writeInt(p.line());
                text(out, p.transactionId());
                out.writeLong(p.keyHi());
                out.writeLong(p.keyLo());
            }
            out.writeInt(r.profiles.size());
            for (var e : r.profiles.entrySet()) {
                ColumnProfile p = e.getValue();
                text(out, e.getKey());
                out.writeBoolean(p.clientIdColumn);
                out.writeLong(p.rows);
                out.writeLong(p.nulls);
                out.writeLong(p.numeric);
                out.writeLong(p.matchingPattern);
                out.writeLong(p.purchaseItems);
                out.writeLong(p.purchaseItemsWithoutPrice);
                out.write(p.distinct.registers);
            }
        }
        return bytes.toByteArray();
    }

    /** The name of the spool streams a payload refers to; null when it has none or cannot be read. */
    static String streamsOf(byte[] payload) {
        try (DataInputStream in = open(payload)) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readBoolean()) {
                return null;
            }
            return in.readUTF();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Rebuilds the result of {@code input} from a payload; null when the payload is not one this version can read
     * (it is then simply validated again).
     */
    static Decoded decode(byte[] payload, InputFile input, HeaderNormalizer headers) {
        try (DataInputStream in = open(payload)) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return null;
            }
            String streams = null;
            long[] sizes = null;
            if (in.readBoolean()) {
                streams = in.readUTF();
                sizes = new long[Spool.STREAMS.size()];
                for (int i = 0; i < sizes.length; i++) {
                    sizes[i] = in.readLong();
                    if (sizes[i] < 0) {
                        return null;
                    }
                }
            }
            FileResult r = new FileResult(input);
            r.status = FileResult.Status.valueOf(in.readUTF());
            long day = in.readLong();
            r.partitionDate = day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
            r.dateFromName = in.readBoolean();
            r.header = text(in);
            if (in.readBoolean()) {
                int n = in.readInt();
                List<String> raw = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    raw.add(text(in));
                }
                r.mapping = headers.map(raw);
            }
            int findings = in.readInt();
            for (int i = 0; i < findings; i++) {
                r.findings.add(new FileFinding(ReasonCode.valueOf(in.readUTF()), in.readLong(), text(in), text(in),
                        text(in)));
            }
            r.sha256 = text(in);
            r.rowsRead = in.readLong();
            r.rowsQuarantined = in.readLong();
            r.rowsMissingClientId = in.readLong();
            int codes = in.readInt();
            if (codes != r.quarantinedByCode.length) {
                return null;
            }
            for (int i = 0; i < codes; i++) {
                r.quarantinedByCode[i] = in.readLong();
            }
            r.parsedRows = in.readLong();
            r.minEpochDay = in.readInt();
            int candidates = in.readInt();
            r.fpHi = new long[Math.max(16, candidates)];
            r.fpLo = new long[r.fpHi.length];
            r.candidateLine = new int[r.fpHi.length];
            byte[] block = new byte[Math.multiplyExact(20, candidates)];
            in.readFully(block);
            ByteBuffer fingerprints = ByteBuffer.wrap(block);
            fingerprints.asLongBuffer().get(r.fpHi, 0, candidates);
            fingerprints.position(8 * candidates);
            fingerprints.asLongBuffer().get(r.fpLo, 0, candidates);
            fingerprints.position(16 * candidates);
            fingerprints.asIntBuffer().get(r.candidateLine, 0, candidates);
            r.candidates = candidates;
            int purchases = in.readInt();
            for (int i = 0; i < purchases; i++) {
                r.purchases.add(new FileResult.PurchaseRef(in.readInt(), in.readInt(), text(in), in.readLong(),
                        in.readLong()));
            }
            int profiles = in.readInt();
            for (int i = 0; i < profiles; i++) {
                String column = text(in);
                ColumnProfile p = new ColumnProfile(in.readBoolean());
                p.rows = in.readLong();
                p.nulls = in.readLong();
                p.numeric = in.readLong();
                p.matchingPattern = in.readLong();
                p.purchaseItems = in.readLong();
                p.purchaseItemsWithoutPrice = in.readLong();
                in.readFully(p.distinct.registers);
                r.profiles.put(column, p);
            }
            r.fromCache = true;
            return new Decoded(r, streams, sizes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static DataInputStream open(byte[] payload) {
        return new DataInputStream(new ByteArrayInputStream(payload));
    }

    /** writeUTF is limited to 64 KB; a header or a message can be longer. */
    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = (s == null ? "" : s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
