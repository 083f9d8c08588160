package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The window's clock without an animation (decision 0828): ticks on the FX executor, never a backlog, none after stop. */
class UiClockTest {
    private final List<Runnable> fxQueue = new CopyOnWriteArrayList<>();
    private final AtomicInteger ticks = new AtomicInteger();

    @Test
    void aBusyFxThreadFindsOneTickWaitingNotOnePerPeriod() throws Exception {
        UiClock clock = new UiClock(2, ticks::incrementAndGet, fxQueue::add);
        clock.start();
        try {
            waitUntilQueued(1);
            Thread.sleep(100); // fifty periods with the FX thread never running the first
            assertThat(fxQueue).hasSize(1);
            assertThat(ticks).hasValue(0);

            runQueued();
            assertThat(ticks).hasValue(1);
            waitUntilQueued(1);
            assertThat(fxQueue).hasSize(1);
        } finally {
            clock.stop();
        }
    }

    @Test
    void aTickPostedBeforeStopDoesNotRunAfterItAndNoneIsPostedLater() throws Exception {
        UiClock clock = new UiClock(2, ticks::incrementAndGet, fxQueue::add);
        clock.start();
        waitUntilQueued(1);
        clock.stop();

        runQueued();
        Thread.sleep(50);

        assertThat(ticks).hasValue(0);
        assertThat(fxQueue).isEmpty();
        assertThat(fxQueue).as("nothing queued once stopped: the timer has ended").isEmpty();
    }

    @Test
    void startedAgainAfterStopItTicksAgain() throws Exception {
        UiClock clock = new UiClock(2, ticks::incrementAndGet, fxQueue::add);
        clock.start();
        clock.stop();
        clock.start();
        try {
            waitUntilQueued(1);
            runQueued();
            assertThat(ticks).hasValue(1);
        } finally {
            clock.stop();
        }
    }

    private void runQueued() {
        List<Runnable> queued = List.copyOf(fxQueue);
        fxQueue.clear();
        queued.forEach(Runnable::run);
    }

    private void waitUntilQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fxQueue.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(fxQueue).hasSizeGreaterThanOrEqualTo(count);
    }
}
