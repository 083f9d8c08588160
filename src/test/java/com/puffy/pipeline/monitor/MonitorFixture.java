package com.puffy.pipeline.monitor;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.io.CsvOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Hand-written upstream outputs for monitoring tests, following the file contracts of docs/architecture.md: a
 * clean series of days with small deterministic noise, to which a test plants exactly the fault it checks.
 */
final class MonitorFixture {
    static final List<String> DAILY_COLUMNS = List.of("date", "events", "sessions", "users", "conversions", "revenue",
            "session_cvr", "bot_share", "client_id_null_rate", "rows_read", "rows_missing_client_id", "bot_rows",
            "orders_zero_revenue", "orders_item_price_missing", "orders_collided", "direct_revenue_last_click",
            "non_landing_external_referrer_share");

    final Path root;
    final Path input;
    final Path output;
    final Map<LocalDate, Map<String, Object>> days = new TreeMap<>();
    final List<List<Object>> drift = new ArrayList<>();
    final List<List<Object>> reconciliation = new ArrayList<>();
    final List<List<Object>> conversions = new ArrayList<>();
    final List<List<Object>> quarantine = new ArrayList<>();
    final List<List<Object>> sessions = new ArrayList<>();
    LocalDate asOf;
    Path cacheFile;
    /** The input folder as the run is given it (a link to {@link #input}, say); null: {@link #input}. */
    Path inputGivenAs;
    com.puffy.pipeline.config.PipelineConfig config = ConfigLoader.defaults();

    MonitorFixture(Path root, LocalDate first, int dayCount) throws IOException {
        this.root = root;
        this.input = Files.createDirectories(root.resolve("events"));
        this.output = root.resolve("events-pipeline");
        for (int i = 0; i < dayCount; i++) {
            day(first.plusDays(i), i);
        }
        asOf = first.plusDays(dayCount);
    }

    /** A normal day: volumes with a small weekly wobble, about 20 orders and $20k, 13 % bots, 1 % null ids. */
    MonitorFixture day(LocalDate date, int i) {
        int wobble = new int[] {0, 40, -30, 70, -60, 20, -10}[i % 7];
        double events = 3000 + wobble;
        double sessions = 2500 + wobble / 2.0;
        double conversions = 20 + (i % 3) - 1;
        double revenue = 20000 + wobble * 25;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", events);
        m.put("sessions", sessions);
        m.put("users", 2100 + wobble / 2.0);
        m.put("conversions", conversions);
        m.put("revenue", revenue);
        m.put("session_cvr", conversions / sessions);
        m.put("bot_share", 0.13 + (i % 3) * 0.005);
        m.put("client_id_null_rate", 0.010 + (i % 2) * 0.002);
        m.put("rows_read", events + 30);
        m.put("rows_missing_client_id", 30.0);
        m.put("bot_rows", Math.round(events * 0.13));
        m.put("orders_zero_revenue", 0);
        m.put("orders_item_price_missing", 0);
        m.put("orders_collided", 0);
        m.put("direct_revenue_last_click", revenue * (0.30 + (i % 3) * 0.01));
        // A healthy export: events after a session's first rarely carry an external referrer.
        m.put("non_landing_external_referrer_share", 0.002 + (i % 3) * 0.001);
        days.put(date, m);
        return this;
    }

    MonitorFixture set(LocalDate date, String metric, Object value) {
        days.get(date).put(metric, value);
        return this;
    }

    MonitorFixture remove(LocalDate date) {
        days.remove(date);
        return this;
    }

    /** Overrides configuration keys the way a user's --config file does. */
    MonitorFixture configure(String yaml) throws IOException {
        Path file = root.resolve("config.yaml");
        Files.writeString(file, yaml);
        config = ConfigLoader.load(file);
        return this;
    }

    void writeInputs() throws IOException {
        Path quality = Files.createDirectories(output.resolve("quality"));
        Path transform = Files.createDirectories(output.resolve("transform"));
        List<List<Object>> daily = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        List<List<Object>> recon = new ArrayList<>(reconciliation);
        for (Map.Entry<LocalDate, Map<String, Object>> e : days.entrySet()) {
            List<Object> row = new ArrayList<>();
            row.add(e.getKey().toString());
            for (String column : DAILY_COLUMNS.subList(1, DAILY_COLUMNS.size())) {
                row.add(e.getValue().get(column));
            }
            daily.add(row);
            summary.add(List.of(fileOf(e.getKey()), e.getKey().toString(), true, "client_id,page_url",
                    e.getValue().get("rows_read"), e.getValue().get("events"), 30, 0, 30));
            if (reconciliation.stream().noneMatch(r -> r.get(0).equals(e.getKey().toString()))) {
                Object revenue = e.getValue().get("revenue");
                recon.add(List.of(e.getKey().toString(), "conversions_revenue", revenue, revenue, 0, true));
                recon.add(List.of(e.getKey().toString(), "attributed_revenue:last_click", revenue, revenue, 0, true));
            }
        }
        write(transform.resolve("daily_metrics.csv"), DAILY_COLUMNS, daily);
        write(quality.resolve("file_summary.csv"), List.of("file", "partition_date", "is_event_file", "header",
                "rows_read", "rows_valid", "rows_quarantined", "rows_duplicate", "rows_missing_client_id"), summary);
        write(quality.resolve("schema_drift.csv"), List.of("file", "partition_date", "change", "column", "raw_header",
                "detail", "episode_files", "metric", "value", "baseline"), drift);
        write(transform.resolve("reconciliation.csv"), List.of("date", "check", "expected", "actual", "difference",
                "ok"), recon);
        write(transform.resolve("conversions.csv"), List.of("order_key", "transaction_id", "client_id", "session_id",
                "timestamp", "revenue", "flags", "items", "quantity", "user_email", "date", "channel_last_click"),
                conversions);
        write(quality.resolve("quarantine.csv"), List.of("file", "line", "reasons", "raw_client_id", "raw_page_url",
                "raw_referrer", "raw_timestamp", "raw_event_name", "raw_event_data", "raw_user_agent", "raw_record"),
                quarantine);
        write(transform.resolve("sessions.csv"), List.of("session_id", "client_id", "session_start", "is_bot",
                "browser", "started_checkout", "date"), sessions);
    }

    static String fileOf(LocalDate day) {
        return "events_" + day.toString().replace("-", "") + ".csv";
    }

    static void write(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        StringWriter text = new StringWriter();
        try (CsvOutput csv = new CsvOutput(text, header)) {
            for (List<Object> row : rows) {
                csv.row(row);
            }
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    RunSettings settings() {
        return new RunSettings(inputGivenAs != null ? inputGivenAs : input, output, config, null, asOf, false,
                cacheFile);
    }

    /** Writes the inputs, runs the stage into a fresh work folder and returns its result. */
    StageResult run() throws Exception {
        writeInputs();
        Path work = output.resolve("monitoring");
        if (Files.exists(work)) {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work);
        return new MonitorStage().run(new RunContext(settings(), work), Progress.NONE, Cancellation.none());
    }

    List<Map<String, String>> read(String file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(output.resolve("monitoring").resolve(file))) {
            for (CSVRecord r : parser) {
                rows.add(r.toMap());
            }
        }
        return rows;
    }

    List<Map<String, String>> alerts() throws IOException {
        return read(MonitorStage.ALERTS);
    }

    List<Map<String, String>> alerts(String check) throws IOException {
        return alerts().stream().filter(a -> a.get("check").equals(check)).toList();
    }
}
