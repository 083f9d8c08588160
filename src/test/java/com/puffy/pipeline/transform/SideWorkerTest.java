package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideWorkerTest {
    @Test
    void resultsComeInSubmissionOrderFromOneThread() {
        List<String> threads = new ArrayList<>();
        try (SideWorker<Integer, String> worker = new SideWorker<>("side-test", i -> {
            threads.add(Thread.currentThread().getName());
            return "r" + i;
        })) {
            for (int i = 0; i < 500; i++) {
                worker.submit(i);
            }
            List<String> results = worker.results();
            assertThat(results).hasSize(500).startsWith("r0", "r1").endsWith("r499");
        }
        assertThat(threads).hasSize(500).containsOnly("side-test");
    }

    @Test
    void aFailingItemFailsTheResultsWithItsException() {
        try (SideWorker<Integer, Integer> worker = new SideWorker<>("side-test", i -> 10 / i)) {
            worker.submit(5);
            worker.submit(0);
            assertThatThrownBy(worker::results).isInstanceOf(ArithmeticException.class);
        }
    }
}
