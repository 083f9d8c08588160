package com.puffy.pipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void oneTakesTheSingularEveryOtherCountThePlural() {
        assertThat(Words.count(1, "conversion", "conversions")).isEqualTo("1 conversion");
        assertThat(Words.count(0, "conversion", "conversions")).isEqualTo("0 conversions");
        assertThat(Words.count(2, "exact copy", "exact copies")).isEqualTo("2 exact copies");
        assertThat(Words.count(1_234_567, "day", "days")).isEqualTo("1,234,567 days");
    }
}
