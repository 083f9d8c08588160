package com.puffy.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STICKY_REFERRER (decision 0403) on hand-written daily metrics: 14 healthy days whose share is 0.2-0.4 %. */
class StickyReferrerCheckTest {
    static final LocalDate D1 = LocalDate.of(2025, 3, 1);
    static final String METRIC = "non_landing_external_referrer_share";

    @TempDir
    Path dir;
    MonitorFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new MonitorFixture(dir, D1, 14);
    }

    private static LocalDate day(int n) {
        return D1.plusDays(n - 1);
    }

    private List<String> alertDates() throws Exception {
        return f.alerts("STICKY_REFERRER").stream().map(a -> a.get("date")).toList();
    }

    @Test
    void anEpisodeFiresOnceOnItsFirstDayWithTheFiguresAndWhatToDo() throws Exception {
        for (int d = 10; d <= 14; d++) {
            f.set(day(d), METRIC, 0.30);
        }
        f.set(day(12), METRIC, 0.35);
        f.run();
        assertThat(alertDates()).containsExactly("2025-03-10");
        Map<String, String> first = f.alerts("STICKY_REFERRER").get(0);
        assertThat(first.get("severity")).isEqualTo("WARNING");
        assertThat(first.get("metric")).isEqualTo(METRIC);
        assertThat(first.get("value")).isEqualTo("0.3");
        assertThat(first.get("message")).contains("30.0% of the events after a session's first event",
                "baseline median 0.3%", "+29.7 points", "on 5 days from 2025-03-10 to 2025-03-14 (up to 35.0%)",
                "non-direct channel");
        assertThat(first.get("suggested_action")).contains("owner of the site tag", "2025-03-10");
        List<Map<String, String>> incidents = f.read(MonitorStage.INCIDENTS).stream()
                .filter(i -> i.get("check").equals("STICKY_REFERRER")).toList();
        assertThat(incidents).singleElement().satisfies(i -> assertThat(i.get("first_date")).isEqualTo("2025-03-10"));
    }

    @Test
    void aSecondEpisodeAfterTheShareCameBackIsASecondAlert() throws Exception {
        f.set(day(8), METRIC, 0.25);
        f.set(day(9), METRIC, 0.25);
        f.set(day(13), METRIC, 0.40);
        f.run();
        // Day 13's baseline (days 6-12) holds two sticky days of seven: its median is still a healthy day's.
        assertThat(alertDates()).containsExactly("2025-03-08", "2025-03-13");
        assertThat(f.alerts("STICKY_REFERRER").get(0).get("message")).contains("on 2 days from 2025-03-08 to 2025-03-09");
    }

    @Test
    void aCleanSeriesRaisesNothing() throws Exception {
        f.run();
        assertThat(alertDates()).isEmpty();
    }

    @Test
    void aJumpBelowTheAbsoluteFloorStaysQuiet() throws Exception {
        // +9.5 points from a baseline of 0.3 %: under the 10 % floor.
        f.set(day(10), METRIC, 0.098);
        f.run();
        assertThat(alertDates()).isEmpty();
    }

    @Test
    void aShareAboveTheFloorButCloseToItsOwnHighBaselineStaysQuiet() throws Exception {
        // A shop whose later events often carry an external referrer (say a payment provider's) has a high baseline.
        for (int d = 1; d <= 14; d++) {
            f.set(day(d), METRIC, 0.12);
        }
        f.set(day(10), METRIC, 0.21);
        f.set(day(12), METRIC, 0.22);
        f.run();
        assertThat(alertDates()).containsExactly("2025-03-12");
        assertThat(f.alerts("STICKY_REFERRER").get(0).get("threshold")).isEqualTo("0.22");
    }

    @Test
    void noVerdictWithoutThreeBaselineDays() throws Exception {
        f.set(day(3), METRIC, 0.5);
        f.set(day(4), METRIC, 0.5);
        f.run();
        assertThat(alertDates()).containsExactly("2025-03-04");
    }

    @Test
    void aDayWithoutTheReferrerColumnIsNotBlamedOnTheTag() throws Exception {
        f.drift.add(List.of("events_20250310.csv", "2025-03-10", "MISSING", "referrer", "", "", 1, "", "", ""));
        f.set(day(10), METRIC, 0.5);
        f.run();
        assertThat(alertDates()).isEmpty();
    }

    @Test
    void aStickyTagStillThereAfterAReferrerGapIsNotASecondEpisode() throws Exception {
        f.drift.add(List.of("events_20250308.csv", "2025-03-08", "MISSING", "referrer", "", "", 3, "", "", ""));
        for (int d = 5; d <= 14; d++) {
            f.set(day(d), METRIC, d >= 8 && d <= 10 ? 0.0 : 0.30);
        }
        f.run();
        // Day 11's baseline is its days with a referrer column (day 4 healthy, 5-7 sticky), not the gap's zeros.
        assertThat(alertDates()).containsExactly("2025-03-05");
    }

    @Test
    void theThresholdsComeFromTheConfiguration() throws Exception {
        f.set(day(10), METRIC, 0.08);
        f.run();
        assertThat(alertDates()).isEmpty();
        f.configure("monitoring:\n  sticky_referrer_min_share: 0.05\n  sticky_referrer_jump_points: 5\n");
        f.run();
        assertThat(alertDates()).containsExactly("2025-03-10");
    }
}
