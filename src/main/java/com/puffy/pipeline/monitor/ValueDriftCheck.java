package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** VALUE_DRIFT: the first day of a value-drift episode found by the quality stage (WARNING). */
final class ValueDriftCheck implements MonitorCheck {
    @Override
    public String code() {
        return "VALUE_DRIFT";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        Map<LocalDate, List<MonitorData.DriftRow>> byDay = new TreeMap<>();
        for (MonitorData.DriftRow row : data.drift()) {
            if (row.date() != null && row.change().equals("VALUE_DRIFT")) {
                byDay.computeIfAbsent(row.date(), d -> new ArrayList<>()).add(row);
            }
        }
        byDay.forEach((day, rows) -> {
            List<MonitorData.DriftRow> ordered = new ArrayList<>(rows);
            ordered.sort(Comparator.comparingDouble(ValueDriftCheck::move).reversed()
                    .thenComparing(MonitorData.DriftRow::column).thenComparing(MonitorData.DriftRow::metric));
            MonitorData.DriftRow biggest = ordered.get(0);
            List<String> parts = ordered.stream().map(ValueDriftCheck::describe).toList();
            Double threshold = biggest.value() == null || biggest.baseline() == null ? null
                    : biggest.baseline() + Math.signum(biggest.value() - biggest.baseline()) * data.valueDriftPoints() / 100;
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, label(biggest), biggest.value(),
                    biggest.baseline(), threshold,
                    "Values changed in " + biggest.file() + ": " + String.join("; ", parts)
                            + ". The data is still loaded; its meaning may have changed.",
                    "Look at `" + biggest.column() + "` in " + biggest.file() + " and the files after it; the other "
                            + "alerts of " + day + " show what it does to the metrics.",
                    headline(biggest)));
        });
    }

    private static double move(MonitorData.DriftRow row) {
        return row.value() == null || row.baseline() == null ? 0 : Math.abs(row.value() - row.baseline());
    }

    private static String label(MonitorData.DriftRow row) {
        return row.column() + (row.metric().isBlank() ? "" : "." + row.metric());
    }

    private static String headline(MonitorData.DriftRow row) {
        if (row.value() == null || row.baseline() == null) {
            return label(row) + " drifted";
        }
        return "`" + row.column() + "` " + row.metric().replace('_', ' ') + " " + Fmt.pct(row.baseline()) + " → "
                + Fmt.pct(row.value());
    }

    /** Quality's own wording when it gave one, else value and baseline. */
    private static String describe(MonitorData.DriftRow row) {
        if (!row.detail().isBlank()) {
            return row.detail().trim();
        }
        String text = headline(row);
        if (row.value() != null && row.baseline() != null) {
            text += " (baseline of the files before: " + Fmt.pct(row.baseline()) + ")";
        }
        return text;
    }
}
