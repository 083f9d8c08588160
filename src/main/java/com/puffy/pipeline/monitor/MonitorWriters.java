package com.puffy.pipeline.monitor;

import com.puffy.pipeline.io.AtomicFiles;
import com.puffy.pipeline.io.CsvOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes monitoring/alerts.csv, incidents.csv and metrics.csv (docs/architecture.md). */
final class MonitorWriters {
    static final List<String> ALERT_COLUMNS = List.of("alert_id", "date", "check", "severity", "metric", "value",
            "baseline", "threshold", "message", "suggested_action");
    static final List<String> INCIDENT_COLUMNS = List.of("incident_id", "check", "first_date", "last_date", "alerts",
            "worst_severity", "summary");
    static final List<String> METRIC_COLUMNS = List.of("date", "metric", "value", "baseline", "band_low", "band_high",
            "fired");

    private MonitorWriters() {
    }

    static void alerts(Path file, List<Alert> alerts) throws IOException {
        AtomicFiles.write(file, writer -> {
            try (CsvOutput csv = new CsvOutput(writer, ALERT_COLUMNS)) {
                for (Alert a : alerts) {
                    csv.row(a.alertId(), a.date().toString(), a.check(), a.severity().name(), a.metric(), a.value(),
                            a.baseline(), a.threshold(), a.message(), a.suggestedAction());
                }
            }
        });
    }

    static void incidents(Path file, List<Incident> incidents) throws IOException {
        AtomicFiles.write(file, writer -> {
            try (CsvOutput csv = new CsvOutput(writer, INCIDENT_COLUMNS)) {
                for (Incident i : incidents) {
                    csv.row(i.incidentId(), i.check(), i.firstDate().toString(), i.lastDate().toString(),
                            i.alerts().size(), i.worstSeverity().name(), i.summary());
                }
            }
        });
    }

    static void metrics(Path file, List<MetricPoint> points) throws IOException {
        AtomicFiles.write(file, writer -> {
            try (CsvOutput csv = new CsvOutput(writer, METRIC_COLUMNS)) {
                for (MetricPoint p : points) {
                    csv.row(p.date().toString(), p.metric(), p.value(), p.baseline(), p.bandLow(), p.bandHigh(),
                            p.fired());
                }
            }
        });
    }
}
