package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.Cancellation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StopOnSignalTest {
    @Test
    void aSignalCancelsTheCommandAndWaitsUntilItHasCleanedUp() throws Exception {
        Cancellation cancellation = new Cancellation();
        StringWriter err = new StringWriter();
        StopOnSignal guard = StopOnSignal.install(cancellation, new PrintWriter(err, true),
                "what is already in out stays as it was");
        CountDownLatch working = new CountDownLatch(1);
        AtomicBoolean cleanedUp = new AtomicBoolean();
        CompletableFuture<Void> command = CompletableFuture.runAsync(() -> {
            try (guard) {
                working.countDown();
                while (!cancellation.isCancelled()) {
                    Thread.onSpinWait();
                }
                // A stage deleting its work folder after it saw the cancel.
                sleep(200);
                cleanedUp.set(true);
            }
        });
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        guard.stop();
        // The JVM would halt as soon as the hook returns: by then the command must have finished its cleanup.
        assertThat(cleanedUp).isTrue();
        assertThat(err.toString()).isEqualTo("eventpipe: interrupted; stopping (what is already in out stays as it was)."
                + System.lineSeparator());
        command.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aShutdownAfterTheCommandEndedCancelsNothing() {
        Cancellation cancellation = new Cancellation();
        StringWriter err = new StringWriter();
        StopOnSignal guard = StopOnSignal.install(cancellation, new PrintWriter(err, true), "x");
        guard.close();
        guard.stop();
        assertThat(cancellation.isCancelled()).isFalse();
        assertThat(err.toString()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
