package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.CancelledException;
import com.puffy.pipeline.core.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrderedChunksTest {
    /** Item i becomes a row of i+1 cells, so chunks differ in size and a misordered chunk shows. */
    private static final OrderedChunks.Renderer ROWS = (from, to, out) -> {
        for (int i = from; i < to; i++) {
            for (int c = 0; c <= i % 7; c++) {
                out.number(i);
            }
            out.endRow();
            if (i % 3 == 0) {
                Thread.yield();
            }
        }
    };

    @ParameterizedTest
    @CsvSource({"0,1,2", "1,1,2", "1,5,2", "10,1,2", "10,3,1", "10,3,2", "10,3,3", "10,10,2", "10,11,2", "1000,7,2",
            "1000,64,3"})
    void chunksAreWrittenInItemOrderWhateverTheirSizeAndThreadCount(int count, int chunk, int threads)
            throws IOException {
        ByteArrayOutputStream sequential = new ByteArrayOutputStream();
        CsvBytes all = new CsvBytes(16);
        ROWS.render(0, count, all);
        sequential.write(all.bytes(), 0, all.size());

        Ranges ranges = new Ranges();
        List<Long> progress = new ArrayList<>();
        ByteArrayOutputStream parallel = new ByteArrayOutputStream();
        OrderedChunks.write(parallel, count, chunk, threads, (from, to, out) -> {
            ranges.add(from, to);
            ROWS.render(from, to, out);
        }, (done, total, message) -> progress.add(done), Cancellation.none());

        assertThat(parallel.toString(StandardCharsets.UTF_8)).isEqualTo(sequential.toString(StandardCharsets.UTF_8));
        assertThat(ranges.covered()).isEqualTo(count);
        assertThat(ranges.calls.get()).isEqualTo((count + chunk - 1) / chunk);
        if (count > 0) {
            assertThat(progress).isSorted().last().isEqualTo((long) count);
        }
    }

    @Test
    void aFailingChunkFailsTheWriteWithItsOwnException() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> OrderedChunks.write(out, 100, 10, 2, (from, to, csv) -> {
            if (from == 50) {
                throw new IOException("disk full at 50");
            }
            ROWS.render(from, to, csv);
        }, Progress.NONE, Cancellation.none())).isInstanceOf(IOException.class).hasMessage("disk full at 50");
        assertThatThrownBy(() -> OrderedChunks.write(out, 100, 10, 2, (from, to, csv) -> {
            throw new IllegalStateException("bad row " + from);
        }, Progress.NONE, Cancellation.none())).isInstanceOf(IllegalStateException.class).hasMessage("bad row 0");
    }

    @Test
    void aCancelledWriteStopsBeforeTheLastChunk() {
        Cancellation cancellation = new Cancellation();
        AtomicInteger rendered = new AtomicInteger();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> OrderedChunks.write(out, 10_000, 10, 2, (from, to, csv) -> {
            if (rendered.incrementAndGet() == 3) {
                cancellation.cancel();
            }
            ROWS.render(from, to, csv);
        }, Progress.NONE, cancellation)).isInstanceOf(CancelledException.class);
        assertThat(rendered.get()).isLessThan(1000);
    }

    @Test
    void nonPositiveChunksOrThreadsAreRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> OrderedChunks.write(out, 10, 0, 2, ROWS, Progress.NONE, Cancellation.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderedChunks.write(out, 10, 1, 0, ROWS, Progress.NONE, Cancellation.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The ranges handed out, checked to be disjoint. */
    private static final class Ranges {
        private final ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
        private final AtomicInteger calls = new AtomicInteger();

        void add(int from, int to) {
            calls.incrementAndGet();
            for (int i = from; i < to; i++) {
                assertThat(seen.put(i, from)).as("item %d rendered twice", i).isNull();
            }
        }

        int covered() {
            return seen.size();
        }
    }
}
