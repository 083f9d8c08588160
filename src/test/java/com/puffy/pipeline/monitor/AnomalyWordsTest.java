package com.puffy.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an anomaly alert says about its baseline (decision 0680): z while it means something, the baseline days' own
 * figures when they barely vary, are all alike or are only one.
 */
class AnomalyWordsTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 6);

    private static String words(double value, List<Double> baselineDays, boolean money) {
        Baseline baseline = Baseline.of(baselineDays);
        return new Anomaly(DAY, "events", value, baseline, true).describe(money ? "revenue" : "events", money);
    }

    @Test
    void aBaselineOfIdenticalDaysSaysSoWithTheirValueInsteadOfAnInfiniteZ() {
        assertThat(words(1200, List.of(3465.0, 3465.0, 3465.0, 3465.0, 3465.0), false))
                .isEqualTo("events 1,200 vs 3,465 on each of the 5 baseline days with data (−65%)");
    }

    @Test
    void aBaselineThatBarelyVariesGivesItsSpreadInEventsNotAZOfHundreds() {
        // MAD 1: the bare z is about −1,500.
        List<Double> days = List.of(3465.0, 3463.0, 3465.0, 3468.0, 3465.0, 3464.0, 3466.0);
        assertThat(Baseline.of(days).z(1200)).isLessThan(-1000);
        assertThat(words(1200, days, false)).isEqualTo("events 1,200 vs a baseline median of 3,465 over 7 days with "
                + "data (−65%; every one of those days within ±3 of it)");
    }

    @Test
    void aTinyMadBesideOutlyingDaysGivesTheRangeSinceNotEveryDayIsClose() {
        // The days of /tmp/pq-g14 before Mar 6: most at 3,465, three far off; MAD 3 made "z = −509".
        List<Double> days = List.of(3463.0, 3077.0, 2974.0, 3815.0, 3468.0, 3463.0, 3465.0);
        assertThat(words(1200, days, false)).isEqualTo("events 1,200 vs a baseline median of 3,463 over 7 days with "
                + "data (−65%; those days ranged from 2,974 to 3,815)").doesNotContain("z =");
    }

    @Test
    void oneBaselineDayIsNamedAsOneDayNotAsDaysThatWereAllEqual() {
        assertThat(words(1200, List.of(3465.0), false))
                .isEqualTo("events 1,200 vs 3,465 on the only baseline day with data (−65%)");
    }

    @Test
    void aBaselineWithAnOrdinarySpreadKeepsItsZ() {
        List<Double> days = List.of(2800.0, 3000.0, 3200.0, 2900.0, 3100.0);
        assertThat(words(1900, days, false)).isEqualTo("events 1,900 vs a baseline median of 3,000 over 5 days with "
                + "data (−37%, z = −7.4)");
    }

    @Test
    void revenueIsWrittenInDollarsAsTheReportWritesIt() {
        assertThat(words(31213.98, List.of(15038.99, 16000.0, 14000.0, 12500.0, 18000.0), true))
                .startsWith("revenue $31,214 vs a baseline median of $15,039 over 5 days with data (+108%");
        assertThat(words(31213.98, List.of(20000.0, 20000.0, 20000.0), true))
                .isEqualTo("revenue $31,214 vs $20,000 on each of the 3 baseline days with data (+56%)");
    }
}
