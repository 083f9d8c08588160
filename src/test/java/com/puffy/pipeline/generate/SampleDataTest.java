package com.puffy.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.puffy.pipeline.core.PipelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {
    @TempDir
    Path tmp;

    @Test
    void ensureGeneratesTwoWeeksWithTheCommonFaultsOnceAndKeepsThemAfterwards() throws Exception {
        Path dir = tmp.resolve("data").resolve("sample-data");
        assertThat(SampleData.ensure(dir)).isEqualTo(dir);
        JsonNode faults = Generated.JSON.readTree(dir.resolve("faults.json").toFile());
        long eventFiles = 0;
        for (JsonNode f : faults.get("files")) {
            if (f.get("kind").asText().equals("events")) {
                eventFiles++;
                assertThat(f.get("records").asInt()).isBetween(3000, 4500);
            }
        }
        assertThat(eventFiles).isEqualTo(14);
        assertThat(Generated.texts(faults.get("settings").get("faults")))
                .containsExactlyInAnyOrderElementsOf(FaultKind.common().stream().map(FaultKind::id).toList());
        assertThat(Files.exists(tmp.resolve("data").resolve("sample-data.work"))).isFalse();

        Path first = dir.resolve("events_20250223.csv");
        FileTime stamp = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(first, stamp);
        SampleData.ensure(dir);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(stamp);
    }

    @Test
    void anInterruptedEarlierSampleIsReplacedByAWholeOne() throws Exception {
        Path dir = tmp.resolve("sample-data");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("events_20250223.csv"), "half a file");
        SampleData.ensure(dir);
        assertThat(Files.readString(dir.resolve("events_20250223.csv"))).startsWith("client_id,");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).contains("faults.json");
    }

    @Test
    void theSampleIsTheSameForEveryUser() throws Exception {
        Path a = SampleData.ensure(tmp.resolve("a"));
        Path b = SampleData.ensure(tmp.resolve("b"));
        assertThat(EventGeneratorTest.digest(a)).isEqualTo(EventGeneratorTest.digest(b));
    }

    @Test
    void anUnwritablePlaceIsOneSentenceNamingTheFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path dir = file.resolve("sample-data");
        assertThatThrownBy(() -> SampleData.ensure(dir)).isInstanceOf(PipelineException.class)
                .hasMessageContaining(file.toString());
        assertThat(List.of(dir)).isNotEmpty();
    }
}
