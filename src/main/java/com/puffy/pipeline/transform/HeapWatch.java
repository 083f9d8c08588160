package com.puffy.pipeline.transform;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap of this stage, for the figures in run.json (speed and memory are reported, never asserted). */
final class HeapWatch {
    private long sampled;

    HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        sample();
    }

    void sample() {
        Runtime runtime = Runtime.getRuntime();
        sampled = Math.max(sampled, runtime.totalMemory() - runtime.freeMemory());
    }

    /** The larger of the sampled use and the sum of each heap pool's peak since the stage began. */
    long peakMegabytes() {
        sample();
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                pools += pool.getPeakUsage().getUsed();
            }
        }
        return Math.max(sampled, pools) / (1024 * 1024);
    }
}
