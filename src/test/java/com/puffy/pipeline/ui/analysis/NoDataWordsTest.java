package com.puffy.pipeline.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoDataWordsTest {
    @Test
    void thePeriodLineNamesUpToFourDaysWithoutDataAndCountsTheRest() {
        assertThat(AnalysisScreen.noDataWords(List.of(), false)).isEmpty();
        assertThat(AnalysisScreen.noDataWords(List.of("2025-03-01"), false)).isEqualTo(" · no data on Mar 1");
        assertThat(AnalysisScreen.noDataWords(List.of("2025-03-01", "2025-03-02", "2025-03-05", "2025-03-09"), false))
                .isEqualTo(" · no data on Mar 1, Mar 2, Mar 5, Mar 9");
        assertThat(AnalysisScreen.noDataWords(List.of("2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02",
                "2025-01-03"), true)).isEqualTo(" · no data on Dec 30, 2024, Dec 31, 2024, Jan 1, 2025 and 2 more days");
    }
}
