package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.analysis.AnalysisResult.Kpis;
import com.puffy.pipeline.analysis.AnalysisResult.Segment;
import org.junit.jupiter.api.Test;

/** Figures as the report and the app show them: what does not exist reads "–", a measured nothing "0.0%". */
class ShownFiguresTest {
    @Test
    void aFigureOfNothingIsTheDashAndAMeasuredZeroIsAFigure() {
        Kpis noOrder = new Kpis(0, 0, 0, 0, 1_000, 0, 0, 0, 0.5, 0.9, 1_200, 0.1, Double.NaN, Double.NaN);
        assertThat(ShownFigures.averageOrder(noOrder)).isEqualTo("\u2013");
        assertThat(ShownFigures.medianOrder(noOrder)).isEqualTo("\u2013");
        assertThat(ShownFigures.conversionRate(noOrder)).isEqualTo("0.0%");
        assertThat(ShownFigures.timeToPurchase(noOrder)).isEqualTo("\u2013");
        Kpis noSession = new Kpis(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN);
        assertThat(ShownFigures.conversionRate(noSession)).isEqualTo("\u2013");
        assertThat(ShownFigures.botShare(noSession)).isEqualTo("\u2013");
        assertThat(ShownFigures.segmentRate(new Segment("device", "Tablet", 0, 0, 0, 0, 0, 0))).isEqualTo("\u2013");
        assertThat(ShownFigures.segmentRate(new Segment("device", "Tablet", 34, 0, 0, 0, 0, 0.017)))
                .isEqualTo("0.0%");
    }

    @Test
    void aPeriodOfOneDayIsThatDay() {
        assertThat(ShownFigures.period("2025-02-23", "2025-02-23")).isEqualTo("Feb 23, 2025");
        assertThat(ShownFigures.period("2025-02-23", "2025-03-08")).isEqualTo("Feb 23 \u2013 Mar 8, 2025");
        assertThat(ShownFigures.period("2024-12-30", "2025-01-02")).isEqualTo("Dec 30, 2024 \u2013 Jan 2, 2025");
        assertThat(ShownFigures.period("", "")).isEqualTo("No data");
    }

    @Test
    void theRowsLineCountsTheQualityStagesValidRowsOfItsRowsRead() {
        assertThat(ShownFigures.validRowsOfRowsRead(new AnalysisResult.Overview("2025-02-23", "2025-03-08", 14, 14, 15,
                14, 49_355, 47_978, 1_375, 2))).isEqualTo("47,978 valid events of 49,355 rows read");
        assertThat(ShownFigures.validRowsOfRowsRead(new AnalysisResult.Overview("2025-02-23", "2025-02-23", 1, 1, 1, 1,
                1, 1, 0, 0))).isEqualTo("1 valid event of 1 row read");
    }

    @Test
    void conversionBySegmentIsDrawnWhenASessionConvertedNotOverBarsOfNothing() {
        Segment mobile = new Segment("device", "Mobile", 120, 0, 0, 0, 0, 0.8);
        Segment desktop = new Segment("device", "Desktop", 30, 0, 0, 0, 0, 0.2);
        assertThat(ShownFigures.segmentChart(java.util.List.of(mobile, desktop)))
                .isEqualTo(ShownFigures.SegmentChart.NO_CONVERSION);
        assertThat(ShownFigures.segmentChart(java.util.List.of(mobile,
                new Segment("device", "Desktop", 30, 1, 1 / 30.0, 90, 3, 0.2))))
                .isEqualTo(ShownFigures.SegmentChart.DRAWN);
        assertThat(ShownFigures.segmentChart(java.util.List.of(new Segment("device", "Mobile", 0, 0, 0, 0, 0, 0))))
                .isEqualTo(ShownFigures.SegmentChart.NO_SESSIONS);
        assertThat(ShownFigures.segmentChart(java.util.List.of())).isEqualTo(ShownFigures.SegmentChart.NO_SESSIONS);
    }
}
