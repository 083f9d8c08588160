package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every tick of one axis with the decimals of the axis' step (decision 0824). */
class TickLabelsTest {
    @Test
    void aPercentAxisSteppingByATenthWritesOneDecimalOnEveryTick() {
        // The device chart's conversion axis read "0.9%, 1%, 1.1%".
        assertThat(ticks(0.8, 0.1, 4, v -> TickLabels.percent(v, 0.1)))
                .containsExactly("0.8%", "0.9%", "1.0%", "1.1%");
        assertThat(ticks(0, 0.25, 5, v -> TickLabels.percent(v, 0.25)))
                .containsExactly("0%", "0.25%", "0.50%", "0.75%", "1.00%");
        assertThat(ticks(0, 5, 4, v -> TickLabels.percent(v, 5))).containsExactly("0%", "5%", "10%", "15%");
    }

    @Test
    void countsKeepTheirGroupingAndTheStepsDecimals() {
        assertThat(ticks(0, 500, 5, v -> TickLabels.number(v, 500)))
                .containsExactly("0", "500", "1,000", "1,500", "2,000");
        assertThat(ticks(0, 0.5, 4, v -> TickLabels.number(v, 0.5))).containsExactly("0", "0.5", "1.0", "1.5");
        // 0.1 × 3 is a hair off 0.3 and −0.1 + 0.1 a hair off 0: neither shows.
        assertThat(ticks(-0.1, 0.1, 5, v -> TickLabels.number(v, 0.1)))
                .containsExactly("-0.1", "0", "0.1", "0.2", "0.3");
    }

    @Test
    void moneyInFullWritesCentsOnlyWhenTheStepHasThem() {
        // Formats.money writes cents under $100: "$0.00, $25.00, $50.00, $75.00, $100" on Monitoring's revenue.
        assertThat(ticks(0, 25, 5, v -> TickLabels.money(v, 25))).containsExactly("$0", "$25", "$50", "$75", "$100");
        assertThat(ticks(0, 2.5, 3, v -> TickLabels.money(v, 2.5))).containsExactly("$0", "$2.50", "$5.00");
        assertThat(TickLabels.money(-5000, 5000)).isEqualTo("-$5,000");
    }

    @Test
    void compactTicksTakeTheUnitOfTheAxisEnd() {
        assertThat(ticks(0, 0.5e9, 3, v -> TickLabels.compact(v, 0.5e9, 1e9, false)))
                .containsExactly("0", "0.5B", "1.0B");
        assertThat(ticks(-20_000, 10_000, 5, v -> TickLabels.compact(v, 10_000, 20_000, true)))
                .containsExactly("-$20k", "-$10k", "$0", "$10k", "$20k");
        // Under 10,000 in full: "$0.00k, $0.25k … $1.50k" on the channel chart of a small shop.
        assertThat(ticks(0, 250, 7, v -> TickLabels.compact(v, 250, 1500, true)))
                .containsExactly("$0", "$250", "$500", "$750", "$1,000", "$1,250", "$1,500");
    }

    @Test
    void everyAxisOfAnyStepWritesItsTicksWithOneNumberOfDecimalsAndItsZeroBare() {
        for (double step : new double[] {0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 25, 250, 2500,
                25_000, 250_000, 2_500_000}) {
            List<String> written = ticks(0, step, 9, v -> TickLabels.compact(v, step, 8 * step, true));
            assertThat(written.get(0)).isEqualTo("$0");
            assertThat(written.stream().skip(1).map(TickLabelsTest::decimals).distinct())
                    .as("step " + step + ": " + written).hasSize(1);
            List<String> percents = ticks(0, step, 9, v -> TickLabels.percent(v, step));
            assertThat(percents.get(0)).isEqualTo("0%");
            assertThat(percents.stream().skip(1).map(TickLabelsTest::decimals).distinct())
                    .as("step " + step + ": " + percents).hasSize(1);
        }
    }

    @Test
    void theZeroTickIsWrittenWithoutTheUnitAndDecimalsOfTheOthers() {
        // "$0k, $5k, $10k" and "0.0%, 0.5%, 1.0%" dressed the axis' origin in a unit and a precision (decision 0833).
        assertThat(ticks(0, 5_000, 3, v -> TickLabels.compact(v, 5_000, 10_000, true)))
                .containsExactly("$0", "$5k", "$10k");
        assertThat(ticks(0, 0.5e6, 3, v -> TickLabels.compact(v, 0.5e6, 1e6, false)))
                .containsExactly("0", "0.5M", "1.0M");
        assertThat(ticks(0, 0.5, 3, v -> TickLabels.percent(v, 0.5))).containsExactly("0%", "0.5%", "1.0%");
        assertThat(ticks(0, 0.25, 3, v -> TickLabels.money(v, 0.25))).containsExactly("$0", "$0.25", "$0.50");
        // A tick a rounding error off 0, on either side, is the zero; a small tick of its own is not.
        assertThat(TickLabels.percent(0.1 * 3 - 0.3, 0.1)).isEqualTo("0%");
        assertThat(TickLabels.compact(-1e-12, 5_000, 10_000, true)).isEqualTo("$0");
        assertThat(TickLabels.number(0.01, 0.01)).isEqualTo("0.01");
    }

    static int decimals(String label) {
        String digits = label.replaceAll("[^0-9.]", "");
        int point = digits.indexOf('.');
        return point < 0 ? 0 : digits.length() - point - 1;
    }

    private static List<String> ticks(double from, double step, int count,
                                      java.util.function.DoubleFunction<String> label) {
        return IntStream.range(0, count).mapToDouble(i -> from + i * step).mapToObj(label).toList();
    }
}
