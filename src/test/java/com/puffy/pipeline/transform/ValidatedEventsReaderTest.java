package com.puffy.pipeline.transform;

import static com.puffy.pipeline.transform.QualityFixture.DESKTOP;
import static com.puffy.pipeline.transform.QualityFixture.GOOGLEBOT;
import static com.puffy.pipeline.transform.QualityFixture.HOME;
import static com.puffy.pipeline.transform.QualityFixture.IPHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatedEventsReaderTest {
    private static final Set<String> PURCHASES = Set.of("checkout_completed");

    @TempDir
    Path dir;

    /** Rows with repeated and new values, a quoted client, a non-ASCII referrer and a user agent of 5,000 bytes. */
    private QualityFixture fixture() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        String[] agents = {IPHONE, DESKTOP, GOOGLEBOT, "x".repeat(5000), ""};
        String[] referrers = {"", "https://www.google.com/", "https://ünï.example/?a=\"1\",2", "=x"};
        for (int i = 0; i < 40; i++) {
            String client = i % 7 == 3 ? "c,\"" + (i % 5) + "\"" : "c" + (i % 9);
            q.event(client, String.format("2025-02-%02dT10:%02d:00.000Z", 23 + i % 3, i), "page_viewed",
                    HOME + "?p=" + (i % 4), referrers[i % referrers.length], agents[i % agents.length]);
            if (i % 11 == 0) {
                q.purchase(client, String.format("2025-02-23T11:%02d:00.000Z", i), "O-" + i, 10 + i);
            }
        }
        q.write();
        return q;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 64})
    void batchesOfAnySizeGiveTheSameTableAndUserAgentOrderAsOneBatch(int batchRows) throws Exception {
        Path quality = fixture().outputDir().resolve("quality");
        List<String> agentsOne = new ArrayList<>();
        EventTable one = new ValidatedEventsReader(quality, PURCHASES).withBatchRows(100_000)
                .load(Progress.NONE, Cancellation.none(), agentsOne::add, purchase -> { });
        List<String> agents = new ArrayList<>();
        List<EventTable.PurchaseRow> purchases = new ArrayList<>();
        EventTable batched = new ValidatedEventsReader(quality, PURCHASES).withBatchRows(batchRows)
                .load(Progress.NONE, Cancellation.none(), agents::add, purchases::add);

        assertThat(batched.size).isEqualTo(one.size).isEqualTo(44);
        assertThat(agents).isEqualTo(agentsOne).hasSize(5);
        int n = one.size;
        assertThat(Arrays.copyOf(batched.client, n)).isEqualTo(Arrays.copyOf(one.client, n));
        assertThat(Arrays.copyOf(batched.userAgent, n)).isEqualTo(Arrays.copyOf(one.userAgent, n));
        assertThat(Arrays.copyOf(batched.referrer, n)).isEqualTo(Arrays.copyOf(one.referrer, n));
        assertThat(Arrays.copyOf(batched.timestamp, n)).isEqualTo(Arrays.copyOf(one.timestamp, n));
        assertThat(Arrays.copyOf(batched.pageAt, n)).isEqualTo(Arrays.copyOf(one.pageAt, n));
        assertThat(batched.purchases).isEqualTo(one.purchases).isEqualTo(purchases).hasSize(4);
        for (int id = 0; id < one.clients.size(); id++) {
            assertThat(batched.clients.get(id)).isEqualTo(one.clients.get(id));
        }
        assertThat(batched.clients.size()).isEqualTo(one.clients.size());
        assertThat(values(one.clients)).contains("c,\"3\"", "c0");
        assertThat(values(one.referrers)).contains("https://ünï.example/?a=\"1\",2", "'=x", "");
        assertThat(values(one.userAgents)).contains("x".repeat(5000), IPHONE);
    }

    private static List<String> values(ByteDictionary dictionary) {
        List<String> values = new ArrayList<>();
        for (int id = 0; id < dictionary.size(); id++) {
            values.add(dictionary.get(id));
        }
        return values;
    }

    @Test
    void aBadRowAfterSeveralBatchesNamesItsLineAndStopsTheInterningThread() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        for (int i = 0; i < 30; i++) {
            q.view("c" + i, String.format("2025-02-23T10:%02d:00.000Z", i));
        }
        q.row("c-bad", HOME, "", "yesterday", "page_viewed", "", IPHONE, "2025-02-23", false, "", "", "");
        q.write();
        ValidatedEventsReader reader = new ValidatedEventsReader(q.outputDir().resolve("quality"), PURCHASES)
                .withBatchRows(4);
        assertThatThrownBy(() -> reader.load(Progress.NONE, Cancellation.none()))
                .isInstanceOf(PipelineException.class).hasMessageContaining("line 32")
                .hasMessageContaining("'yesterday'");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("transform-intern")
                && t.getState() == Thread.State.WAITING && waitsLong(t));
    }

    /** A finished load leaves no interning thread behind (it may take a moment to end after shutdown). */
    private static boolean waitsLong(Thread thread) {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return thread.isAlive();
    }

    @Test
    void aFailingUserAgentHandlerFailsTheLoad() throws Exception {
        Path quality = fixture().outputDir().resolve("quality");
        ValidatedEventsReader reader = new ValidatedEventsReader(quality, PURCHASES).withBatchRows(2);
        assertThatThrownBy(() -> reader.load(Progress.NONE, Cancellation.none(), agent -> {
            throw new IllegalStateException("parser broke on " + agent.length());
        }, purchase -> { })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("parser broke on");
    }
}
