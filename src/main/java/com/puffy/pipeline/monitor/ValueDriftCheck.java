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
                    : threshold(biggest.value(), biggest.baseline(), data.valueDrift());
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, label(biggest), biggest.value(),
                    biggest.baseline(), threshold,
                    "Values changed in " + biggest.file() + ": " + String.join("; ", parts)
                            + ". The data is still loaded; its meaning may have changed.",
                    "Look at `" + biggest.column() + "` in " + biggest.file() + " and the files after it; the other "
                            + "alerts of " + day + " show what it does to the metrics.",
                    headline(biggest)));
        });
    }

    /**
     * Where the quality stage's rule starts to fire on the side the value moved to: a move of the absolute points,
     * or of the relative points when the larger value is also the factor times the smaller (a share going from 1 %
     * to 6 % drifts, so the threshold is 6 %, not 1 % + 10 points).
     */
    static double threshold(double value, double baseline, com.puffy.pipeline.config.QualityConfig.ValueDrift rule) {
        double absolute = rule.absolutePoints() / 100;
        double relative = rule.relativePoints() / 100;
        if (value >= baseline) {
            return Math.min(baseline + absolute, Math.max(baseline + relative, rule.relativeFactor() * baseline));
        }
        double byFactor = rule.relativeFactor() == 0 ? Double.POSITIVE_INFINITY : baseline / rule.relativeFactor();
        return Math.max(baseline - absolute, Math.min(baseline - relative, byFactor));
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
