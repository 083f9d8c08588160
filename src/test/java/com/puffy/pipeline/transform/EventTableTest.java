package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTableTest {
    @Test
    void growsPastItsEstimateKeepingEveryColumnOfEveryRow() {
        // The reader sizes the table from the file's bytes; rows shorter than the estimate's 250 bytes outgrow it.
        EventTable table = new EventTable(0);
        int rows = 5_000;
        for (int i = 0; i < rows; i++) {
            int row = table.add(1_740_000_000_000L + i, (byte) (i % 5), i % 7, 100L * i, i % 90, i % 2 == 0);
            assertThat(row).isEqualTo(i);
            table.setIds(row, i / 3, i % 11, i % 13);
        }
        assertThat(table.size).isEqualTo(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(table.timestamp[i]).isEqualTo(1_740_000_000_000L + i);
            assertThat(table.kind[i]).isEqualTo((byte) (i % 5));
            assertThat(table.partitionDay[i]).isEqualTo(i % 7);
            assertThat(table.pageAt[i]).isEqualTo(100L * i << 1 | (i % 2 == 0 ? 1 : 0));
            assertThat(table.pageLength[i]).isEqualTo(i % 90);
            assertThat(table.client[i]).isEqualTo(i / 3);
            assertThat(table.userAgent[i]).isEqualTo(i % 11);
            assertThat(table.referrer[i]).isEqualTo(i % 13);
        }
    }
}
