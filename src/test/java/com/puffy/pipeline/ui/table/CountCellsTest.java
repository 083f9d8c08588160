package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts read "3,500" in the tables, as the lines above them say it; ids, line numbers, dates, years and money keep
 * the file's text, and a grouped number typed into the search finds the file's plain one.
 */
class CountCellsTest {
    @TempDir
    Path dir;

    @Test
    void theOutputsCountColumnsAreCountsAndIdsDatesLinesAndMoneyAreNot() {
        assertThat(List.of("events", "sessions", "users", "conversions", "page_views", "alerts", "duration_s",
                "rows_read", "rows_quarantined", "rows_duplicate", "error_count"))
                .allMatch(CountCells::isCount);
        assertThat(List.of("order_key", "transaction_id", "session_id", "client_id", "line", "date", "year", "hour",
                "revenue", "revenue_credit", "credit", "session_cvr", "rate_from_previous", "value", "baseline"))
                .noneMatch(CountCells::isCount);
    }

    @Test
    void aCountCellGroupsWholeNumbersAndLeavesOtherTextAlone() {
        assertThat(CountCells.shown("3500")).isEqualTo("3,500");
        assertThat(CountCells.shown("1234567")).isEqualTo("1,234,567");
        assertThat(CountCells.shown("-1204")).isEqualTo("-1,204");
        assertThat(CountCells.shown("999")).isEqualTo("999");
        assertThat(CountCells.shown("")).isEmpty();
        assertThat(CountCells.shown("12.5")).isEqualTo("12.5");
        assertThat(CountCells.shown("T1001~1")).isEqualTo("T1001~1");
        assertThat(CountCells.shown(null)).isNull();
    }

    @Test
    void aGroupedNumberInTheSearchFindsTheFilesPlainOne() throws Exception {
        Path file = Files.writeString(dir.resolve("daily.csv"), "date,events,message\n"
                + "2025-03-01,3500,quiet\n"
                + "2025-03-02,1200,\"3,500 rows late\"\n"
                + "2025-03-03,900,none\n");
        CsvTable table = CsvTable.read(file);
        assertThat(new TableQuery("3,500", -1, Map.of(), -1, true).apply(table)).extracting(r -> r[0])
                .containsExactly("2025-03-01", "2025-03-02");
        assertThat(new TableQuery("3,500", 1, Map.of(), -1, true).apply(table)).extracting(r -> r[0])
                .containsExactly("2025-03-01");
        assertThat(CountCells.ungrouped("12,3")).isNull();
        assertThat(CountCells.ungrouped("3500")).isNull();
    }
}
