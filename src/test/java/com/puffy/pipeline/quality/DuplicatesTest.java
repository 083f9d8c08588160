package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.CID2;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.purchase;
import static com.puffy.pipeline.quality.QualityHarness.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4 duplicates, replays and transaction-id collisions, across files and in processing order. */
class DuplicatesTest {
    @TempDir
    Path dir;

    private static final String ORDER = "{\"transaction_id\":\"ORD-20250223-1\",\"revenue\":245,\"items\":[{\"item_id\":\"A\",\"item_price\":245}],\"user_email\":\"e\"}";
    private static final String SAME_ORDER_OTHER_KEY_ORDER = "{\"revenue\":245.00,\"user_email\":\"e\",\"items\":[{\"item_price\":245,\"item_id\":\"A\"}],\"transaction_id\":\"ORD-20250223-1\"}";
    private static final String OTHER_ORDER = "{\"transaction_id\":\"ORD-20250223-1\",\"revenue\":99,\"items\":[{\"item_id\":\"B\",\"item_price\":99}],\"user_email\":\"f\"}";

    @Test
    void exactDuplicateAcrossFilesIsDroppedAndTheFirstKept() throws Exception {
        String row = view(CID, "2025-02-23T10:00:00.000Z");
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER, row, row)
                .file("events_20250224.csv", HEADER, row).run();
        assertThat(h.valid()).singleElement().satisfies(v -> assertThat(v.get("line")).isEqualTo("2"));
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250223.csv:3:DUPLICATE_EVENT",
                "events_20250224.csv:2:DUPLICATE_EVENT");
        assertThat(h.findings().get(1).get("value")).isEqualTo("events_20250223.csv:2");
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("rows_read", "1").containsEntry("rows_duplicate", "1")
                .containsEntry("rows_valid", "0");
    }

    @Test
    void rowsAfterANonAsciiByteAreFingerprintedLikeTheSameRowsBeforeIt() throws Exception {
        // The validator hashes fields from bytes while a file has been ASCII so far, from chars after that: the
        // first file is all ASCII, the second is not from its first row on.
        String first = view(CID, "2025-02-23T10:00:00.000Z");
        String second = view(CID2, "2025-02-23T11:00:00.000Z");
        String accented = view(CID, "2025-02-23T12:00:00.000Z").replace("https://puffy.com/", "https://puffy.com/café");
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER, first, second)
                .file("events_20250224.csv", HEADER, accented, first, second).run();
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250224.csv:3:DUPLICATE_EVENT",
                "events_20250224.csv:4:DUPLICATE_EVENT");
    }

    @Test
    void duplicatesFoundInParallelPartsAreTheOnesFoundInOnePass() throws Exception {
        QualityHarness h = new QualityHarness(dir);
        for (int day = 23; day <= 25; day++) {
            String[] lines = new String[301];
            lines[0] = HEADER;
            for (int i = 1; i <= 300; i++) {
                // Every row repeats one of 97 distinct rows, across and within files.
                lines[i] = view(CID, "2025-02-23T10:00:" + String.format("%02d", i % 97 % 60) + "." + (i % 97 / 60)
                        + "00Z");
            }
            h.file("events_202502" + day + ".csv", lines);
        }
        java.util.List<String> one = h.run(com.puffy.pipeline.config.ConfigLoader.defaults(), 1).findingKeys("INFO");
        byte[] findings = h.bytes("findings.csv");
        assertThat(one).hasSize(900 - 97);
        assertThat(h.run(com.puffy.pipeline.config.ConfigLoader.defaults(), 4).findingKeys("INFO")).isEqualTo(one);
        assertThat(h.bytes("findings.csv")).isEqualTo(findings);
    }

    @Test
    void missingColumnReadsAsEmptyForDuplicateComparison() throws Exception {
        String noReferrerHeader = "client_id,page_url,timestamp,event_name,event_data,user_agent";
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250223.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .file("events_20250224.csv", noReferrerHeader,
                        CID + ",https://puffy.com/,2025-02-23T10:00:00.000Z,page_viewed,," + QualityHarness.UA).run();
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250224.csv:2:DUPLICATE_EVENT");
    }

    /**
     * Decision 0834: SPEC §4 compares "the raw text of every canonical field", and §2 reads a file as "RFC 4180
     * quoting (JSON inside quotes with ""), LF or CRLF": quotes and line ends are how a file writes a field, not
     * the field's text. A row written with every field quoted, in a CRLF file, in an all-ASCII file or one with
     * other characters, is the same row as the plain one before it; so is a quoted user agent running over two lines
     * whether its line break is LF or CRLF. A space inside the quotes is text, so that row is another event.
     */
    @Test
    void aRowDifferingOnlyByItsQuotesOrItsLineEndsIsADuplicateButNotOneWithASpaceInsideTheQuotes() throws Exception {
        String time = "2025-02-23T10:00:00.000Z";
        String plain = view(CID, time);
        String quoted = "\"" + String.join("\",\"", CID, "https://puffy.com/", "", time, "page_viewed", "",
                QualityHarness.UA) + "\"";
        String partlyQuoted = CID + ",\"https://puffy.com/\",\"\"," + time + ",\"page_viewed\",," + "\""
                + QualityHarness.UA + "\"";
        String spaceInQuotes = "\" " + CID + "\",https://puffy.com/,," + time + ",page_viewed,," + QualityHarness.UA;
        String twoLines = CID + ",https://puffy.com/,,2025-02-23T11:00:00.000Z,page_viewed,,\"Mozilla/5.0\nMobile\"";
        String other = view(CID2, "2025-02-23T12:00:00.000Z").replace("https://puffy.com/", "https://puffy.com/caf\u00e9");
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER, plain, twoLines)
                .raw("events_20250224.csv", String.join("\r\n", HEADER, quoted, twoLines.replace("\n", "\r\n"),
                        spaceInQuotes, "").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .raw("events_20250225.csv", String.join("\r\n", HEADER, other, partlyQuoted, "")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .run();
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250224.csv:2:DUPLICATE_EVENT",
                "events_20250224.csv:3:DUPLICATE_EVENT", "events_20250225.csv:3:DUPLICATE_EVENT");
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("rows_read", "3")
                .containsEntry("rows_duplicate", "2").containsEntry("rows_valid", "1");
        assertThat(h.summaryOf("events_20250225.csv")).containsEntry("rows_duplicate", "1");
        assertThat(h.valid()).extracting(v -> v.get("file") + ":" + v.get("line")).containsExactly(
                "events_20250223.csv:2", "events_20250223.csv:3", "events_20250224.csv:5", "events_20250225.csv:2");
    }

    @Test
    void rowsDifferingOnlyInWhitespaceAreNotDuplicates() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                view(CID, "2025-02-23T10:00:00.000Z"), view(CID, "2025-02-23T10:00:00.000Z").replace("page_viewed", "page_viewed ")).run();
        assertThat(h.valid()).hasSize(2);
    }

    @Test
    void aQuarantinedRowIsNeverTheEarlierRowOfADuplicate() throws Exception {
        String bad = CID + ",https://puffy.com/,,not-a-time,page_viewed,,ua";
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER, bad, bad).run();
        assertThat(h.quarantine()).hasSize(2);
        assertThat(h.findingKeys("INFO")).isEmpty();
        assertThat(h.summaryOf("events_20250223.csv")).containsEntry("rows_quarantined", "2").containsEntry("rows_duplicate", "0");
    }

    @Test
    void purchaseReplayAtAnotherTimeWithKeysReorderedIsADuplicatePurchase() throws Exception {
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250223.csv", HEADER, purchase(CID, "2025-02-23T10:00:00.000Z", ORDER))
                .file("events_20250224.csv", HEADER, purchase(CID, "2025-02-24T09:00:00.000Z", SAME_ORDER_OTHER_KEY_ORDER))
                .run();
        assertThat(h.valid()).singleElement().satisfies(v -> {
            assertThat(v.get("order_key")).isEqualTo("ORD-20250223-1");
            assertThat(v.get("flags")).isEmpty();
        });
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250224.csv:2:DUPLICATE_PURCHASE");
    }

    @Test
    void aReplayWhoseNumbersKeysOrSpacesAreWrittenOtherwiseIsTheSameJsonSoADuplicatePurchase() throws Exception {
        // SPEC §4 compares event_data "as JSON": 245, 245.0, 2.45e2 and 24500E-2 are one JSON number, an escaped
        // "A" is "A", and neither key order nor the spaces between tokens are part of the value (decision 0812).
        String[] sameOrder = {
            ORDER.replace("\"revenue\":245", "\"revenue\":245.0"),
            ORDER.replace("\"revenue\":245", "\"revenue\":2.45e2").replace("\"item_price\":245", "\"item_price\":24500E-2"),
            ORDER.replace("\"revenue\":245", "\"revenue\":2.450E+2"),
            SAME_ORDER_OTHER_KEY_ORDER,
            ORDER.replace(",", " ,\t").replace(":", " : ").replace("{", "{ ").replace("}", " }"),
            ORDER.replace("\"item_id\":\"A\"", "\"item_id\":\"\\u0041\""),
        };
        String[] lines = new String[sameOrder.length + 2];
        lines[0] = HEADER;
        lines[1] = purchase(CID, "2025-02-23T10:00:00.000Z", ORDER);
        for (int i = 0; i < sameOrder.length; i++) {
            lines[i + 2] = purchase(CID, "2025-02-23T1" + (i + 1) + ":00:00.000Z", sameOrder[i]);
        }
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", lines).run();
        assertThat(h.valid()).singleElement().satisfies(v -> {
            assertThat(v.get("line")).isEqualTo("2");
            assertThat(v.get("flags")).isEmpty();
        });
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250223.csv:3:DUPLICATE_PURCHASE",
                "events_20250223.csv:4:DUPLICATE_PURCHASE", "events_20250223.csv:5:DUPLICATE_PURCHASE",
                "events_20250223.csv:6:DUPLICATE_PURCHASE", "events_20250223.csv:7:DUPLICATE_PURCHASE",
                "events_20250223.csv:8:DUPLICATE_PURCHASE");
    }

    @Test
    void aNumberWrittenAsAStringOrAnotherValueIsAnotherPayloadSoACollisionNotAReplay() throws Exception {
        // "245" is a JSON string, not the number 245 (revenue reads it as numeric, but the payloads differ as JSON);
        // 245.001 is another number. Each is kept as an order of its own and flagged.
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                purchase(CID, "2025-02-23T10:00:00.000Z", ORDER),
                purchase(CID, "2025-02-23T11:00:00.000Z", ORDER.replace("\"revenue\":245", "\"revenue\":\"245\"")),
                purchase(CID, "2025-02-23T12:00:00.000Z", ORDER.replace("\"item_price\":245", "\"item_price\":245.001")))
                .run();
        assertThat(h.findingKeys("INFO")).isEmpty();
        assertThat(h.valid()).extracting(v -> v.get("order_key"))
                .containsExactly("ORD-20250223-1~1", "ORD-20250223-1~2", "ORD-20250223-1~3");
    }

    @Test
    void aReplayHoldingANumberWithAHugeExponentIsFoundWithoutWritingTheNumberOut() throws Exception {
        // 1e999999999 is eleven characters of valid JSON; written out in full as the replay key it was a billion
        // digits, and the run ended out of memory (decision 0812). It is still one value: 10e999999998 is the same.
        String withHuge = ORDER.replace("\"user_email\":\"e\"", "\"user_email\":\"e\",\"ref\":1e999999999");
        String withTiny = ORDER.replace("\"user_email\":\"e\"", "\"user_email\":\"e\",\"ref\":-1e-999999999");
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                purchase(CID, "2025-02-23T10:00:00.000Z", withHuge),
                purchase(CID, "2025-02-23T11:00:00.000Z", withHuge.replace("1e999999999", "10E+999999998")),
                purchase(CID2, "2025-02-23T12:00:00.000Z", withTiny),
                purchase(CID2, "2025-02-23T13:00:00.000Z", withTiny.replace("-1e-999999999", "-0.1e-999999998")))
                .run();
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250223.csv:3:DUPLICATE_PURCHASE",
                "events_20250223.csv:5:DUPLICATE_PURCHASE");
        assertThat(h.valid()).extracting(v -> v.get("order_key")).containsExactly("ORD-20250223-1~1", "ORD-20250223-1~2");
    }

    @Test
    void collidingTransactionIdsAreSeparateOrdersNumberedInProcessingOrder() throws Exception {
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250224.csv", HEADER, purchase(CID2, "2025-02-24T09:00:00.000Z", OTHER_ORDER))
                .file("events_20250223.csv", HEADER, purchase(CID, "2025-02-23T10:00:00.000Z", ORDER)).run();
        assertThat(h.valid()).extracting(v -> v.get("order_key")).containsExactly("ORD-20250223-1~1", "ORD-20250223-1~2");
        assertThat(h.valid()).extracting(v -> v.get("flags")).containsOnly("TRANSACTION_ID_COLLISION");
        assertThat(h.valid()).extracting(v -> v.get("revenue")).containsExactly("245", "99");
        assertThat(h.findingKeys("WARNING")).containsExactly("events_20250223.csv:2:TRANSACTION_ID_COLLISION",
                "events_20250224.csv:2:TRANSACTION_ID_COLLISION");
    }

    @Test
    void sameTransactionAndPayloadFromAnotherClientIsACollisionNotAReplay() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                purchase(CID, "2025-02-23T10:00:00.000Z", ORDER), purchase(CID2, "2025-02-23T10:00:00.000Z", ORDER)).run();
        assertThat(h.valid()).extracting(v -> v.get("order_key")).containsExactly("ORD-20250223-1~1", "ORD-20250223-1~2");
    }

    @Test
    void replayOfOneOfTwoCollidingOrdersIsDroppedAndTheOthersKeepTheirKeys() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                purchase(CID, "2025-02-23T10:00:00.000Z", ORDER),
                purchase(CID2, "2025-02-23T11:00:00.000Z", OTHER_ORDER),
                purchase(CID, "2025-02-23T12:00:00.000Z", ORDER)).run();
        assertThat(h.valid()).extracting(v -> v.get("order_key")).containsExactly("ORD-20250223-1~1", "ORD-20250223-1~2");
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250223.csv:4:DUPLICATE_PURCHASE");
    }

    @Test
    void totalsReconcileWithDuplicatesQuarantineAndValidRows() throws Exception {
        String row = view(CID, "2025-02-23T10:00:00.000Z");
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER, row, row, ",x,,t,e,,u",
                view(CID2, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.result.figures()).containsEntry("rows_read", 4L).containsEntry("rows_valid", 2L)
                .containsEntry("rows_quarantined", 1L).containsEntry("rows_duplicate", 1L).containsEntry("reconciled", true);
        assertThat(h.result.summary()).contains("Rows: 4 read = 2 valid + 1 quarantined + 1 duplicate (reconciled).");
    }
}
