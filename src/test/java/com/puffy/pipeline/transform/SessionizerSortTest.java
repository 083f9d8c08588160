package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-client sort behind sessions: by timestamp, equal timestamps in row order (SPEC §5's (file, line) tie-break).
 * Compared with the JDK's stable sort on inputs long enough for the merge-sort path, with many ties.
 */
class SessionizerSortTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 16, 17, 33, 64, 65, 200, 1000})
    void sortsByTimeAndKeepsRowOrderForTies(int length) {
        Random random = new Random(length);
        for (int trial = 0; trial < 50; trial++) {
            int base = 5;
            long[] ts = new long[base + length];
            for (int i = 0; i < ts.length; i++) {
                // Few distinct values, so most runs hold ties; some trials are already ordered.
                ts[i] = trial % 5 == 0 ? i / 3 : random.nextInt(Math.max(1, length / 4));
            }
            int[] order = IntStream.range(0, ts.length).toArray();
            Integer[] expected = IntStream.range(base, base + length).boxed().toArray(Integer[]::new);
            Arrays.sort(expected, Comparator.comparingLong(row -> ts[row]));

            Sessionizer.sortByTime(order, base, base + length, ts, new int[Math.max(1, length)]);

            assertThat(Arrays.copyOfRange(order, base, base + length)).as("length %d, trial %d", length, trial)
                    .containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
            assertThat(Arrays.copyOfRange(order, 0, base)).containsExactly(0, 1, 2, 3, 4);
        }
    }
}
