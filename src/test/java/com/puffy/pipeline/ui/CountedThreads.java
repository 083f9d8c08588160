package com.puffy.pipeline.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's own threads ({@link UiThreads#javafx()}), counting the work handed to them and not yet done, so that a
 * test can wait until the screens have nothing left to read or show rather than sleep for a guessed time: a guess
 * too short looks at a screen not yet filled on a loaded machine, one long enough costs every run of the suite.
 *
 * <p>Work is counted when it is handed over and uncounted when it has run, so work that hands on more work (a load
 * that posts its rows to the FX thread, which starts another load) keeps the count above zero throughout.
 */
final class CountedThreads implements UiThreads {
    private final UiThreads app = UiThreads.javafx();
    private final AtomicInteger notDone = new AtomicInteger();

    @Override
    public void background(Runnable work) {
        app.background(counted(work));
    }

    @Override
    public void engine(Runnable work) {
        app.engine(counted(work));
    }

    @Override
    public void fx(Runnable update) {
        app.fx(counted(update));
    }

    private Runnable counted(Runnable work) {
        notDone.incrementAndGet();
        return () -> {
            try {
                work.run();
            } finally {
                notDone.decrementAndGet();
            }
        };
    }

    /**
     * Waits until no work handed to these threads is left and the FX thread has laid out what it showed; again if
     * that layout (a listener, a screen shown for the first time) handed out new work.
     */
    void waitUntilIdle() throws Exception {
        do {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> notDone.get() == 0);
            WaitForAsyncUtils.waitForFxEvents();
        } while (notDone.get() != 0);
    }
}
