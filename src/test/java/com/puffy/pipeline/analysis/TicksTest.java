package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Ticks.niceStep(25, 5, false)).isEqualTo(5);
        assertThat(Ticks.niceStep(1_000_000, 5, false)).isEqualTo(200_000);
        assertThat(Ticks.niceStep(7, 5, false)).isEqualTo(1);
        assertThat(Ticks.niceStep(0.12, 6, false)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Ticks.niceStep(90, 4, false)).isEqualTo(20);
    }

    @Test
    void countsStepByWholeNumbersOfAtLeastOne() {
        // Without the integer rule these would be 0.5 and 0.2: half an order on a small folder's chart.
        assertThat(Ticks.niceStep(3, 5, true)).isEqualTo(1);
        assertThat(Ticks.niceStep(1, 5, true)).isEqualTo(1);
        assertThat(Ticks.niceStep(12, 5, true)).isEqualTo(2);
        assertThat(Ticks.niceStep(25, 5, true)).isEqualTo(5);
    }
}
