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
}
