package com.puffy.pipeline.transform;

import static com.puffy.pipeline.TestClientIds.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.FaultKind;
import com.puffy.pipeline.generate.GenerateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test (decision 0766): the real Quality + Transform on generated and hand-made folders against
 * {@link TransformOracle}, a plain re-reading of SPEC §5, row by row for every transform dataset. Money agrees to
 * the half cent, credits and shares to the six decimals the files are written with.
 */
class TransformOracleTest {
    private static final double MONEY = 0.005;
    private static final double SHARE = 1.5e-6;
    private static final Set<String> MONEY_COLUMNS = Set.of("revenue", "revenue_credit");

    @TempDir
    Path dir;

    // ---- generated folders -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 2026})
    void theEngineAgreesWithTheOracleOnGeneratedFoldersWithTheCommonFaults(long seed) throws Exception {
        Path input = dir.resolve("in");
        EventGenerator.generate(new GenerateSettings(input, 10, 400, LocalDate.of(2025, 2, 23), seed,
                FaultKind.common()), Progress.NONE, Cancellation.none());
        Path output = runEngine(input);
        TransformOracle oracle = TransformOracle.of(output.resolve("quality"));
        assertThat(oracle.orders.size()).as("orders to attribute").isGreaterThan(12);
        assertThat(oracle.sessions.stream().filter(s -> !s.newUser).count())
                .as("returning visits, so touchpoints are more than one session").isGreaterThan(50);
        assertThat(differences(output, oracle)).isEmpty();
    }

    @Test
    void theEngineAgreesWithTheOracleOnAGeneratedFolderWithEveryFault() throws Exception {
        Path input = dir.resolve("in");
        EventGenerator.generate(new GenerateSettings(input, 8, 250, LocalDate.of(2025, 12, 28), 11,
                EnumSet.allOf(FaultKind.class)), Progress.NONE, Cancellation.none());
        Path output = runEngine(input);
        assertThat(differences(output, TransformOracle.of(output.resolve("quality")))).isEmpty();
    }

    /** A second run with a cache, one file changed: Quality re-reads only that file, and Transform still agrees. */
    @Test
    void theEngineAgreesWithTheOracleAfterACachedRunWithOneFileChanged() throws Exception {
        Path input = dir.resolve("in");
        EventGenerator.generate(new GenerateSettings(input, 5, 300, LocalDate.of(2025, 2, 23), 3,
                FaultKind.common()), Progress.NONE, Cancellation.none());
        Path cache = dir.resolve("cache.sqlite");
        Path output = runEngine(input, cache);
        Path day = input.resolve("events_20250224.csv");
        Files.writeString(day, Files.readString(day).stripTrailing() + "\n"
                + ",https://puffy.com/,,2025-02-24T23:59:00.000Z,page_viewed,,x\n"
                + client("late") + ",https://puffy.com/?utm_medium=sms,,2025-02-24T23:59:30.000Z,page_viewed,,x\n");
        Files.setLastModifiedTime(day, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().plusSeconds(5)));
        runEngine(input, cache);
        assertThat(read(output.resolve("quality/file_summary.csv")).stream().map(r -> r.get("from_cache")))
                .as("the other files came from the cache").contains("true");
        TransformOracle oracle = TransformOracle.of(output.resolve("quality"));
        assertThat(oracle.sessionsByClient).containsKey(client("late"));
        assertThat(differences(output, oracle)).isEmpty();
    }

    // ---- hand-made edges -------------------------------------------------------------------------------------

    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String SHOP = "https://puffy.com/";
    private static final String THANKS = "https://checkout.puffy.com/checkouts/cn/T/thank-you";

    /** Rows of hand-made event files, by file name, in line order. */
    private final Map<String, List<List<String>>> files = new TreeMap<>();

    private void row(String file, String client, String page, String referrer, String timestamp, String event,
                     String data, String userAgent) {
        files.computeIfAbsent(file, f -> new ArrayList<>())
                .add(List.of(client, page, referrer, timestamp, event, data, userAgent));
    }

    private void view(String file, String client, String page, String referrer, String timestamp) {
        row(file, client, page, referrer, timestamp, "page_viewed", "", PHONE);
    }

    private void purchase(String file, String client, String timestamp, String transactionId, String revenue) {
        row(file, client, THANKS, "", timestamp, "checkout_completed", "{\"transaction_id\":\"" + transactionId
                + "\",\"revenue\":" + revenue + ",\"items\":[{\"item_id\":\"M\",\"item_name\":\"Mattress\","
                + "\"item_variant\":\"Queen\",\"quantity\":1,\"item_price\":" + revenue + "}],"
                + "\"user_email\":\"e-" + client + "\"}", PHONE);
    }

    private Path writeFiles() throws IOException {
        Path input = Files.createDirectories(dir.resolve("edges"));
        for (Map.Entry<String, List<List<String>>> file : files.entrySet()) {
            StringBuilder text = new StringBuilder(HEADER).append('\n');
            try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(text,
                    CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                for (List<String> row : file.getValue()) {
                    printer.printRecord(row);
                }
            }
            Files.writeString(input.resolve(file.getKey()), text.toString());
        }
        return input;
    }

    private static final String D23 = "events_20250223.csv";
    private static final String D24 = "events_20250224.csv";
    private static final String D25 = "events_20250225.csv";
    private static final String D26 = "events_20250226.csv";
    private static final String D27 = "events_20250227.csv";
    private static final String M02 = "events_20250302.csv";

    @Test
    void theEngineAgreesWithTheOracleAndWithHandWorkOnTheEdgesOfEveryRule() throws Exception {
        // Gaps: 30:00.000 stays in the session, 30:00.001 starts a new one.
        view(D23, client("gapA"), SHOP, "", "2025-02-23T10:00:00.000Z");
        view(D23, client("gapA"), SHOP, "", "2025-02-23T10:30:00.000Z");
        view(D23, client("gapA"), SHOP, "", "2025-02-23T11:00:00.001Z");
        view(D23, client("gapB"), SHOP, "", "2025-02-23T10:00:00.000Z");
        view(D23, client("gapB"), SHOP, "", "2025-02-23T10:30:00.001Z");
        // Lookback: a session exactly 7 days before the purchase is a touchpoint, 7 days + 1 ms before is not.
        view(D23, client("week"), SHOP + "?utm_medium=email", "", "2025-02-23T12:00:00.000Z");
        view(D23, client("weekPlus"), SHOP + "?utm_medium=email", "", "2025-02-23T11:59:59.999Z");
        for (String tag : List.of("week", "weekPlus")) {
            view(M02, client(tag), SHOP, "", "2025-03-02T11:55:00.000Z");
            purchase(M02, client(tag), "2025-03-02T12:00:00.000Z", "ORD-" + tag, "100.10");
        }
        // Ties: the same millisecond is ordered by (file, line), within a file and across files; the later line
        // of a file may carry the earlier time.
        view(D23, client("tie"), SHOP + "?utm_medium=email", "", "2025-02-23T15:00:00.000Z");
        view(D23, client("tie"), SHOP + "?gclid=1", "", "2025-02-23T15:00:00.000Z");
        view(D23, client("tieLate"), SHOP + "?utm_medium=sms", "", "2025-02-23T16:00:00.000Z");
        view(D23, client("tieLate"), SHOP + "?fbclid=1", "", "2025-02-23T15:59:00.000Z");
        view(D24, client("tieFiles"), SHOP + "?gclid=1", "", "2025-02-24T23:59:59.000Z");
        view(D25, client("tieFiles"), SHOP + "?utm_medium=email", "", "2025-02-24T23:59:59.000Z");
        purchase(D23, client("tieBuy"), "2025-02-23T18:00:00.000Z", "ORD-tie", "50");
        view(D23, client("tieBuy"), SHOP + "?gclid=1", "", "2025-02-23T18:00:00.000Z");
        // Across midnight and day files, with a late row in the earlier file.
        view(D24, client("night"), SHOP, "https://www.google.com/", "2025-02-24T23:50:00.000Z");
        view(D24, client("night"), SHOP + "cart", "", "2025-02-25T00:05:00.000Z");
        purchase(D25, client("night"), "2025-02-25T00:10:00.000Z", "ORD-night", "500");
        // Colliding order ids: file order decides ~1 and ~2, not time; an exact replay is a duplicate.
        purchase(D26, client("collideA"), "2025-02-26T10:00:00.000Z", "ORD-SAME", "100");
        purchase(D26, client("collideB"), "2025-02-26T09:00:00.000Z", "ORD-SAME", "250");
        purchase(D26, client("collideA"), "2025-02-26T20:00:00.000Z", "ORD-SAME", "100");
        // The same client twice with one id and another payload: two orders in one session.
        purchase(D26, client("twice"), "2025-02-26T15:00:00.000Z", "ORD-TWICE", "10");
        purchase(D26, client("twice"), "2025-02-26T15:00:00.000Z", "ORD-TWICE", "20.5");
        // A bot session is a touchpoint, though no reporting metric counts it.
        row(D26, client("bot"), SHOP + "?gclid=1", "", "2025-02-26T08:00:00.000Z", "page_viewed", "", GOOGLEBOT);
        view(D26, client("bot"), SHOP, "", "2025-02-26T12:00:00.000Z");
        purchase(D26, client("bot"), "2025-02-26T12:01:00.000Z", "ORD-bot", "300");
        // Every earlier session Direct (no referrer, the shop's own domain): last_non_direct falls to the last.
        view(D27, client("direct"), SHOP, "", "2025-02-27T08:00:00.000Z");
        view(D27, client("direct"), SHOP, "https://puffy.com/blogs/x", "2025-02-27T10:00:00.000Z");
        view(D27, client("direct"), SHOP, "https://www.puffy.com/", "2025-02-27T12:00:00.000Z");
        view(D27, client("direct"), SHOP, "", "2025-02-27T14:00:00.000Z");
        purchase(D27, client("direct"), "2025-02-27T14:05:00.000Z", "ORD-direct", "100");
        // One Email session, then Direct ones: last_non_direct reaches back; position_based 40/10/10/40.
        view(D27, client("mixed"), SHOP + "?_kx=abc", "", "2025-02-27T08:00:00.000Z");
        view(D27, client("mixed"), SHOP, "", "2025-02-27T09:00:00.000Z");
        view(D27, client("mixed"), SHOP, "", "2025-02-27T10:00:00.000Z");
        view(D27, client("mixed"), SHOP, "", "2025-02-27T11:00:00.000Z");
        purchase(D27, client("mixed"), "2025-02-27T11:10:00.000Z", "ORD-mixed", "99.99");

        // Transaction ids as JSON values (decision 0816): 1E+3 and 1000 are one number, so two clients collide on
        // it; a padded string id is trimmed.
        for (String[] id : new String[][] {{"numA", "1E+3"}, {"numB", "1000"}, {"pad", "\" ORD-pad \""}}) {
            row(D27, client(id[0]), THANKS, "", "2025-02-27T16:00:00.000Z", "checkout_completed",
                    "{\"transaction_id\":" + id[1] + ",\"revenue\":5,\"items\":[]}", PHONE);
        }

        Path output = runEngine(writeFiles());
        TransformOracle oracle = TransformOracle.of(output.resolve("quality"));
        assertThat(differences(output, oracle)).isEmpty();

        // The oracle agreeing is not enough: both could be wrong alike. The figures worked out by hand:
        Path transform = output.resolve("transform");
        Map<String, Map<String, String>> sessions = byKey(read(transform.resolve("sessions.csv")), "session_id");
        assertThat(sessions.get(client("gapA") + "-1").get("events")).isEqualTo("2");
        assertThat(sessions).containsKey(client("gapA") + "-2").doesNotContainKey(client("gapA") + "-3");
        assertThat(sessions.get(client("gapB") + "-1").get("events")).isEqualTo("1");
        assertThat(sessions.get(client("tie") + "-1").get("channel")).isEqualTo("Email");
        assertThat(sessions.get(client("tieLate") + "-1").get("channel")).isEqualTo("Paid Social");
        assertThat(sessions.get(client("tieFiles") + "-1").get("channel")).isEqualTo("Paid Search");
        assertThat(sessions.get(client("tieBuy") + "-1").get("channel")).isEqualTo("Direct");
        assertThat(sessions.get(client("night") + "-1")).containsEntry("events", "3")
                .containsEntry("session_end", "2025-02-25T00:10:00.000Z").containsEntry("date", "2025-02-24")
                .containsEntry("channel", "Organic Search").containsEntry("revenue", "500");
        assertThat(sessions.get(client("bot") + "-1").get("is_bot")).isEqualTo("true");

        Map<String, Map<String, String>> orders = byKey(read(transform.resolve("conversions.csv")), "order_key");
        assertThat(orders.keySet()).contains("ORD-SAME~1", "ORD-SAME~2").doesNotContain("ORD-SAME~3", "ORD-SAME");
        assertThat(orders.get("ORD-SAME~1")).containsEntry("client_id", client("collideA"))
                .containsEntry("revenue", "100");
        assertThat(orders.get("ORD-SAME~2")).containsEntry("client_id", client("collideB"))
                .containsEntry("revenue", "250");
        assertThat(orders.get("ORD-night").get("date")).isEqualTo("2025-02-25");
        assertThat(orders.get("1000~1")).containsEntry("client_id", client("numA"))
                .containsEntry("transaction_id", "1000");
        assertThat(orders.get("1000~2")).containsEntry("client_id", client("numB"))
                .containsEntry("transaction_id", "1000");
        assertThat(orders.get("ORD-pad")).containsEntry("transaction_id", "ORD-pad");
        assertThat(orders.get("ORD-TWICE~2").get("session_id")).isEqualTo(client("twice") + "-1");
        assertThat(sessions.get(client("twice") + "-1").get("revenue")).isEqualTo("30.5");

        List<Map<String, String>> attribution = read(transform.resolve("attribution.csv"));
        assertThat(credits(attribution, "ORD-week", "first_click")).containsOnlyKeys(client("week") + "-1");
        // Weights 0.5^(7 d / 7 d) = 0.5 and 0.5^(5 min / 7 d) = 0.999656: shares 0.333410 and 0.666590.
        assertThat(credits(attribution, "ORD-week", "time_decay"))
                .containsEntry(client("week") + "-1", "0.33341").containsEntry(client("week") + "-2", "0.66659");
        assertThat(credits(attribution, "ORD-weekPlus", "first_click")).containsOnlyKeys(client("weekPlus") + "-2");
        assertThat(credits(attribution, "ORD-bot", "first_click")).containsOnlyKeys(client("bot") + "-1");
        assertThat(credits(attribution, "ORD-direct", "last_non_direct")).containsOnlyKeys(client("direct") + "-4");
        assertThat(credits(attribution, "ORD-mixed", "last_non_direct")).containsOnlyKeys(client("mixed") + "-1");
        assertThat(credits(attribution, "ORD-mixed", "position_based")).containsEntry(client("mixed") + "-1", "0.4")
                .containsEntry(client("mixed") + "-2", "0.1").containsEntry(client("mixed") + "-3", "0.1")
                .containsEntry(client("mixed") + "-4", "0.4");

        Map<String, Map<String, String>> days = byKey(read(transform.resolve("daily_metrics.csv")), "date");
        assertThat(days.get("2025-02-25").get("conversions")).isEqualTo("1");
        assertThat(days.get("2025-02-25").get("revenue")).isEqualTo("500");
    }

    /** Landing query, referrer, the channel SPEC §5.1 gives by hand. */
    private static final String[][] CHANNEL_EDGES = {
            {"?UTM_Medium=CPC", "", "Paid Search"},
            {"?utm_medium=%20Newsletter%20", "", "Email"},
            {"?utm_medium=cpc&utm_medium=email", "", "Paid Search"},
            {"?utm_medium=76E084&igshid=", "", "Paid Social"},
            {"?utm_medium=paid&gclid=1", "", "Paid Search"},
            {"?utm_medium=7B4C8A", "", "Affiliate"},
            {"?utm_medium=social&gclid=1", "https://www.google.com/", "Organic Social"},
            {"?utm_medium=", "", "Other Campaign"},
            {"?utm_source=x", "https://www.google.com/", "Other Campaign"},
            {"?utm_medium=unknown", "", "Other Campaign"},
            {"?_kx=&gclid=1", "", "Email"},
            {"?GCLID=1&fbclid=1", "", "Paid Search"},
            {"?sfdr_ptcid=9", "", "Affiliate"},
            {"?size=queen", "android-app://com.google.android.gm/", "Email"},
            {"", "https://mail.google.com/mail/u/0/", "Email"},
            {"", "https://l.facebook.com/l.php?u=x", "Organic Social"},
            {"", "android-app://m.facebook.com/", "Organic Social"},
            {"", "android-app://com.linkedin.android/", "Organic Social"},
            {"", "https://docs.google.com/document", "Referral"},
            {"", "https://www.google.co.uk/", "Organic Search"},
            {"", "https://yandex.ru/search", "Organic Search"},
            {"", "android-app://com.google.android.googlequicksearchbox/", "Organic Search"},
            {"", "https://source-660328a7.com/", "Organic Social"},
            {"", "https://source-afb1343a.com/path?q=1", "Organic Search"},
            {"", "https://source-00000000.com/", "Referral"},
            {"", "https://shop.puffy.com/cart", "Direct"},
            {"", "https://puffy.com.example.com/", "Referral"},
            {"", "https://notpuffy.com/", "Referral"},
            {"", "", "Direct"},
            {"", "https://WWW.Google.COM:443/", "Organic Search"},
            {"", "https://google.com.evil.net/", "Referral"},
            {"", "http://m.facebook.com", "Organic Social"},
            {"", "android-app://com.google.android.gm", "Email"},
            {"", "android-app://com.facebook.katana/", "Organic Social"},
            {"", "https://box.com/", "Referral"},
            {"", "https://at.co/", "Referral"},
            {"", "https://t.co/abc", "Organic Social"},
            {"", "https://cn.bing.com/", "Referral"},
            {"", "https://www.yahoo.com/", "Referral"},
            {"", "https://source-660328A7.com/", "Organic Social"},
            {"", " https://www.google.com/ ", "Organic Search"},
            {"?fbclid", "", "Paid Social"},
            {"?Utm_Campaign=x", "", "Other Campaign"},
            {"?utm_medium=%ZZ", "", "Other Campaign"},
            {"?utm_medium=+cpc+", "", "Paid Search"},
            {"?utm_medium=Paid%20Search", "", "Other Campaign"},
            {"?utm_medium=cpc#top", "", "Paid Search"},
            {"?utm_medium=" + OracleChannel.md5Hex("E-mail").substring(0, 6).toUpperCase(), "", "Email"},
            {"?utm_medium=" + OracleChannel.md5Hex("SOCIAL-PAID").substring(0, 6).toUpperCase(), "", "Paid Social"},
            {"?utm%5Fmedium=sms", "", "SMS"},
            {"?a=1&&utm_medium=sms&", "", "SMS"}};

    @Test
    void theEngineAgreesWithTheOracleAndWithHandWorkOnTheChannelRules() throws Exception {
        for (int i = 0; i < CHANNEL_EDGES.length; i++) {
            view(D23, client("ch" + i), SHOP + CHANNEL_EDGES[i][0], CHANNEL_EDGES[i][1],
                    String.format("2025-02-23T10:%02d:00.000Z", i));
        }
        Path output = runEngine(writeFiles());
        assertThat(differences(output, TransformOracle.of(output.resolve("quality")))).isEmpty();
        Map<String, Map<String, String>> sessions = byKey(read(output.resolve("transform/sessions.csv")),
                "session_id");
        for (int i = 0; i < CHANNEL_EDGES.length; i++) {
            assertThat(sessions.get(client("ch" + i) + "-1").get("channel"))
                    .as(CHANNEL_EDGES[i][0] + " from " + CHANNEL_EDGES[i][1]).isEqualTo(CHANNEL_EDGES[i][2]);
        }
    }

    @Test
    void theEngineAgreesWithTheOracleOnHostileTextAndAnUnbrokenWeekOfEvents() throws Exception {
        // Cells a spreadsheet would run as formulas, quotes and commas in ids and pages (the id with a quote makes
        // its purchase JSON invalid: quarantined, only its page view stays).
        for (String id : List.of("=1+2", "-5abcdefghij", "@sum", "'=x", "a\"b,c", "+33 6 12")) {
            view(D23, id, SHOP + "?q=\"x\",y&utm_medium=sms", "=HYPERLINK(\"x\")", "2025-02-23T09:00:00.000Z");
            purchase(D23, id, "2025-02-23T09:01:00.000Z", "ORD-" + id, "\"799.00\"");
        }
        // Names quality trims or does not take as a purchase; a purchase in a bot session still counts.
        row(D23, client("names"), SHOP, "", "2025-02-23T11:00:00.000Z", " page_viewed ", "", PHONE);
        row(D23, client("names"), SHOP, "", "2025-02-23T11:01:00.000Z", "Page_Viewed", "", PHONE);
        row(D23, client("names"), THANKS, "", "2025-02-23T11:02:00.000Z", "purchase",
                "{\"transaction_id\":\"ORD-alias\",\"revenue\":0.1,\"items\":[]}", PHONE);
        row(D23, client("names"), THANKS, "", "2025-02-23T11:03:00.000Z", "Purchase",
                "{\"transaction_id\":\"ORD-case\",\"revenue\":0.2,\"items\":[]}", PHONE);
        row(D23, client("botbuy"), SHOP, "", "2025-02-23T12:00:00.000Z", "product_added_to_cart", "", GOOGLEBOT);
        row(D23, client("botbuy"), THANKS, "", "2025-02-23T12:01:00.000Z", "checkout_completed",
                "{\"transaction_id\":\"ORD-botbuy\",\"revenue\":0.3,\"items\":[]}", GOOGLEBOT);
        // An unbroken stream: an event every 29 minutes for more than 7 days, then a purchase: its own session
        // began before the lookback, so it is its only touchpoint (decision 0302).
        java.time.Instant t = java.time.Instant.parse("2025-02-23T00:00:00.000Z");
        java.time.Instant end = java.time.Instant.parse("2025-03-02T06:00:00.000Z");
        for (; t.isBefore(end); t = t.plus(java.time.Duration.ofMinutes(29))) {
            String ts = TransformOracle.ts(t);
            view("events_" + ts.substring(0, 10).replace("-", "") + ".csv", client("stream"),
                    SHOP + (t.getEpochSecond() % 7 == 0 ? "?gclid=2" : ""), "", ts);
        }
        purchase("events_20250302.csv", client("stream"), TransformOracle.ts(t), "ORD-stream", "1234.56");
        // Times with an offset, normalized by quality.
        view(D24, client("offset"), SHOP, "", "2025-02-24T10:00:00.000+02:00");
        view(D24, client("offset"), SHOP, "", "2025-02-24T08:30:00.000Z");

        Path output = runEngine(writeFiles());
        TransformOracle oracle = TransformOracle.of(output.resolve("quality"));
        assertThat(differences(output, oracle)).isEmpty();
        Map<String, Map<String, String>> orders = byKey(read(output.resolve("transform/conversions.csv")),
                "order_key");
        assertThat(orders.keySet()).contains("ORD-alias", "ORD-botbuy", "ORD-stream", "ORD-=1+2", "ORD-@sum")
                .doesNotContain("ORD-case");
        assertThat(credits(read(output.resolve("transform/attribution.csv")), "ORD-stream", "linear"))
                .containsOnlyKeys(client("stream") + "-1");
        assertThat(byKey(read(output.resolve("transform/sessions.csv")), "session_id").get(client("offset") + "-1"))
                .containsEntry("events", "2");
    }

    /**
     * A tie across files whose names sort one way and whose processing order (SPEC §3: partition date, then name)
     * goes the other: late.csv has no date in its name, so its partition is its earliest timestamp, 2025-02-24.
     */
    @Test
    void aTieAcrossFilesFollowsTheProcessingOrderOfFiles() throws Exception {
        view(D23, client("early"), SHOP, "", "2025-02-23T08:00:00.000Z");
        view(D23, client("order"), SHOP + "?utm_medium=email", "", "2025-02-24T10:00:00.000Z");
        view("a_late.csv", client("order"), SHOP + "?gclid=1", "", "2025-02-24T10:00:00.000Z");
        Path output = runEngine(writeFiles());
        assertThat(differences(output, TransformOracle.of(output.resolve("quality")))).isEmpty();
        assertThat(byKey(read(output.resolve("transform/sessions.csv")), "session_id").get(client("order") + "-1"))
                .containsEntry("channel", "Email").containsEntry("events", "2");
    }

    private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String key) {
        Map<String, Map<String, String>> map = new TreeMap<>();
        rows.forEach(r -> map.put(r.get(key), r));
        return map;
    }

    /** session id → credit cell of one order and model. */
    private static Map<String, String> credits(List<Map<String, String>> attribution, String order, String model) {
        Map<String, String> map = new TreeMap<>();
        attribution.stream().filter(r -> r.get("order_key").equals(order) && r.get("model").equals(model))
                .forEach(r -> map.put(r.get("session_id"), r.get("credit")));
        return map;
    }

    // ---- the comparison ----------------------------------------------------------------------------------------

    static Path runEngine(Path input) {
        return runEngine(input, null);
    }

    static Path runEngine(Path input, Path cache) {
        Path output = input.resolveSibling(input.getFileName() + "-pipeline");
        RunSettings settings = new RunSettings(input, output, ConfigLoader.defaults(), null, null, false, cache);
        PipelineReport report = StudioEngine.standardPipeline().run(settings, EnumSet.of(StageId.TRANSFORM), true,
                PipelineListener.NONE, Cancellation.none());
        assertThat(report.stages()).as("quality and transform ran").hasSize(2);
        return output;
    }

    /** Every difference between the engine's transform/*.csv and the oracle, one line each. */
    static List<String> differences(Path output, TransformOracle oracle) throws IOException {
        Path transform = output.resolve("transform");
        List<String> found = new ArrayList<>();
        found.addAll(compare("sessions.csv", transform, List.of("session_id"), oracle.sessionRows(), false));
        found.addAll(compare("users.csv", transform, List.of("client_id"), oracle.userRows(), false));
        found.addAll(compare("conversions.csv", transform, List.of("order_key"), oracle.conversionRows(), false));
        found.addAll(compare("attribution.csv", transform, List.of("order_key", "model", "session_id"),
                oracle.attributionRows(), false));
        found.addAll(compare("channel_performance.csv", transform, List.of("model", "channel"),
                oracle.channelPerformanceRows(), true));
        found.addAll(compare("funnel.csv", transform, List.of("step"), oracle.funnelRows(), false));
        found.addAll(compare("daily_metrics.csv", transform, List.of("date"), oracle.dailyRows(), false));
        return found.size() > 40 ? List.copyOf(found.subList(0, 40)) : found;
    }

    /**
     * The oracle's rows against the file's, matched on the key columns, on the oracle's columns only. With
     * {@code absentIsZero}, a row either side lacks counts as zeros (channel_performance: which all-zero pairs are
     * written is not SPEC's concern).
     */
    static List<String> compare(String file, Path transform, List<String> key, List<Map<String, Object>> expected,
                                boolean absentIsZero) throws IOException {
        Map<String, Map<String, String>> actual = new TreeMap<>();
        for (Map<String, String> row : read(transform.resolve(file))) {
            if (actual.put(keyOf(key, row), row) != null) {
                return List.of(file + ": key " + keyOf(key, row) + " written twice");
            }
        }
        List<String> found = new ArrayList<>();
        Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
        for (Map<String, Object> row : expected) {
            wanted.put(keyOf(key, row), row);
        }
        for (Map.Entry<String, Map<String, Object>> row : wanted.entrySet()) {
            Map<String, String> engine = actual.get(row.getKey());
            if (engine == null && !absentIsZero) {
                found.add(file + ": missing row " + row.getKey() + " (oracle: " + row.getValue() + ")");
                continue;
            }
            for (Map.Entry<String, Object> cell : row.getValue().entrySet()) {
                if (key.contains(cell.getKey())) {
                    continue;
                }
                String engineCell = engine == null ? "0" : engine.get(cell.getKey());
                if (engineCell == null) {
                    found.add(file + ": no column " + cell.getKey());
                    return found;
                }
                if (!same(cell.getKey(), cell.getValue(), engineCell)) {
                    found.add(file + " " + row.getKey() + " " + cell.getKey() + ": engine " + engineCell
                            + ", oracle " + cell.getValue());
                }
            }
        }
        for (Map.Entry<String, Map<String, String>> row : actual.entrySet()) {
            if (!wanted.containsKey(row.getKey())) {
                boolean allZero = absentIsZero && row.getValue().entrySet().stream()
                        .filter(c -> !key.contains(c.getKey()))
                        .allMatch(c -> c.getValue().equals("0"));
                if (!allZero) {
                    found.add(file + ": extra row " + row.getKey() + " " + row.getValue());
                }
            }
        }
        return found;
    }

    private static boolean same(String column, Object expected, String actual) {
        if (expected instanceof Double d) {
            try {
                return Math.abs(Double.parseDouble(actual) - d) <= (MONEY_COLUMNS.contains(column) ? MONEY : SHARE);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return String.valueOf(expected).equals(actual);
    }

    private static String keyOf(List<String> key, Map<String, ?> row) {
        return key.stream().map(k -> String.valueOf(row.get(k))).collect(Collectors.joining(" | "));
    }

    static List<Map<String, String>> read(Path file) throws IOException {
        return TransformOracle.csv(file);
    }
}
