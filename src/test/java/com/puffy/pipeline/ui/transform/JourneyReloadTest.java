package com.puffy.pipeline.ui.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screens reload after every run; a journey whose files the run left as they were is not searched again. */
class JourneyReloadTest {
    @TempDir
    Path dir;

    @Test
    void aReloadReadsTheJourneyAgainOnlyWhenOneOfItsFilesChanged() throws Exception {
        Path transform = Files.createDirectories(dir.resolve("transform"));
        Path quality = Files.createDirectories(dir.resolve("quality"));
        Files.writeString(transform.resolve("users.csv"), "client_id,first_channel\nc1,Direct\n");
        Path sessions = Files.writeString(transform.resolve("sessions.csv"),
                "session_id,client_id,channel,session_start\nc1-1,c1,Direct,2025-02-23T10:00:00Z\n");
        Files.writeString(transform.resolve("conversions.csv"), "order_key,client_id,revenue\n");
        Files.writeString(quality.resolve("validated_events.csv"),
                "client_id,event_type,timestamp\nc1,page_viewed,2025-02-23T10:00:00Z\n");
        JourneyViewModel model = new JourneyViewModel(UiThreads.direct(), dir.resolve("indexes"));
        List<String> messages = new ArrayList<>();
        model.messageProperty().addListener((obs, old, now) -> messages.add(now));
        model.open(transform, quality, "c1");
        Journey shown = model.journeyProperty().get();
        assertThat(shown).isNotNull();
        messages.clear();

        model.reopenIfChanged(transform, quality);

        assertThat(model.journeyProperty().get()).isSameAs(shown);
        assertThat(messages).isEmpty();

        Files.writeString(sessions, "session_id,client_id,channel,session_start\n"
                + "c1-1,c1,Direct,2025-02-23T10:00:00Z\nc1-2,c1,Email,2025-02-24T10:00:00Z\n");
        Files.setLastModifiedTime(sessions, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        model.reopenIfChanged(transform, quality);

        assertThat(messages).contains("Looking for c1 in the sessions and events…");
        assertThat(model.journeyProperty().get()).isNotSameAs(shown);
        assertThat(model.journeyProperty().get().sessions().size()).isEqualTo(2);
    }

    @Test
    void aPastedIdWithTheBlanksTheStagesTrimOffFindsItsJourney() throws Exception {
        Path transform = Files.createDirectories(dir.resolve("transform"));
        Path quality = Files.createDirectories(dir.resolve("quality"));
        Files.writeString(transform.resolve("users.csv"), "client_id,first_channel\nc1,Direct\n");
        Files.writeString(transform.resolve("sessions.csv"),
                "session_id,client_id,channel,session_start\nc1-1,c1,Direct,2025-02-23T10:00:00Z\n");
        Files.writeString(transform.resolve("conversions.csv"), "order_key,client_id,revenue\n");
        Files.writeString(quality.resolve("validated_events.csv"),
                "client_id,event_type,timestamp\nc1,page_viewed,2025-02-23T10:00:00Z\n");
        JourneyViewModel model = new JourneyViewModel(UiThreads.direct(), dir.resolve("indexes"));

        model.open(transform, quality, "\u200Bc1\u00A0");

        assertThat(model.journeyProperty().get()).isNotNull();
        assertThat(model.journeyProperty().get().sessions().size()).isEqualTo(1);
    }
}
