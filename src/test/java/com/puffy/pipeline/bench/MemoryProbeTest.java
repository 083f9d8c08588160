package com.puffy.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

class MemoryProbeTest {
    private static final int MIB = 1 << 20;

    @Test
    void heapAfterCollectionCountsWhatTheWorkStillHolds() {
        MemoryProbe probe = new MemoryProbe();
        probe.reset();
        byte[][] held = allocate(128);
        System.gc();
        probe.settle();

        assertThat(probe.collections()).isPositive();
        assertThat(probe.largestHeapAfterCollectionBytes()).isPresent();
        assertThat(probe.largestHeapAfterCollectionBytes().getAsLong()).isGreaterThanOrEqualTo(128L * MIB);
        Reference.reachabilityFence(held);
    }

    @Test
    void resetForgetsWhatEarlierWorkHeld() {
        MemoryProbe probe = new MemoryProbe();
        probe.reset();
        byte[][] held = allocate(128);
        System.gc();
        probe.settle();
        long whileHeld = probe.largestHeapAfterCollectionBytes().orElseThrow();
        Reference.reachabilityFence(held);
        held = null;

        probe.reset();
        System.gc();
        probe.settle();

        assertThat(probe.largestHeapAfterCollectionBytes().orElseThrow()).isLessThan(whileHeld - 64L * MIB);
    }

    private static byte[][] allocate(int mebibytes) {
        byte[][] blocks = new byte[mebibytes][];
        for (int i = 0; i < mebibytes; i++) {
            blocks[i] = new byte[MIB];
            blocks[i][i] = 1;
        }
        return blocks;
    }
}
