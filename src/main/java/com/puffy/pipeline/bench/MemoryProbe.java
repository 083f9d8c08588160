package com.puffy.pipeline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak memory of a piece of work: the heap pools' peak usage since {@link #reset()}, the largest heap left in use
 * right after a garbage collection, and the process's peak resident set ({@code VmHWM} of /proc/self/status, reset
 * through /proc/self/clear_refs where the kernel allows it).
 *
 * <p>The peak usage counts garbage the collector had not yet needed to reclaim: with a large maximum heap G1 lets
 * its young generation grow, so that figure says more about the collector's room than about the work. The heap
 * after a collection is what the work still held; it is the figure a heap limit has to cover.
 */
public final class MemoryProbe {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final AtomicLong largestAfterCollection = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    /** Notifications received since listening began, to know when those of past collections have all arrived. */
    private final AtomicLong notified = new AtomicLong();
    private long collectionsBeforeListening;
    private boolean rssReset;
    private boolean listening;

    /** Starts a measurement: forgets earlier peaks. */
    public void reset() {
        listenToCollections();
        settle();
        largestAfterCollection.set(0);
        collections.set(0);
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

    /**
     * The largest heap in use right after a collection since {@link #reset()}, in bytes; empty when no collection
     * ran. Notifications arrive on a JMX thread shortly after each collection, so call {@link #settle()} first.
     */
    public OptionalLong largestHeapAfterCollectionBytes() {
        return collections.get() == 0 ? OptionalLong.empty() : OptionalLong.of(largestAfterCollection.get());
    }

    /** Collections seen since {@link #reset()}. */
    public int collections() {
        return collections.get();
    }

    /** Waits briefly for notifications of collections that have already happened. */
    public void settle() {
        long seen = totalCollectionCount();
        long deadline = System.nanoTime() + 500_000_000L;
        while (countedSinceListening() < seen && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long countedSinceListening() {
        return collectionsBeforeListening + notified.get();
    }

    private static long totalCollectionCount() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    private synchronized void listenToCollections() {
        if (listening) {
            return;
        }
        listening = true;
        collectionsBeforeListening = totalCollectionCount();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        NotificationListener listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            long used = 0;
            for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                MemoryUsage usage = entry.getValue();
                if (heapPools.contains(entry.getKey()) && usage != null) {
                    used += usage.getUsed();
                }
            }
            largestAfterCollection.accumulateAndGet(used, Math::max);
            collections.incrementAndGet();
            notified.incrementAndGet();
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
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
