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
    void missingColumnReadsAsEmptyForDuplicateComparison() throws Exception {
        String noReferrerHeader = "client_id,page_url,timestamp,event_name,event_data,user_agent";
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250223.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .file("events_20250224.csv", noReferrerHeader,
                        CID + ",https://puffy.com/,2025-02-23T10:00:00.000Z,page_viewed,," + QualityHarness.UA).run();
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250224.csv:2:DUPLICATE_EVENT");
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
