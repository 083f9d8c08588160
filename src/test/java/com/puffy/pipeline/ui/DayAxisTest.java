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
    void labelsFourWeeksApartOrMoreStandOnTheFirstDaysOfMonths() {
        // 120 days from Jan 10 on a 300 px axis (a daily chart's at a 1024 px window): a label every 28 days from the first read "Jan 10, Feb 7, Mar 7,
        // Apr 4, May 2", days that mean nothing; as the report's month ticks, the months' first days.
        long jan10 = java.time.LocalDate.of(2025, 1, 10).toEpochDay();
        long may9 = java.time.LocalDate.of(2025, 5, 9).toEpochDay();
        assertThat(DayAxis.tickDays(jan10, may9, 300, 40)).extracting(d -> java.time.LocalDate.ofEpochDay(d)
                .toString()).containsExactly("2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01");
        // A year and a half in 600 px: a label every third month of the calendar.
        long dec31 = java.time.LocalDate.of(2025, 12, 31).toEpochDay();
        assertThat(DayAxis.tickDays(java.time.LocalDate.of(2024, 7, 3).toEpochDay(), dec31, 600, 40))
                .extracting(d -> java.time.LocalDate.ofEpochDay(d).toString())
                .containsExactly("2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01");
        // Labels closer than four weeks still count days from the first.
        assertThat(DayAxis.tickDays(jan10, jan10 + 89, 560, 40)).first().isEqualTo(jan10);
        assertThat(DayAxis.tickDays(jan10, jan10 + 13, 250, 40)).containsExactly(jan10, jan10 + 3, jan10 + 6,
                jan10 + 9, jan10 + 12);
    }

    @Test
    void aDayIsItsEpochDayAndAnUnreadableOneIsNoDay() {
        assertThat(DayAxis.epochDay("1970-01-02")).isEqualTo(1);
        assertThat(DayAxis.epochDay("2025-13-01")).isEqualTo(Long.MIN_VALUE);
        assertThat(DayAxis.epochDay(null)).isEqualTo(Long.MIN_VALUE);
    }
}
