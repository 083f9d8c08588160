package com.puffy.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {
    @Test
    void medianAndMadOfAnOddAndAnEvenSeries() {
        Baseline odd = Baseline.of(List.of(10.0, 12.0, 11.0, 50.0, 9.0));
        assertThat(odd.median()).isEqualTo(11.0);
        assertThat(odd.mad()).isEqualTo(1.0);
        Baseline even = Baseline.of(List.of(1.0, 2.0, 3.0, 4.0));
        assertThat(even.median()).isEqualTo(2.5);
        assertThat(even.mad()).isEqualTo(1.0);
    }

    @Test
    void zAndChangeFollowTheSpecFormulas() {
        Baseline b = Baseline.of(List.of(10.0, 12.0, 11.0, 50.0, 9.0));
        assertThat(b.z(14.0)).isCloseTo(3.0 / 1.4826, within(1e-9));
        assertThat(b.change(5.5)).isCloseTo(-0.5, within(1e-9));
    }

    @Test
    void aZeroMadMakesZInfiniteExceptAtTheMedianSoTheChangeDecides() {
        Baseline flat = Baseline.of(List.of(100.0, 100.0, 100.0));
        assertThat(flat.z(100.0)).isZero();
        assertThat(flat.z(101.0)).isInfinite().isPositive();
        assertThat(flat.isAnomaly(101.0, 3, 0.3)).isFalse();
        assertThat(flat.isAnomaly(140.0, 3, 0.3)).isTrue();
        assertThat(flat.upperBound(3, 0.3)).isEqualTo(130.0);
    }

    @Test
    void aZeroMedianGivesAnInfiniteChangeForAnyOtherValue() {
        Baseline zero = Baseline.of(List.of(0.0, 0.0, 0.0));
        assertThat(zero.change(0.0)).isZero();
        assertThat(zero.change(3.0)).isInfinite();
    }

    @Test
    void boundsAreTheStricterOfTheTwoConditions() {
        Baseline b = Baseline.of(List.of(90.0, 100.0, 110.0));
        // sigma = 1.4826 * 10; 3 sigma = 44.5 > 30 % of 100
        assertThat(b.lowerBound(3, 0.3)).isCloseTo(100 - 44.478, within(1e-9));
        assertThat(b.isAnomaly(60.0, 3, 0.3)).isFalse();
        assertThat(b.isAnomaly(55.0, 3, 0.3)).isTrue();
    }
}
