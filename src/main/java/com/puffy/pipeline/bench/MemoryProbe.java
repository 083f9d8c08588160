package com.puffy.pipeline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Peak memory of a piece of work: the heap pools' peak usage since {@link #reset()}, and the process's peak resident
 * set ({@code VmHWM} of /proc/self/status, reset through /proc/self/clear_refs where the kernel allows it).
 */
public final class MemoryProbe {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private boolean rssReset;

    /** Starts a measurement: forgets earlier peaks. */
    public void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
        try {
            // "5" resets the peak RSS (Linux 4.0+); without it VmHWM is the peak since the process started.
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            rssReset = true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            rssReset = false;
        }
    }

    /** Sum of the heap pools' peak usage since {@link #reset()}, in bytes. */
    public long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Peak resident set size of the process in bytes, when /proc tells it. */
    public OptionalLong peakRssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Whether {@link #peakRssBytes()} counts from the last reset (true) or from the process start (false). */
    public boolean rssSinceReset() {
        return rssReset;
    }

    public static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
