package com.puffy.pipeline.quality;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.io.CsvCells;
import com.puffy.pipeline.io.CsvOutput;
import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.model.ReasonCode;
import com.puffy.pipeline.model.Severity;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the quality/ files of docs/architecture.md from the per-file spools, in processing order. Rules are
 * decided before this class runs, except the two that need the whole picture: TIMESTAMP_OUTSIDE_PARTITION (a file
 * without a date in its name learns its partition only after it is read) and the order keys of collisions.
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

    private static final int VALUE_LIMIT = 300;

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
     * Writes validated_events.csv, quarantine.csv and findings.csv: each file's rows are rendered into part files in
     * parallel, then the parts are joined in processing order (a kernel-side copy), so the outputs do not depend on
     * the number of threads.
     */
    void writeRows(Path dir, List<FileResult> ordered, Cancellation cancellation, int threads) throws Exception {
        List<String> extras = extraColumns(ordered);
        List<String> header = new ArrayList<>(VALIDATED_FIXED);
        header.addAll(extras);
        Path parts = Files.createDirectories(dir.resolve(".parts"));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, ordered.size())), r -> {
            Thread t = new Thread(r, "quality-write");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                FileResult file = ordered.get(i);
                int index = i;
                futures.add(pool.submit(() -> renderFile(file, parts, index, extras, cancellation)));
            }
            for (Future<long[]> future : futures) {
                long[] counts;
                try {
                    counts = future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
                for (int c = 0; c < counts.length; c++) {
                    flagged[c] += counts[c];
                }
            }
        } finally {
            pool.shutdownNow();
        }
        join(dir.resolve(VALIDATED), CsvCells.line(header), parts, "v", ordered.size());
        join(dir.resolve(QUARANTINE), CsvCells.line(quarantineHeader()), parts, "q", ordered.size());
        join(dir.resolve(FINDINGS), CsvCells.line(FINDINGS_HEADER), parts, "f", ordered.size());
        Files.deleteIfExists(parts);
    }

    private static void join(Path target, String header, Path parts, String kind, int count) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.wrap(header.getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < count; i++) {
                Path part = parts.resolve(i + "." + kind);
                try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                    long size = in.size();
                    long done = 0;
                    while (done < size) {
                        done += in.transferTo(done, size - done, out);
                    }
                }
                Files.delete(part);
            }
        }
    }

    /** One file's rows and findings into its three part files; returns its flag counts by ReasonCode ordinal. */
    private long[] renderFile(FileResult file, Path parts, int index, List<String> extras, Cancellation cancellation)
            throws IOException {
        long[] counts = new long[ReasonCode.values().length];
        try (OutputStream validated = new BufferedOutputStream(Files.newOutputStream(parts.resolve(index + ".v")),
                1 << 20);
             Writer quarantine = writer(parts.resolve(index + ".q"));
             Writer findingsWriter = writer(parts.resolve(index + ".f"))) {
            FindingsOut findings = new FindingsOut(findingsWriter);
            String date = file.partitionDate == null ? "" : file.partitionDate.toString();
            for (FileFinding finding : file.findings) {
                findings.row(file.name(), finding.line() == 0 ? null : finding.line(), finding.code().severity().name(),
                        finding.code().code(), finding.column(), finding.value(), finding.message(), date);
            }
            if (!file.isEventFile() || file.spool == null) {
                return counts;
            }
            int[] extraPosition = new int[file.mapping.extraNames().size()];
            for (int i = 0; i < extraPosition.length; i++) {
                extraPosition[i] = extras.indexOf(outputName(file.mapping.extraNames().get(i)));
            }
            int partitionDay = file.partitionDate == null ? Integer.MIN_VALUE : (int) file.partitionDate.toEpochDay();
            int candidate = 0;
            long rows = 0;
            StringBuilder tail = new StringBuilder(256);
            Spool.Entry entry = new Spool.Entry();
            try (Spool.Reader reader = new Spool.Reader(file.spool)) {
                while (reader.next(entry)) {
                    if ((++rows & 4095) == 0) {
                        cancellation.throwIfCancelled();
                    }
                    if (entry.kind == Spool.QUARANTINED) {
                        writeQuarantined(file, entry, date, quarantine, findings);
                        continue;
                    }
                    int at = candidate++;
                    if (file.dropped.get(at)) {
                        boolean replay = file.dropIsPurchase.get(at);
                        ReasonCode code = replay ? ReasonCode.DUPLICATE_PURCHASE : ReasonCode.DUPLICATE_EVENT;
                        String earlier = file.dropNote.get(at);
                        findings.row(file.name(), entry.line, Severity.INFO.name(), code.code(), "", earlier,
                                (replay ? "A replay of the purchase at " : "An exact copy of the row at ")
                                        + earlier + "; dropped as a duplicate.", date);
                        continue;
                    }
                    int mask = entry.mask;
                    if (partitionDay != Integer.MIN_VALUE && entry.epochDay != partitionDay) {
                        mask |= 1 << ReasonCode.TIMESTAMP_OUTSIDE_PARTITION.ordinal();
                    }
                    String orderKey = entry.transactionId;
                    String collision = file.collisionKeys.get(at);
                    if (collision != null) {
                        mask |= 1 << ReasonCode.TRANSACTION_ID_COLLISION.ordinal();
                        orderKey = collision;
                    }
                    writeValid(file, entry, mask, orderKey, date, extraPosition, extras.size(), tail, validated,
                            findings, counts);
                }
            }
        }
        return counts;
    }

    private void writeValid(FileResult file, Spool.Entry entry, int mask, String orderKey, String date,
                            int[] extraPosition, int extraCount, StringBuilder tail, OutputStream validated,
                            FindingsOut findings, long[] counts) throws IOException {
        validated.write(entry.cells, 0, entry.cellsLength);
        tail.setLength(0);
        tail.append(',').append(date).append(',')
                .append((mask & (1 << ReasonCode.BOT_USER_AGENT.ordinal())) != 0 ? "true" : "false").append(',');
        int valueIndex = 0;
        boolean first = true;
        for (ReasonCode code : ReasonCode.values()) {
            if ((mask & (1 << code.ordinal())) == 0) {
                continue;
            }
            counts[code.ordinal()]++;
            if (!first) {
                tail.append(';');
            }
            first = false;
            tail.append(code.code());
            String value;
            if (code == ReasonCode.TIMESTAMP_OUTSIDE_PARTITION) {
                value = entry.timestamp;
            } else if (code == ReasonCode.TRANSACTION_ID_COLLISION) {
                value = entry.transactionId;
            } else {
                value = entry.warningValues[valueIndex++];
            }
            findings.row(file.name(), entry.line, code.severity().name(), code.code(), columnOf(code),
                    truncate(value), warningMessage(code, value, file, orderKey), date);
        }
        tail.append(',');
        CsvCells.appendText(tail, orderKey);
        tail.append(',');
        CsvCells.appendQuoted(tail, entry.revenue);
        if (extraCount > 0) {
            String[] cells = new String[extraCount];
            for (int i = 0; i < extraPosition.length; i++) {
                cells[extraPosition[i]] = entry.extraCells[i];
            }
            for (String cell : cells) {
                tail.append(',');
                if (cell != null) {
                    tail.append(cell);
                }
            }
        }
        tail.append('\n');
        validated.write(tail.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void writeQuarantined(FileResult file, Spool.Entry entry, String date, Writer quarantine,
                                         FindingsOut findings) throws IOException {
        List<Object> row = new ArrayList<>(12);
        row.add(file.name());
        row.add(entry.line);
        StringBuilder reasons = new StringBuilder();
        for (ReasonCode code : ReasonCode.values()) {
            if ((entry.mask & (1 << code.ordinal())) != 0) {
                if (reasons.length() > 0) {
                    reasons.append(';');
                }
                reasons.append(code.code());
                findings.row(file.name(), entry.line, Severity.ERROR.name(), code.code(), columnOf(code),
                        truncate(errorValue(code, entry)), errorMessage(code, entry), date);
            }
        }
        row.add(reasons.toString());
        for (String raw : entry.raw) {
            row.add(raw);
        }
        for (int i = entry.raw.length; i < CanonicalColumn.values().length; i++) {
            row.add("");
        }
        row.add(entry.rawRecord);
        quarantine.write(CsvCells.row(row.toArray()));
    }

    private static String errorValue(ReasonCode code, Spool.Entry entry) {
        return switch (code) {
            case COLUMN_COUNT_MISMATCH, MALFORMED_CSV -> entry.detail;
            case INVALID_TIMESTAMP -> raw(entry, CanonicalColumn.TIMESTAMP);
            case MISSING_EVENT_NAME, MISSING_CLIENT_ID -> "";
            default -> raw(entry, CanonicalColumn.EVENT_DATA);
        };
    }

    private static String raw(Spool.Entry entry, CanonicalColumn column) {
        return column.ordinal() < entry.raw.length ? entry.raw[column.ordinal()] : "";
    }

    private static String errorMessage(ReasonCode code, Spool.Entry entry) {
        return switch (code) {
            case COLUMN_COUNT_MISMATCH -> "The record has " + entry.detail + "; the row is quarantined.";
            case MALFORMED_CSV -> "The record cannot be parsed as CSV (" + entry.detail
                    + "); it is quarantined and reading resumed at the next line.";
            case INVALID_TIMESTAMP -> "The timestamp is missing or not ISO-8601 (expected like "
                    + "2025-02-23T00:00:01.750Z); the row is quarantined.";
            case INVALID_EVENT_DATA -> "event_data is not a strict JSON object; the row is quarantined.";
            default -> code.description() + "; the row is quarantined.";
        };
    }

    private static String warningMessage(ReasonCode code, String value, FileResult file, String orderKey) {
        return switch (code) {
            case TIMESTAMP_OUTSIDE_PARTITION -> "The event's UTC date is not the file's date " + file.partitionDate
                    + "; the row is kept and flagged.";
            case TRANSACTION_ID_COLLISION -> "Transaction id " + value + " is shared by different purchases; this one"
                    + " is kept as order " + orderKey + ".";
            default -> code.description() + "; the row is kept and flagged.";
        };
    }

    /** findings.csv through the fast row renderer: at 5M events there are about 700,000 bot findings. */
    private static final class FindingsOut {
        private final Writer out;

        FindingsOut(Writer out) {
            this.out = out;
        }

        void row(Object... cells) throws IOException {
            out.write(CsvCells.row(cells));
        }
    }

    static String columnOf(ReasonCode code) {
        return switch (code) {
            case MISSING_CLIENT_ID, NON_STANDARD_CLIENT_ID -> "client_id";
            case INVALID_TIMESTAMP, TIMESTAMP_OUTSIDE_PARTITION -> "timestamp";
            case MISSING_EVENT_NAME, UNKNOWN_EVENT_NAME -> "event_name";
            case BOT_USER_AGENT -> "user_agent";
            case INVALID_EVENT_DATA, PURCHASE_MISSING_TRANSACTION_ID, PURCHASE_INVALID_REVENUE, PURCHASE_ZERO_REVENUE,
                 PURCHASE_ITEM_PRICE_MISSING, PURCHASE_REVENUE_MISMATCH, TRANSACTION_ID_COLLISION -> "event_data";
            default -> "";
        };
    }

    private static String truncate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= VALUE_LIMIT ? value : value.substring(0, VALUE_LIMIT) + "…";
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
