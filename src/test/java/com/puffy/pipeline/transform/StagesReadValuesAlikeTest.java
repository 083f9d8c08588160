package com.puffy.pipeline.transform;

import static com.puffy.pipeline.TestClientIds.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0816: what Quality accepted means the same in Transform. Quality judges the raw rows and writes
 * validated_events.csv; Transform reads that file and parses some fields again (timestamps, event names, the
 * event_data JSON). Edge values of every field both read go through the real stages, and two kinds of check follow:
 * the agreement every output must keep ({@link #disagreements}: each valid purchase is one order with Quality's
 * order key, revenue and transaction id; each item price Quality calls missing is empty in order_items.csv), and a
 * table of what each edge must come to in both stages.
 */
class StagesReadValuesAlikeTest {
    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) Safari/604.1";
    private static final String PAGE = "https://puffy.com/";
    private static final String DAY = "events_20250223.csv";

    @TempDir
    Path dir;

    private final List<List<String>> rows = new ArrayList<>();
    private int minute;

    private String nextTime() {
        minute++;
        return String.format("2025-02-23T%02d:%02d:00.000Z", 8 + minute / 60, minute % 60);
    }

    private void row(String client, String timestamp, String event, String data) {
        rows.add(List.of(client, PAGE, "", timestamp, event, data, PHONE));
    }

    private void purchase(String tag, String data) {
        row(client(tag), nextTime(), "checkout_completed", data);
    }

    private static String order(String transactionId, String revenue, String items) {
        return "{\"transaction_id\":" + transactionId + ",\"revenue\":" + revenue + ",\"items\":[" + items + "]}";
    }

    private static String item(String quantity, String price) {
        return "{\"item_id\":\"M\",\"quantity\":" + quantity + ",\"item_price\":" + price + "}";
    }

    private Path write() throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        Files.writeString(input.resolve(DAY), text.toString());
        return input;
    }

    private Path run(Path input, PipelineConfig config) {
        Path output = dir.resolve("out");
        RunSettings settings = new RunSettings(input, output, config, null, null, false, null);
        PipelineReport report = StudioEngine.standardPipeline().run(settings, EnumSet.of(StageId.TRANSFORM), true,
                PipelineListener.NONE, Cancellation.none());
        assertThat(report.stages()).as("quality and transform ran").hasSize(2)
                .allSatisfy(stage -> assertThat(stage.outcome()).as(stage.toString()).isEqualTo(StageOutcome.RAN));
        return output;
    }

    @Test
    void everyEdgeValueMeansTheSameToQualityAndTransform() throws Exception {
        // Item prices (SPEC §4 PURCHASE_ITEM_PRICE_MISSING) and quantities, read by both stages.
        purchase("tiny", order("\"P-tiny\"", "100", item("1", "100") + "," + item("1e-400", "1e-400")));
        purchase("tinyText", order("\"P-tinyText\"", "100", item("1", "\"1e-999999999\"")));
        purchase("negZero", order("\"P-negZero\"", "-0.0", item("-0", "-0.0")));
        purchase("huge", order("\"P-huge\"", "5", item("1e400", "1e400")));
        purchase("padded", order("\"P-padded\"", "\" 799.00 \"", item("\" 2 \"", "\"+799.0\"")));
        purchase("exponent", order("\"P-exponent\"", "7.99e2", item("1E0", "79900E-2")));
        purchase("arabic", order("\"P-arabic\"", "5", item("\"\u0662\"", "\"\u0665\"")));
        purchase("nulls", order("\"P-nulls\"", "10", item("null", "null") + ",\"x\"," + item("1", "10")));
        purchase("cent", order("\"P-cent\"", "0.001", item("1", "0.001")));
        // Exponents past an int: BigDecimal cannot hold them; as a JSON number Jackson threw a NumberFormatException
        // that stopped Quality ("failed unexpectedly", exit 4); as text they are no amount.
        purchase("hugeExpText", order("\"P-hugeExpText\"", "100", item("\"1e9999999999\"", "\"-1e-9999999999\"")));
        purchase("hugeExpNumber", order("\"P-hugeExpNumber\"", "100", item("1", "1e9999999999")));
        // Transaction ids: one number in two spellings is one id; a string is its text, trimmed.
        purchase("numA", order("1E+3", "10", ""));
        purchase("numB", order("1000", "20", ""));
        purchase("numText", order("\"1000.0\"", "30", ""));
        purchase("replay", order("1E+2", "40", ""));
        purchase("replay", order("100.0", "40", ""));
        purchase("negZeroId", order("-0", "50", ""));
        purchase("pad", order("\" P-pad \"", "60", ""));
        purchase("control", order("\"\\u0001P-control\"", "70", ""));
        purchase("tilde", order("\"P~1\"", "80", ""));
        // Client ids: padding is trimmed by Quality; nothing but control characters is no client id.
        row(" " + client("trim") + " ", nextTime(), "page_viewed", "");
        row(client("trim"), nextTime(), "page_viewed", "");
        row("\u0001", nextTime(), "page_viewed", "");
        row("\u0001\u0002 ", nextTime(), "page_viewed", "");
        // Timestamps: offsets and fractions normalized by Quality; year 0000 is SPEC's form, 1 BC (year -1) and the
        // year 10000 in UTC are not (decision 0825).
        row(client("old"), "0000-01-01T00:10:00.000Z", "page_viewed", "");
        row(client("old"), "0000-01-01T00:30:00.000+01:00", "page_viewed", "");
        row(client("future"), "9999-12-31T23:30:00.000-01:00", "page_viewed", "");
        row(client("offset"), "2025-02-23T12:00:00+01:00", "page_viewed", "");
        row(client("offset"), "2025-02-23T11:20:00.123456789Z", "page_viewed", "");
        Path output = run(write(), ConfigLoader.defaults());

        assertThat(disagreements(output, Set.of("checkout_completed", "purchase"))).isEmpty();

        Map<String, Map<String, String>> orders = byKey(read(output, "transform/conversions.csv"), "order_key");
        Map<String, List<Map<String, String>>> items = new HashMap<>();
        read(output, "transform/order_items.csv").forEach(r ->
                items.computeIfAbsent(r.get("order_key"), k -> new ArrayList<>()).add(r));
        // Quality: 1 of 2 prices missing (1e-400 is no amount); transform leaves that line's price empty.
        assertThat(items.get("P-tiny")).extracting(r -> r.get("item_price")).containsExactly("100", "");
        assertThat(items.get("P-tiny")).extracting(r -> r.get("quantity")).containsExactly("1", "");
        assertThat(items.get("P-tinyText")).extracting(r -> r.get("item_price")).containsExactly("");
        assertThat(orders.get("P-negZero")).containsEntry("revenue", "0").containsEntry("quantity", "0");
        assertThat(items.get("P-negZero")).extracting(r -> r.get("item_price")).containsExactly("0");
        assertThat(items.get("P-huge")).extracting(r -> r.get("item_price")).containsExactly("");
        assertThat(orders.get("P-padded")).containsEntry("revenue", "799").containsEntry("quantity", "2")
                .containsEntry("flags", "");
        assertThat(orders.get("P-exponent")).containsEntry("revenue", "799").containsEntry("flags", "");
        assertThat(items.get("P-arabic")).extracting(r -> r.get("item_price")).containsExactly("");
        assertThat(items.get("P-nulls")).extracting(r -> r.get("item_price")).containsExactly("", "", "10");
        assertThat(orders.get("P-cent")).containsEntry("revenue", "0.001").containsEntry("flags", "");
        assertThat(items.get("P-hugeExpText")).extracting(r -> r.get("item_price")).containsExactly("");
        assertThat(items.get("P-hugeExpText")).extracting(r -> r.get("quantity")).containsExactly("");
        assertThat(orders).doesNotContainKey("P-hugeExpNumber");
        assertThat(read(output, "quality/quarantine.csv"))
                .filteredOn(r -> r.get("raw_event_data").contains("P-hugeExpNumber")).singleElement().satisfies(r -> assertThat(r.get("reasons")).contains("INVALID_EVENT_DATA"));

        // 1E+3 and 1000 are one id from two clients: a collision; the string "1000.0" is another id.
        assertThat(orders.get("1000~1")).containsEntry("transaction_id", "1000")
                .containsEntry("client_id", client("numA"));
        assertThat(orders.get("1000~2")).containsEntry("transaction_id", "1000")
                .containsEntry("client_id", client("numB"));
        assertThat(orders.get("1000.0")).containsEntry("transaction_id", "1000.0");
        assertThat(orders).doesNotContainKeys("1E+3", "1000", "1E+2", "100~1", "100~2");
        // 1E+2 and 100.0 from one client with one payload are one JSON value: a replay, dropped.
        assertThat(orders.get("100")).containsEntry("transaction_id", "100");
        assertThat(read(output, "quality/findings.csv")).filteredOn(r -> r.get("code").equals("DUPLICATE_PURCHASE"))
                .hasSize(1);
        assertThat(orders.get("0")).containsEntry("transaction_id", "0");
        assertThat(orders.get("P-pad")).containsEntry("transaction_id", "P-pad");
        assertThat(orders.get("P-control")).containsEntry("transaction_id", "P-control");
        assertThat(orders.get("P~1")).containsEntry("transaction_id", "P~1");

        // The padded client is the same client in both stages: one user, one session of two events.
        Map<String, Map<String, String>> users = byKey(read(output, "transform/users.csv"), "client_id");
        assertThat(users.get(client("trim"))).containsEntry("sessions", "1");
        assertThat(users.keySet()).allSatisfy(id -> assertThat(id.trim()).isNotEmpty());
        assertThat(read(output, "quality/quarantine.csv")).filteredOn(r -> r.get("reasons").equals("MISSING_CLIENT_ID"))
                .hasSize(2);

        // The 00:30+01:00 event of year 0000 is 23:30 UTC on 31 December of year -1, which SPEC's four-digit form
        // cannot write (it was "-0001-12-31T23:30:00.000Z", "'-0001-…" in sessions.csv): INVALID_TIMESTAMP, as is
        // the year 10000 in UTC (decision 0825). Year 0000 itself is a valid event, outside its partition.
        List<Map<String, String>> valid = read(output, "quality/validated_events.csv");
        assertThat(valid).extracting(r -> r.get("timestamp")).contains("0000-01-01T00:10:00.000Z",
                "2025-02-23T11:00:00.000Z", "2025-02-23T11:20:00.123Z")
                .allSatisfy(t -> assertThat(t).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
        assertThat(read(output, "quality/quarantine.csv")).filteredOn(r -> r.get("reasons").equals("INVALID_TIMESTAMP"))
                .extracting(r -> r.get("raw_timestamp"))
                .containsExactlyInAnyOrder("0000-01-01T00:30:00.000+01:00", "9999-12-31T23:30:00.000-01:00");
        Map<String, Map<String, String>> sessions = byKey(read(output, "transform/sessions.csv"), "session_id");
        assertThat(sessions.get(client("old") + "-1")).containsEntry("session_start", "0000-01-01T00:10:00.000Z");
        assertThat(sessions).doesNotContainKeys(client("old") + "-2", client("future") + "-1");
        assertThat(sessions.get(client("offset") + "-1")).containsEntry("events", "2")
                .containsEntry("duration_s", "1200.123");
    }

    /** A configured purchase name that the CSV writers protect ('+order) is a purchase in transform too. */
    @Test
    void aConfiguredPurchaseNameStartingLikeAFormulaIsAPurchaseInBothStages() throws Exception {
        row(client("formula"), nextTime(), "@view", "");
        row(client("formula"), nextTime(), "+order", order("\"P-formula\"", "25", item("1", "25")));
        Path input = write();
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "quality:\n  event_names: {add: [\"+order\", \"@view\"]}\n"
                + "  purchase_event_names: {add: [\"+order\"]}\n");
        Path output = run(input, ConfigLoader.load(config));

        assertThat(disagreements(output, Set.of("checkout_completed", "purchase", "+order"))).isEmpty();
        assertThat(byKey(read(output, "transform/conversions.csv"), "order_key").get("P-formula"))
                .containsEntry("revenue", "25").containsEntry("client_id", client("formula"));
        assertThat(byKey(read(output, "transform/daily_metrics.csv"), "date").get("2025-02-23"))
                .containsEntry("conversions", "1").containsEntry("revenue", "25");
    }

    private static final Pattern MISSING_PRICES = Pattern.compile("(\\d+) of (\\d+) items");

    /**
     * Every way Transform's outputs read a valid purchase otherwise than Quality wrote it: an order missing or extra,
     * another revenue, a transaction id other than the order key less Quality's {@code ~n}, or an item price Quality
     * calls missing that order_items.csv gives (or the other way round).
     */
    static List<String> disagreements(Path output, Set<String> purchaseNames) throws IOException {
        List<String> found = new ArrayList<>();
        Map<String, Map<String, String>> orders = byKey(read(output, "transform/conversions.csv"), "order_key");
        Map<String, Integer> pricesMissing = new HashMap<>();
        Map<String, Integer> itemCount = new HashMap<>();
        for (Map<String, String> item : read(output, "transform/order_items.csv")) {
            itemCount.merge(item.get("order_key"), 1, Integer::sum);
            if (item.get("item_price").isEmpty()) {
                pricesMissing.merge(item.get("order_key"), 1, Integer::sum);
            }
        }
        Map<String, String> missingByRow = new HashMap<>();
        for (Map<String, String> finding : read(output, "quality/findings.csv")) {
            if (finding.get("code").equals("PURCHASE_ITEM_PRICE_MISSING")) {
                missingByRow.put(finding.get("file") + ":" + finding.get("line"), finding.get("value"));
            }
        }
        int purchases = 0;
        for (Map<String, String> row : read(output, "quality/validated_events.csv")) {
            if (!purchaseNames.contains(row.get("event_name"))) {
                continue;
            }
            purchases++;
            String key = row.get("order_key");
            Map<String, String> order = orders.get(key);
            if (order == null) {
                found.add("order " + key + " (line " + row.get("line") + ") is not in conversions.csv");
                continue;
            }
            if (Double.parseDouble(order.get("revenue")) != Double.parseDouble(row.get("revenue"))) {
                found.add("order " + key + ": revenue " + row.get("revenue") + " in quality, "
                        + order.get("revenue") + " in transform");
            }
            String id = row.get("flags").contains("TRANSACTION_ID_COLLISION")
                    ? key.substring(0, key.lastIndexOf('~')) : key;
            if (!id.equals(order.get("transaction_id"))) {
                found.add("order " + key + ": transaction id " + id + " in quality, "
                        + order.get("transaction_id") + " in transform");
            }
            Matcher missing = MISSING_PRICES.matcher(missingByRow.getOrDefault(
                    row.get("file") + ":" + row.get("line"), "0 of 0 items"));
            missing.matches();
            int qualityMissing = Integer.parseInt(missing.group(1));
            if (qualityMissing != pricesMissing.getOrDefault(key, 0)) {
                found.add("order " + key + ": " + qualityMissing + " item prices missing in quality, "
                        + pricesMissing.getOrDefault(key, 0) + " empty in order_items.csv");
            }
            if (qualityMissing > 0 && Integer.parseInt(missing.group(2)) != itemCount.getOrDefault(key, 0)) {
                found.add("order " + key + ": " + missing.group(2) + " items in quality, "
                        + itemCount.getOrDefault(key, 0) + " in order_items.csv");
            }
        }
        if (purchases != orders.size()) {
            found.add(purchases + " valid purchases in quality, " + orders.size() + " orders in transform");
        }
        return found;
    }

    private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String key) {
        Map<String, Map<String, String>> map = new TreeMap<>();
        rows.forEach(r -> map.put(r.get(key), r));
        return map;
    }

    private static List<Map<String, String>> read(Path output, String file) throws IOException {
        return TransformOracle.csv(output.resolve(file));
    }
}
