package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.UA;
import static com.puffy.pipeline.quality.QualityHarness.purchase;
import static com.puffy.pipeline.quality.QualityHarness.view;
import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §4 row rules, one tiny file per edge. */
class RowRulesTest {
    @TempDir
    Path dir;

    private static final String TS = "2025-02-23T10:00:00.000Z";

    private QualityHarness one(String row) throws Exception {
        return new QualityHarness(dir).file("events_20250223.csv", HEADER, row).run();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "MISSING_CLIENT_ID|,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,ua",
            "MISSING_CLIENT_ID|BLANK,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,ua",
            "INVALID_TIMESTAMP|" + CID + ",https://puffy.com/,,,page_viewed,,ua",
            "INVALID_TIMESTAMP|" + CID + ",https://puffy.com/,,2025-02-23 10:00:00,page_viewed,,ua",
            "INVALID_TIMESTAMP|" + CID + ",https://puffy.com/,,2025-02-30T10:00:00.000Z,page_viewed,,ua",
            "INVALID_TIMESTAMP|" + CID + ",https://puffy.com/,,23/02/2025 10:00,page_viewed,,ua",
            "INVALID_TIMESTAMP|" + CID + ",https://puffy.com/,,2025-02-23T25:00:00.000Z,page_viewed,,ua",
            "MISSING_EVENT_NAME|" + CID + ",https://puffy.com/,,2025-02-23T10:00:00.000Z,,,ua",
            "INVALID_EVENT_DATA|" + CID + ",https://puffy.com/,,2025-02-23T10:00:00.000Z,email_filled_on_popup,{'user_email':'x'},ua",
            "INVALID_EVENT_DATA|" + CID + ",https://puffy.com/,,2025-02-23T10:00:00.000Z,email_filled_on_popup,\"{\"\"a\"\":1,}\",ua",
            "INVALID_EVENT_DATA|" + CID + ",https://puffy.com/,,2025-02-23T10:00:00.000Z,email_filled_on_popup,\"[1,2]\",ua",
            "INVALID_EVENT_DATA|" + CID + ",https://puffy.com/,,2025-02-23T10:00:00.000Z,email_filled_on_popup,\"{\"\"a\"\":1} x\",ua",
    })
    void errorRuleQuarantinesTheRowWithItsCode(String code, String row) throws Exception {
        QualityHarness h = one(row.replace("BLANK", "   "));
        assertThat(h.valid()).isEmpty();
        assertThat(h.quarantine()).singleElement().satisfies(q -> assertThat(q.get("reasons")).isEqualTo(code));
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250223.csv:2:" + code);
    }

    @Test
    void rowWithSeveralErrorsCarriesAllItsCodes() throws Exception {
        QualityHarness h = one(",https://puffy.com/,,yesterday,,{bad,ua");
        assertThat(h.quarantine().get(0).get("reasons"))
                .isEqualTo("MISSING_CLIENT_ID;INVALID_TIMESTAMP;MISSING_EVENT_NAME;INVALID_EVENT_DATA");
        assertThat(h.findingKeys("ERROR")).hasSize(4);
    }

    @Test
    void purchaseWithInvalidJsonAlsoCarriesBothPurchaseCodes() throws Exception {
        QualityHarness h = one(CID + ",https://puffy.com/,," + TS + ",checkout_completed,{'transaction_id':'X'}," + UA);
        assertThat(h.quarantine().get(0).get("reasons"))
                .isEqualTo("INVALID_EVENT_DATA;PURCHASE_MISSING_TRANSACTION_ID;PURCHASE_INVALID_REVENUE");
    }

    @Test
    void aKeyRepeatedInEventDataIsNotAStrictObject() throws Exception {
        // {"revenue":100,"revenue":200} has no defined revenue (RFC 8259): the last value silently won, 200.
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                purchase(CID, TS, "{\"transaction_id\":\"T1\",\"revenue\":100,\"revenue\":200,\"items\":[]}"),
                CID + ",https://puffy.com/,," + TS.replace("10:", "11:") + ",email_filled_on_popup,"
                        + "\"{\"\"user_email\"\":\"\"a\"\",\"\"x\"\":{\"\"k\"\":1,\"\"k\"\":2}}\"," + UA,
                purchase(CID, TS.replace("10:", "12:"), "{\"transaction_id\":\"T2\",\"revenue\":5,"
                        + "\"items\":[{\"item_price\":5},{\"item_price\":0}]}"))
                .run();
        assertThat(h.quarantine()).extracting(q -> q.get("line") + ":" + q.get("reasons")).containsExactly(
                "2:INVALID_EVENT_DATA;PURCHASE_MISSING_TRANSACTION_ID;PURCHASE_INVALID_REVENUE",
                "3:INVALID_EVENT_DATA");
        // The same key in two objects of a list is no repetition.
        assertThat(h.valid()).singleElement().satisfies(v -> assertThat(v.get("order_key")).isEqualTo("T2"));
    }

    @Test
    void purchaseWithEmptyEventDataLacksTransactionIdAndRevenue() throws Exception {
        QualityHarness h = one(CID + ",https://puffy.com/,," + TS + ",purchase,," + UA);
        assertThat(h.quarantine().get(0).get("reasons"))
                .isEqualTo("PURCHASE_MISSING_TRANSACTION_ID;PURCHASE_INVALID_REVENUE");
    }

    @ParameterizedTest(name = "revenue {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"-5", "\"abc\"", "null", "true", "1e309",
            "90071992547409.92", "\"1e20\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "1e400",
            "\"12d\"", "\"0x1F\"", "1e-999999999", "\"1e-999999999\"", "\"1e9999999999\"", "\"1e-9999999999\""})
    void purchaseRevenueMissingNonNumericNegativeOrTooLargeIsInvalid(String revenue) throws Exception {
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":" + revenue + ",\"items\":[]}"));
        assertThat(h.quarantine().get(0).get("reasons")).isEqualTo("PURCHASE_INVALID_REVENUE");
    }

    @Test
    void theLargestRevenueHeldToTheCentIsValid() throws Exception {
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":90071992547409.91,"
                + "\"items\":[{\"item_price\":90071992547409.91}]}"));
        assertThat(h.valid()).singleElement().satisfies(v -> assertThat(v.get("revenue")).isEqualTo("90071992547409.91"));
    }

    @Test
    void numericStringRevenueIsValidAndWrittenAsANumber() throws Exception {
        QualityHarness h = one(purchase(CID, TS,
                "{\"transaction_id\":\"ORD-1\",\"revenue\":\"799.00\",\"items\":[{\"item_price\":799}]}"));
        assertThat(h.valid()).singleElement().satisfies(v -> {
            assertThat(v.get("revenue")).isEqualTo("799");
            assertThat(v.get("order_key")).isEqualTo("ORD-1");
            assertThat(v.get("flags")).isEmpty();
        });
    }

    @Test
    void purchaseWithoutTransactionIdIsQuarantined() throws Exception {
        QualityHarness h = one(purchase(CID, TS, "{\"revenue\":10,\"items\":[{\"item_price\":10}]}"));
        assertThat(h.quarantine().get(0).get("reasons")).isEqualTo("PURCHASE_MISSING_TRANSACTION_ID");
    }

    @Test
    void bothPurchaseSpellingsArePurchasesButCapitalizedIsUnknown() throws Exception {
        String json = "{\"transaction_id\":\"ORD-%d\",\"revenue\":10,\"items\":[{\"item_price\":10}]}";
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                purchase(CID, TS, String.format(json, 1)),
                purchase(CID, TS, String.format(json, 2)).replace("checkout_completed", "purchase"),
                purchase(CID, TS, String.format(json, 3)).replace("checkout_completed", "Purchase")).run();
        List<Map<String, String>> valid = h.valid();
        assertThat(valid).extracting(v -> v.get("order_key")).containsExactly("ORD-1", "ORD-2", "");
        assertThat(valid.get(2).get("flags")).isEqualTo("UNKNOWN_EVENT_NAME");
    }

    @Test
    void eventNameIsMatchedAfterTrimming() throws Exception {
        QualityHarness h = one(CID + ",https://puffy.com/,," + TS + ",  page_viewed ,," + UA);
        assertThat(h.valid().get(0)).containsEntry("event_name", "page_viewed").containsEntry("flags", "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "BOT_USER_AGENT|Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "BOT_USER_AGENT|Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0",
            "BOT_USER_AGENT|facebookexternalhit/1.1",
            "BOT_USER_AGENT|Mozilla/5.0 (compatible; AhrefsBot/7.0)",
            // The rest of SPEC §4's default pattern, each word once, in other cases than the pattern's.
            "BOT_USER_AGENT|Mozilla/5.0 (compatible; SeznamCrawler/1.0)",
            "BOT_USER_AGENT|Mozilla/5.0 (compatible; Baiduspider/2.0)",
            "BOT_USER_AGENT|Mozilla/5.0 (compatible; Yahoo! Slurp)",
            "BOT_USER_AGENT|Mozilla/5.0 (compatible; SemrushSiteAudit/1.0)",
            "BOT_USER_AGENT|Mozilla/5.0 (Windows NT 6.1) AppleWebKit/534.34 BingPreview/1.0b",
            "BOT_USER_AGENT|AmazonProductDiscovery/1.0",
    })
    void botUserAgentsAreFlaggedAndMarked(String code, String agent) throws Exception {
        QualityHarness h = one(CID + ",https://puffy.com/,," + TS + ",page_viewed,,\"" + agent + "\"");
        assertThat(h.valid().get(0)).containsEntry("flags", code).containsEntry("is_bot", "true");
        assertThat(h.findingKeys("WARNING")).containsExactly("events_20250223.csv:2:" + code);
    }

    @Test
    void anEmptyBotPatternTurnsBotDetectionOffInsteadOfFlaggingEveryRow() throws Exception {
        // "" is found in every user agent: the whole folder became bots, and every session left the reports.
        Path file = Files.writeString(dir.resolve("nobots.yaml"), "quality:\n  bot_pattern: \"\"\n");
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER, view(CID, TS),
                CID + ",https://puffy.com/,," + TS.replace("10:", "11:") + ",page_viewed,,Googlebot/2.1")
                .run(ConfigLoader.load(file), 2);
        assertThat(h.valid()).extracting(v -> v.get("is_bot")).containsExactly("false", "false");
        assertThat(h.findingKeys("WARNING")).isEmpty();
    }

    @Test
    void aPaddedClientIdIsTrimmedLikeTheEventNameSoItIsTheSameClient() throws Exception {
        // " id " and "id\t" were two more users beside "id", each with sessions of its own.
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                " " + CID + " ,https://puffy.com/,," + TS + ",page_viewed,," + UA,
                "\"" + CID + "\t\",https://puffy.com/a,," + TS.replace("10:", "11:") + ",page_viewed,," + UA,
                CID + ",https://puffy.com/b,," + TS.replace("10:", "12:") + ",page_viewed,," + UA,
                " " + CID + " ,https://puffy.com/c,,not a time,page_viewed,," + UA).run();
        assertThat(h.valid()).extracting(v -> v.get("client_id")).containsExactly(CID, CID, CID);
        assertThat(h.findingKeys("WARNING")).isEmpty();
        assertThat(h.quarantine()).singleElement().satisfies(q -> assertThat(q.get("raw_client_id")).isEqualTo(" " + CID + " "));
    }

    @Test
    void nonStandardClientIdIsFlagged() throws Exception {
        QualityHarness h = one(view("3f2504e0-4f89-11d3-9a0c-0305e82c3301", TS));
        assertThat(h.valid().get(0).get("flags")).isEqualTo("NON_STANDARD_CLIENT_ID");
    }

    @Test
    void unknownEventNameIsFlagged() throws Exception {
        QualityHarness h = one(CID + ",https://puffy.com/,," + TS + ",page_view,," + UA);
        assertThat(h.valid().get(0).get("flags")).isEqualTo("UNKNOWN_EVENT_NAME");
    }

    @Test
    void timestampOutsideThePartitionDayIsFlagged() throws Exception {
        QualityHarness h = one(view(CID, "2025-02-24T00:00:00.000Z"));
        assertThat(h.valid().get(0).get("flags")).isEqualTo("TIMESTAMP_OUTSIDE_PARTITION");
    }

    @Test
    void timestampWithOffsetIsNormalizedToUtc() throws Exception {
        QualityHarness h = one(view(CID, "2025-02-23T12:30:00+02:00"));
        assertThat(h.valid().get(0)).containsEntry("timestamp", "2025-02-23T10:30:00.000Z").containsEntry("flags", "");
    }

    @Test
    void theUtcDateOfAnOffsetTimestampDecidesWhetherItIsOutsideThePartition() throws Exception {
        // SPEC §4 "the event's UTC date": 23:30 at −02:00 on the file's day is the next day in UTC, and 01:00 at +02:00
        // on the next day is still the file's day.
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                view(CID, "2025-02-23T23:30:00-02:00"), view(CID, "2025-02-24T01:00:00+02:00")).run();
        assertThat(h.valid()).extracting(v -> v.get("timestamp") + " " + v.get("flags")).containsExactly(
                "2025-02-24T01:30:00.000Z TIMESTAMP_OUTSIDE_PARTITION", "2025-02-23T23:00:00.000Z ");
    }

    @Test
    void zeroRevenueAndMissingItemPriceAreFlaggedOncePerRow() throws Exception {
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":0,\"items\":"
                + "[{\"item_id\":null,\"item_price\":null},{\"item_id\":\"b\"}]}"));
        assertThat(h.valid().get(0).get("flags")).isEqualTo("PURCHASE_ZERO_REVENUE;PURCHASE_ITEM_PRICE_MISSING");
        assertThat(h.findingKeys("WARNING")).containsExactly("events_20250223.csv:2:PURCHASE_ZERO_REVENUE",
                "events_20250223.csv:2:PURCHASE_ITEM_PRICE_MISSING");
    }

    @ParameterizedTest(name = "items {1} vs revenue {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"100|60,40|false", "100|60,40.01|false", "100|60,40.02|true",
            "100.5|100|true", "245|245|false"})
    void revenueMismatchAllowsOneCent(String revenue, String prices, boolean flagged) throws Exception {
        StringBuilder items = new StringBuilder();
        for (String p : prices.split(",")) {
            items.append(items.length() == 0 ? "" : ",").append("{\"item_price\":").append(p).append('}');
        }
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":" + revenue
                + ",\"items\":[" + items + "]}"));
        assertThat(h.valid().get(0).get("flags")).isEqualTo(flagged ? "PURCHASE_REVENUE_MISMATCH" : "");
    }

    @ParameterizedTest(name = "item_price {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"\"abc\"", "\"NaN\"", "\"Infinity\"",
            "\"-Infinity\"", "\"1e400\"", "1e400", "\"12d\"", "1e-999999999", "\"1e9999999999\"",
            "\"-1e-9999999999\""})
    void anItemPriceThatIsNotAFiniteNumberIsMissingAsTextIs(String price) throws Exception {
        // "1e400" was a price of 10^400: PURCHASE_REVENUE_MISMATCH, and Infinity in transform's line totals.
        // 1e-999999999, which a double holds only as 0, was added to the revenue digit by digit: a billion of them.
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":100,\"items\":"
                + "[{\"quantity\":1,\"item_price\":" + price + "}]}"));
        assertThat(h.valid()).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("flags", "PURCHASE_ITEM_PRICE_MISSING"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"revenue\":1e9999999999", "\"revenue\":100,\"items\":[{\"item_price\":-1E-2147483649}]",
            "\"revenue\":100,\"ref\":1e9999999999"})
    void aJsonNumberWhoseExponentIsPastAnIntIsInvalidEventDataNotAFailedStage(String fields) throws Exception {
        // Jackson let it out as a NumberFormatException: "The Quality stage failed unexpectedly", nothing written.
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\"," + fields + "}"));
        assertThat(h.valid()).isEmpty();
        assertThat(h.quarantine()).singleElement()
                .satisfies(q -> assertThat(q.get("reasons")).contains("INVALID_EVENT_DATA"));
    }

    @Test
    void zeroWrittenWithAHugeExponentIsZero() throws Exception {
        // 0e-999999999 is 0; kept with its scale (as a numeric string is), the price sum with it was a billion
        // digits long and the revenue check ran out of memory.
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":0E-999999999,\"items\":"
                + "[{\"item_price\":0e-999999999},{\"item_price\":0}]}"));
        assertThat(h.valid()).singleElement().satisfies(v -> {
            assertThat(v.get("revenue")).isEqualTo("0");
            assertThat(v.get("flags")).isEqualTo("PURCHASE_ZERO_REVENUE");
        });
        QualityHarness priced = new QualityHarness(dir.resolve("priced")).file("events_20250223.csv", HEADER,
                purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":245,\"items\":"
                        + "[{\"item_price\":\"0e-999999999\"},{\"item_price\":245}]}")).run();
        assertThat(priced.valid()).singleElement().satisfies(v -> assertThat(v.get("flags")).isEmpty());
    }

    @Test
    void itemPriceIsTheLineTotalSoQuantityDoesNotMultiply() throws Exception {
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":200,\"items\":"
                + "[{\"quantity\":2,\"item_price\":200}]}"));
        assertThat(h.valid().get(0).get("flags")).isEmpty();
    }

    @Test
    void aNegativeQuantityLeavesThePurchaseValidAndRevenueChecksReadOnlyTheLineTotals() throws Exception {
        // Decision 0203: a returned line (-1 unit at -100) inside an order reconciles with its revenue; a negative
        // quantity beside a positive line total changes no revenue check either. SPEC §4 has no code for it.
        QualityHarness h = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-1\",\"revenue\":200,\"items\":"
                + "[{\"quantity\":2,\"item_price\":300},{\"quantity\":-1,\"item_price\":-100}]}"));
        assertThat(h.valid()).singleElement().satisfies(v -> assertThat(v).containsEntry("flags", "")
                .containsEntry("revenue", "200"));
        QualityHarness mismatch = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-2\",\"revenue\":300,\"items\":"
                + "[{\"quantity\":2,\"item_price\":300},{\"quantity\":-1,\"item_price\":-100}]}"));
        assertThat(mismatch.valid().get(0).get("flags")).isEqualTo("PURCHASE_REVENUE_MISMATCH");
        QualityHarness positivePrice = one(purchase(CID, TS, "{\"transaction_id\":\"ORD-3\",\"revenue\":100,"
                + "\"items\":[{\"quantity\":-1,\"item_price\":100}]}"));
        assertThat(positivePrice.valid().get(0).get("flags")).isEmpty();
        assertThat(positivePrice.findings()).isEmpty();
    }

    @Test
    void warningsAreNotEvaluatedOnQuarantinedRows() throws Exception {
        QualityHarness h = one(",https://puffy.com/,," + TS + ",page_viewed,,Googlebot");
        assertThat(h.findingKeys("WARNING")).isEmpty();
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250223.csv:2:MISSING_CLIENT_ID");
    }
}
