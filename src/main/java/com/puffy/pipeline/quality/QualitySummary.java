package com.puffy.pipeline.quality;

import com.puffy.pipeline.core.Words;
import com.puffy.pipeline.model.ReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stage's result in two forms: figures for run.json (reconciliation per file and in total, rows by outcome,
 * quarantined by reason, duplicates, flags, drift episodes, cache use) and plain-words lines for the faces.
 */
final class QualitySummary {
    private static final int FILE_LINES_LIMIT = 40;
    /** A folder can bring hundreds of EXTRA columns at once; the summary names the first, the CSV has them all. */
    static final int DRIFT_LINES_LIMIT = 20;
    /** Files validated again that the cache line names; the others are counted. */
    static final int VALIDATED_NAMED = 3;
    private static final int SKIPPED_DAYS_SHOWN = 5;

    private final List<FileResult> files;
    private final List<DriftEpisode> drift;
    private final long[] flagged;
    private final List<String> cacheWarnings;

    QualitySummary(List<FileResult> files, List<DriftEpisode> drift, long[] flagged, List<String> cacheWarnings) {
        this.cacheWarnings = cacheWarnings;
        this.files = files;
        this.drift = drift;
        this.flagged = flagged;
    }

    private long sum(java.util.function.ToLongFunction<FileResult> f) {
        return files.stream().mapToLong(f).sum();
    }

    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("files_examined", files.size());
        figures.put("event_files", count(FileResult.Status.EVENT_FILE));
        figures.put("not_event_files", count(FileResult.Status.NOT_AN_EVENT_FILE));
        figures.put("empty_files", files.stream().filter(f -> QualityWriter.status(f).equals("empty")).count());
        figures.put("unreadable_files", count(FileResult.Status.UNREADABLE));
        figures.put("bytes_read", sum(f -> Math.max(0, f.input.size())));
        long read = sum(f -> f.rowsRead);
        long valid = sum(FileResult::rowsValid);
        long quarantined = sum(f -> f.rowsQuarantined);
        long duplicate = sum(f -> f.rowsDuplicate);
        figures.put("rows_read", read);
        figures.put("rows_valid", valid);
        figures.put("rows_quarantined", quarantined);
        figures.put("rows_duplicate", duplicate);
        figures.put("reconciled", read == valid + quarantined + duplicate);
        figures.put("rows_missing_client_id", sum(f -> f.rowsMissingClientId));
        Map<String, Object> byReason = new LinkedHashMap<>();
        for (ReasonCode code : ReasonCode.values()) {
            long n = sum(f -> f.quarantinedByCode[code.ordinal()]);
            if (n > 0) {
                byReason.put(code.code(), n);
            }
        }
        figures.put("quarantined_by_reason", byReason);
        Map<String, Object> duplicates = new LinkedHashMap<>();
        duplicates.put(ReasonCode.DUPLICATE_EVENT.code(), sum(f -> f.duplicateEvents));
        duplicates.put(ReasonCode.DUPLICATE_PURCHASE.code(), sum(f -> f.duplicatePurchases));
        figures.put("duplicates", duplicates);
        Map<String, Object> flags = new LinkedHashMap<>();
        for (ReasonCode code : ReasonCode.values()) {
            if (flagged[code.ordinal()] > 0) {
                flags.put(code.code(), flagged[code.ordinal()]);
            }
        }
        figures.put("flagged_by_code", flags);
        Map<String, Object> episodes = new LinkedHashMap<>();
        for (DriftEpisode e : drift) {
            episodes.merge(e.change(), 1L, (a, b) -> (Long) a + (Long) b);
        }
        figures.put("drift_episodes", episodes);
        figures.put("drift", drift.stream().map(DriftEpisode::summary).collect(Collectors.toList()));
        long hits = files.stream().filter(f -> f.fromCache).count();
        figures.put("cache_hits", hits);
        figures.put("cache_misses", files.size() - hits);
        figures.put("cache_warnings", cacheWarnings);
        List<Map<String, Object>> perFile = new ArrayList<>();
        for (FileResult f : files) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", f.name());
            row.put("partition_date", f.partitionDate == null ? null : f.partitionDate.toString());
            row.put("status", QualityWriter.status(f));
            row.put("rows_read", f.rowsRead);
            row.put("rows_valid", f.rowsValid());
            row.put("rows_quarantined", f.rowsQuarantined);
            row.put("rows_duplicate", f.rowsDuplicate);
            row.put("reconciled", f.rowsRead == f.rowsValid() + f.rowsQuarantined + f.rowsDuplicate);
            row.put("from_cache", f.fromCache);
            // The file as it was read, so the app can tell a corrected file put in under the same name from one
            // that did not change ("events_20250227.csv changed since the last run").
            row.put("bytes", f.input.size());
            row.put("modified_ms", f.input.modifiedMillis());
            perFile.add(row);
        }
        figures.put("files", perFile);
        return figures;
    }

    /** "49,355 rows read = 47,978 valid + 1,375 quarantined + 2 duplicate (reconciled)". */
    String reconciliation() {
        long read = sum(f -> f.rowsRead);
        long valid = sum(FileResult::rowsValid);
        long quarantined = sum(f -> f.rowsQuarantined);
        long duplicate = sum(f -> f.rowsDuplicate);
        return String.format(Locale.ROOT, "%,d %s read = %,d valid + %,d quarantined + %,d duplicate%s", read,
                read == 1 ? "row" : "rows", valid, quarantined, duplicate, read == valid + quarantined + duplicate ? " (reconciled)"
                        : " (DOES NOT RECONCILE)");
    }

    private static boolean isSkippedDay(FileResult f) {
        return f.status == FileResult.Status.NOT_AN_EVENT_FILE && f.dateFromName
                && FileValidator.systemCompanion(f.input.path().getFileName().toString()) == null;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        long eventFiles = count(FileResult.Status.EVENT_FILE);
        StringBuilder filesLine = new StringBuilder(String.format(Locale.ROOT, "Files: %d examined, %d event file%s",
                files.size(), eventFiles, eventFiles == 1 ? "" : "s"));
        appendFiles(filesLine, "not an event file", FileResult.Status.NOT_AN_EVENT_FILE);
        List<String> empty = files.stream().filter(f -> QualityWriter.status(f).equals("empty"))
                .map(FileResult::name).toList();
        if (!empty.isEmpty()) {
            filesLine.append("; ").append(empty.size()).append(" empty (").append(names(empty)).append(')');
        }
        appendFiles(filesLine, "unreadable", FileResult.Status.UNREADABLE);
        lines.add(filesLine.append('.').toString());
        long read = sum(f -> f.rowsRead);
        long valid = sum(FileResult::rowsValid);
        long quarantined = sum(f -> f.rowsQuarantined);
        long duplicate = sum(f -> f.rowsDuplicate);
        lines.add(String.format(Locale.ROOT, "Rows: %,d read = %,d valid + %,d quarantined + %,d duplicate%s.", read,
                valid, quarantined, duplicate, read == valid + quarantined + duplicate ? " (reconciled)"
                        : " (DOES NOT RECONCILE)"));
        List<String> reasons = new ArrayList<>();
        for (ReasonCode code : ReasonCode.values()) {
            long n = sum(f -> f.quarantinedByCode[code.ordinal()]);
            if (n > 0) {
                reasons.add(String.format(Locale.ROOT, "%s %,d", code.code(), n));
            }
        }
        lines.add(quarantined == 0 ? "Quarantined: none."
                : "Quarantined by reason (a row may have several): " + String.join(", ", reasons) + ".");
        long copies = sum(f -> f.duplicateEvents);
        long replays = sum(f -> f.duplicatePurchases);
        lines.add("Duplicates dropped: " + Words.count(copies, "exact copy", "exact copies") + " (DUPLICATE_EVENT), "
                + Words.count(replays, "purchase replay", "purchase replays") + " (DUPLICATE_PURCHASE).");
        List<String> flags = new ArrayList<>();
        for (ReasonCode code : ReasonCode.values()) {
            if (flagged[code.ordinal()] > 0) {
                flags.add(String.format(Locale.ROOT, "%s %,d", code.code(), flagged[code.ordinal()]));
            }
        }
        lines.add(flags.isEmpty() ? "Flags on valid rows: none." : "Flags on valid rows: " + String.join(", ", flags) + ".");
        for (FileResult f : files) {
            if (f.status == FileResult.Status.UNREADABLE) {
                f.findings.forEach(finding -> lines.add("Unreadable: " + finding.message()
                        + " Its rows are not counted."));
            }
        }
        // A skipped file named as a day (compressed, a folder, its columns renamed) is likely a day missing from every
        // output: "not an event file (events_20250224.csv.gz)" alone left the analyst to find out why in findings.csv.
        files.stream().filter(QualitySummary::isSkippedDay).limit(SKIPPED_DAYS_SHOWN)
                .forEach(f -> f.findings.forEach(finding -> lines.add("Skipped: " + finding.message())));
        long skippedDays = files.stream().filter(QualitySummary::isSkippedDay).count();
        if (skippedDays > SKIPPED_DAYS_SHOWN) {
            lines.add("Skipped: " + (skippedDays - SKIPPED_DAYS_SHOWN) + " more files named as days (see"
                    + " quality/findings.csv).");
        }
        if (drift.isEmpty()) {
            lines.add("Drift: none.");
        } else {
            lines.add("Drift episodes: " + drift.size() + ".");
            for (DriftEpisode e : drift.subList(0, Math.min(drift.size(), DRIFT_LINES_LIMIT))) {
                lines.add("  " + e.change() + " " + e.summary());
            }
            if (drift.size() > DRIFT_LINES_LIMIT) {
                lines.add("  … and " + (drift.size() - DRIFT_LINES_LIMIT) + " more: see quality/schema_drift.csv.");
            }
        }
        long hits = files.stream().filter(f -> f.fromCache).count();
        if (hits > 0) {
            // Which files were read again: a scheduled run's log said one of 12 had changed, not which one.
            List<String> validated = files.stream().filter(f -> !f.fromCache).map(FileResult::name).toList();
            lines.add("Cache: " + hits + " of " + files.size() + " files unchanged, their results reused"
                    + (validated.isEmpty() ? "." : "; validated: " + String.join(", ",
                    validated.subList(0, Math.min(validated.size(), VALIDATED_NAMED)))
                    + (validated.size() > VALIDATED_NAMED ? " and " + (validated.size() - VALIDATED_NAMED) + " more."
                    : ".")));
        }
        cacheWarnings.forEach(w -> lines.add("Cache warning: " + w));
        if (files.size() <= FILE_LINES_LIMIT) {
            lines.add("Per file (read = valid + quarantined + duplicate):");
            for (FileResult f : files) {
                lines.add(String.format(Locale.ROOT, "  %s: %,d = %,d + %,d + %,d%s", f.name(), f.rowsRead,
                        f.rowsValid(), f.rowsQuarantined, f.rowsDuplicate,
                        QualityWriter.status(f).equals("event_file") ? ""
                                : " (" + QualityWriter.status(f).replace('_', ' ') + ")"));
            }
        } else {
            lines.add("Per-file reconciliation: see quality/file_summary.csv (" + files.size() + " files).");
        }
        return lines;
    }

    private long count(FileResult.Status status) {
        return files.stream().filter(f -> f.status == status).count();
    }

    private void appendFiles(StringBuilder line, String label, FileResult.Status status) {
        List<String> names = files.stream().filter(f -> f.status == status).map(FileResult::name).toList();
        if (!names.isEmpty()) {
            line.append("; ").append(names.size()).append(' ').append(label).append(" (").append(names(names)).append(')');
        }
    }

    private static String names(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + ", … " + (names.size() - 5) + " more";
    }
}
