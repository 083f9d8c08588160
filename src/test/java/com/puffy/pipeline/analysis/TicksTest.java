package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void stepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertThat(Ticks.niceStep(25, 5, false)).isEqualTo(5);
        assertThat(Ticks.niceStep(1_000_000, 5, false)).isEqualTo(200_000);
        assertThat(Ticks.niceStep(7, 5, false)).isEqualTo(1);
        assertThat(Ticks.niceStep(0.12, 6, false)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        // 0 to 100 in four steps of 25 rather than five of 20 for "about four".
        assertThat(Ticks.niceStep(90, 4, false)).isEqualTo(25);
        assertThat(Ticks.niceStep(1_200_000, 5, false)).isEqualTo(250_000);
        assertThat(Ticks.niceStep(0.12, 4, false)).isCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theAxisEndsAtTheFirstStepAtOrAboveTheMaximum() {
        assertThat(Ticks.axisTop(3_760_000, 1_000_000)).isEqualTo(4_000_000);
        assertThat(Ticks.axisTop(999, 200)).isEqualTo(1000);
        assertThat(Ticks.axisTop(1000, 200)).isEqualTo(1000);
        assertThat(Ticks.axisTop(1001, 200)).isEqualTo(1200);
        assertThat(Ticks.axisTop(0.3, 0.1)).isGreaterThanOrEqualTo(0.3).isLessThan(0.4);
        assertThat(Ticks.axisTop(0.37, 0.1)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Ticks.axisTop(0.7, 0.1)).isGreaterThanOrEqualTo(0.7).isLessThan(0.8);
        for (double max = 0.01; max < 1e7; max *= 1.37) {
            for (boolean integer : new boolean[] {true, false}) {
                double step = Ticks.niceStep(max, 5, integer);
                double top = Ticks.axisTop(max, step);
                assertThat(top).as("top for %s", max).isGreaterThanOrEqualTo(max);
                assertThat(top - step).as("one step below the top for %s", max).isLessThan(max);
            }
        }
    }

    @Test
    void countsStepByWholeNumbersOfAtLeastOne() {
        // Without the integer rule these would be 0.5 and 0.2: half an order on a small folder's chart.
        assertThat(Ticks.niceStep(3, 5, true)).isEqualTo(1);
        assertThat(Ticks.niceStep(1, 5, true)).isEqualTo(1);
        assertThat(Ticks.niceStep(12, 5, true)).isEqualTo(2);
        assertThat(Ticks.niceStep(25, 5, true)).isEqualTo(5);
        assertThat(Ticks.niceStep(14, 5, true)).isEqualTo(2);
        assertThat(Ticks.niceStep(120, 5, true)).isEqualTo(25);
    }

    @Test
    void monthStartsAreTheFirstDaysOfCalendarMonthsInTheSpan() {
        java.time.LocalDate jan10 = java.time.LocalDate.of(2025, 1, 10);
        assertThat(Ticks.monthStarts(jan10, java.time.LocalDate.of(2025, 5, 9), 1)).extracting(Object::toString)
                .containsExactly("2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01");
        assertThat(Ticks.monthStarts(java.time.LocalDate.of(2025, 2, 1), java.time.LocalDate.of(2025, 3, 1), 1))
                .extracting(Object::toString).containsExactly("2025-02-01", "2025-03-01");
        // Every third month of the calendar, not every third from the first: quarters.
        assertThat(Ticks.monthStarts(java.time.LocalDate.of(2024, 11, 20), java.time.LocalDate.of(2025, 12, 24), 3))
                .extracting(Object::toString).containsExactly("2025-01-01", "2025-04-01", "2025-07-01",
                        "2025-10-01");
        assertThat(Ticks.monthStarts(jan10, java.time.LocalDate.of(2025, 1, 31), 1)).isEmpty();
    }
}
