package com.puffy.pipeline.engine;

import static com.puffy.pipeline.TestClientIds.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0829: the report and monitoring trim the values they group by the stages' one rule ({@code EmptyValue.trim},
 * decision 0825), so they name what Quality and Transform counted. Through the real stages over four days whose
 * cells carry no-break, ideographic and zero-width spaces at their ends: the report's referring sites, the
 * CLIENT_ID_NULL_RATE alert's "what probably happened" and the raw header of a value-drift episode.
 */
class ReportAndMonitoringTrimAsTheStagesTest {
    /** An extra column whose header ends in a no-break space: SchemaDrift names it "shop". */
    private static final String HEADER =
            "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent,shop\u00A0";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) Safari/604.1";
    private static final String HOME = "https://puffy.com/";

    @TempDir
    Path dir;

    private static String time(int day, int minute) {
        return "2025-02-" + day + "T10:" + (minute < 10 ? "0" : "") + minute + ":00.000Z";
    }

    private static List<String> row(String client, String page, String referrer, int day, int minute, String event,
                                    String shop) {
        return List.of(client, page, referrer, time(day, minute), event, "", PHONE, shop);
    }

    @Test
    void referringSitesAlertsAndDriftNameValuesAsTheStagesTrimmedThem() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        for (int day = 20; day <= 22; day++) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rows.add(row(client("d" + day + "n" + i), HOME, "", day, i, "page_viewed", "s"));
            }
            write(input, day, rows);
        }
        List<List<String>> rows = new ArrayList<>();
        int minute = 0;
        // Six homepage views without client id, three of them written with an invisible blank at an end of the
        // event name or the page URL: Quality counts all six as page_viewed on the home page.
        for (String[] view : new String[][] {{"page_viewed\u00A0", HOME}, {"\u200Bpage_viewed", HOME},
                {"page_viewed", HOME + "\u200B"}, {"page_viewed", HOME}, {"page_viewed", HOME},
                {"page_viewed\u3000", HOME}}) {
            rows.add(row("", view[1], "", 23, minute++, view[0], "s"));
        }
        // One referring site, written once with blanks at its ends: Transform gives both sessions to Referral.
        rows.add(row(client("refA"), HOME, "https://news.example.org/a", 23, minute++, "page_viewed", "s"));
        rows.add(row(client("refB"), HOME, "\u00A0https://news.example.org/b\u200B", 23, minute++, "page_viewed",
                "s"));
        while (rows.size() < 20) {
            rows.add(row(client("d23n" + minute), HOME, "", 23, minute++, "page_viewed", ""));
        }
        write(input, 23, rows);

        Path output = dir.resolve("out");
        RunSettings settings = new RunSettings(input, output, ConfigLoader.defaults(), null, LocalDate.of(2025, 2, 24),
                false, null);
        PipelineReport report = StudioEngine.standardPipeline().run(settings,
                EnumSet.of(StageId.MONITOR, StageId.ANALYSIS), true, PipelineListener.NONE, Cancellation.none());
        assertThat(report.stages()).hasSize(4)
                .allSatisfy(stage -> assertThat(stage.outcome()).as(stage.toString()).isEqualTo(StageOutcome.RAN));

        assertThat(EmptyMeansOneThingTest.read(output.resolve("transform/sessions.csv")))
                .filteredOn(s -> s.get("client_id").startsWith("1740268798-ref"))
                .hasSize(2).allSatisfy(s -> assertThat(s).containsEntry("channel", "Referral"));
        // The report's referring sites: one host with both sessions, not the padded referrer as written beside it.
        assertThat(EmptyMeansOneThingTest.read(output.resolve("report/segments.csv")))
                .filteredOn(s -> s.get("dimension").equals("referrer"))
                .singleElement().satisfies(s -> assertThat(s).containsEntry("segment", "news.example.org")
                        .containsEntry("sessions", "2"));

        // What probably happened: all six rows are homepage views, as Quality read them.
        assertThat(EmptyMeansOneThingTest.read(output.resolve("quality/file_summary.csv")))
                .filteredOn(f -> f.get("partition_date").equals("2025-02-23"))
                .singleElement().satisfies(f -> assertThat(f).containsEntry("rows_missing_client_id", "6"));
        assertThat(EmptyMeansOneThingTest.read(output.resolve("monitoring/alerts.csv")))
                .filteredOn(a -> a.get("check").equals("CLIENT_ID_NULL_RATE"))
                .singleElement().satisfies(a -> {
                    assertThat(a.get("date")).isEqualTo("2025-02-23");
                    assertThat(a.get("message")).contains(": mostly homepage views (100.0% of 6 rows)");
                    assertThat(a.get("suggested_action")).contains("cookie-consent");
                });

        // The extra column's value drift names its header as its EXTRA_COLUMN row does.
        List<Map<String, String>> drift = EmptyMeansOneThingTest.read(output.resolve("quality/schema_drift.csv"));
        assertThat(drift).filteredOn(d -> d.get("column").equals("shop")).isNotEmpty()
                .extracting(d -> d.get("raw_header")).containsOnly("shop");
        assertThat(drift).filteredOn(d -> d.get("change").equals("VALUE_DRIFT") && d.get("column").equals("shop"))
                .isNotEmpty().allSatisfy(d -> assertThat(d).containsEntry("partition_date", "2025-02-23"));
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
}
