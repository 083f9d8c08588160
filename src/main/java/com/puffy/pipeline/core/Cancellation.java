package com.puffy.pipeline.core;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag a stage checks in its loops; {@link #cancel()} asks every stage that holds it to stop soon. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token nobody will cancel, for tests and one-shot CLI runs. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} if cancellation was asked for. Cheap enough to call per row. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }
}
