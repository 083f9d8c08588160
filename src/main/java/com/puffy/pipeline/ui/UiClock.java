package com.puffy.pipeline.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task on the FX thread every period while started. Not a {@code Timeline}: a running animation keeps the
 * toolkit pulsing sixty times a second, so an idle window cost about 2 % of a core and never let a laptop's CPU
 * sleep (decision 0828). At most one tick waits for the FX thread at a time, so a busy FX thread gets no backlog.
 */
final class UiClock {
    private final long periodMillis;
    private final Runnable tick;
    private final Executor fx;
    private final AtomicBoolean tickWaiting = new AtomicBoolean();
    private ScheduledExecutorService timer;
    /** Read on the FX thread: a tick posted just before {@link #stop()} must not run after it. */
    private volatile boolean started;

    UiClock(long periodMillis, Runnable tick, Executor fx) {
        this.periodMillis = periodMillis;
        this.tick = tick;
        this.fx = fx;
    }

    void start() {
        if (timer != null) {
            return;
        }
        started = true;
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventpipe-clock");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::post, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Ends the timer thread too, so a window no longer shown is not held by it (the tick holds the model). */
    void stop() {
        started = false;
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void post() {
        if (tickWaiting.compareAndSet(false, true)) {
            fx.execute(() -> {
                tickWaiting.set(false);
                if (started) {
                    tick.run();
                }
            });
        }
    }
}
