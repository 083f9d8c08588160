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
class NumberCellsTest {
    @TempDir
    Path dir;

    @Test
    void theOutputsCountColumnsAreCountsAndIdsDatesLinesAndMoneyAreNot() {
        assertThat(List.of("events", "sessions", "users", "conversions", "page_views", "alerts", "duration_s",
                "rows_read", "rows_quarantined", "rows_duplicate", "error_count", "bot_rows", "orders_collided",
                "rows_missing_client_id", "distinct_count", "items", "quantity"))
                .allMatch(NumberCells::isCount);
        assertThat(List.of("order_key", "transaction_id", "session_id", "client_id", "line", "date", "year", "hour",
                "revenue", "revenue_credit", "credit", "session_cvr", "rate_from_previous", "value", "baseline"))
                .noneMatch(NumberCells::isCount);
    }

    @Test
    void aCountCellGroupsWholeNumbersAndLeavesOtherTextAlone() {
        assertThat(NumberCells.shown("3500")).isEqualTo("3,500");
        assertThat(NumberCells.shown("1234567")).isEqualTo("1,234,567");
        assertThat(NumberCells.shown("-1204")).isEqualTo("-1,204");
        assertThat(NumberCells.shown("999")).isEqualTo("999");
        assertThat(NumberCells.shown("")).isEmpty();
        assertThat(NumberCells.shown("12.5")).isEqualTo("12.5");
        assertThat(NumberCells.shown("T1001~1")).isEqualTo("T1001~1");
        assertThat(NumberCells.shown(null)).isNull();
    }

    @Test
    void moneyReadsToTheCentUngroupedAndOnlyInMoneyColumns() {
        assertThat(List.of("revenue", "revenue_credit", "item_price", "direct_revenue_last_click",
                "revenue_per_session", "first_click_revenue", "aov")).allMatch(NumberCells::isMoney);
        assertThat(List.of("credit", "sessions", "order_key", "rate_from_previous", "revenue_share", "revenues"))
                .noneMatch(NumberCells::isMoney);
        assertThat(NumberCells.toTheCent("21956")).isEqualTo("21956.00");
        assertThat(NumberCells.toTheCent("333.917779")).isEqualTo("333.92");
        assertThat(NumberCells.toTheCent("264653.69")).isEqualTo("264653.69");
        assertThat(NumberCells.toTheCent("0")).isEqualTo("0.00");
        assertThat(NumberCells.toTheCent("")).isEmpty();
        assertThat(NumberCells.kindOf("revenue", false)).as("a column with text in it").isEqualTo(
                NumberCells.Kind.AS_WRITTEN);
        assertThat(NumberCells.kindOf("revenue", true)).isEqualTo(NumberCells.Kind.MONEY);
        assertThat(NumberCells.kindOf("sessions", true)).isEqualTo(NumberCells.Kind.COUNT);
    }

    @Test
    void sharesAndRatesReadAsPercentages() {
        assertThat(List.of("session_cvr", "bot_share", "client_id_null_rate", "rate_from_previous", "share", "cvr",
                "revenue_share", "drop_off_rate")).allMatch(NumberCells::isShare);
        assertThat(List.of("credit", "sessions", "revenue", "shift_points", "rate")).noneMatch(NumberCells::isShare);
        assertThat(NumberCells.kindOf("revenue_share", true)).isEqualTo(NumberCells.Kind.SHARE);
        assertThat(NumberCells.percent("0.010163")).isEqualTo("1.02%");
        assertThat(NumberCells.percent("1")).isEqualTo("100.00%");
        assertThat(NumberCells.percent("0")).isEqualTo("0.00%");
        assertThat(NumberCells.percent("0.999962")).as("26,521 of 26,522 is not all").isEqualTo(">99.99%");
        assertThat(NumberCells.percent("0.00004")).isEqualTo("<0.01%");
        assertThat(NumberCells.percent("0.99994")).isEqualTo("99.99%");
        assertThat(NumberCells.percent("")).isEmpty();
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
        assertThat(NumberCells.asWritten("12,3")).isNull();
        assertThat(NumberCells.asWritten("3500")).isNull();
        assertThat(NumberCells.asWritten("21956.00")).isEqualTo("21956");
        assertThat(NumberCells.asWritten("99.90")).isEqualTo("99.9");
        assertThat(NumberCells.asWritten("1,254.99")).isEqualTo("1254.99");
        assertThat(NumberCells.asWritten("2025-03-01")).isNull();
    }
}
