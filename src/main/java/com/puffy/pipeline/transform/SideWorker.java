package com.puffy.pipeline.transform;

import com.puffy.pipeline.core.CancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Work that runs on its own thread while pass 1 reads the file, item by item in submission order: user agents
 * (uap-java needs a millisecond or more per distinct string, and thousands of them would add seconds to the critical
 * path). {@code work} is only ever called on that one thread, so it may keep state.
 */
final class SideWorker<T, R> implements AutoCloseable {
    private final Function<T, R> work;
    private final ExecutorService executor;
    private final List<Future<R>> pending = new ArrayList<>();

    SideWorker(String threadName, Function<T, R> work) {
        this.work = work;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Called from one thread at a time (the order of calls is the order of the results). */
    void submit(T item) {
        pending.add(executor.submit(() -> work.apply(item)));
    }

    /** Waits for every submitted item; element i is the result of the i-th item submitted. */
    List<R> results() {
        List<R> results = new ArrayList<>(pending.size());
        try {
            for (Future<R> future : pending) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        return results;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
