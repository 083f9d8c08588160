package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RECONCILIATION: revenue of valid purchase rows, revenue in conversions and each model's attributed revenue (and
 * events in sessions) must agree within the configured tolerance (CRITICAL). One alert per day; a failing total
 * ({@code date = ALL}) without a failing day is reported on the last day.
 */
final class ReconciliationCheck implements MonitorCheck {
    @Override
    public String code() {
        return "RECONCILIATION";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        double tolerance = data.config().reconciliationTolerance();
        Map<LocalDate, List<MonitorData.ReconciliationRow>> failing = new TreeMap<>();
        List<MonitorData.ReconciliationRow> failingTotals = new ArrayList<>();
        for (MonitorData.ReconciliationRow row : data.reconciliation()) {
            double difference = difference(row);
            if (Double.isNaN(difference) || Math.abs(difference) <= tolerance) {
                continue;
            }
            LocalDate day = Diagnostics.dateOf(row.date());
            if (day == null) {
                failingTotals.add(row);
            } else {
                failing.computeIfAbsent(day, d -> new ArrayList<>()).add(row);
            }
        }
        if (failing.isEmpty() && !failingTotals.isEmpty() && !data.days().isEmpty()) {
            failing.put(data.days().lastKey(), failingTotals);
        }
        failing.forEach((day, rows) -> {
            rows.sort(Comparator.comparingDouble((MonitorData.ReconciliationRow r) -> Math.abs(difference(r)))
                    .reversed().thenComparing(MonitorData.ReconciliationRow::check));
            MonitorData.ReconciliationRow worst = rows.get(0);
            List<String> parts = rows.stream().limit(4).map(r -> r.check() + ": expected " + amount(r.expected())
                    + ", got " + amount(r.actual()) + " (difference " + amount(difference(r)) + ")").toList();
            sink.alert(new Alert(day, code(), AlertSeverity.CRITICAL, worst.check(), worst.actual(), worst.expected(),
                    tolerance,
                    "Totals do not reconcile on " + (failingTotals.equals(rows) ? "the whole period" : day) + ": "
                            + String.join("; ", parts) + (rows.size() > 4 ? "; and " + (rows.size() - 4) + " more" : "")
                            + ". Orders or revenue were lost or counted twice between validation and the reports.",
                    "Compare the purchase rows of quality/validated_events.csv with transform/conversions.csv and "
                            + "transform/attribution.csv for " + day + "; report it with the run folder if it persists.",
                    worst.check() + " off by " + amount(Math.abs(difference(worst)))));
        });
    }

    private static double difference(MonitorData.ReconciliationRow row) {
        if (row.expected() != null && row.actual() != null) {
            return row.actual() - row.expected();
        }
        return row.difference() == null ? Double.NaN : row.difference();
    }

    private static String amount(Double value) {
        return value == null ? "?" : Fmt.money(value);
    }
}
