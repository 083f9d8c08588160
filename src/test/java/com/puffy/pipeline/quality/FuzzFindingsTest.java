package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases {@link QualityFuzzTest} (or its probes) found, minimised by hand: one test per bug (decision 0771). */
class FuzzFindingsTest {
    @TempDir
    Path dir;

    @Test
    void aTransactionIdOfOnlyControlCharactersIsMissingNotAnEmptyOrderKey() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("events_20250223.csv", HEADER,
                purchase(CID, "2025-02-23T10:00:00.000Z", "{\"transaction_id\":\"\\u0000\",\"revenue\":7}"),
                purchase(CID, "2025-02-23T10:01:00.000Z", "{\"transaction_id\":\"\\u0001 \",\"revenue\":7}")).run();

        assertThat(h.valid()).isEmpty();
        assertThat(h.quarantine()).extracting(q -> q.get("line") + ":" + q.get("reasons"))
                .containsExactly("2:PURCHASE_MISSING_TRANSACTION_ID", "3:PURCHASE_MISSING_TRANSACTION_ID");
        assertThat(h.summaryOf("events_20250223.csv")).containsAllEntriesOf(Map.of("rows_read", "2",
                "rows_valid", "0", "rows_quarantined", "2"));
    }
}
