package com.puffy.pipeline.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The revenue axes' labels: dollars, thousands, millions, each readable at a glance. */
class MoneyTickTest {
    @Test
    void aMillionAndMoreIsWrittenInMillionsNotThousandsOfThousands() {
        // A 5M-event folder's days took $2.25M; the axis read "$2250k".
        assertThat(AnalysisScreen.moneyTick(2_250_000)).isEqualTo("$2.25M");
        assertThat(AnalysisScreen.moneyTick(2_000_000)).isEqualTo("$2M");
        assertThat(AnalysisScreen.moneyTick(1_500_000)).isEqualTo("$1.5M");
        assertThat(AnalysisScreen.moneyTick(999_000)).isEqualTo("$999k");
        assertThat(AnalysisScreen.moneyTick(22_500)).isEqualTo("$22.5k");
        assertThat(AnalysisScreen.moneyTick(250)).isEqualTo("$250");
        assertThat(AnalysisScreen.moneyTick(0)).isEqualTo("$0");
    }
}
