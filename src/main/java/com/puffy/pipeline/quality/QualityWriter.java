package com.puffy.pipeline.quality;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Futures;
import com.puffy.pipeline.io.CsvCells;
import com.puffy.pipeline.io.CsvOutput;
import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.model.ReasonCode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the quality/ files of docs/architecture.md from the per-file spools, in processing order. Every row rule
 * is decided before this class runs; it applies only what the cross-file steps decided (dropped duplicates, the
 * order keys of collisions) and the global set of EXTRA columns.
 */
final class QualityWriter {
    static final String VALIDATED = "validated_events.csv";
    static final String QUARANTINE = "quarantine.csv";
    static final String FINDINGS = "findings.csv";
    static final String FILE_SUMMARY = "file_summary.csv";
    static final String SCHEMA_DRIFT = "schema_drift.csv";
    static final String COLUMN_PROFILES = "column_profiles.csv";

    static final List<String> VALIDATED_FIXED = List.of("client_id", "page_url", "referrer", "timestamp",
            "event_name", "event_data", "user_agent", "event_id", "file", "line", "partition_date", "is_bot", "flags",
            "order_key", "revenue");
    static final List<String> FINDINGS_HEADER = List.of("file", "line", "severity", "code", "column", "value",
            "message", "partition_date");
    static final List<String> FILE_SUMMARY_HEADER = List.of("file", "partition_date", "is_event_file", "header",
            "rows_read", "rows_valid", "rows_quarantined", "rows_duplicate", "rows_missing_client_id", "bytes",
            "sha256", "from_cache", "status");
    static final List<String> SCHEMA_DRIFT_HEADER = List.of("file", "partition_date", "change", "column",
            "raw_header", "detail", "episode_files", "metric", "value", "baseline");

    /** Counts of the flags on valid rows, by ReasonCode ordinal, for the summary. */
    final long[] flagged = new long[ReasonCode.values().length];

    static List<String> quarantineHeader() {
        List<String> header = new ArrayList<>(List.of("file", "line", "reasons"));
        for (CanonicalColumn c : CanonicalColumn.values()) {
            header.add("raw_" + c.columnName());
        }
        header.add("raw_record");
        return header;
    }

    /** The EXTRA columns of all files, in order of first appearance, renamed when they clash with a fixed column. */
    static List<String> extraColumns(List<FileResult> ordered) {
        Set<String> names = new LinkedHashSet<>();
        for (FileResult f : ordered) {
            if (f.isEventFile() && f.mapping != null) {
                for (String name : f.mapping.extraNames()) {
                    names.add(outputName(name));
                }
            }
        }
        return new ArrayList<>(names);
    }

    static String outputName(String extra) {
        return VALIDATED_FIXED.contains(extra) ? "extra_" + extra : extra;
    }

    /**
     * Writes validated_events.csv, quarantine.csv and findings.csv in processing order. The spools already hold the
     * final bytes of each row, so a file's rows are copied in long runs by the kernel (FileChannel.transferTo); a
     * run breaks only at a row a cross-file step changed (a dropped duplicate, a transaction-id collision) or, when
     * the file's EXTRA columns are laid out differently from the global set, at every row.
     * <p>
     * Files are written in parallel, each at its own place in the outputs: a first pass over the spools' control
     * records counts each file's bytes, so the offsets, and the outputs, do not depend on the number of threads.
     * A file no cross-file step changed (no dropped duplicate, no collision, EXTRA columns in place: every file of
     * a clean export, and every cached day when one day is added) is copied whole, so its sizes are those of its
     * spool streams and its flags are counted while it is written: that pass read 10.7M control records before
     * the first byte was written at 10M events.
     */
    void writeRows(Path dir, List<FileResult> ordered, Cancellation cancellation, int threads) throws Exception {
        List<String> extras = extraColumns(ordered);
        List<String> header = new ArrayList<>(VALIDATED_FIXED);
        header.addAll(extras);
        Path[] targets = {dir.resolve(VALIDATED), dir.resolve(QUARANTINE), dir.resolve(FINDINGS)};
        String[] headers = {CsvCells.line(header), CsvCells.line(quarantineHeader()), CsvCells.line(FINDINGS_HEADER)};
        long[] offset = new long[3];
        for (int o = 0; o < 3; o++) {
            try (Sink out = new Sink(targets[o], -1, cancellation)) {
                out.write(headers[o]);
                offset[o] = out.written;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, ordered.size())), r -> {
            Thread t = new Thread(r, "quality-write");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<long[]>> sizes = new ArrayList<>();
            for (FileResult file : ordered) {
                long[] whole = wholeSizes(file, extras);
                if (whole != null) {
                    sizes.add(java.util.concurrent.CompletableFuture.completedFuture(whole));
                    continue;
                }
                sizes.add(pool.submit(() -> {
                    long[] flags = new long[flagged.length];
                    try (Sink v = new Sink(null, -1, cancellation); Sink q = new Sink(null, -1, cancellation);
                         Sink f = new Sink(null, -1, cancellation)) {
                        writeFile(file, extras, v, q, f, cancellation, flags);
                        long[] result = java.util.Arrays.copyOf(flags, flags.length + 4);
                        result[flags.length] = v.written;
                        result[flags.length + 1] = q.written;
                        result[flags.length + 2] = f.written;
                        return result;
                    }
                }));
            }
            List<Future<long[]>> writes = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                long[] size = Futures.await(sizes.get(i));
                for (int c = 0; c < flagged.length; c++) {
                    flagged[c] += size[c];
                }
                FileResult file = ordered.get(i);
                long[] at = offset.clone();
                long[] expected = {size[flagged.length], size[flagged.length + 1], size[flagged.length + 2]};
                // Null: the counting pass took the flags; otherwise this pass takes them (sizes were the streams').
                long[] flags = size[size.length - 1] == WHOLE ? new long[flagged.length] : null;
                writes.add(pool.submit(() -> {
                    try (Sink v = new Sink(targets[0], at[0], cancellation);
                         Sink q = new Sink(targets[1], at[1], cancellation);
                         Sink f = new Sink(targets[2], at[2], cancellation)) {
                        writeFile(file, extras, v, q, f, cancellation, flags);
                        if (v.written != expected[0] || q.written != expected[1] || f.written != expected[2]) {
                            throw new IOException("The rows of " + file.name() + " changed size between counting and "
                                    + "writing; run again.");
                        }
                    }
                    if (Spool.exists(file.spool)) {
                        Spool.delete(file.spool);
                    }
                    return flags;
                }));
                for (int o = 0; o < 3; o++) {
                    offset[o] += expected[o];
                }
            }
            for (Future<long[]> write : writes) {
                long[] flags = Futures.await(write);
                for (int c = 0; flags != null && c < flagged.length; c++) {
                    flagged[c] += flags[c];
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Marks sizes taken from the spool streams: the flags are still to be counted, by the writing pass. */
    private static final long WHOLE = -1;

    /**
     * The sizes of one file's parts of the three outputs when they are its spool streams copied whole (after the
     * text of its file-level findings), laid out like a counting pass's result with zero flags and {@link #WHOLE}
     * last; null when a cross-file step changes some row, so the rows must be counted. The writing pass still
     * checks that it wrote exactly these sizes.
     */
    private static long[] wholeSizes(FileResult file, List<String> extras) throws IOException {
        long[] sizes = new long[ReasonCode.values().length + 4];
        sizes[sizes.length - 1] = WHOLE;
        try (Sink findings = new Sink(null, -1, Cancellation.none())) {
            findings.write(fileFindings(file, new StringBuilder(256)));
            sizes[sizes.length - 2] = findings.written;
        }
        if (!file.isEventFile() || !Spool.exists(file.spool)) {
            return sizes;
        }
        List<String> names = file.mapping.extraNames();
        if (!file.dropped.isEmpty() || !file.collisionKeys.isEmpty() || names.size() != extras.size()) {
            return null;
        }
        for (int i = 0; i < names.size(); i++) {
            if (extras.indexOf(outputName(names.get(i))) != i) {
                return null;
            }
        }
        sizes[sizes.length - 4] = Files.size(Spool.validated(file.spool));
        sizes[sizes.length - 3] = Files.size(Spool.quarantined(file.spool));
        sizes[sizes.length - 2] += Files.size(Spool.findings(file.spool));
        return sizes;
    }

    private static StringBuilder fileFindings(FileResult file, StringBuilder text) {
        String date = file.partitionDate == null ? "" : file.partitionDate.toString();
        for (FileFinding finding : file.findings) {
            CsvCells.appendRow(text, file.name(), finding.line() == 0 ? null : finding.line(),
                    finding.code().severity().name(), finding.code().code(), finding.column(), finding.value(),
                    finding.message(), date);
        }
        return text;
    }

    /**
     * One file's part of the three outputs, counted ({@code flags} given: the flag counts are taken then) or
     * written.
     */
    private static void writeFile(FileResult file, List<String> extras, Sink validated, Sink quarantine,
                                  Sink findings, Cancellation cancellation, long[] flags) throws IOException {
        String date = file.partitionDate == null ? "" : file.partitionDate.toString();
        StringBuilder text = fileFindings(file, new StringBuilder(256));
        findings.write(text);
        if (!file.isEventFile() || !Spool.exists(file.spool)) {
            return;
        }
        try (SpoolStream q = new SpoolStream(Spool.quarantined(file.spool))) {
            q.skip(q.channel.size());
            q.flushRun(quarantine);
        }
        int[] extraPosition = new int[file.mapping.extraNames().size()];
        boolean extrasInPlace = extraPosition.length == extras.size();
        for (int i = 0; i < extraPosition.length; i++) {
            extraPosition[i] = extras.indexOf(outputName(file.mapping.extraNames().get(i)));
            extrasInPlace &= extraPosition[i] == i;
        }
        boolean anyCollision = !file.collisionKeys.isEmpty();
        Spool.Entry entry = new Spool.Entry();
        try (SpoolStream v = new SpoolStream(Spool.validated(file.spool));
             SpoolStream f = new SpoolStream(Spool.findings(file.spool));
             Spool.ControlReader control = new Spool.ControlReader(file.spool)) {
            int candidate = 0;
            long rows = 0;
            while (control.next(entry)) {
                if ((++rows & 4095) == 0) {
                    cancellation.throwIfCancelled();
                }
                if (entry.kind == Spool.QUARANTINED) {
                    f.skip(entry.findingsLength);
                    continue;
                }
                int at = candidate++;
                if (file.dropped.get(at)) {
                    v.drop(entry.validatedLength, validated);
                    f.drop(entry.findingsLength, findings);
                    text.setLength(0);
                    RowText.duplicate(text, file.name(), entry.line, file.dropIsPurchase.get(at),
                            file.dropNote.get(at), date);
                    findings.write(text);
                    continue;
                }
                String collision = anyCollision ? file.collisionKeys.get(at) : null;
                if (flags != null) {
                    for (int m = entry.mask | (collision == null ? 0 : COLLISION); m != 0; m &= m - 1) {
                        flags[Integer.numberOfTrailingZeros(m)]++;
                    }
                }
                if (collision == null && extrasInPlace) {
                    v.skip(entry.validatedLength);
                    f.skip(entry.findingsLength);
                    continue;
                }
                byte[] line = v.take(entry.validatedLength, validated);
                validated.write(patchedLine(line, entry, collision, extraPosition, extras.size()));
                f.skip(entry.findingsLength);
                if (collision != null) {
                    // TRANSACTION_ID_COLLISION is the last WARNING code, so its finding follows the row's others.
                    text.setLength(0);
                    RowText.finding(text, file.name(), entry.line, ReasonCode.TRANSACTION_ID_COLLISION,
                            entry.transactionId, RowText.warningMessage(ReasonCode.TRANSACTION_ID_COLLISION,
                                    entry.transactionId, file.partitionDate, collision), date);
                    f.flushRun(findings);
                    findings.write(text);
                }
            }
            v.flushRun(validated);
            f.flushRun(findings);
        }
    }

    private static final int COLLISION = 1 << ReasonCode.TRANSACTION_ID_COLLISION.ordinal();

    /**
     * A validated line rebuilt after a cross-file step: the order key of a colliding purchase (with its flag, the
     * last of the flags), and the EXTRA cells moved to their places in the global set.
     */
    private static String patchedLine(byte[] bytes, Spool.Entry entry, String collision, int[] extraPosition,
                                      int extraCount) {
        String line = new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
        int end = line.length();
        for (String cell : entry.extraCells) {
            end -= 1 + cell.length();
        }
        StringBuilder out = new StringBuilder(line.length() + 64);
        if (collision == null) {
            out.append(line, 0, end);
        } else {
            StringBuilder orderTail = new StringBuilder(64).append(',');
            CsvCells.appendText(orderTail, entry.transactionId);
            orderTail.append(',');
            CsvCells.appendQuoted(orderTail, entry.revenue);
            out.append(line, 0, end - orderTail.length());
            if (entry.mask != 0) {
                out.append(';');
            }
            out.append(ReasonCode.TRANSACTION_ID_COLLISION.code()).append(',');
            CsvCells.appendText(out, collision);
            out.append(',');
            CsvCells.appendQuoted(out, entry.revenue);
        }
        String[] cells = new String[extraCount];
        for (int i = 0; i < extraPosition.length; i++) {
            cells[extraPosition[i]] = entry.extraCells[i];
        }
        for (String cell : cells) {
            out.append(',');
            if (cell != null) {
                out.append(cell);
            }
        }
        return out.append('\n').toString();
    }

    /**
     * One spool stream read in order, in runs: bytes the writer keeps as they are accumulate into a run, copied to
     * the output by the kernel when the run breaks; bytes the writer drops or patches break it.
     */
    private static final class SpoolStream implements Closeable {
        private final Path file;
        private final FileChannel channel;
        private long position;
        private long runStart;

        SpoolStream(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        }

        void skip(long length) {
            position += length;
        }

        void flushRun(Sink out) throws IOException {
            long missing = out.copy(channel, runStart, position - runStart);
            if (missing > 0) {
                throw new IOException("The spool file " + file + " ends " + missing + " bytes early: the disk may be "
                        + "full or the work folder was changed while the stage ran; run again.");
            }
            runStart = position;
        }

        void drop(int length, Sink out) throws IOException {
            flushRun(out);
            position += length;
            runStart = position;
        }

        byte[] take(int length, Sink out) throws IOException {
            flushRun(out);
            ByteBuffer bytes = ByteBuffer.allocate(length);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, position + bytes.position()) < 0) {
                    throw new IOException("The spool file " + file + " ends " + bytes.remaining() + " bytes early: "
                            + "the disk may be full or the work folder was changed while the stage ran; run again.");
                }
            }
            position += length;
            runStart = position;
            return bytes.array();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Where one file's part of an output goes: a place in the output file (small writes are buffered, runs of spool
     * bytes are copied by the kernel), or nowhere when only its size is wanted.
     */
    private static final class Sink implements Closeable {
        private static final long CHUNK = 64L << 20;
        private final FileChannel channel;
        private final ByteBuffer buffer;
        private final Cancellation cancellation;
        /** Bytes written (or counted) so far. */
        long written;

        /** {@code file} null: a counting sink; {@code position} -1: the file is created anew. */
        Sink(Path file, long position, Cancellation cancellation) throws IOException {
            this.cancellation = cancellation;
            if (file == null) {
                channel = null;
                buffer = null;
            } else if (position < 0) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                buffer = ByteBuffer.allocate(1 << 12);
            } else {
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
                channel.position(position);
                buffer = ByteBuffer.allocateDirect(1 << 16);
            }
        }

        void write(CharSequence text) throws IOException {
            if (text.length() == 0) {
                return;
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            written += bytes.length;
            if (channel == null) {
                return;
            }
            int done = 0;
            while (done < bytes.length) {
                if (!buffer.hasRemaining()) {
                    flush();
                }
                int n = Math.min(buffer.remaining(), bytes.length - done);
                buffer.put(bytes, done, n);
                done += n;
            }
        }

        /**
         * Appends bytes of a spool stream, in chunks so cancellation is noticed; returns how many bytes the source
         * lacked (0 when it held them all).
         */
        long copy(FileChannel source, long from, long length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (channel == null) {
                written += length;
                return 0;
            }
            flush();
            long done = 0;
            while (done < length) {
                cancellation.throwIfCancelled();
                long n = source.transferTo(from + done, Math.min(CHUNK, length - done), channel);
                if (n <= 0) {
                    return length - done;
                }
                done += n;
            }
            written += length;
            return 0;
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            if (channel == null) {
                return;
            }
            try {
                flush();
            } finally {
                channel.close();
            }
        }
    }

    static void writeFileSummary(Path dir, List<FileResult> ordered) throws IOException {
        try (Writer w = writer(dir.resolve(FILE_SUMMARY)); CsvOutput out = new CsvOutput(w, FILE_SUMMARY_HEADER)) {
            for (FileResult f : ordered) {
                out.row(f.name(), date(f.partitionDate), f.isEventFile(), f.header, f.rowsRead, f.rowsValid(),
                        f.rowsQuarantined, f.rowsDuplicate, f.rowsMissingClientId, f.input.size(), f.sha256,
                        f.fromCache, status(f));
            }
        }
    }

    static String status(FileResult f) {
        return switch (f.status) {
            case EVENT_FILE -> f.rowsRead == 0 ? "empty" : "event_file";
            case NOT_AN_EVENT_FILE -> "not_an_event_file";
            case NO_HEADER -> "empty";
            case UNREADABLE -> "unreadable";
        };
    }

    static void writeSchemaDrift(Path dir, List<DriftEpisode> episodes) throws IOException {
        try (Writer w = writer(dir.resolve(SCHEMA_DRIFT)); CsvOutput out = new CsvOutput(w, SCHEMA_DRIFT_HEADER)) {
            for (DriftEpisode e : episodes) {
                out.row(e.file(), date(e.partitionDate()), e.change(), e.column(), e.rawHeader(), e.detail(),
                        e.episodeFiles(), e.metric(), e.value(), e.baseline());
            }
        }
    }

    static final List<String> COLUMN_PROFILES_HEADER = List.of("file", "partition_date", "column", "rows",
            "null_share", "distinct_count", "numeric_share", "client_id_pattern_share", "item_price_null_share");

    /** The value profile behind VALUE_DRIFT, one row per (event file, column), for charts and for checking a verdict. */
    static void writeColumnProfiles(Path dir, List<FileResult> ordered) throws IOException {
        try (Writer w = writer(dir.resolve(COLUMN_PROFILES));
             CsvOutput out = new CsvOutput(w, COLUMN_PROFILES_HEADER)) {
            for (FileResult f : ordered) {
                if (!f.isEventFile()) {
                    continue;
                }
                for (var entry : f.profiles.entrySet()) {
                    ColumnProfile p = entry.getValue();
                    if (p.rows() == 0) {
                        continue;
                    }
                    var m = p.metrics();
                    out.row(f.name(), date(f.partitionDate), entry.getKey(), p.rows(), m.get(ColumnProfile.NULL_SHARE),
                            p.distinctEstimate(), m.get(ColumnProfile.NUMERIC_SHARE),
                            m.get(ColumnProfile.CLIENT_ID_PATTERN_SHARE), m.get(ColumnProfile.ITEM_PRICE_NULL_SHARE));
                }
            }
        }
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }
}
