package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures the debug probe logs (decision 0826): what it counts and how it summarises the waits. */
class FxLatencyProbeTest {

    @Test
    void waitsAreSummarisedAsCountMedianNinetyFifthPercentileAndLongestInMilliseconds() {
        List<Long> nanos = new ArrayList<>();
        for (long millis = 1; millis <= 100; millis++) {
            nanos.add(millis * 1_000_000);
        }
        assertThat(FxLatencyProbe.Waits.summary(nanos)).isEqualTo("n=100 p50=50.0ms p95=95.0ms max=100.0ms");
        assertThat(FxLatencyProbe.Waits.summary(List.of(2_500_000L))).isEqualTo("n=1 p50=2.5ms p95=2.5ms max=2.5ms");
        assertThat(FxLatencyProbe.Waits.summary(List.of())).isEqualTo("n=0");
    }

    @Test
    void aTimedUpdateRunsTheUpdateAndIsCountedOnceAsPostedAndOnceAsWaitedWhenItRuns() {
        FxLatencyProbe probe = new FxLatencyProbe();
        List<String> ran = new ArrayList<>();
        Runnable first = probe.timed(() -> ran.add("first"));
        probe.timed(() -> ran.add("second"));
        assertThat(probe.postedSinceLastSecond()).isEqualTo(2);
        assertThat(probe.postWaitsSinceLastSecond()).isEqualTo("n=0");

        first.run();

        assertThat(ran).containsExactly("first");
        assertThat(probe.postWaitsSinceLastSecond()).startsWith("n=1 ");
    }

    @Test
    void theFxThreadsCpuTimeIsNotGuessedBeforeTheProbeKnowsTheFxThread() {
        // Off the FX thread and before a probe has run there, the time would be another thread's: none is given.
        assertThat(new FxLatencyProbe().fxCpuMillis()).isEqualTo(-1);
    }

    @Test
    void offByDefaultSoTheAppWrapsNothing() {
        assertThat(System.getProperty(FxLatencyProbe.PROPERTY)).isNull();
        assertThat(FxLatencyProbe.startIfEnabled()).isNull();
        assertThat(FxLatencyProbe.installed()).isNull();
    }
}
