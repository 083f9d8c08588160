package com.puffy.pipeline.quality;

import com.puffy.pipeline.model.ReasonCode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The cached form of one file's validation (SPEC §8): everything {@link FileValidator} produced (counts, findings,
 * fingerprints, purchases, value profile) plus its spool, deflated. Restoring it gives the same {@link FileResult}
 * and spool bytes as validating again, so the outputs are byte-identical with or without the cache; the cross-file
 * steps always run over all files.
 */
final class ResultCodec {
    /**
     * Bump when the payload layout or anything a payload encodes changes meaning. 2: the spool holds the rendered
     * output rows in four streams (format 1 held one stream of row fields).
     */
    static final int FORMAT = 2;
    private static final int MAGIC = 0x51524331; // "QRC1"

    private ResultCodec() {
    }

    static byte[] encode(FileResult r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
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
            for (int i = 0; i < r.candidates; i++) {
                out.writeLong(r.fpHi[i]);
                out.writeLong(r.fpLo[i]);
                out.writeInt(r.candidateLine[i]);
            }
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
            boolean hasSpool = Spool.exists(r.spool);
            out.writeBoolean(hasSpool);
            if (hasSpool) {
                for (String stream : Spool.STREAMS) {
                    Path file = Spool.stream(r.spool, stream);
                    out.writeLong(Files.size(file));
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                }
            }
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * Rebuilds the result of {@code input} from a payload, writing its spool to {@code spoolFile}; null when the
     * payload is not one this version can read (it is then simply validated again).
     */
    static FileResult decode(byte[] payload, InputFile input, Path spoolFile, HeaderNormalizer headers) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(
                new java.io.ByteArrayInputStream(payload), new java.util.zip.Inflater(), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return null;
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
            for (int i = 0; i < candidates; i++) {
                r.fpHi[i] = in.readLong();
                r.fpLo[i] = in.readLong();
                r.candidateLine[i] = in.readInt();
            }
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
            if (in.readBoolean()) {
                for (String stream : Spool.STREAMS) {
                    long size = in.readLong();
                    try (OutputStream out = Files.newOutputStream(Spool.stream(spoolFile, stream))) {
                        copy(in, out, size);
                    }
                }
                r.spool = spoolFile;
            }
            r.fromCache = true;
            return r;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("The cached spool ends early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
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
