package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The day axis Monitoring's chart and Analysis's daily charts share, without a window. */
class DayAxisTest {
    @Test
    void theDayAxisLabelsFewerDaysAsTheChartNarrowsSoLabelsStayLevel() {
        assertThat(DayAxis.step(15, 1200, false)).isEqualTo(1);
        assertThat(DayAxis.step(15, 560, false)).isEqualTo(2);
        assertThat(DayAxis.step(15, 300, false)).isEqualTo(3);
        assertThat(DayAxis.step(40, 560, false)).isEqualTo(7);
        assertThat(DayAxis.step(90, 560, false)).isEqualTo(14);
        // "Mar 9, 2025" takes more room than "Mar 9".
        assertThat(DayAxis.step(15, 560, true)).isEqualTo(3);
    }

    @Test
    void aDayIsItsEpochDayAndAnUnreadableOneIsNoDay() {
        assertThat(DayAxis.epochDay("1970-01-02")).isEqualTo(1);
        assertThat(DayAxis.epochDay("2025-13-01")).isEqualTo(Long.MIN_VALUE);
        assertThat(DayAxis.epochDay(null)).isEqualTo(Long.MIN_VALUE);
    }
}
