package com.puffy.pipeline.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code -Deventpipe.fxprobe=true}, the log says each second how late the FX thread answers: how many updates
 * the other threads posted to it, how long they waited for it, how long a probe posted every 100 ms waited, and the
 * longest gap between two pulses. Keys that switched screens seconds late during a run were never traced (decision
 * 0826); this is how they were measured. Off, nothing is wrapped and no thread is started.
 */
final class FxLatencyProbe {
    private static final Logger LOG = LoggerFactory.getLogger(FxLatencyProbe.class);
    static final String PROPERTY = "eventpipe.fxprobe";

    private final AtomicLong posted = new AtomicLong();
    private final Waits postWaits = new Waits();
    private final Waits probeWaits = new Waits();
    private final Waits pulseGaps = new Waits();
    private long lastPulseNanos;
    private final AtomicLong oldestUnanswered = new AtomicLong();
    private volatile Thread fxThread;

    private static volatile FxLatencyProbe installed;

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The probe when the property is set, started; null otherwise. */
    static FxLatencyProbe startIfEnabled() {
        if (!enabled()) {
            return null;
        }
        FxLatencyProbe probe = new FxLatencyProbe();
        installed = probe;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventpipe-fxprobe");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            long sent = System.nanoTime();
            probe.oldestUnanswered.compareAndSet(0, sent);
            Platform.runLater(() -> {
                probe.fxThread = Thread.currentThread();
                probe.oldestUnanswered.set(0);
                probe.probeWaits.add(System.nanoTime() - sent);
            });
            probe.logStackIfStalled(sent);
        }, 100, 100, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(probe::logSecond, 1, 1, TimeUnit.SECONDS);
        return probe;
    }

    static FxLatencyProbe installed() {
        return installed;
    }

    /** An update posted from another thread, timed from now until the FX thread runs it. */
    Runnable timed(Runnable update) {
        posted.incrementAndGet();
        long sent = System.nanoTime();
        return () -> {
            postWaits.add(System.nanoTime() - sent);
            update.run();
        };
    }

    void watchPulses(Scene scene) {
        scene.addPostLayoutPulseListener(() -> {
            long now = System.nanoTime();
            if (lastPulseNanos != 0) {
                pulseGaps.add(now - lastPulseNanos);
            }
            lastPulseNanos = now;
        });
    }

    /**
     * A line in the log with the time it was written, to set beside the time a key was sent, and the CPU time the FX
     * thread has used so far: two marks give what a screen's build cost the FX thread, which its wall time under
     * load (decision 0826: 0.1–0.6 s quiet, 1.4–2.6 s at load 10–17) cannot.
     */
    static void mark(String what) {
        FxLatencyProbe probe = installed;
        if (probe != null) {
            LOG.info("fxprobe mark: {} fxCpuTotal={}ms", what, probe.fxCpuMillis());
        }
    }

    /** The CPU time the FX thread has used since it started, in milliseconds; -1 before it has answered a probe. */
    long fxCpuMillis() {
        Thread thread = fxThread;
        if (thread == null && Platform.isFxApplicationThread()) {
            thread = Thread.currentThread();
            fxThread = thread;
        }
        if (thread == null) {
            return -1;
        }
        long nanos = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
        return nanos < 0 ? -1 : nanos / 1_000_000;
    }

    /** What the FX thread does while a probe has waited over 300 ms: the stack, to know what held it. */
    private void logStackIfStalled(long now) {
        long since = oldestUnanswered.get();
        Thread thread = fxThread;
        if (since == 0 || thread == null || now - since < 300_000_000L) {
            return;
        }
        StringBuilder stack = new StringBuilder();
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < Math.min(40, frames.length); i++) {
            stack.append("\n    at ").append(frames[i]);
        }
        LOG.info("fxprobe FX thread busy for {} ms:{}", (now - since) / 1_000_000, stack);
    }

    /** How many updates were posted since the last line: for tests. */
    long postedSinceLastSecond() {
        return posted.get();
    }

    /** The waits of the posted updates that ran since the last line: for tests. */
    String postWaitsSinceLastSecond() {
        synchronized (postWaits) {
            return Waits.summary(postWaits.nanos);
        }
    }

    private void logSecond() {
        LOG.info("fxprobe posts/s={} postWait[{}] probeWait[{}] pulseGap[{}] fxCpuTotal={}ms", posted.getAndSet(0),
                postWaits.drain(), probeWaits.drain(), pulseGaps.drain(), fxCpuMillis());
    }

    /** Waits in nanoseconds gathered over a second, summarised in milliseconds. */
    static final class Waits {
        private final List<Long> nanos = new ArrayList<>();

        synchronized void add(long waited) {
            nanos.add(waited);
        }

        synchronized String drain() {
            String summary = summary(nanos);
            nanos.clear();
            return summary;
        }

        static String summary(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return "n=0";
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return "n=" + sorted.size() + " p50=" + millis(percentile(sorted, 50)) + " p95="
                    + millis(percentile(sorted, 95)) + " max=" + millis(sorted.get(sorted.size() - 1));
        }

        static long percentile(List<Long> sorted, int percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        private static String millis(long nanos) {
            return String.format(java.util.Locale.ROOT, "%.1fms", nanos / 1e6);
        }
    }
}
