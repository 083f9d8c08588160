package com.puffy.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.puffy.pipeline.model.ReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** faults.json matches what is in the files, for every fault kind, and nothing unplanted looks like a fault. */
class FaultsTest {
    @TempDir
    static Path tmp;
    static Generated all;

    @BeforeAll
    static void generate() {
        all = Generated.make(tmp.resolve("all"), 14, 400, 5, FaultKind.parse("all"));
    }

    private static JsonNode only(FaultKind kind) {
        List<JsonNode> list = all.faultsOf(kind);
        assertThat(list).as(kind.id()).hasSize(1);
        return list.get(0);
    }

    private static List<String> codes(JsonNode fault) {
        return Generated.texts(fault.get("codes"));
    }

    @Test
    void everyFaultKindIsPlantedAndListedWithCodeNamesOfTheModel() {
        Set<String> kinds = new HashSet<>();
        Set<String> validCodes = new HashSet<>();
        for (ReasonCode c : ReasonCode.values()) {
            validCodes.add(c.code());
        }
        for (JsonNode f : all.faults.get("faults")) {
            kinds.add(f.get("kind").asText());
            assertThat(codes(f)).allMatch(validCodes::contains);
        }
        for (JsonNode d : all.faults.get("schema_drift")) {
            kinds.add(d.get("kind").asText());
        }
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(FaultKind.ids());
    }

    /**
     * The strongest check: an independent reading of SPEC §4 over every row of every file finds exactly the rows of
     * expected_rows, with the same codes (the background BOT_USER_AGENT and NON_STANDARD_CLIENT_ID warnings of
     * ordinary bots and UUID clients aside), and the per-file row counts reconcile.
     */
    @Test
    void anIndependentReadingOfTheRulesFindsExactlyTheExpectedRows() throws IOException {
        RowOracle oracle = new RowOracle(all);
        Set<ReasonCode> background = EnumSet.of(ReasonCode.BOT_USER_AGENT, ReasonCode.NON_STANDARD_CLIENT_ID);
        Map<String, Set<String>> found = new LinkedHashMap<>();
        oracle.codes.forEach((file, lines) -> lines.forEach((line, set) -> {
            Set<String> names = new HashSet<>();
            set.stream().filter(c -> !background.contains(c)).forEach(c -> names.add(c.code()));
            if (!names.isEmpty()) {
                found.put(file + ":" + line, names);
            }
        }));
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (JsonNode row : all.faults.get("expected_rows")) {
            Set<String> names = new HashSet<>(Generated.texts(row.get("codes")));
            names.remove("BOT_USER_AGENT");
            names.remove("NON_STANDARD_CLIENT_ID");
            if (!names.isEmpty()) {
                expected.put(row.get("file").asText() + ":" + row.get("line").asInt(), names);
            }
            if (Generated.texts(row.get("codes")).contains("BOT_USER_AGENT")) {
                String file = row.get("file").asText();
                assertThat(oracle.codes.get(file).get(row.get("line").asInt())).contains(ReasonCode.BOT_USER_AGENT);
            }
        }
        assertThat(found).isEqualTo(expected);

        long rows = 0;
        for (JsonNode f : all.faults.get("files")) {
            if (!f.get("kind").asText().equals("events")) {
                continue;
            }
            String file = f.get("file").asText();
            JsonNode e = f.get("expected");
            assertThat(all.lines(file)).hasSize(1 + f.get("records").asInt());
            long quarantined = oracle.codes.get(file).values().stream()
                    .filter(s -> s.stream().anyMatch(ReasonCode::quarantines)).count();
            long duplicates = oracle.codes.get(file).values().stream()
                    .filter(s -> s.stream().anyMatch(ReasonCode::dropsAsDuplicate)).count();
            assertThat(e.get("rows_quarantined").asLong()).as(file).isEqualTo(quarantined);
            assertThat(e.get("rows_duplicate").asLong()).as(file).isEqualTo(duplicates);
            assertThat(e.get("rows_read").asLong()).isEqualTo(e.get("rows_valid").asLong() + quarantined + duplicates);
            rows += e.get("rows_read").asLong();
        }
        assertThat(rows).isEqualTo(oracle.rows);
    }

    @Test
    void columnRenameIsOneEpisodeFromTheFifthFileToTheEnd() throws IOException {
        JsonNode d = drift("column_rename");
        assertThat(d.get("change").asText()).isEqualTo("RENAMED");
        assertThat(d.get("first_file").asText()).isEqualTo("events_20250227.csv");
        assertThat(d.get("files").asInt()).isEqualTo(10);
        assertThat(d.get("restored_file").isNull()).isTrue();
        assertThat(all.line("events_20250226.csv", 1)).startsWith("client_id,");
        for (int day = 27; day <= 28; day++) {
            assertThat(all.line("events_202502" + day + ".csv", 1)).startsWith("clientId,");
        }
        assertThat(all.line("events_20250308.csv", 1)).startsWith("clientId,");
    }

    @Test
    void droppedColumnLeavesSixColumnsForTwoFilesThenComesBack() throws IOException {
        JsonNode d = drift("dropped_column");
        assertThat(d.get("change").asText()).isEqualTo("MISSING");
        assertThat(d.get("column").asText()).isEqualTo("referrer");
        assertThat(d.get("first_file").asText()).isEqualTo("events_20250304.csv");
        assertThat(d.get("files").asInt()).isEqualTo(2);
        assertThat(d.get("restored_file").asText()).isEqualTo("events_20250306.csv");
        for (String file : List.of("events_20250304.csv", "events_20250305.csv")) {
            List<String> header = Generated.parse(all.line(file, 1));
            assertThat(header).hasSize(6).doesNotContain("referrer");
            assertThat(Generated.parse(all.line(file, 2))).hasSize(6);
        }
        assertThat(Generated.parse(all.line("events_20250306.csv", 1))).hasSize(7).contains("referrer");
    }

    @Test
    void nullSpikeRowsHaveNoClientIdAndAreMostlyBareHomepageViews() throws IOException {
        int spikeRows = 0;
        int home = 0;
        for (JsonNode f : all.faultsOf(FaultKind.CLIENT_ID_NULL_SPIKE)) {
            assertThat(codes(f)).containsExactly("MISSING_CLIENT_ID");
            String file = f.get("file").asText();
            List<Integer> lines = Generated.ints(f.get("lines"));
            for (int line : lines) {
                Map<String, String> row = all.row(file, line);
                assertThat(row.getOrDefault("client_id", row.get("clientId"))).isEmpty();
                home += row.get("page_url").equals("https://puffy.com/") ? 1 : 0;
            }
            double share = lines.size() / 400.0;
            if (file.equals("events_20250301.csv") || file.equals("events_20250302.csv")) {
                assertThat(share).isBetween(0.08, 0.16);
            } else {
                assertThat(share).isBetween(0.005, 0.02);
            }
            spikeRows += lines.size();
        }
        assertThat(home).isGreaterThan(spikeRows * 7 / 10);
        JsonNode v = all.faults.get("value_drift").get(0);
        assertThat(v.get("column").asText()).isEqualTo("client_id");
        assertThat(v.get("first_file").asText()).isEqualTo("events_20250301.csv");
    }

    @Test
    void collisionIsTheSameTransactionIdOnTwoDifferentOrders() throws IOException {
        JsonNode f = only(FaultKind.TRANSACTION_ID_COLLISION);
        List<Integer> lines = Generated.ints(f.get("lines"));
        assertThat(lines).hasSize(2);
        String file = f.get("file").asText();
        Map<String, String> a = all.row(file, lines.get(0));
        Map<String, String> b = all.row(file, lines.get(1));
        JsonNode da = Generated.JSON.readTree(a.get("event_data"));
        JsonNode db = Generated.JSON.readTree(b.get("event_data"));
        assertThat(da.get("transaction_id")).isEqualTo(db.get("transaction_id"));
        assertThat(Generated.texts(f.get("values"))).containsOnly(da.get("transaction_id").asText());
        assertThat(a.get("clientId")).isNotEqualTo(b.get("clientId"));
        assertThat(da.get("items")).isNotEqualTo(db.get("items"));
        assertThat(codes(f)).containsExactly("TRANSACTION_ID_COLLISION");
    }

    @Test
    void zeroRevenueOrdersHaveRevenueZeroAndOneAllNullItem() throws IOException {
        List<JsonNode> faults = all.faultsOf(FaultKind.ZERO_REVENUE);
        assertThat(faults).hasSize(2);
        for (JsonNode f : faults) {
            assertThat(codes(f)).containsExactly("PURCHASE_ZERO_REVENUE", "PURCHASE_ITEM_PRICE_MISSING");
            for (int line : Generated.ints(f.get("lines"))) {
                JsonNode data = Generated.JSON.readTree(all.row(f.get("file").asText(), line).get("event_data"));
                assertThat(data.get("revenue").asInt()).isZero();
                assertThat(data.get("items")).hasSize(1);
                data.get("items").get(0).forEach(value -> assertThat(value.isNull()).isTrue());
            }
        }
    }

    @Test
    void nullItemPricesFromADayOnCoverEveryPurchaseWhileRevenueStays() throws IOException {
        List<JsonNode> faults = all.faultsOf(FaultKind.NULL_ITEM_PRICES);
        assertThat(faults).extracting(f -> f.get("file").asText())
                .containsExactly("events_20250306.csv", "events_20250307.csv", "events_20250308.csv");
        for (JsonNode f : faults) {
            String file = f.get("file").asText();
            List<Integer> lines = Generated.ints(f.get("lines"));
            int purchases = 0;
            List<String> text = all.lines(file);
            for (int n = 2; n <= text.size(); n++) {
                if (text.get(n - 1).contains(",checkout_completed,")) {
                    purchases++;
                    assertThat(lines).contains(n);
                    JsonNode data = Generated.JSON.readTree(all.row(file, n).get("event_data"));
                    data.get("items").forEach(item -> assertThat(item.get("item_price").isNull()).isTrue());
                }
            }
            assertThat(lines).hasSize(purchases);
        }
        JsonNode v = all.faults.get("value_drift").get(1);
        assertThat(v.get("column").asText()).isEqualTo("item_price");
        assertThat(v.get("first_file").asText()).isEqualTo("events_20250306.csv");
    }

    @Test
    void stickyReferrerRepeatsTheLandingsExternalReferrerOnTheListedLinesFromDay12ToTheEnd() throws IOException {
        List<JsonNode> faults = all.faultsOf(FaultKind.STICKY_REFERRER);
        assertThat(faults).extracting(f -> f.get("file").asText())
                .containsExactly("events_20250306.csv", "events_20250307.csv", "events_20250308.csv");
        long total = 0;
        for (JsonNode f : faults) {
            String file = f.get("file").asText();
            assertThat(codes(f)).as("a sticky referrer breaks no row rule").isEmpty();
            List<Integer> lines = Generated.ints(f.get("lines"));
            List<String> values = Generated.texts(f.get("values"));
            List<String> text = all.lines(file);
            List<Map<String, String>> rows = new ArrayList<>();
            rows.add(null);
            rows.add(null);
            for (int n = 2; n <= text.size(); n++) {
                rows.add(all.row(file, n));
            }
            for (int i = 0; i < lines.size(); i++) {
                Map<String, String> row = rows.get(lines.get(i));
                String referrer = row.get("referrer");
                assertThat(referrer).isEqualTo(values.get(i)).isNotEmpty().doesNotStartWith("https://puffy.com")
                        .doesNotStartWith("https://checkout.puffy.com");
                // The visit's landing: the same client's latest earlier row that is not itself sticky and came
                // from outside the shop (later rows of the visit that had no referrer keep none).
                String client = row.get("clientId");
                Map<String, String> landing = null;
                for (int n = lines.get(i) - 1; n >= 2 && landing == null; n--) {
                    Map<String, String> earlier = rows.get(n);
                    String ref = earlier.get("referrer");
                    if (earlier.get("clientId").equals(client) && !lines.contains(n) && !ref.isEmpty()
                            && !ref.startsWith("https://puffy.com") && !ref.startsWith("https://checkout.puffy.com")) {
                        landing = earlier;
                    }
                }
                assertThat(landing).as(file + ":" + lines.get(i)).isNotNull();
                assertThat(landing.get("referrer")).as(file + ":" + lines.get(i)).isEqualTo(referrer);
            }
            total += lines.size();
        }
        JsonNode episode = all.faults.get("episodes").get(0);
        assertThat(episode.get("kind").asText()).isEqualTo("sticky_referrer");
        assertThat(episode.get("first_file").asText()).isEqualTo("events_20250306.csv");
        assertThat(episode.get("first_date").asText()).isEqualTo("2025-03-06");
        assertThat(episode.get("files").asInt()).isEqualTo(3);
        assertThat(episode.get("rows").asLong()).isEqualTo(total).isPositive();
    }

    @Test
    void stickyReferrerChangesOnlyTheListedLinesAndMovesNoOtherFault() throws IOException {
        Generated without = Generated.make(tmp.resolve("sticky-without"), 14, 400, 5,
                EnumSet.complementOf(EnumSet.of(FaultKind.STICKY_REFERRER)));
        Map<String, List<Integer>> listed = new LinkedHashMap<>();
        for (JsonNode f : all.faultsOf(FaultKind.STICKY_REFERRER)) {
            listed.put(f.get("file").asText(), Generated.ints(f.get("lines")));
        }
        for (Path path : all.eventFiles()) {
            String file = path.getFileName().toString();
            List<String> with = all.lines(file);
            List<String> plain = without.lines(file);
            assertThat(with).as(file).hasSameSizeAs(plain);
            List<Integer> changed = new ArrayList<>();
            for (int n = 1; n <= with.size(); n++) {
                if (!with.get(n - 1).equals(plain.get(n - 1))) {
                    changed.add(n);
                }
            }
            assertThat(changed).as(file).isEqualTo(listed.getOrDefault(file, List.of()));
        }
        List<JsonNode> others = new ArrayList<>();
        all.faults.get("faults").forEach(f -> {
            if (!f.get("kind").asText().equals(FaultKind.STICKY_REFERRER.id())) {
                others.add(f);
            }
        });
        List<JsonNode> before = new ArrayList<>();
        without.faults.get("faults").forEach(before::add);
        assertThat(others).isEqualTo(before);
        for (String section : List.of("files", "schema_drift", "value_drift", "expected_rows")) {
            assertThat(all.faults.get(section)).as(section).isEqualTo(without.faults.get(section));
        }
        assertThat(without.faults.get("episodes")).isEmpty();
    }

    @Test
    void theNullSpikeIsTwoConsecutiveDaysWhateverThePeriodsLength() throws IOException {
        for (int days : new int[]{14, 30}) {
            Generated g = Generated.make(tmp.resolve("spike" + days), days, 200, 1,
                    EnumSet.of(FaultKind.CLIENT_ID_NULL_SPIKE));
            List<Integer> spikeDays = new ArrayList<>();
            List<Path> files = g.eventFiles();
            for (int d = 0; d < files.size(); d++) {
                List<String> lines = g.lines(files.get(d).getFileName().toString());
                long empty = lines.stream().skip(1).filter(l -> l.startsWith("\"\",")).count();
                if (empty > (lines.size() - 1) / 20) {
                    spikeDays.add(d);
                }
            }
            assertThat(spikeDays).as("%d days", days).hasSize(2);
            assertThat(spikeDays.get(1)).as("%d days", days).isEqualTo(spikeDays.get(0) + 1);
            assertThat(g.faults.get("value_drift")).hasSize(1);
        }
    }

    @Test
    void theItemPriceDriftIsListedAtTheFirstNullPricesDayThatHasAnOrder() throws IOException {
        // Seed 5 at 200 events a day has no order on 2025-03-06, the first null-prices day: faults.json named that
        // file, but the drift can only show on the next day with an order.
        Generated small = Generated.make(tmp.resolve("small"), 14, 200, 5, FaultKind.parse("all"));
        assertThat(small.lines("events_20250306.csv")).noneMatch(l -> l.contains(",checkout_completed,"));
        assertThat(small.lines("events_20250307.csv")).anyMatch(l -> l.contains(",checkout_completed,"));
        JsonNode v = small.faults.get("value_drift").get(1);
        assertThat(v.get("column").asText()).isEqualTo("item_price");
        assertThat(v.get("first_file").asText()).isEqualTo("events_20250307.csv");
        assertThat(small.faultsOf(FaultKind.NULL_ITEM_PRICES)).extracting(f -> f.get("file").asText())
                .startsWith("events_20250307.csv");
    }

    @Test
    void duplicateRowIsAnExactCopyOfTheLineBefore() throws IOException {
        JsonNode f = only(FaultKind.DUPLICATE_ROW);
        int line = Generated.ints(f.get("lines")).get(0);
        String file = f.get("file").asText();
        assertThat(all.line(file, line)).isEqualTo(all.line(file, line - 1));
        assertThat(codes(f)).containsExactly("DUPLICATE_EVENT");
    }

    @Test
    void purchaseReplayRepeatsAnEarlierPurchaseLaterWithTheSamePayloadAndClient() throws IOException {
        JsonNode f = only(FaultKind.PURCHASE_REPLAY);
        String file = f.get("file").asText();
        int line = Generated.ints(f.get("lines")).get(0);
        Map<String, String> replay = all.row(file, line);
        String id = Generated.texts(f.get("values")).get(0);
        int originals = 0;
        for (int n = 2; n < line; n++) {
            Map<String, String> row = all.row(file, n);
            if (row.get("event_data").contains("\"" + id + "\"")) {
                originals++;
                assertThat(row.get("event_data")).isEqualTo(replay.get("event_data"));
                assertThat(row.get("clientId")).isEqualTo(replay.get("clientId"));
                assertThat(row.get("timestamp")).isLessThan(replay.get("timestamp"));
            }
        }
        assertThat(originals).isEqualTo(1);
        assertThat(codes(f)).containsExactly("DUPLICATE_PURCHASE");
    }

    @Test
    void botBurstIsHeadlessCheckoutStartsWithinOneHourOfOneDay() throws IOException {
        JsonNode f = only(FaultKind.BOT_BURST);
        List<Integer> lines = Generated.ints(f.get("lines"));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(20);
        String file = f.get("file").asText();
        Set<String> hours = new HashSet<>();
        for (int line : lines) {
            Map<String, String> row = all.row(file, line);
            assertThat(row.get("event_name")).isEqualTo("checkout_started");
            assertThat(row.get("user_agent")).contains("HeadlessChrome");
            assertThat(row.get("clientId")).matches("\\d{10}-[A-Za-z0-9_-]{12}");
            hours.add(row.get("timestamp").substring(0, 13));
        }
        assertThat(hours).hasSize(1);
    }

    @Test
    void malformedJsonIsListedWithThePurchaseCodesWhenOnAPurchase() throws IOException {
        List<JsonNode> faults = all.faultsOf(FaultKind.MALFORMED_JSON);
        assertThat(faults).hasSize(2);
        for (JsonNode f : faults) {
            String file = f.get("file").asText();
            int line = Generated.ints(f.get("lines")).get(0);
            Map<String, String> row = all.row(file, line);
            assertThat(row.get("event_data")).isEqualTo(Generated.texts(f.get("values")).get(0));
            boolean parses;
            try {
                Generated.JSON.readTree(row.get("event_data"));
                parses = true;
            } catch (IOException e) {
                parses = false;
            }
            assertThat(parses).isFalse();
            if (row.get("event_name").equals("checkout_completed")) {
                assertThat(codes(f)).containsExactly("INVALID_EVENT_DATA", "PURCHASE_MISSING_TRANSACTION_ID",
                        "PURCHASE_INVALID_REVENUE");
            } else {
                assertThat(row.get("event_name")).isEqualTo("email_filled_on_popup");
                assertThat(codes(f)).containsExactly("INVALID_EVENT_DATA");
            }
        }
    }

    @Test
    void brokenQuotingOpensAQuoteOnTheListedLineAndTheNextLineIsIntact() throws IOException {
        List<JsonNode> faults = all.faultsOf(FaultKind.BROKEN_QUOTING);
        JsonNode row = faults.stream().filter(f -> f.get("scope").asText().equals("row")).findFirst().orElseThrow();
        JsonNode file = faults.stream().filter(f -> f.get("scope").asText().equals("file")).findFirst().orElseThrow();
        assertThat(codes(row)).containsExactly("MALFORMED_CSV");
        assertThat(codes(file)).containsExactly("MALFORMED_CSV");
        assertThat(file.get("severities").get(0).asText()).isEqualTo("WARNING");
        String name = row.get("file").asText();
        int line = Generated.ints(row.get("lines")).get(0);
        List<String> lines = all.lines(name);
        assertThat(line).isBetween(lines.size() / 4, lines.size() * 3 / 4);
        String broken = lines.get(line - 1);
        assertThat(broken.chars().filter(c -> c == '"').count()).isEqualTo(1);
        assertThat(broken).contains(",\"Mozilla/5.0");
        assertThat(Generated.parse(lines.get(line))).hasSize(7);
        assertThat(lines.get(line)).contains("\"");
        assertThat(Generated.parse(lines.get(line - 2))).hasSize(7);
    }

    @Test
    void badTimestampsAreEmptyDayFirstOrHour25() throws IOException {
        JsonNode f = only(FaultKind.BAD_TIMESTAMP);
        List<Integer> lines = Generated.ints(f.get("lines"));
        List<String> values = Generated.texts(f.get("values"));
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(all.row(f.get("file").asText(), lines.get(i)).get("timestamp")).isEqualTo(values.get(i));
        }
        assertThat(values.get(0)).isEmpty();
        assertThat(values.get(1)).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(values.get(2)).matches("\\d{4}-\\d{2}-\\d{2}T25:.*");
        assertThat(codes(f)).containsExactly("INVALID_TIMESTAMP");
    }

    @Test
    void outOfPartitionRowsAreLateEventsOfTheDayBeforeAtTheTopOfTheFile() throws IOException {
        JsonNode f = only(FaultKind.OUT_OF_PARTITION);
        assertThat(Generated.ints(f.get("lines"))).containsExactly(2, 3, 4);
        assertThat(f.get("file").asText()).isEqualTo("events_20250304.csv");
        for (String ts : Generated.texts(f.get("values"))) {
            assertThat(ts).startsWith("2025-03-03T23:5");
        }
        assertThat(codes(f)).containsExactly("TIMESTAMP_OUTSIDE_PARTITION");
    }

    @Test
    void unknownEventNamesArePurchaseAndAddToWishlist() throws IOException {
        JsonNode f = only(FaultKind.UNKNOWN_EVENT);
        List<Integer> lines = Generated.ints(f.get("lines"));
        List<String> names = new ArrayList<>();
        for (int line : lines) {
            names.add(all.row(f.get("file").asText(), line).get("event_name"));
        }
        assertThat(names).containsExactlyInAnyOrder("Purchase", "add_to_wishlist");
        assertThat(codes(f)).containsExactly("UNKNOWN_EVENT_NAME");
    }

    @Test
    void badRevenueIsNegativeOrText() throws IOException {
        JsonNode f = only(FaultKind.BAD_REVENUE);
        List<String> revenues = new ArrayList<>();
        for (int line : Generated.ints(f.get("lines"))) {
            JsonNode data = Generated.JSON.readTree(all.row(f.get("file").asText(), line).get("event_data"));
            assertThat(data.hasNonNull("transaction_id")).isTrue();
            revenues.add(data.get("revenue").toString());
        }
        assertThat(revenues).hasSize(2);
        assertThat(revenues.get(0)).startsWith("-");
        assertThat(revenues.get(1)).isEqualTo("\"TBD\"");
        assertThat(codes(f)).containsExactly("PURCHASE_INVALID_REVENUE");
    }

    @Test
    void oneFileHasABomAndCrlfAndTheLastHasNoTrailingNewline() throws IOException {
        JsonNode bom = only(FaultKind.BOM_CRLF);
        byte[] bytes = Files.readAllBytes(all.dir.resolve(bom.get("file").asText()));
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n", -1)).hasSize(402);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(codes(bom)).isEmpty();
        JsonNode last = only(FaultKind.NO_TRAILING_NEWLINE);
        assertThat(last.get("file").asText()).isEqualTo("events_20250308.csv");
        String tail = Files.readString(all.dir.resolve("events_20250308.csv"));
        assertThat(tail).doesNotEndWith("\n");
        List<String> lines = all.lines("events_20250308.csv");
        assertThat(Generated.parse(lines.get(lines.size() - 1))).hasSize(7);
    }

    @Test
    void emptyHeaderOnlyAndNonEventFilesAreFileLevelFindings() throws IOException {
        JsonNode empty = only(FaultKind.EMPTY_FILE);
        assertThat(Files.size(all.dir.resolve(empty.get("file").asText()))).isZero();
        assertThat(codes(empty)).containsExactly("EMPTY_FILE");
        JsonNode headerOnly = only(FaultKind.HEADER_ONLY);
        assertThat(all.lines(headerOnly.get("file").asText())).hasSize(1);
        assertThat(codes(headerOnly)).containsExactly("EMPTY_FILE");
        JsonNode products = only(FaultKind.NON_EVENT_CSV);
        assertThat(products.get("file").asText()).isEqualTo("products.csv");
        assertThat(all.line("products.csv", 1)).doesNotContain("timestamp").doesNotContain("client");
        assertThat(codes(products)).containsExactly("NOT_AN_EVENT_FILE");
        for (JsonNode f : List.of(empty, headerOnly, products)) {
            assertThat(f.get("scope").asText()).isEqualTo("file");
        }
    }

    @Test
    void columnCountRowsHaveOneFieldTooManyAndOneTooFew() throws IOException {
        JsonNode f = only(FaultKind.COLUMN_COUNT);
        String file = f.get("file").asText();
        int columns = Generated.parse(all.line(file, 1)).size();
        List<Integer> lines = Generated.ints(f.get("lines"));
        assertThat(Generated.parse(all.line(file, lines.get(0)))).hasSize(columns + 1);
        assertThat(Generated.parse(all.line(file, lines.get(1)))).hasSize(columns - 1);
        assertThat(Generated.texts(f.get("values"))).containsExactly("too many", "too few");
        assertThat(codes(f)).containsExactly("COLUMN_COUNT_MISMATCH");
    }

    @Test
    void noFaultsMeansNoFaultRowsAtAll() throws IOException {
        Generated clean = Generated.make(tmp.resolve("clean"), 3, 300, 5, EnumSet.noneOf(FaultKind.class));
        RowOracle oracle = new RowOracle(clean);
        Set<ReasonCode> background = EnumSet.of(ReasonCode.BOT_USER_AGENT, ReasonCode.NON_STANDARD_CLIENT_ID);
        oracle.codes.forEach((file, lines) -> lines.forEach((line, set) ->
                assertThat(background).as(file + ":" + line).containsAll(set)));
        assertThat(clean.faults.get("schema_drift")).isEmpty();
    }

    private static JsonNode drift(String kind) {
        for (JsonNode d : all.faults.get("schema_drift")) {
            if (d.get("kind").asText().equals(kind)) {
                return d;
            }
        }
        throw new AssertionError("no drift of kind " + kind);
    }
}
