package com.puffy.pipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void returnsTheResultOfTheTask() throws IOException {
        assertThat(Futures.await(CompletableFuture.completedFuture("done"))).isEqualTo("done");
    }

    @Test
    void rethrowsTheTasksIoExceptionItself() {
        IOException failure = new IOException("disk full");
        FutureTask<String> task = new FutureTask<>(() -> {
            throw failure;
        });
        task.run();
        assertThatThrownBy(() -> Futures.await(task)).isSameAs(failure);
    }

    @Test
    void keepsACancellationACancellation() {
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(new CancelledException())))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void rethrowsErrorsAndWrapsOtherCheckedExceptions() {
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(new OutOfMemoryError("heap"))))
                .isInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(new Exception("checked"))))
                .isInstanceOf(IllegalStateException.class).hasRootCauseMessage("checked");
    }

    @Test
    void anInterruptedWaitIsACancellationAndKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Futures.await(new CompletableFuture<String>()))
                    .isInstanceOf(CancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
