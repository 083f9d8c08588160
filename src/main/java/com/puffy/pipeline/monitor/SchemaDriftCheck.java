package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SCHEMA_DRIFT: the first day of a structural drift episode from quality/schema_drift.csv. A missing canonical
 * column is CRITICAL (it reads as empty); a rename, extra column or reorder is WARNING (read by name, nothing lost);
 * a restored column is INFO. Several changes on one day make one alert with the worst severity.
 */
final class SchemaDriftCheck implements MonitorCheck {
    @Override
    public String code() {
        return "SCHEMA_DRIFT";
    }

    static final int DESCRIBED_CHANGES = 10;

    static AlertSeverity severity(String change) {
        return switch (change) {
            case "MISSING" -> AlertSeverity.CRITICAL;
            case "RESTORED" -> AlertSeverity.INFO;
            default -> AlertSeverity.WARNING;
        };
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        Map<LocalDate, List<MonitorData.DriftRow>> byDay = new TreeMap<>();
        for (MonitorData.DriftRow row : data.drift()) {
            if (row.date() != null && !row.change().equals("VALUE_DRIFT") && !row.change().isEmpty()) {
                byDay.computeIfAbsent(row.date(), d -> new ArrayList<>()).add(row);
            }
        }
        byDay.forEach((day, rows) -> {
            AlertSeverity severity = AlertSeverity.INFO;
            MonitorData.DriftRow worst = rows.get(0);
            for (MonitorData.DriftRow row : rows) {
                if (severity(row.change()).compareTo(severity) > 0) {
                    severity = severity(row.change());
                    worst = row;
                }
            }
            // The worst first; a day that brings hundreds of columns names a few and counts the rest.
            List<MonitorData.DriftRow> ordered = new ArrayList<>(rows);
            ordered.sort(java.util.Comparator.comparing((MonitorData.DriftRow row) -> severity(row.change()))
                    .reversed());
            List<String> descriptions = new ArrayList<>(ordered.stream().limit(DESCRIBED_CHANGES)
                    .map(SchemaDriftCheck::describe).toList());
            if (rows.size() > DESCRIBED_CHANGES) {
                descriptions.add("and " + (rows.size() - DESCRIBED_CHANGES) + " more changes (quality/schema_drift.csv "
                        + "lists them all)");
            }
            // In the message's order, so the first action answers the first (worst) change.
            List<String> actions = ordered.stream().map(SchemaDriftCheck::action).distinct().toList();
            sink.alert(new Alert(day, code(), severity, "schema_changes", (double) rows.size(), null, 0.0,
                    String.join("; ", descriptions) + ".", String.join(" ", actions),
                    headline(worst) + (rows.size() > 1 ? " (+" + (rows.size() - 1) + " more)" : "")));
        });
    }

    private static String headline(MonitorData.DriftRow row) {
        String column = "`" + row.column() + "`";
        return switch (row.change()) {
            case "MISSING" -> column + " missing";
            case "RENAMED" -> column + " arrives as `" + row.rawHeader() + "`";
            case "EXTRA" -> "extra column `" + (row.rawHeader().isEmpty() ? row.column() : row.rawHeader()) + "`";
            case "REORDERED" -> "columns reordered";
            case "RESTORED" -> column + " back to normal";
            default -> row.change().toLowerCase(java.util.Locale.ROOT) + " " + column;
        };
    }

    static String describe(MonitorData.DriftRow row) {
        String lasting = row.episodeFiles() == null ? "" : " (" + row.episodeFiles() + " file"
                + (row.episodeFiles() == 1 ? "" : "s") + ")";
        String where = "from " + row.file() + lasting + ": ";
        if (!row.detail().isBlank()) {
            String detail = row.detail().trim();
            return detail.startsWith("from ") ? detail : where + detail;
        }
        return where + headline(row);
    }

    private static String action(MonitorData.DriftRow row) {
        return switch (row.change()) {
            case "MISSING" -> "`" + row.column() + "` is read as empty for these files"
                    + ("referrer".equals(row.column()) ? " (sessions fall back to Direct or to their URL tags)" : "")
                    + ": ask the export owner to restore the column and resend the files.";
            case "RENAMED" -> "The column is mapped by name, so no data is lost; tell the owners of other tools that "
                    + "read the files by exact header.";
            case "EXTRA" -> "The column is carried through into validated_events.csv; check with the export owner "
                    + "whether it is intended.";
            case "REORDERED" -> "Columns are read by name, so nothing is lost; tools that read by position are now wrong.";
            case "RESTORED" -> "The change has ended; check the files between its start and here.";
            default -> "Compare the header of " + row.file() + " with the one before it.";
        };
    }
}
