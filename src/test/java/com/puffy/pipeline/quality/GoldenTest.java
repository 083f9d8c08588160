package com.puffy.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.FaultKind;
import com.puffy.pipeline.generate.GenerateSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden test over a generated folder with every fault of docs/generator.md planted: each fault is found with its
 * code at its file and line, the quarantine and the dropped duplicates are exactly the expected rows, nothing else
 * is an ERROR, every file reconciles to faults.json, and the drift episodes are the planted ones.
 */
class GoldenTest {
    /** Codes any ordinary row may carry: the generator's ordinary bots and UUID visitors. */
    private static final Set<String> BACKGROUND = Set.of("BOT_USER_AGENT", "NON_STANDARD_CLIENT_ID");

    @TempDir
    static Path root;
    static QualityHarness h;
    static JsonNode faults;

    @BeforeAll
    static void generateAndValidate() throws Exception {
        h = new QualityHarness(root);
        EventGenerator.generate(new GenerateSettings(h.input, 14, 600, LocalDate.of(2025, 2, 23), 7,
                EnumSet.allOf(FaultKind.class)), Progress.NONE, Cancellation.none());
        faults = new ObjectMapper().readTree(h.input.resolve("faults.json").toFile());
        h.run();
    }

    private static String key(String file, Object line) {
        return file + ":" + line;
    }

    @Test
    void everyPlantedRowFaultIsFoundWithItsCodeAtItsFileAndLine() throws Exception {
        Set<String> found = new HashSet<>();
        for (Map<String, String> f : h.findings()) {
            found.add(key(f.get("file"), f.get("line")) + ":" + f.get("code"));
            found.add(f.get("file") + ":*:" + f.get("code"));
        }
        // A fault's codes are what it causes on an otherwise valid row; a row quarantined or dropped for another
        // reason carries only that outcome's codes (faults.json's expected_rows has the truth per line).
        Map<String, Set<String>> outcomeCodes = new HashMap<>();
        for (JsonNode row : faults.get("expected_rows")) {
            if (!row.get("outcome").asText().equals("valid")) {
                Set<String> codes = new HashSet<>();
                row.get("codes").forEach(c -> codes.add(c.asText()));
                outcomeCodes.put(key(row.get("file").asText(), row.get("line").asInt()), codes);
            }
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode fault : faults.get("faults")) {
            String file = fault.get("file").asText();
            for (JsonNode code : fault.get("codes")) {
                if (fault.get("scope").asText().equals("file")) {
                    if (!found.contains(file + ":*:" + code.asText())) {
                        missing.add(fault.get("kind").asText() + " " + file + " " + code.asText());
                    }
                    continue;
                }
                for (JsonNode line : fault.get("lines")) {
                    String k = key(file, line.asInt()) + ":" + code.asText();
                    Set<String> overriding = outcomeCodes.get(key(file, line.asInt()));
                    if (overriding != null && !overriding.contains(code.asText())) {
                        continue;
                    }
                    if (!found.contains(k)) {
                        missing.add(fault.get("kind").asText() + " " + k);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void quarantineDuplicatesAndFlagsAreExactlyTheExpectedRows() throws Exception {
        Map<String, String> expectedQuarantine = new TreeMap<>();
        Map<String, String> expectedDuplicate = new TreeMap<>();
        Map<String, Set<String>> expectedFlags = new HashMap<>();
        for (JsonNode row : faults.get("expected_rows")) {
            String k = key(row.get("file").asText(), row.get("line").asInt());
            List<String> codes = new ArrayList<>();
            row.get("codes").forEach(c -> codes.add(c.asText()));
            switch (row.get("outcome").asText()) {
                case "quarantined" -> expectedQuarantine.put(k, String.join(";", codes));
                case "duplicate" -> expectedDuplicate.put(k, String.join(";", codes));
                default -> expectedFlags.put(k, new HashSet<>(codes));
            }
        }
        Map<String, String> quarantined = new TreeMap<>();
        h.quarantine().forEach(q -> quarantined.put(key(q.get("file"), q.get("line")), q.get("reasons")));
        assertThat(quarantined).isEqualTo(expectedQuarantine);

        Map<String, String> duplicates = new TreeMap<>();
        h.findings().stream().filter(f -> f.get("code").startsWith("DUPLICATE_"))
                .forEach(f -> duplicates.put(key(f.get("file"), f.get("line")), f.get("code")));
        assertThat(duplicates).isEqualTo(expectedDuplicate);

        List<String> unexpected = new ArrayList<>();
        for (Map<String, String> v : h.valid()) {
            Set<String> flags = new HashSet<>(List.of(v.get("flags").isEmpty() ? new String[0] : v.get("flags").split(";")));
            String k = key(v.get("file"), v.get("line"));
            Set<String> expected = expectedFlags.getOrDefault(k, Set.of());
            Set<String> beyondBackground = new HashSet<>(flags);
            beyondBackground.removeAll(BACKGROUND);
            Set<String> expectedBeyond = new HashSet<>(expected);
            expectedBeyond.removeAll(BACKGROUND);
            if (!beyondBackground.equals(expectedBeyond) || !flags.containsAll(expected)) {
                unexpected.add(k + " has " + flags + ", expected " + expected);
            }
        }
        assertThat(unexpected).isEmpty();
    }

    @Test
    void nothingElseIsReportedAsAnError() throws Exception {
        Set<String> expected = new HashSet<>();
        for (JsonNode row : faults.get("expected_rows")) {
            if (row.get("outcome").asText().equals("quarantined")) {
                row.get("codes").forEach(c -> expected.add(key(row.get("file").asText(), row.get("line").asInt()) + ":"
                        + c.asText()));
            }
        }
        assertThat(new HashSet<>(h.findingKeys("ERROR"))).isEqualTo(expected);
    }

    @Test
    void everyFileReconcilesToTheGeneratorsCounts() throws Exception {
        for (JsonNode file : faults.get("files")) {
            Map<String, String> summary = h.summaryOf(file.get("file").asText());
            assertThat(summary.get("partition_date")).as(file.get("file").asText())
                    .isEqualTo(file.get("partition_date").isNull() ? "" : file.get("partition_date").asText());
            JsonNode expected = file.get("expected");
            if (expected == null) {
                assertThat(summary.get("rows_read")).isEqualTo("0");
                continue;
            }
            expected.fields().forEachRemaining(e -> assertThat(summary.get(e.getKey()))
                    .as(file.get("file").asText() + " " + e.getKey()).isEqualTo(e.getValue().asText()));
        }
        assertThat(h.summary()).extracting(s -> s.get("file")).containsExactlyElementsOf(
                faults.get("files").findValuesAsText("file"));
        assertThat(h.result.figures()).containsEntry("reconciled", true);
    }

    @Test
    void schemaDriftEpisodesAreThePlantedOnes() throws Exception {
        List<String> structural = new ArrayList<>();
        for (Map<String, String> d : h.drift()) {
            if (!d.get("change").equals("VALUE_DRIFT") && !d.get("change").equals("RESTORED")) {
                structural.add(d.get("change") + "|" + d.get("column") + "|" + d.get("raw_header") + "|" + d.get("file")
                        + "|" + d.get("episode_files"));
            }
        }
        List<String> planted = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        for (JsonNode e : faults.get("schema_drift")) {
            planted.add(e.get("change").asText() + "|" + e.get("column").asText() + "|"
                    + (e.get("raw_header").isNull() ? "" : e.get("raw_header").asText()) + "|"
                    + e.get("first_file").asText() + "|" + e.get("files").asInt());
            if (!e.get("restored_file").isNull()) {
                restored.add("RESTORED|" + e.get("column").asText() + "|" + e.get("restored_file").asText());
            }
        }
        assertThat(structural).containsExactlyInAnyOrderElementsOf(planted);
        List<String> restoredRows = h.drift().stream().filter(d -> d.get("change").equals("RESTORED"))
                .map(d -> "RESTORED|" + d.get("column") + "|" + d.get("file")).toList();
        assertThat(restoredRows).containsExactlyInAnyOrderElementsOf(restored);
    }

    @Test
    void valueDriftEpisodesIncludeThePlantedOnes() throws Exception {
        List<String> found = h.drift().stream().filter(d -> d.get("change").equals("VALUE_DRIFT"))
                .map(d -> d.get("column") + "|" + d.get("metric") + "|" + d.get("file")).toList();
        for (JsonNode e : faults.get("value_drift")) {
            assertThat(found).contains(e.get("column").asText() + "|" + e.get("metric").asText() + "|"
                    + e.get("first_file").asText());
        }
    }

    @Test
    void summaryTellsTheStoryInPlainWords() {
        assertThat(h.result.summary()).anyMatch(l -> l.contains("`client_id` arrives as `clientId`"))
                .anyMatch(l -> l.startsWith("Rows: ") && l.endsWith("(reconciled)."))
                .anyMatch(l -> l.contains("1 not an event file (products.csv)"));
    }
}
