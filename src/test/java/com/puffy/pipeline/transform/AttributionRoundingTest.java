package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5: per model, the credits of a conversion sum to 1 and its credited revenue to its revenue, so each model's
 * channel revenue sums to total revenue. attribution.csv is read in spreadsheets, so this must hold for the cells
 * as written (six decimals), summed exactly, not only for the doubles behind them.
 */
class AttributionRoundingTest {
    @TempDir
    Path dir;

    /** Sums of a column per key, as exact decimals of the written cells. */
    static Map<String, BigDecimal> sums(List<Map<String, String>> rows, String column, String... key) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Map<String, String> row : rows) {
            StringBuilder k = new StringBuilder();
            for (String part : key) {
                k.append(row.get(part)).append('|');
            }
            sums.merge(k.toString(), new BigDecimal(row.get(column)), BigDecimal::add);
        }
        return sums;
    }

    @Test
    void writtenCreditsOfEachConversionSumToExactlyOneAndItsRevenueExactly() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        // X: three sessions a day apart, 100 in the third: linear thirds (0.333333 × 3 = 0.999999 when each is
        // rounded alone), position based 40/20/40, time decay 0.5^(2/7), 0.5^(1/7), 1 normalized.
        String x = "1740268798-XXXXXXXXXXXX";
        q.view(x, "2025-03-01T10:00:00.000Z").view(x, "2025-03-02T10:00:00.000Z").view(x, "2025-03-03T10:00:00.000Z");
        q.purchase(x, "2025-03-03T10:00:30.000Z", "ORD-X", 100);
        // Y: five sessions, 99.99: position based gives 0.2 / 3 = 0.0666… to each of the three middle sessions.
        String y = "1740268798-YYYYYYYYYYYY";
        for (int day = 1; day <= 5; day++) {
            q.view(y, "2025-03-0" + day + "T08:00:00.000Z");
        }
        q.purchase(y, "2025-03-05T08:01:00.000Z", "ORD-Y", 99.99);
        // Z: seven sessions, 0.01: a cent shared by seven touchpoints.
        String z = "1740268798-ZZZZZZZZZZZZ";
        for (int day = 1; day <= 7; day++) {
            q.view(z, "2025-03-0" + day + "T09:00:00.000Z");
        }
        q.purchase(z, "2025-03-07T09:00:01.000Z", "ORD-Z", 0.01);
        q.run();

        List<Map<String, String>> attribution = q.read("attribution.csv");
        Map<String, BigDecimal> credit = sums(attribution, "credit", "order_key", "model");
        Map<String, BigDecimal> revenue = sums(attribution, "revenue_credit", "order_key", "model");
        assertThat(credit).hasSize(3 * 6);
        credit.forEach((k, sum) -> assertThat(sum).as(k).isEqualByComparingTo("1"));
        revenue.forEach((k, sum) -> assertThat(sum).as(k).isEqualByComparingTo(
                k.startsWith("ORD-X") ? "100" : k.startsWith("ORD-Y") ? "99.99" : "0.01"));
        // Each cell stays within a millionth of its exact share.
        for (Map<String, String> row : attribution) {
            if (row.get("order_key").equals("ORD-X") && row.get("model").equals("linear")) {
                assertThat(Double.parseDouble(row.get("credit"))).isBetween(0.333333, 0.333334);
                assertThat(Double.parseDouble(row.get("revenue_credit"))).isBetween(33.333333, 33.333334);
            }
        }
    }

    @Test
    void eachModelsWrittenRevenueSumsToTotalRevenueToTheCentOverManyConversions() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        // 10,000 orders of 100, each with three touchpoints: rounded alone, every linear third is 33.333333, and
        // the column summed 999,999.99 for 1,000,000.00 of revenue.
        int orders = 10_000;
        for (int i = 0; i < orders; i++) {
            String client = String.format("1740268798-%012d", i);
            q.view(client, "2025-03-01T10:00:00.000Z").view(client, "2025-03-02T10:00:00.000Z")
                    .view(client, "2025-03-03T10:00:00.000Z");
            q.purchase(client, "2025-03-03T10:05:00.000Z", "ORD-" + i, 100);
        }
        q.run();

        Map<String, BigDecimal> byModel = sums(q.read("attribution.csv"), "revenue_credit", "model");
        assertThat(byModel).hasSize(6);
        byModel.forEach((model, sum) -> assertThat(sum).as(model).isEqualByComparingTo("1000000"));
        Map<String, BigDecimal> channels = sums(q.read("channel_performance.csv"), "revenue", "model");
        channels.forEach((model, sum) -> assertThat(sum.setScale(2, java.math.RoundingMode.HALF_UP)).as(model)
                .isEqualByComparingTo("1000000"));
    }

    @Test
    void apportionGivesLeftoverUnitsToTheLargestRemaindersAndNothingToZeroShares() {
        long[] parts = new long[3];
        AttributionModel.apportion(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, 3, 1_000_000, parts);
        assertThat(parts).containsExactly(333_334, 333_333, 333_333);
        AttributionModel.apportion(new double[] {0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4}, 5, 1_000_000,
                parts = new long[5]);
        assertThat(parts).containsExactly(400_000, 66_667, 66_667, 66_666, 400_000);
        AttributionModel.apportion(new double[] {0.5, 0, 0.5}, 3, 1, parts = new long[3]);
        assertThat(parts).containsExactly(1, 0, 0);
        AttributionModel.apportion(new double[] {0.5, 0.5}, 2, 0, parts = new long[2]);
        assertThat(parts).containsExactly(0, 0);
    }
}
