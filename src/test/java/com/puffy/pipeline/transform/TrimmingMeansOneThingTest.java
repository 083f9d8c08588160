package com.puffy.pipeline.transform;

import static com.puffy.pipeline.TestClientIds.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.model.EmptyValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0825: every stage trims a value by one rule, {@link EmptyValue#trim}, the blanks of SPEC's "empty"
 * (decision 0822) at either end. Through the real stages: a client id written with a no-break or zero-width space at
 * an end is the same client to Quality's replay detection and to Transform's users and sessions; event names,
 * transaction ids, numeric strings, timestamps, headers, referrers and campaign tags trimmed alike; a line of only
 * such characters is a blank line, no row; quarantined raw fields stay as read; and a timestamp SPEC's four-digit
 * year cannot write is INVALID_TIMESTAMP, so no output writes "-0001-…" or "+10000-…".
 */
class TrimmingMeansOneThingTest {
    private static final String HEADER =
            "client_id,page_url,referrer,timestamp,event_name\u00A0,event_data,user_agent\u200B";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) Safari/604.1";
    private static final String PAGE = "https://puffy.com/";
    private static final String SAME = client("same");
    private static final String ORDER = "{\"transaction_id\":\"ORD-1\",\"revenue\":\"799.00\\u00a0\",\"items\":"
            + "[{\"item_id\":\"M\",\"quantity\":\"\\u00a01\",\"item_price\":\"799\\u200b\"}]}";
    /** Lines that show nothing: blank lines, not rows (SPEC §4), as an empty line and ",,,,,," are. */
    private static final List<String> INVISIBLE_LINES = List.of("\u00A0", "\u200B\u00A0,,\u3000,,,,", "\u0001");

    @TempDir
    Path dir;

    private final List<List<String>> rows = new ArrayList<>();
    private int minute;

    private String nextTime() {
        minute++;
        return String.format("2025-02-23T10:%02d:00.000Z", minute);
    }

    private void row(String client, String page, String referrer, String timestamp, String event, String data) {
        rows.add(List.of(client, page, referrer, timestamp, event, data, PHONE));
    }

    @Test
    void everyStageTrimsByTheRuleThatSaysWhatIsEmpty() throws Exception {
        row(SAME, PAGE, "", nextTime(), "page_viewed", "");
        row(SAME + "\u00A0", PAGE, "", nextTime(), "page_viewed\u00A0", "");
        row("\u200B" + SAME + "\u3000", PAGE, "", nextTime(), "page_viewed", "");
        // One order, then the same payload again under the id with a no-break space: a replay of the same client.
        row(SAME, PAGE, "", nextTime(), "checkout_completed", ORDER);
        row(SAME + "\u00A0", PAGE, "", nextTime(), "checkout_completed", ORDER);
        row(client("name"), PAGE, "", nextTime(), "checkout_completed\u200B",
                "{\"transaction_id\":\"ORD-2\",\"revenue\":5,\"items\":[{\"item_id\":\"P\",\"item_price\":5}]}");
        row(client("txid"), PAGE, "", nextTime(), "checkout_completed",
                "{\"transaction_id\":\"\\u00a0ORD-3\\u200b\",\"revenue\":7,\"items\":[{\"item_price\":7}]}");
        row(client("ref"), PAGE, "\u00A0https://www.google.com\u200B", nextTime(), "page_viewed", "");
        row(client("app"), PAGE, "\u00A0android-app://com.google.android.gm", nextTime(), "page_viewed", "");
        row(client("utm"), PAGE + "?utm_medium=cpc%C2%A0", "", nextTime(), "page_viewed", "");
        row(client("time"), PAGE, "", nextTime() + "\u00A0", "page_viewed", "");
        // Quarantined: the raw client id stays as read.
        row(SAME + "\u00A0", PAGE, "", "not a time", "page_viewed", "");
        // Year 0000 is SPEC's form; 1 BC and the year 10000 in UTC are not.
        row(client("zero"), PAGE, "", "0000-01-01T00:00:00.000Z", "page_viewed", "");
        row(client("old"), PAGE, "", "0000-01-01T00:30:00+01:00", "page_viewed", "");
        row(client("future"), PAGE, "", "9999-12-31T23:30:00-01:00", "page_viewed", "");
        Path output = run(write());

        assertThat(StagesReadValuesAlikeTest.disagreements(output, Set.of("checkout_completed", "purchase")))
                .isEmpty();
        Map<String, String> file = single(read(output, "quality/file_summary.csv"));
        assertThat(file).containsEntry("rows_read", String.valueOf(rows.size()))
                .containsEntry("rows_valid", String.valueOf(rows.size() - 4))
                .containsEntry("rows_quarantined", "3").containsEntry("rows_duplicate", "1");
        List<Map<String, String>> findings = read(output, "quality/findings.csv");
        assertThat(findings).extracting(f -> f.get("code"))
                .doesNotContain("UNKNOWN_EVENT_NAME", "TRANSACTION_ID_COLLISION", "PURCHASE_REVENUE_MISMATCH",
                        "PURCHASE_ITEM_PRICE_MISSING", "MALFORMED_CSV")
                .containsOnlyOnce("DUPLICATE_PURCHASE");
        assertThat(read(output, "quality/schema_drift.csv")).extracting(d -> d.get("change"))
                .doesNotContain("RENAMED");

        // One client for Quality's replay and for Transform: one user, one session, one order.
        List<Map<String, String>> users = read(output, "transform/users.csv");
        assertThat(users).extracting(u -> u.get("client_id"))
                .allSatisfy(id -> assertThat(EmptyValue.trim(id)).isEqualTo(id));
        assertThat(users).filteredOn(u -> u.get("client_id").equals(SAME)).singleElement()
                .satisfies(u -> assertThat(u).containsEntry("sessions", "1").containsEntry("conversions", "1"));
        List<Map<String, String>> sessions = read(output, "transform/sessions.csv");
        assertThat(sessions).filteredOn(s -> s.get("client_id").equals(SAME)).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("events", "4").containsEntry("page_views", "3"));
        assertThat(sessions).filteredOn(s -> s.get("client_id").equals(client("ref"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("channel", "Organic Search"));
        assertThat(sessions).filteredOn(s -> s.get("client_id").equals(client("app"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("channel", "Email"));
        assertThat(sessions).filteredOn(s -> s.get("client_id").equals(client("utm"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("channel", "Paid Search"));

        List<Map<String, String>> orders = read(output, "transform/conversions.csv");
        assertThat(orders).extracting(o -> o.get("order_key")).containsExactlyInAnyOrder("ORD-1", "ORD-2", "ORD-3");
        assertThat(orders).filteredOn(o -> o.get("order_key").equals("ORD-1")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("client_id", SAME).containsEntry("revenue", "799")
                        .containsEntry("quantity", "1"));
        assertThat(orders).filteredOn(o -> o.get("order_key").equals("ORD-3")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("transaction_id", "ORD-3"));
        assertThat(read(output, "transform/order_items.csv")).filteredOn(i -> i.get("order_key").equals("ORD-1"))
                .singleElement().satisfies(i -> assertThat(i).containsEntry("item_price", "799"));

        // Timestamps: trimmed and written in SPEC's form; none outside years 0000-9999, nothing protected as '-….
        List<Map<String, String>> valid = read(output, "quality/validated_events.csv");
        assertThat(valid).extracting(v -> v.get("timestamp"))
                .allSatisfy(t -> assertThat(t).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"))
                .contains("2025-02-23T10:11:00.000Z", "0000-01-01T00:00:00.000Z");
        assertThat(sessions).flatExtracting(s -> List.copyOf(s.values()))
                .noneSatisfy(cell -> assertThat(cell).startsWith("'"));
        List<Map<String, String>> quarantine = read(output, "quality/quarantine.csv");
        assertThat(quarantine).extracting(q -> q.get("reasons")).containsOnly("INVALID_TIMESTAMP");
        assertThat(quarantine).extracting(q -> q.get("raw_timestamp")).containsExactlyInAnyOrder("not a time",
                "0000-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00");
        assertThat(quarantine).filteredOn(q -> q.get("raw_timestamp").equals("not a time")).singleElement()
                .satisfies(q -> assertThat(q.get("raw_client_id")).isEqualTo(SAME + "\u00A0"));
    }

    /**
     * Headers are trimmed by the same rule: a renamed or extra column's raw header is named without its no-break
     * space, and an invisible last header cell is padding like an empty one, so rows without it are no
     * COLUMN_COUNT_MISMATCH.
     */
    @Test
    void headersAreTrimmedByTheSameRule() throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("events_20250223.csv"),
                "clientId\u00A0,page_url,referrer,timestamp,event_name,event_data,user_agent,shop\u00A0,\u00A0\n"
                        + SAME + "," + PAGE + ",," + nextTime() + ",page_viewed,,x,s\n");
        Path output = run(input);

        assertThat(single(read(output, "quality/file_summary.csv"))).containsEntry("rows_valid", "1");
        assertThat(read(output, "quality/schema_drift.csv")).filteredOn(d -> d.get("change").equals("RENAMED"))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("raw_header", "clientId"));
        assertThat(read(output, "quality/schema_drift.csv")).filteredOn(d -> d.get("column").equals("shop"))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("raw_header", "shop"));
    }

    /**
     * Decision 0834: format characters beyond U+FFFF (the language tag U+E0001, tag characters U+E0020–U+E007F,
     * musical beams U+1D173–U+1D17A) are blanks as U+2060 is, through the real stages: trimmed from client ids,
     * event names, timestamps and referrers, no client id alone, a line of them no row. An emoji tag sequence (a
     * flag) at the end of a value shows, so it stays: Scotland's and England's flags keep two clients apart.
     */
    @Test
    void formatCharactersBeyondTheBasicPlaneAreBlanksAsThoseWithinIt() throws Exception {
        String languageTag = "\uDB40\uDC01";
        String beginBeam = "\uD834\uDD73";
        String endPhrase = "\uD834\uDD7A";
        String tagSpace = "\uDB40\uDC20";
        String cancelTag = "\uDB40\uDC7F";
        String scotland = "\uD83C\uDFF4" + tags("gbsct") + cancelTag;
        String england = "\uD83C\uDFF4" + tags("gbeng") + cancelTag;
        row(SAME, PAGE, "", nextTime(), "page_viewed", "");
        row(SAME + languageTag, PAGE, "", nextTime(), "page_viewed" + beginBeam, "");
        row(tagSpace + SAME, PAGE, "", nextTime() + languageTag, languageTag + "page_viewed", "");
        row(languageTag + tagSpace + cancelTag, PAGE, "", nextTime(), "page_viewed", "");
        row(client("ref"), PAGE, languageTag + "https://www.google.com/" + endPhrase, nextTime(), "page_viewed", "");
        row(client("none"), PAGE, languageTag + endPhrase, nextTime(), "page_viewed", "");
        row(client("flag") + scotland, PAGE, "", nextTime(), "page_viewed", "");
        row(client("flag") + england, PAGE, "", nextTime(), "page_viewed", "");
        row(client("tag"), PAGE, "", nextTime(), "page_viewed", "");
        row(client("tag") + tags("x") + cancelTag, PAGE, "", nextTime(), "page_viewed", "");
        Path input = Files.createDirectories(dir.resolve("in"));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (int i = 0; i < rows.size(); i++) {
                printer.printRecord(rows.get(i));
                if (i == 0) {
                    printer.flush();
                    text.append(languageTag).append(",").append(tagSpace).append(",,,").append(beginBeam).append(",,\n");
                }
            }
        }
        Files.writeString(input.resolve("events_20250223.csv"), text.toString());
        Path output = run(input);

        assertThat(StagesReadValuesAlikeTest.disagreements(output, Set.of("checkout_completed", "purchase")))
                .isEmpty();
        assertThat(single(read(output, "quality/file_summary.csv"))).containsEntry("rows_read", "10")
                .containsEntry("rows_valid", "9").containsEntry("rows_quarantined", "1")
                .containsEntry("rows_duplicate", "0");
        assertThat(read(output, "quality/quarantine.csv")).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("reasons", "MISSING_CLIENT_ID"));
        assertThat(read(output, "quality/findings.csv")).extracting(f -> f.get("code"))
                .doesNotContain("UNKNOWN_EVENT_NAME", "INVALID_TIMESTAMP", "COLUMN_COUNT_MISMATCH");

        List<Map<String, String>> users = read(output, "transform/users.csv");
        assertThat(users).extracting(u -> u.get("client_id")).containsExactlyInAnyOrder(SAME, client("ref"),
                client("none"), client("flag") + scotland, client("flag") + england, client("tag"));
        List<Map<String, String>> sessions = read(output, "transform/sessions.csv");
        assertThat(sessions).filteredOn(s -> s.get("client_id").equals(SAME)).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("events", "3").containsEntry("page_views", "3"));
        assertThat(sessions).filteredOn(s -> s.get("client_id").equals(client("ref"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("channel", "Organic Search"));
        assertThat(sessions).filteredOn(s -> s.get("client_id").equals(client("none"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("channel", "Direct"));
        assertThat(sessions).filteredOn(s -> s.get("client_id").equals(client("tag"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("events", "2"));
    }

    /** The tag characters spelling {@code ascii}: U+E0000 plus each character. */
    private static String tags(String ascii) {
        StringBuilder tags = new StringBuilder();
        ascii.chars().forEach(c -> tags.appendCodePoint(0xE0000 + c));
        return tags.toString();
    }

    private Path write() throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (int i = 0; i < rows.size(); i++) {
                printer.printRecord(rows.get(i));
                if (i < INVISIBLE_LINES.size()) {
                    printer.flush();
                    text.append(INVISIBLE_LINES.get(i)).append('\n');
                }
            }
        }
        Files.writeString(input.resolve("events_20250223.csv"), text.toString());
        return input;
    }

    private Path run(Path input) {
        Path output = dir.resolve("out");
        RunSettings settings = new RunSettings(input, output, ConfigLoader.defaults(), null, null, false, null);
        PipelineReport report = StudioEngine.standardPipeline().run(settings, EnumSet.of(StageId.TRANSFORM), true,
                PipelineListener.NONE, Cancellation.none());
        assertThat(report.stages()).as("quality and transform ran").hasSize(2)
                .allSatisfy(stage -> assertThat(stage.outcome()).as(stage.toString()).isEqualTo(StageOutcome.RAN));
        return output;
    }

    private static Map<String, String> single(List<Map<String, String>> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<Map<String, String>> read(Path output, String file) throws IOException {
        return TransformOracle.csv(output.resolve(file));
    }
}
