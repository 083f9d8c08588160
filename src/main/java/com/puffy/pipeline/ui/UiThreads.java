package com.puffy.pipeline.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Where ViewModels run work: engine calls and file reading go to {@link #background(Runnable)}, property updates
 * to {@link #fx(Runnable)}. The app uses worker threads and the FX thread; ViewModel tests run both inline so
 * they need no screen and no waiting.
 */
public interface UiThreads {
    void background(Runnable work);

    void fx(Runnable update);

    /** Engine runs on one thread (one run at a time); file loading on another, so a table opens while a run goes. */
    static UiThreads javafx() {
        ExecutorService runs = Executors.newSingleThreadExecutor(daemon("eventpipe-run"));
        ExecutorService loads = Executors.newFixedThreadPool(2, daemon("eventpipe-load"));
        return new UiThreads() {
            @Override
            public void background(Runnable work) {
                loads.execute(work);
            }

            @Override
            public void engine(Runnable work) {
                runs.execute(work);
            }

            @Override
            public void fx(Runnable update) {
                if (Platform.isFxApplicationThread()) {
                    update.run();
                } else {
                    FxLatencyProbe probe = FxLatencyProbe.installed();
                    Platform.runLater(probe == null ? update : probe.timed(update));
                }
            }
        };
    }

    /**
     * Background work waits in {@code held} until the test runs it, as on a busy loader thread; FX updates run
     * inline. For ViewModel tests of work overtaken by newer work.
     */
    static UiThreads holding(java.util.List<Runnable> held) {
        return new UiThreads() {
            @Override
            public void background(Runnable work) {
                held.add(work);
            }

            @Override
            public void fx(Runnable update) {
                update.run();
            }
        };
    }

    /** Everything inline on the caller's thread: for ViewModel unit tests. */
    static UiThreads direct() {
        return new UiThreads() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void fx(Runnable update) {
                update.run();
            }
        };
    }

    /** The thread that runs the pipeline; by default the same as {@link #background(Runnable)}. */
    default void engine(Runnable work) {
        background(work);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
