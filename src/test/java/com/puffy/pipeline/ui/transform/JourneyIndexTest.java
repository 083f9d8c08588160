package com.puffy.pipeline.ui.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journey read through the indexes by client is the journey a scan of the outputs gives. */
class JourneyIndexTest {
    @TempDir
    Path dir;

    @Test
    void theFirstJourneyBuildsTheIndexesTheNextOnesRead() throws Exception {
        writeOutputs();
        Path indexes = dir.resolve("indexes");
        JourneyViewModel model = new JourneyViewModel(UiThreads.direct(), indexes);

        model.open(dir.resolve("out/transform"), dir.resolve("out/quality"), "buyer");

        assertThat(model.journeyProperty().get().sessions().size()).isEqualTo(2);
        try (Stream<Path> built = Files.list(indexes)) {
            assertThat(built.count()).isEqualTo(5);
        }
    }

    @Test
    void theIndexedJourneyIsTheScannedJourneyForEveryKindOfClient() throws Exception {
        writeOutputs();
        Path transform = dir.resolve("out/transform");
        Path quality = dir.resolve("out/quality");
        Path indexes = dir.resolve("indexes");
        JourneyViewModel model = new JourneyViewModel(UiThreads.direct(), indexes);
        model.prepareIndexes(transform, quality);
        try (Stream<Path> built = Files.list(indexes)) {
            assertThat(built.count()).isEqualTo(5);
        }

        for (String client : List.of("buyer", "clash", "last")) {
            model.open(transform, quality, client);
            Journey indexed = model.journeyProperty().get();
            assertThat(indexed).as(client).isNotNull();
            assertSame(indexed.user(), CsvTable.read(transform.resolve("users.csv"), "client_id", client));
            assertSame(indexed.sessions(), CsvTable.read(transform.resolve("sessions.csv"), "client_id", client));
            assertSame(indexed.conversions(),
                    CsvTable.read(transform.resolve("conversions.csv"), "client_id", client));
            assertSame(indexed.events(),
                    CsvTable.read(quality.resolve("validated_events.csv"), "client_id", client));
            if (indexed.orderKeys().isEmpty()) {
                assertThat(indexed.attribution().size()).isZero();
            } else {
                assertSame(indexed.attribution(), CsvTable.read(transform.resolve("attribution.csv"), "order_key",
                        Set.copyOf(indexed.orderKeys())));
            }
        }
        model.open(transform, quality, "clash");
        assertThat(model.journeyProperty().get().attribution().size()).isEqualTo(3);
        assertThat(model.journeyProperty().get().events().size()).isEqualTo(2);
        model.open(transform, quality, "last");
        assertThat(model.journeyProperty().get().events().rows().get(0)[3]).isEqualTo("5");

        model.open(transform, quality, "quiet");
        assertThat(model.journeyProperty().get()).isNull();
        assertThat(model.messageProperty().get()).startsWith("No sessions or valid events for client quiet");
    }

    @Test
    void aJourneyOpenedWhileTheIndexesWarmUpAfterARunSaysItWaitsForThemAndOpensWhenTheyAreReady() throws Exception {
        writeOutputs();
        Path transform = dir.resolve("out/transform");
        Path quality = dir.resolve("out/quality");
        List<Runnable> held = new java.util.ArrayList<>();
        JourneyViewModel model = new JourneyViewModel(UiThreads.holding(held), dir.resolve("indexes"));
        model.prepareIndexes(transform, quality);
        model.open(transform, quality, "buyer");

        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Looking for buyer: the outputs of the last run are "
                + "being indexed by client first (once per run; seconds at millions of events)…");

        while (!held.isEmpty()) {
            held.remove(0).run();
        }
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.journeyProperty().get().sessions().size()).isEqualTo(2);
        assertThat(model.messageProperty().get()).isEmpty();

        model.open(transform, quality, "clash");
        assertThat(model.messageProperty().get()).as("warmed up").isEqualTo("Looking for clash in the sessions and "
                + "events…");
        held.remove(0).run();
        assertThat(model.journeyProperty().get().attribution().size()).isEqualTo(3);
    }

    private void writeOutputs() throws java.io.IOException {
        Path transform = Files.createDirectories(dir.resolve("out/transform"));
        Path quality = Files.createDirectories(dir.resolve("out/quality"));
        Files.writeString(transform.resolve("users.csv"), "client_id,first_seen,sessions,revenue\n"
                + "buyer,2025-02-23T10:00:00Z,2,120\nclash,2025-02-23T11:00:00Z,1,80\nquiet,2025-02-24T09:00:00Z,0,0\n"
                + "last,2025-02-25T09:00:00Z,1,0");
        Files.writeString(transform.resolve("sessions.csv"), "session_id,client_id,session_start,channel\n"
                + "buyer-1,buyer,2025-02-23T10:00:00Z,Direct\nclash-1,clash,2025-02-23T11:00:00Z,Email\n"
                + "buyer-2,buyer,2025-02-24T10:00:00Z,\"Paid, Search\"\nlast-1,last,2025-02-25T09:00:00Z,Direct\n");
        // Two orders share a transaction id (a collision), and the attribution has a row written twice.
        Files.writeString(transform.resolve("conversions.csv"), "order_key,transaction_id,client_id,revenue,flags\n"
                + "O1,T1,buyer,120,\nO2,T9,clash,40,TRANSACTION_ID_COLLISION\nO3,T9,clash,40,TRANSACTION_ID_COLLISION\n");
        Files.writeString(transform.resolve("attribution.csv"),
                "order_key,model,session_id,channel,credit,revenue_credit,session_start\n"
                        + "O1,last_click,buyer-2,Paid Search,1,120,2025-02-24T10:00:00Z\n"
                        + "O2,last_click,clash-1,Email,1,40,2025-02-23T11:00:00Z\n"
                        + "O3,last_click,clash-1,Email,1,40,2025-02-23T11:00:00Z\n"
                        + "O3,last_click,clash-1,Email,1,40,2025-02-23T11:00:00Z\n"
                        + "O1,linear,buyer-1,Direct,0.5,60,2025-02-23T10:00:00Z\n"
                        + "O1,linear,buyer-2,Paid Search,0.5,60,2025-02-24T10:00:00Z\n");
        Files.writeString(quality.resolve("validated_events.csv"), "client_id,event_name,timestamp,line\n"
                + "buyer,page_viewed,2025-02-23T10:00:00Z,2\nclash,purchase,2025-02-23T11:00:00Z,3\n"
                + "clash,purchase,2025-02-23T11:00:00Z,3\nbuyer,purchase,2025-02-24T10:05:00Z,4\n"
                + "last,page_viewed,2025-02-25T09:00:00Z,5");
    }

    private static void assertSame(CsvTable actual, CsvTable expected) {
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.rows()).hasSameSizeAs(expected.rows());
        for (int i = 0; i < expected.rows().size(); i++) {
            assertThat(actual.rows().get(i)).containsExactly(expected.rows().get(i));
        }
    }
}
