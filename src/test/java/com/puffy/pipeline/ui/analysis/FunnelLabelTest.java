package com.puffy.pipeline.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.analysis.AnalysisResult.FunnelStep;
import org.junit.jupiter.api.Test;

/** The funnel chart's step labels write a rate as the report's funnel table does. */
class FunnelLabelTest {
    @Test
    void aStepOfAFunnelThatNoSessionBeganHasNoRateFromTheStart() {
        // The report's table reads "–" there; the label read "0.0%", a measured rate of nothing.
        FunnelStep purchased = new FunnelStep("purchase", "Purchased", 0, 0, 0, 0, 0);
        assertThat(AnalysisScreen.funnelLabel(purchased, 0)).isEqualTo("Purchased\n0 · \u2013");
        FunnelStep some = new FunnelStep("purchase", "Purchased", 283, 0.366, 0.0099, 465, 0.634);
        assertThat(AnalysisScreen.funnelLabel(some, 28_505)).isEqualTo("Purchased\n283 · 0.99%");
    }
}
