package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void percentReadsZeroOrAHundredOnlyWhenItIsExactlySo() {
        assertThat(Fmt.percent(0)).isEqualTo("0%");
        assertThat(Fmt.percent(1)).isEqualTo("100%");
        assertThat(Fmt.percent(0.0004)).isEqualTo("<0.1%");
        assertThat(Fmt.percent(0.996)).isEqualTo("99.6%");
        assertThat(Fmt.percent(0.9999)).isEqualTo(">99.9%");
        assertThat(Fmt.percent(0.994)).isEqualTo("99%");
        assertThat(Fmt.percent(0.34)).isEqualTo("34%");
        assertThat(Fmt.percent(0.008)).isEqualTo("0.8%");
    }

    @Test
    void rateReadsZeroOrAHundredOnlyWhenItIsExactlySo() {
        assertThat(Fmt.rate(0)).isEqualTo("0.0%");
        assertThat(Fmt.rate(0.0084)).isEqualTo("0.84%");
        assertThat(Fmt.rate(0.00001)).isEqualTo("<0.01%");
        assertThat(Fmt.rate(0.99999)).isEqualTo(">99.9%");
        assertThat(Fmt.rate(1)).isEqualTo("100.0%");
    }

    @Test
    void oneDecimalPercentTellsCloseSharesApart() {
        assertThat(Fmt.percentOneDecimal(0.344)).isEqualTo("34.4%");
        assertThat(Fmt.percentOneDecimal(0.338)).isEqualTo("33.8%");
    }
}
