package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.Frame.Kind;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Futures;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.io.CsvColumnReader;
import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The upstream outputs the analysis reads (docs/architecture.md, file contracts), by column name. Sessions are
 * summed up while streamed ({@link SessionSummary}); order- and day-level datasets go through {@link Frame}; the small quality and monitoring files are read as rows;
 * {@code findings.csv} and {@code quarantine.csv}, which can be long, are streamed into counts.
 */
final class AnalysisInputs {
    final SessionSummary sessions;
    final Frame conversions;
    final Frame orderItems;
    final Frame attribution;
    final Frame dailyMetrics;
    final Frame channelPerformance;
    final List<Map<String, String>> funnel;
    final List<Map<String, String>> reconciliation;
    final List<Map<String, String>> fileSummary;
    final List<Map<String, String>> schemaDrift;
    final List<Map<String, String>> alerts;
    final List<Map<String, String>> incidents;
    /** Findings per (severity, code), in first-seen order. */
    final Map<List<String>, Long> findingCounts;
    /** Quarantined purchase rows per partition date (their revenue never reached the figures). */
    final Map<String, Long> quarantinedPurchasesByDate;

    private AnalysisInputs(Builder b) {
        sessions = b.sessions;
        conversions = b.conversions;
        orderItems = b.orderItems;
        attribution = b.attribution;
        dailyMetrics = b.dailyMetrics;
        channelPerformance = b.channelPerformance;
        funnel = b.funnel;
        reconciliation = b.reconciliation;
        fileSummary = b.fileSummary;
        schemaDrift = b.schemaDrift;
        alerts = b.alerts;
        incidents = b.incidents;
        findingCounts = b.findingCounts;
        quarantinedPurchasesByDate = b.quarantinedPurchasesByDate;
    }

    private static final class Builder {
        SessionSummary sessions;
        Frame conversions;
        Frame orderItems;
        Frame attribution;
        Frame dailyMetrics;
        Frame channelPerformance;
        List<Map<String, String>> funnel;
        List<Map<String, String>> reconciliation;
        List<Map<String, String>> fileSummary;
        List<Map<String, String>> schemaDrift;
        List<Map<String, String>> alerts;
        List<Map<String, String>> incidents;
        Map<List<String>, Long> findingCounts;
        Map<String, Long> quarantinedPurchasesByDate;
    }

    private static final List<String> PURCHASE_ERRORS = List.of("PURCHASE_INVALID_REVENUE",
            "PURCHASE_MISSING_TRANSACTION_ID");

    /**
     * Reads every input; a missing file or column is a {@link PipelineException} naming it and what to do.
     * sessions.csv, the largest by far, is summed up on a second thread while this one reads the rest.
     */
    static AnalysisInputs read(Path quality, Path transform, Path monitoring, Cancellation cancellation)
            throws IOException {
        Path sessionsCsv = transform.resolve("sessions.csv");
        requireColumns(sessionsCsv, SessionSummary.COLUMNS, "transform");
        ExecutorService sessionsReader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "analysis-sessions");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<SessionSummary> sessions = sessionsReader.submit(() -> readSessions(sessionsCsv, cancellation));
            Builder b = readAllButSessions(quality, transform, monitoring, cancellation);
            b.sessions = Futures.await(sessions);
            return new AnalysisInputs(b);
        } finally {
            // Stops the sessions pass early when reading the rest failed.
            sessionsReader.shutdownNow();
        }
    }

    private static SessionSummary readSessions(Path file, Cancellation cancellation) throws IOException {
        try {
            return SessionSummary.read(file, cancellation);
        } catch (IOException | NumberFormatException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            throw PipelineException.unreadableInput(where(file) + " is not well-formed CSV (" + e.getMessage()
                    + "): run the transform stage again.", e);
        }
    }

    private static Builder readAllButSessions(Path quality, Path transform, Path monitoring,
                                              Cancellation cancellation) throws IOException {
        Builder b = new Builder();
        b.conversions = frame(transform, "conversions.csv", columns(
                "order_key", Kind.TEXT, "timestamp", Kind.TEXT, "revenue", Kind.NUMBER, "flags", Kind.TEXT,
                "date", Kind.TEXT), "transform");
        b.orderItems = frame(transform, "order_items.csv", columns(
                "order_key", Kind.TEXT, "item_name", Kind.TEXT, "quantity", Kind.NUMBER, "item_price", Kind.NUMBER),
                "transform");
        b.attribution = frame(transform, "attribution.csv", columns(
                "order_key", Kind.TEXT, "model", Kind.TEXT, "session_start", Kind.TEXT, "touchpoints", Kind.NUMBER),
                "transform");
        cancellation.throwIfCancelled();
        b.dailyMetrics = frame(transform, "daily_metrics.csv", columns(
                "date", Kind.TEXT, "events", Kind.NUMBER, "sessions", Kind.NUMBER, "users", Kind.NUMBER,
                "conversions", Kind.NUMBER, "revenue", Kind.NUMBER, "session_cvr", Kind.NUMBER,
                "bot_share", Kind.NUMBER, "client_id_null_rate", Kind.NUMBER, "bot_rows", Kind.NUMBER), "transform");
        b.channelPerformance = frame(transform, "channel_performance.csv", columns(
                "model", Kind.TEXT, "channel", Kind.TEXT, "sessions", Kind.NUMBER, "conversions", Kind.NUMBER,
                "revenue", Kind.NUMBER), "transform");
        b.funnel = rows(transform.resolve("funnel.csv"), List.of("step", "sessions", "rate_from_previous",
                "rate_from_start"), "transform");
        b.reconciliation = rows(transform.resolve("reconciliation.csv"), List.of("date", "check", "expected",
                "actual", "difference", "ok"), "transform");
        b.fileSummary = rows(quality.resolve("file_summary.csv"), List.of("file", "partition_date",
                "is_event_file", "rows_read", "rows_valid", "rows_quarantined", "rows_duplicate"), "quality");
        b.schemaDrift = rows(quality.resolve("schema_drift.csv"), List.of("file", "partition_date", "change",
                "column", "episode_files", "metric", "value", "baseline"), "quality");
        b.alerts = rows(monitoring.resolve("alerts.csv"), List.of("alert_id", "date", "check", "severity",
                "message"), "monitor");
        b.incidents = rows(monitoring.resolve("incidents.csv"), List.of("incident_id", "check", "first_date",
                "last_date", "alerts", "worst_severity", "summary"), "monitor");
        cancellation.throwIfCancelled();
        b.findingCounts = countFindings(quality.resolve("findings.csv"), cancellation);
        b.quarantinedPurchasesByDate = countQuarantinedPurchases(quality.resolve("quarantine.csv"), b.fileSummary,
                cancellation);
        return b;
    }

    private static Map<String, Kind> columns(Object... pairs) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return map;
    }

    private static Frame frame(Path folder, String name, Map<String, Kind> columns, String stage) throws IOException {
        Path file = folder.resolve(name);
        requireColumns(file, List.copyOf(columns.keySet()), stage);
        return TablesawFrame.read(file, columns);
    }

    /** Checks the file exists and its header names every column, so a contract break is one clear sentence. */
    static void requireColumns(Path file, List<String> columns, String stage) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw PipelineException.unreadableInput(where(file) + " is missing: run the " + stage
                    + " stage again (eventpipe " + stage + " --input <folder>) before the analysis.", null);
        }
        List<String> header;
        try (CSVParser parser = CsvInput.open(file)) {
            header = parser.getHeaderNames();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw PipelineException.unreadableInput(where(file) + " cannot be read as CSV (" + e.getMessage()
                    + "): run the " + stage + " stage again.", e);
        }
        List<String> missing = columns.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw PipelineException.unreadableInput(where(file) + " lacks the column(s) " + String.join(", ", missing)
                    + ": it was written by another version; run the " + stage + " stage again.", null);
        }
    }

    private static String where(Path file) {
        Path parent = file.getParent();
        return (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/") + file.getFileName();
    }

    private static List<Map<String, String>> rows(Path file, List<String> columns, String stage) throws IOException {
        requireColumns(file, columns, stage);
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(file)) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new HashMap<>();
                for (String column : columns) {
                    String value = record.isSet(column) ? record.get(column) : "";
                    row.put(column, CsvInput.unprotect(value));
                }
                rows.add(row);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw PipelineException.unreadableInput(where(file) + " is not well-formed CSV (" + e.getMessage()
                    + "): run the " + stage + " stage again.", e);
        }
        return rows;
    }

    /** findings.csv can hold millions of rows (200 MB at 5M events): only two short columns are decoded. */
    private static Map<List<String>, Long> countFindings(Path file, Cancellation cancellation) throws IOException {
        List<String> columns = List.of("severity", "code");
        requireColumns(file, columns, "quality");
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        streamRecords(file, columns, "quality", cancellation, record ->
                counts.merge(List.of(record.label(0), record.label(1)), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Long> countQuarantinedPurchases(Path file, List<Map<String, String>> fileSummary,
                                                               Cancellation cancellation) throws IOException {
        List<String> columns = List.of("file", "reasons");
        requireColumns(file, columns, "quality");
        Map<String, String> dateOfFile = new HashMap<>();
        for (Map<String, String> row : fileSummary) {
            dateOfFile.put(row.get("file"), row.get("partition_date"));
        }
        Map<String, Long> counts = new TreeMap<>();
        streamRecords(file, columns, "quality", cancellation, record -> {
            for (String reason : record.label(1).split(";")) {
                if (PURCHASE_ERRORS.contains(reason.trim())) {
                    counts.merge(dateOfFile.getOrDefault(CsvInput.unprotect(record.label(0)), ""), 1L, Long::sum);
                    break;
                }
            }
        });
        return counts;
    }

    /**
     * Hands each record after the header to {@code perRecord}, its slot i holding {@code columns.get(i)}, for the
     * long files of which only a few short columns are needed: they are read as bytes and only those decoded.
     */
    private static void streamRecords(Path file, List<String> columns, String stage, Cancellation cancellation,
                                      Consumer<CsvColumnReader> perRecord) throws IOException {
        try (CsvColumnReader reader = CsvColumnReader.open(file).select(columns)) {
            long seen = 0;
            while (reader.next()) {
                perRecord.accept(reader);
                if ((++seen & 0xFFFF) == 0) {
                    cancellation.throwIfCancelled();
                }
            }
        } catch (IOException e) {
            throw PipelineException.unreadableInput(where(file) + " is not well-formed CSV (" + e.getMessage()
                    + "): run the " + stage + " stage again.", e);
        }
    }
}
