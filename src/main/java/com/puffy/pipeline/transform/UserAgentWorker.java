package com.puffy.pipeline.transform;

import com.puffy.pipeline.core.CancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses user agents on a second thread while pass 1 reads the file: uap-java needs a millisecond or more per
 * distinct string, so thousands of distinct agents would otherwise add seconds to the critical path. Agents are
 * submitted in dictionary-id order, so result i belongs to agent id i.
 */
final class UserAgentWorker implements AutoCloseable {
    private final DeviceDetector detector = new DeviceDetector();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "transform-user-agents");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Future<DeviceDetector.DeviceInfo>> pending = new ArrayList<>();

    void submit(String userAgent) {
        pending.add(executor.submit(() -> detector.detect(userAgent)));
    }

    /** Waits for every submitted agent; element i is the device of agent id i. */
    List<DeviceDetector.DeviceInfo> results() {
        List<DeviceDetector.DeviceInfo> results = new ArrayList<>(pending.size());
        try {
            for (Future<DeviceDetector.DeviceInfo> future : pending) {
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
