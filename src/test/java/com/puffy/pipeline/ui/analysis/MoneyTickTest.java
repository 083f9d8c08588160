package com.puffy.pipeline.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** The revenue and funnel axes' labels: dollars, thousands, millions, each readable at a glance and alike. */
class MoneyTickTest {
    @Test
    void aMillionAndMoreIsWrittenInMillionsNotThousandsOfThousands() {
        // A 5M-event folder's days took $2.25M; the axis read "$2250k".
        assertThat(AnalysisScreen.moneyTick(2_250_000, 250_000, 2_500_000)).isEqualTo("$2.25M");
        assertThat(AnalysisScreen.moneyTick(22_500, 2_500, 25_000)).isEqualTo("$22.5k");
        assertThat(AnalysisScreen.moneyTick(250, 50, 300)).isEqualTo("$250");
    }

    @Test
    void theTicksOfOneAxisShareTheirUnitAndDecimals() {
        // Each label in its own unit and decimals read "$0, $500k, $1M, $1.5M"; the zero alone stays bare (0833).
        assertThat(ticks(500_000, 1_500_000, true)).containsExactly("$0", "$0.5M", "$1.0M", "$1.5M");
        assertThat(ticks(2_500, 12_500, true)).containsExactly("$0", "$2.5k", "$5.0k", "$7.5k", "$10.0k", "$12.5k");
        assertThat(ticks(5_000, 20_000, true)).containsExactly("$0", "$5k", "$10k", "$15k", "$20k");
        // The funnel: "950" beside "1.5k" were two scales on one axis.
        assertThat(ticks(500, 2_000, false)).containsExactly("0", "500", "1,000", "1,500", "2,000");
        assertThat(ticks(5_000, 25_000, false)).containsExactly("0", "5k", "10k", "15k", "20k", "25k");
        assertThat(ticks(200, 800, false)).containsExactly("0", "200", "400", "600", "800");
    }

    private static List<String> ticks(double step, double top, boolean money) {
        return DoubleStream.iterate(0, v -> v <= top + step / 2, v -> v + step)
                .mapToObj(v -> money ? AnalysisScreen.moneyTick(v, step, top) : AnalysisScreen.sessionsTick(v, step,
                        top)).toList();
    }
}
