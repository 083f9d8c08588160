package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The day axis Monitoring's chart and Analysis's daily charts share, without a window. */
class DayAxisTest {
    @Test
    void theDayAxisLabelsFewerDaysAsTheChartNarrowsSoLabelsStayLevel() {
        // A "Mar 10" label is about 40 px wide; labels need it plus a 10 px gap between them.
        assertThat(DayAxis.step(15, 1200, 40)).isEqualTo(1);
        assertThat(DayAxis.step(15, 560, 40)).isEqualTo(2);
        assertThat(DayAxis.step(15, 300, 40)).isEqualTo(3);
        assertThat(DayAxis.step(40, 560, 40)).isEqualTo(7);
        assertThat(DayAxis.step(90, 560, 40)).isEqualTo(14);
        // "Mar 9, 2025" takes more room than "Mar 9".
        assertThat(DayAxis.step(15, 560, 80)).isEqualTo(3);
    }

    @Test
    void labelsAreSpacedByTheDaysBetweenThemNotByHowManyThereAre() {
        // 14 days on the 250 px a daily chart's axis gets at a 1024 px window: 17.9 px a day, so a label every 3
        // days stands 53.6 px from the next, room for a 40 px label and its gap. Counting 5 labels into 250 px
        // (50 px each against a 56 px allowance) had fallen back to a label a week: two days named.
        assertThat(DayAxis.step(14, 250, 40)).isEqualTo(3);
        assertThat(DayAxis.step(14, 250, 46)).isEqualTo(7);
    }

    @Test
    void aDayIsItsEpochDayAndAnUnreadableOneIsNoDay() {
        assertThat(DayAxis.epochDay("1970-01-02")).isEqualTo(1);
        assertThat(DayAxis.epochDay("2025-13-01")).isEqualTo(Long.MIN_VALUE);
        assertThat(DayAxis.epochDay(null)).isEqualTo(Long.MIN_VALUE);
    }
}
