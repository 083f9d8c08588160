package com.puffy.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TyposTest {
    @Test
    void aSwapOfNeighboursIsOneEditAsAMissingOrWrongLetterIs() {
        assertThat(Typos.editDistance("vaildate", "validate")).isEqualTo(1);
        assertThat(Typos.editDistance("Paid Socail", "Paid Social")).isEqualTo(1);
        assertThat(Typos.editDistance("valdate", "validate")).isEqualTo(1);
        assertThat(Typos.editDistance("session_timeout_minutes", "session_gap_minutes")).isEqualTo(7);
        assertThat(Typos.editDistance("run", "run")).isZero();
        assertThat(Typos.editDistance("", "run")).isEqualTo(3);
    }
}
