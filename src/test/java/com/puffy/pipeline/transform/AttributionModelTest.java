package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AttributionModelTest {
    private static final double HALF_LIFE = 7 * Times.DAY_MS;
    private static final long PURCHASE = 1_000_000_000_000L;

    /** Touchpoints starting the given hours before the purchase, flagged Direct where given. */
    private static AttributionModel.Touchpoints touchpoints(double[] hoursBefore, boolean... direct) {
        AttributionModel.Touchpoints t = new AttributionModel.Touchpoints();
        t.clear(PURCHASE, HALF_LIFE);
        for (int i = 0; i < hoursBefore.length; i++) {
            t.add(i, PURCHASE - (long) (hoursBefore[i] * 3_600_000L), direct.length > i && direct[i]);
        }
        return t;
    }

    private static double[] credit(AttributionModel model, AttributionModel.Touchpoints t) {
        double[] credit = new double[t.count];
        model.credit(t, credit);
        return credit;
    }

    @Test
    void positionBasedGivesAllToOneTouchpoint() {
        assertThat(credit(AttributionModel.POSITION_BASED, touchpoints(new double[] {5}))).containsExactly(1.0);
    }

    @Test
    void positionBasedSplitsTwoTouchpointsFiftyFifty() {
        assertThat(credit(AttributionModel.POSITION_BASED, touchpoints(new double[] {50, 5}))).containsExactly(0.5, 0.5);
    }

    @Test
    void positionBasedGivesFortyFortyAndSharesTwentyAmongFiveTouchpointsMiddle() {
        double[] credit = credit(AttributionModel.POSITION_BASED, touchpoints(new double[] {100, 80, 60, 40, 20}));
        assertThat(credit).containsExactly(new double[] {0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4}, within(1e-12));
        assertThat(Arrays.stream(credit).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void timeDecayHalvesTheWeightPerHalfLifeAndNormalizes() {
        // Touchpoints 7 days, 3.5 days and 0 days before: weights 0.5, 0.5^0.5 and 1.
        double[] credit = credit(AttributionModel.TIME_DECAY, touchpoints(new double[] {168, 84, 0}));
        double total = 0.5 + Math.sqrt(0.5) + 1;
        assertThat(credit).containsExactly(new double[] {0.5 / total, Math.sqrt(0.5) / total, 1 / total}, within(1e-12));
        assertThat(credit[2] / credit[0]).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void lastNonDirectTakesTheLatestNonDirectTouchpoint() {
        double[] credit = credit(AttributionModel.LAST_NON_DIRECT, touchpoints(new double[] {30, 20, 10}, false, false, true));
        assertThat(credit).containsExactly(0.0, 1.0, 0.0);
    }

    @Test
    void lastNonDirectFallsBackToTheLastTouchpointWhenAllAreDirect() {
        double[] credit = credit(AttributionModel.LAST_NON_DIRECT, touchpoints(new double[] {30, 20, 10}, true, true, true));
        assertThat(credit).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void firstLastAndLinear() {
        AttributionModel.Touchpoints t = touchpoints(new double[] {30, 20, 10, 0});
        assertThat(credit(AttributionModel.FIRST_CLICK, t)).containsExactly(1.0, 0.0, 0.0, 0.0);
        assertThat(credit(AttributionModel.LAST_CLICK, t)).containsExactly(0.0, 0.0, 0.0, 1.0);
        assertThat(credit(AttributionModel.LINEAR, t)).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void everyModelsCreditsSumToOne() {
        AttributionModel.Touchpoints t = touchpoints(new double[] {160, 90, 33, 12, 1, 0}, true, false, true, false, true, true);
        for (AttributionModel model : AttributionModel.values()) {
            assertThat(Arrays.stream(credit(model, t)).sum()).as(model.id()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void modelIdsAreTheSpecNames() {
        assertThat(Arrays.stream(AttributionModel.values()).map(AttributionModel::id)).containsExactly(
                "first_click", "last_click", "last_non_direct", "linear", "position_based", "time_decay");
    }
}
