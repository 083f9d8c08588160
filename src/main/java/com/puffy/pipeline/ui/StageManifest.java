package com.puffy.pipeline.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the last finished run of a stage recorded in its output folder ({@link Pipeline#STAGE_MANIFEST}): its summary
 * lines, how long it took and when it finished, so a reopened folder shows them without running anything.
 */
record StageManifest(List<String> summary, Duration elapsed, String finishedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.US)
            .withZone(ZoneId.systemDefault());

    static StageManifest read(Path stageFolder) {
        Path file = stageFolder.resolve(Pipeline.STAGE_MANIFEST);
        if (!Files.isRegularFile(file)) {
            return new StageManifest(List.of(), null, "");
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            List<String> lines = new ArrayList<>();
            node.path("summary").forEach(line -> lines.add(line.asText()));
            String finished = node.path("finished_at").asText("");
            String shown = "";
            if (!finished.isEmpty()) {
                try {
                    shown = WHEN.format(Instant.parse(finished));
                } catch (java.time.format.DateTimeParseException e) {
                    shown = finished;
                }
            }
            return new StageManifest(lines, Duration.ofMillis(node.path("elapsed_ms").asLong(0)), shown);
        } catch (java.io.IOException e) {
            return new StageManifest(List.of(), null, "");
        }
    }
}
