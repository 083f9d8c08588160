package com.puffy.pipeline.core;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, so that its failure surfaces as if it had run on the caller's. */
public final class Futures {
    private Futures() {
    }

    /**
     * The result of {@code future}: an IOException, RuntimeException or Error thrown by the task is rethrown as is
     * (so a CancelledException stays one), and an interrupted wait counts as a cancellation.
     */
    public static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
