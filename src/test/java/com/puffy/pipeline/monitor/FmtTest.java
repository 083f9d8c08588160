package com.puffy.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void aCountAgreesWithItsNoun() {
        assertThat(Fmt.num(1.0, "order", "orders")).isEqualTo("1 order");
        assertThat(Fmt.num(0.0, "order", "orders")).isEqualTo("0 orders");
        assertThat(Fmt.num(2.0, "order", "orders")).isEqualTo("2 orders");
        assertThat(Fmt.num(1_234.0, "order", "orders")).isEqualTo("1,234 orders");
        assertThat(Fmt.num(1.5, "order", "orders")).isEqualTo("1.50 orders");
    }

    @Test
    void aShareReadsNoneOrAllOnlyWhenItIsExactlySo() {
        assertThat(Fmt.pct(0)).isEqualTo("0.0%");
        assertThat(Fmt.pct(1)).isEqualTo("100.0%");
        assertThat(Fmt.pct(0.0004)).isEqualTo("<0.1%");
        assertThat(Fmt.pct(0.9996)).isEqualTo(">99.9%");
        assertThat(Fmt.pct(0.158)).isEqualTo("15.8%");
    }

    @Test
    void aMedianOfCountsKeepsAtMostOneDecimal() {
        assertThat(Fmt.count(19.5)).isEqualTo("19.5");
        assertThat(Fmt.count(20)).isEqualTo("20");
        assertThat(Fmt.count(1234.5)).isEqualTo("1,235");
    }

    @Test
    void dollarsAreWholeFromAHundredWithTheMinusBeforeTheSign() {
        assertThat(Fmt.dollars(31213.98)).isEqualTo("$31,214");
        assertThat(Fmt.dollars(12.5)).isEqualTo("$12.50");
        assertThat(Fmt.dollars(-45.0)).isEqualTo("−$45.00");
        assertThat(Fmt.dollars(-0.001)).isEqualTo("$0.00");
    }

    @Test
    void aConversionRateAndItsMoveKeepTheSecondDecimalUnderTenPercent() {
        assertThat(Fmt.rate(0.017131)).isEqualTo("1.71%");
        assertThat(Fmt.rate(0.125)).isEqualTo("12.5%");
        assertThat(Fmt.ratePoints(0.017131 - 0.008399)).isEqualTo("+0.87 points");
        assertThat(Fmt.ratePoints(-0.0062)).isEqualTo("−0.62 points");
        assertThat(Fmt.ratePoints(0.00001)).isEqualTo("±0.00 points");
    }
}
