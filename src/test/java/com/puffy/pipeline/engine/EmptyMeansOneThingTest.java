package com.puffy.pipeline.engine;

import static com.puffy.pipeline.TestClientIds.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0822: a value of nothing a reader could see (control characters, no-break, ideographic and zero-width
 * spaces) is empty for every stage alike. Through the real stages: each file's null share in column_profiles.csv
 * (VALUE_DRIFT) counts the rows Quality quarantined as MISSING_CLIENT_ID and MISSING_EVENT_NAME, which are the rows
 * file_summary.csv and CLIENT_ID_NULL_RATE count; such a referrer lands in Direct; such a transaction id is missing.
 */
class EmptyMeansOneThingTest {
    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) Safari/604.1";
    private static final String PAGE = "https://puffy.com/";
    private static final List<String> BLANK_LOOKING = List.of("\u0001", "\u00A0", "\u200B", "\u3000");

    @TempDir
    Path dir;

    private static String time(int day, int minute) {
        return "2025-02-" + day + "T10:" + (minute < 10 ? "0" : "") + minute + ":00.000Z";
    }

    @Test
    void nullSharesMissingRulesChannelsAndAlertsCountTheSameEmptyValues() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        for (int day = 20; day <= 22; day++) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rows.add(List.of(client("d" + day + "n" + i), PAGE, "", time(day, i), "page_viewed", "", PHONE));
            }
            write(input, day, rows);
        }
        List<List<String>> rows = new ArrayList<>();
        int minute = 0;
        for (String nothing : BLANK_LOOKING) {
            rows.add(List.of(nothing, PAGE, "", time(23, minute++), "page_viewed", "", PHONE));
        }
        rows.add(List.of(client("nameA"), PAGE, "", time(23, minute++), "\u3000", "", PHONE));
        rows.add(List.of(client("nameB"), PAGE, "", time(23, minute++), "\u200B", "", PHONE));
        rows.add(List.of(client("refA"), PAGE, "\u00A0", time(23, minute++), "page_viewed", "", PHONE));
        rows.add(List.of(client("refB"), PAGE, "\u200B", time(23, minute++), "page_viewed", "", PHONE));
        rows.add(List.of(client("order"), PAGE, "", time(23, minute++), "checkout_completed",
                "{\"transaction_id\":\"\\u00a0\",\"revenue\":10,\"items\":[]}", PHONE));
        rows.add(List.of(client("data"), PAGE, "", time(23, minute++), "page_viewed", "\u00A0", PHONE));
        while (rows.size() < 20) {
            rows.add(List.of(client("d23n" + minute), PAGE, "", time(23, minute++), "page_viewed", "", PHONE));
        }
        write(input, 23, rows);

        Path output = dir.resolve("out");
        RunSettings settings = new RunSettings(input, output, ConfigLoader.defaults(), null, LocalDate.of(2025, 2, 24),
                false, null);
        PipelineReport report = StudioEngine.standardPipeline().run(settings, EnumSet.of(StageId.MONITOR), true,
                PipelineListener.NONE, Cancellation.none());
        assertThat(report.stages()).hasSize(3)
                .allSatisfy(stage -> assertThat(stage.outcome()).as(stage.toString()).isEqualTo(StageOutcome.RAN));

        List<Map<String, String>> quarantine = read(output.resolve("quality/quarantine.csv"));
        for (Map<String, String> file : read(output.resolve("quality/file_summary.csv"))) {
            String name = file.get("file");
            long rowsRead = Long.parseLong(file.get("rows_read"));
            long missingClient = quarantine.stream().filter(q -> q.get("file").equals(name)
                    && q.get("reasons").contains("MISSING_CLIENT_ID")).count();
            long missingName = quarantine.stream().filter(q -> q.get("file").equals(name)
                    && q.get("reasons").contains("MISSING_EVENT_NAME")).count();
            assertThat(Long.parseLong(file.get("rows_missing_client_id"))).as(name).isEqualTo(missingClient);
            assertThat(nullRows(output, name, "client_id")).as(name + " client_id null share × rows")
                    .isEqualTo(missingClient);
            assertThat(nullRows(output, name, "event_name")).as(name + " event_name null share × rows")
                    .isEqualTo(missingName);
            assertThat(rowsRead).isEqualTo(20);
        }
        assertThat(read(output.resolve("quality/file_summary.csv")))
                .filteredOn(f -> f.get("partition_date").equals("2025-02-23"))
                .singleElement().satisfies(f -> assertThat(f).containsEntry("rows_missing_client_id", "4")
                        .containsEntry("rows_quarantined", "7").containsEntry("rows_valid", "13"));
        assertThat(quarantine).filteredOn(q -> q.get("reasons").contains("PURCHASE_MISSING_TRANSACTION_ID"))
                .singleElement().satisfies(q -> assertThat(q.get("raw_client_id")).isEqualTo(client("order")));
        assertThat(read(output.resolve("transform/conversions.csv"))).isEmpty();

        // The drift episode and the null-rate alert name the same day and the same share.
        assertThat(read(output.resolve("quality/schema_drift.csv")))
                .filteredOn(d -> d.get("change").equals("VALUE_DRIFT") && d.get("column").equals("client_id")
                        && d.get("metric").equals("null_share"))
                .singleElement().satisfies(d -> {
                    assertThat(d.get("partition_date")).isEqualTo("2025-02-23");
                    assertThat(Double.parseDouble(d.get("value"))).isEqualTo(0.2);
                });
        List<Map<String, String>> alerts = read(output.resolve("monitoring/alerts.csv"));
        assertThat(alerts).filteredOn(a -> a.get("check").equals("CLIENT_ID_NULL_RATE"))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("date", "2025-02-23")
                        .containsEntry("severity", "CRITICAL"));
        assertThat(alerts)
                .filteredOn(a -> a.get("check").equals("VALUE_DRIFT") && a.get("metric").startsWith("client_id"))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("date", "2025-02-23"));

        // No referrer is Direct (SPEC §5.1 rule 10), whatever invisible character the tag wrote.
        assertThat(read(output.resolve("transform/sessions.csv")))
                .filteredOn(s -> s.get("client_id").startsWith("1740268798-ref"))
                .hasSize(2).allSatisfy(s -> assertThat(s).containsEntry("channel", "Direct"));
        // An event_data of a no-break space is empty, not a payload that is no JSON object.
        assertThat(read(output.resolve("quality/validated_events.csv")))
                .anySatisfy(v -> assertThat(v.get("client_id")).isEqualTo(client("data")));
    }

    private static long nullRows(Path output, String file, String column) throws IOException {
        for (Map<String, String> profile : read(output.resolve("quality/column_profiles.csv"))) {
            if (profile.get("file").equals(file) && profile.get("column").equals(column)) {
                return Math.round(Double.parseDouble(profile.get("null_share")) * Long.parseLong(profile.get("rows")));
            }
        }
        throw new AssertionError("no " + column + " profile for " + file);
    }

    private static void write(Path input, int day, List<List<String>> rows) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        Files.writeString(input.resolve("events_202502" + day + ".csv"), text.toString());
    }

    /** The rows of an output CSV by column name (also for the tests beside this one). */
    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
        }
        return rows;
    }
}
