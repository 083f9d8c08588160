package com.puffy.pipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DayGapsTest {
    @Test
    void theDaysBetweenTheFirstAndLastWithoutARowAreMissing() {
        assertThat(DayGaps.missingDays(List.of("2025-02-27", "2025-03-02", "2025-02-28", "2025-03-04")))
                .containsExactly("2025-03-01", "2025-03-03");
    }

    @Test
    void consecutiveDaysUnreadableDatesAndNoDatesMissNothing() {
        assertThat(DayGaps.missingDays(List.of("2025-02-28", "2025-03-01", "", "not a date"))).isEmpty();
        assertThat(DayGaps.missingDays(List.of())).isEmpty();
        assertThat(DayGaps.missingDays(List.of("2025-03-01"))).isEmpty();
    }
}
