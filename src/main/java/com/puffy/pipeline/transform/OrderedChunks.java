package com.puffy.pipeline.transform;

import com.puffy.pipeline.core.Words;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Futures;
import com.puffy.pipeline.core.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders items [0, count) in fixed-size chunks on worker threads and writes the chunks in order, so a big file is
 * produced by several cores as one stream, without part files to join afterwards. At most two chunks per worker are
 * in flight, and their buffers are reused, so memory stays a few chunks whatever the item count.
 */
final class OrderedChunks {
    /** Renders items [from, to) into {@code out}; called concurrently for different ranges. */
    @FunctionalInterface
    interface Renderer {
        void render(int from, int to, CsvBytes out) throws IOException;

        /**
         * About how many bytes an item takes, so a chunk's buffer is allocated once at its size: buffers of
         * megabytes that grow by doubling are several large allocations, and each may start a garbage collection
         * cycle.
         */
        default int bytesPerItem() {
            return 128;
        }
    }

    private OrderedChunks() {
    }

    static void write(OutputStream out, int count, int chunkSize, int threads, Renderer renderer,
                      Progress progress, Cancellation cancellation) throws IOException {
        if (chunkSize < 1 || threads < 1) {
            throw new IllegalArgumentException("chunkSize and threads must be positive");
        }
        int chunks = (int) ((count + (long) chunkSize - 1) / chunkSize);
        if (chunks == 0) {
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(threads, chunks), runnable -> {
            Thread thread = new Thread(runnable, "transform-chunks");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<CsvBytes>> inFlight = new ArrayDeque<>();
            int next = 0;
            int writtenChunks = 0;
            while (next < chunks && inFlight.size() < 2 * threads) {
                CsvBytes buffer = new CsvBytes((int) Math.min(1 << 26, (long) chunkSize * renderer.bytesPerItem()));
                inFlight.add(submit(workers, next++, count, chunkSize, buffer, renderer, cancellation));
            }
            while (!inFlight.isEmpty()) {
                CsvBytes done = Futures.await(inFlight.poll());
                out.write(done.bytes(), 0, done.size());
                writtenChunks++;
                progress.update(Math.min(count, (long) writtenChunks * chunkSize), count,
                        "Writing " + Words.count(count, "row", "rows"));
                if (next < chunks) {
                    done.clear();
                    inFlight.add(submit(workers, next++, count, chunkSize, done, renderer, cancellation));
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static Future<CsvBytes> submit(ExecutorService workers, int chunk, int count, int chunkSize,
                                           CsvBytes buffer, Renderer renderer, Cancellation cancellation) {
        int from = chunk * chunkSize;
        int to = (int) Math.min(count, (long) from + chunkSize);
        return workers.submit(() -> {
            cancellation.throwIfCancelled();
            renderer.render(from, to, buffer);
            return buffer;
        });
    }

}
