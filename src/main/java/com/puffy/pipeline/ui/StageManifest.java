package com.puffy.pipeline.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last finished run of a stage recorded in its output folder ({@link Pipeline#STAGE_MANIFEST}): its summary
 * lines, how long it took, when it finished and the input files it could not read, so a reopened folder shows them
 * without running anything. Quality's also say how many event files it found and how many rows they held. {@code build}
 * is the build that made the outputs ("" in manifests written before it was recorded).
 */
record StageManifest(List<String> summary, Duration elapsed, String finishedAt, String finishedAtIso,
                     List<String> unreadableInputs, List<String> inputFiles, Map<String, FolderChanges.Stamp> inputStamps,
                     long eventFiles, long rowsRead, String build) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StageManifest.class);
    /** "Nov 26 09:32" in the user's time zone, for an ISO instant; the text itself if it is not one. */
    static String shown(String isoInstant) {
        if (isoInstant.isEmpty()) {
            return "";
        }
        try {
            return Formats.localMoment(Instant.parse(isoInstant), ZoneId.systemDefault());
        } catch (java.time.format.DateTimeParseException e) {
            return isoInstant;
        }
    }

    static StageManifest read(Path stageFolder) {
        Path file = stageFolder.resolve(Pipeline.STAGE_MANIFEST);
        if (!Files.isRegularFile(file)) {
            return new StageManifest(List.of(), null, "", "", List.of(), List.of(), Map.of(), 0, 0, "");
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            List<String> lines = new ArrayList<>();
            node.path("summary").forEach(line -> lines.add(line.asText()));
            List<String> unreadable = new ArrayList<>();
            node.path("unreadable_inputs").forEach(line -> unreadable.add(line.asText()));
            // Quality's figures list every CSV file it examined: what the folder held at that run.
            List<String> inputs = new ArrayList<>();
            // With the size and modification time each had then (manifests before 2026-11-27 have neither).
            Map<String, FolderChanges.Stamp> stamps = new HashMap<>();
            node.path("figures").path("files").forEach(examined -> {
                inputs.add(examined.path("file").asText());
                if (examined.has("bytes") && examined.has("modified_ms")) {
                    stamps.put(examined.path("file").asText(), new FolderChanges.Stamp(examined.path("bytes").asLong(),
                            examined.path("modified_ms").asLong()));
                }
            });
            String finished = node.path("finished_at").asText("");
            return new StageManifest(lines, Duration.ofMillis(node.path("elapsed_ms").asLong(0)), shown(finished),
                    finished, List.copyOf(unreadable), List.copyOf(inputs), Map.copyOf(stamps),
                    node.path("figures").path("event_files").asLong(0), node.path("figures").path("rows_read").asLong(0),
                    node.path("build").asText(""));
        } catch (java.io.IOException e) {
            // The card then shows no summary and no last run without saying why; the log is where to find it.
            LOG.warn("Cannot read the stage manifest {}; its summary and last run are not shown", file, e);
            return new StageManifest(List.of(), null, "", "", List.of(), List.of(), Map.of(), 0, 0, "");
        }
    }
}
