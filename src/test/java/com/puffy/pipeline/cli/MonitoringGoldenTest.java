package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.io.CsvInput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden test of monitoring (issue 5): on a generated 14-day folder with the common faults, every planted fault
 * that monitoring watches raises an alert of the expected check on the right day, and the total stays small; on a
 * clean folder the run exits 0.
 */
class MonitoringGoldenTest {
    private static final int DAYS = 14;
    private static final String EVENTS_PER_DAY = "2000";

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    private Path generate(String faults) {
        Path events = dir.resolve("events-" + faults);
        assertThat(cli("generate", "--out", events.toString(), "--days", String.valueOf(DAYS), "--events-per-day",
                EVENTS_PER_DAY, "--seed", "11", "--faults", faults)).as(err.toString()).isZero();
        return events;
    }

    private static List<Map<String, String>> alerts(Path output) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(output.resolve("monitoring/alerts.csv"))) {
            for (CSVRecord r : parser) {
                rows.add(r.toMap());
            }
        }
        return rows;
    }

    /** The first date of the generated period, from faults.json. */
    private static LocalDate start(JsonNode ledger) {
        return LocalDate.parse(ledger.path("settings").path("start_date").asText());
    }

    @Test
    void everyPlantedFaultRaisesItsAlertOnTheRightDayAndTheTotalStaysSmall() throws Exception {
        Path events = generate("common");
        JsonNode ledger = new ObjectMapper().readTree(events.resolve("faults.json").toFile());
        Map<String, String> fileDates = new HashMap<>();
        Map<String, Double> nullShare = new HashMap<>();
        for (JsonNode file : ledger.path("files")) {
            fileDates.put(file.path("file").asText(), file.path("partition_date").asText());
            JsonNode expected = file.path("expected");
            if (expected.has("rows_read") && expected.path("rows_read").asDouble() > 0) {
                nullShare.put(file.path("file").asText(),
                        expected.path("rows_missing_client_id").asDouble() / expected.path("rows_read").asDouble());
            }
        }
        // Monitoring's own fault: one day's file goes missing from the middle of the period.
        LocalDate gap = start(ledger).plusDays(2);
        String gapFile = "events_" + gap.toString().replace("-", "") + ".csv";
        Files.delete(events.resolve(gapFile));

        Set<String> expected = new LinkedHashSet<>();
        expected.add(gap + " MISSING_PARTITION");
        for (JsonNode episode : ledger.path("schema_drift")) {
            expected.add(fileDates.get(episode.path("first_file").asText()) + " SCHEMA_DRIFT");
            String restored = episode.path("restored_file").asText("");
            if (!restored.isEmpty() && !restored.equals("null")) {
                expected.add(fileDates.get(restored) + " SCHEMA_DRIFT");
            }
        }
        for (JsonNode drift : ledger.path("value_drift")) {
            expected.add(fileDates.get(drift.path("first_file").asText()) + " VALUE_DRIFT");
        }
        for (JsonNode episode : ledger.path("episodes")) {
            // Seven baseline days before the first sticky day: the jump is seen there.
            if (episode.path("kind").asText().equals("sticky_referrer")) {
                expected.add(episode.path("first_date").asText() + " STICKY_REFERRER");
            }
        }
        for (JsonNode fault : ledger.path("faults")) {
            String file = fault.path("file").asText();
            String date = fileDates.get(file);
            if (file.equals(gapFile) || date == null) {
                continue;
            }
            switch (fault.path("kind").asText()) {
                case "client_id_null_spike" -> {
                    if (nullShare.getOrDefault(file, 0.0) > 0.05) {
                        expected.add(date + " CLIENT_ID_NULL_RATE");
                    }
                }
                case "transaction_id_collision" -> expected.add(date + " TRANSACTION_ID_COLLISION");
                case "zero_revenue" -> expected.add(date + " ZERO_REVENUE_ORDERS");
                case "null_item_prices" -> expected.add(date + " ITEM_PRICE_MISSING");
                case "bot_burst" -> expected.add(date + " BOT_SHARE");
                default -> { }
            }
        }

        LocalDate asOf = start(ledger).plusDays(DAYS);
        Path output = dir.resolve("out-common");
        int exit = cli("run", "--input", events.toString(), "--output", output.toString(), "--as-of", asOf.toString(),
                "--no-cache");
        List<Map<String, String>> alerts = alerts(output);
        Set<String> raised = new LinkedHashSet<>();
        alerts.forEach(a -> raised.add(a.get("date") + " " + a.get("check")));

        assertThat(raised).as("alerts raised: %s%nstdout: %s", alerts, out).containsAll(expected);
        assertThat(exit).as(err.toString()).isEqualTo(1);
        // Readable in a minute: beyond the planted faults, at most a few alerts.
        assertThat(alerts.size()).as("alerts beyond the planted faults: %s", alerts).isLessThanOrEqualTo(expected.size() + 3);
        for (String file : List.of("quality/file_summary.csv", "quality/schema_drift.csv", "quality/findings.csv",
                "quality/quarantine.csv", "quality/validated_events.csv", "transform/sessions.csv",
                "transform/users.csv", "transform/conversions.csv", "transform/attribution.csv",
                "transform/daily_metrics.csv", "transform/funnel.csv", "transform/channel_performance.csv",
                "monitoring/alerts.csv", "monitoring/incidents.csv", "run.json")) {
            assertThat(output.resolve(file)).as(file).exists();
        }
    }

    @Test
    void aCleanGeneratedFolderHasNoCriticalAlertAndExitsZero() throws Exception {
        Path events = generate("none");
        JsonNode ledger = new ObjectMapper().readTree(events.resolve("faults.json").toFile());
        Path output = dir.resolve("out-clean");
        int exit = cli("run", "--input", events.toString(), "--output", output.toString(), "--as-of",
                start(ledger).plusDays(DAYS).toString(), "--no-cache");
        List<Map<String, String>> alerts = alerts(output);
        assertThat(exit).as("alerts: %s%n%s", alerts, err).isZero();
        assertThat(alerts).noneMatch(a -> a.get("severity").equals("CRITICAL"));
        assertThat(alerts.size()).as("false alerts on clean data: %s", alerts).isLessThanOrEqualTo(2);
        assertThat(alerts).noneMatch(a -> a.get("check").equals("STICKY_REFERRER"));

        // --as-of sets the freshness reference: three days later the same folder is stale, and only monitoring
        // (and what reads it) runs again.
        LocalDate late = start(ledger).plusDays(DAYS + 2);
        out.getBuffer().setLength(0);
        int lateExit = cli("run", "--input", events.toString(), "--output", output.toString(), "--as-of",
                late.toString(), "--no-cache");
        assertThat(lateExit).isEqualTo(1);
        assertThat(alerts(output)).anySatisfy(a -> {
            assertThat(a.get("check")).isEqualTo("FRESHNESS");
            assertThat(a.get("date")).isEqualTo(late.toString());
            assertThat(a.get("severity")).isEqualTo("CRITICAL");
        });
        assertThat(out.toString()).contains("Quality (up to date").contains("CRITICAL FRESHNESS " + late);
    }
}
