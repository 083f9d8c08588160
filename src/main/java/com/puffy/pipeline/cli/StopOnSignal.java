package com.puffy.pipeline.cli;

import com.puffy.pipeline.core.Cancellation;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C or a SIGTERM (cron's timeout, systemd, docker stop) during a command: the JVM ran its shutdown and ended
 * mid-stage, leaving the stage's work folder (gigabytes on a large run) for the next run to clean, and a generated
 * day half-written, without a word on stderr. This hook cancels the command's {@link Cancellation} instead and
 * waits, a bounded time, for the command to stop the way a cancel from the app stops it: work folders deleted,
 * previous outputs kept. The process still ends with the signal's status (130, 143).
 */
final class StopOnSignal implements AutoCloseable {
    /** Long enough for a stage to reach its next cancellation check and delete its work folder. */
    static final long WAIT_SECONDS = 20;

    private final Cancellation cancellation;
    private final PrintWriter err;
    private final String whatIsKept;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopOnSignal(Cancellation cancellation, PrintWriter err, String whatIsKept) {
        this.cancellation = cancellation;
        this.err = err;
        this.whatIsKept = whatIsKept;
        this.hook = new Thread(this::stop, "eventpipe-stop-on-signal");
    }

    /** Cancels {@code cancellation} if the JVM begins to shut down before {@link #close()}. */
    static StopOnSignal install(Cancellation cancellation, PrintWriter err, String whatIsKept) {
        StopOnSignal guard = new StopOnSignal(cancellation, err, whatIsKept);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** What the shutdown hook runs; package-private so a test can play the signal. */
    void stop() {
        if (finished.getCount() == 0) {
            return;
        }
        cancellation.cancel();
        err.println("eventpipe: interrupted; stopping (" + whatIsKept + ").");
        err.flush();
        try {
            if (!finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                err.println("eventpipe: did not stop within " + WAIT_SECONDS + " s; the next run cleans up what is "
                        + "left.");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is over (finished, failed or stopped): a later shutdown is the normal exit, nothing to cancel. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running (or has run) and returns now that the latch is down.
        }
    }
}
