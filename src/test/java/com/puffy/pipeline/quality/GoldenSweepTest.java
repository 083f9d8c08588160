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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The golden contract of issue 3 over other seeds, lengths and fault sets than {@link GoldenTest}'s one folder:
 * every fault in faults.json is found with its code at its file and line, the quarantine and the dropped duplicates
 * are exactly the expected rows, nothing else is an ERROR, every file reconciles, the drift episodes are the
 * planted ones, and every sticky_referrer line is a valid row carrying the referrer faults.json lists. The cases
 * are small; they are the shapes where a sweep over seeds 1-8, 1-30 days and each fault alone
 * found a difference, or where faults crowd into few files.
 */
class GoldenSweepTest {
    private static final Set<String> BACKGROUND = Set.of("BOT_USER_AGENT", "NON_STANDARD_CLIENT_ID");

    @TempDir
    Path root;

    @ParameterizedTest(name = "seed {0}, {1} days of {2}, faults {3}")
    @CsvSource(delimiter = ';', value = {
            // Every fault in one file: rename and dropped column together, empty and header-only beside it.
            "2; 1; 200; all",
            "3; 3; 200; all",
            // No order on the first null-prices day: the item_price drift shows on the next day with one.
            "5; 14; 200; all",
            "8; 30; 200; common",
            "1; 2; 200; broken_quoting,column_count,dropped_column,bom_crlf,no_trailing_newline",
            "4; 3; 10; none"})
    void everyPlantedFaultIsFoundWhereFaultsJsonSaysAndNothingElseIsAnError(long seed, int days, int eventsPerDay,
                                                                             String faultList) throws Exception {
        QualityHarness h = new QualityHarness(root);
        EventGenerator.generate(new GenerateSettings(h.input, days, eventsPerDay, LocalDate.of(2025, 2, 23), seed,
                FaultKind.parse(faultList)), Progress.NONE, Cancellation.none());
        JsonNode faults = new ObjectMapper().readTree(h.input.resolve("faults.json").toFile());
        h.run();
        assertThat(problems(h, faults)).isEmpty();
    }

    private static String key(String file, Object line) {
        return file + ":" + line;
    }

    /** Every difference between faults.json and the quality outputs, one line each. */
    static List<String> problems(QualityHarness h, JsonNode faults) throws Exception {
        List<String> problems = new ArrayList<>();
        List<Map<String, String>> findings = h.findings();
        Set<String> found = new HashSet<>();
        for (Map<String, String> f : findings) {
            found.add(key(f.get("file"), f.get("line")) + ":" + f.get("code"));
            found.add(f.get("file") + ":*:" + f.get("code"));
        }
        Map<String, String> outcomes = new HashMap<>();
        Map<String, List<String>> codesOf = new HashMap<>();
        for (JsonNode row : faults.get("expected_rows")) {
            String k = key(row.get("file").asText(), row.get("line").asInt());
            outcomes.put(k, row.get("outcome").asText());
            List<String> codes = new ArrayList<>();
            row.get("codes").forEach(c -> codes.add(c.asText()));
            codesOf.put(k, codes);
        }
        for (JsonNode fault : faults.get("faults")) {
            String file = fault.get("file").asText();
            for (JsonNode code : fault.get("codes")) {
                if (fault.get("scope").asText().equals("file")) {
                    if (!found.contains(file + ":*:" + code.asText())) {
                        problems.add("missed " + fault.get("kind").asText() + " " + file + " " + code.asText());
                    }
                    continue;
                }
                for (JsonNode line : fault.get("lines")) {
                    String k = key(file, line.asInt());
                    boolean overridden = !"valid".equals(outcomes.getOrDefault(k, "valid"))
                            && !codesOf.get(k).contains(code.asText());
                    if (!overridden && !found.contains(k + ":" + code.asText())) {
                        problems.add("missed " + fault.get("kind").asText() + " " + k + " " + code.asText());
                    }
                }
            }
        }
        Set<String> expectedErrors = new TreeSet<>();
        Map<String, String> expectedQuarantine = new TreeMap<>();
        Map<String, String> expectedDuplicates = new TreeMap<>();
        codesOf.forEach((k, codes) -> {
            switch (outcomes.get(k)) {
                case "quarantined" -> {
                    codes.forEach(c -> expectedErrors.add(k + ":" + c));
                    expectedQuarantine.put(k, String.join(";", codes));
                }
                case "duplicate" -> expectedDuplicates.put(k, String.join(";", codes));
                default -> { }
            }
        });
        Set<String> errors = new TreeSet<>(h.findingKeys("ERROR"));
        errors.stream().filter(e -> !expectedErrors.contains(e)).forEach(e -> problems.add("unexpected ERROR " + e));
        expectedErrors.stream().filter(e -> !errors.contains(e)).forEach(e -> problems.add("missing ERROR " + e));

        Map<String, String> quarantined = new TreeMap<>();
        h.quarantine().forEach(q -> quarantined.put(key(q.get("file"), q.get("line")), q.get("reasons")));
        if (!quarantined.equals(expectedQuarantine)) {
            problems.add("quarantine " + quarantined + " is not " + expectedQuarantine);
        }
        Map<String, String> duplicates = new TreeMap<>();
        findings.stream().filter(f -> f.get("code").startsWith("DUPLICATE_"))
                .forEach(f -> duplicates.put(key(f.get("file"), f.get("line")), f.get("code")));
        if (!duplicates.equals(expectedDuplicates)) {
            problems.add("duplicates " + duplicates + " are not " + expectedDuplicates);
        }
        // sticky_referrer changes content, not validity: each listed line is a valid row with the repeated referrer.
        Map<String, String> sticky = new HashMap<>();
        long stickyRows = 0;
        for (JsonNode fault : faults.get("faults")) {
            if (fault.get("kind").asText().equals("sticky_referrer")) {
                for (int i = 0; i < fault.get("lines").size(); i++) {
                    sticky.put(key(fault.get("file").asText(), fault.get("lines").get(i).asInt()),
                            fault.get("values").get(i).asText());
                    stickyRows++;
                }
            }
        }
        long episodeRows = 0;
        for (JsonNode episode : faults.get("episodes")) {
            episodeRows += episode.get("rows").asLong();
        }
        if (episodeRows != stickyRows) {
            problems.add("episodes count " + episodeRows + " sticky rows, the faults list " + stickyRows);
        }
        for (Map<String, String> v : h.valid()) {
            String k = key(v.get("file"), v.get("line"));
            String repeated = sticky.remove(k);
            if (repeated != null && !repeated.equals(v.get("referrer"))) {
                problems.add(k + " has referrer " + v.get("referrer") + ", faults.json says " + repeated);
            }
            Set<String> flags = new TreeSet<>(v.get("flags").isEmpty() ? List.of() : List.of(v.get("flags").split(";")));
            flags.removeAll(BACKGROUND);
            Set<String> expected = new TreeSet<>(codesOf.getOrDefault(k, List.of()));
            expected.removeAll(BACKGROUND);
            if (!flags.equals(expected)) {
                problems.add(k + " is flagged " + flags + ", expected " + expected);
            }
        }

        sticky.keySet().forEach(k -> problems.add("sticky_referrer line " + k + " is not a valid row"));

        List<String> files = new ArrayList<>();
        for (JsonNode file : faults.get("files")) {
            String name = file.get("file").asText();
            files.add(name);
            Map<String, String> summary = h.summary().stream().filter(s -> s.get("file").equals(name)).findFirst()
                    .orElse(null);
            if (summary == null) {
                problems.add(name + " is not in file_summary.csv");
                continue;
            }
            JsonNode expected = file.get("expected");
            if (expected != null) {
                expected.fields().forEachRemaining(e -> {
                    if (!e.getValue().asText().equals(summary.get(e.getKey()))) {
                        problems.add(name + " " + e.getKey() + " " + summary.get(e.getKey()) + ", expected "
                                + e.getValue().asText());
                    }
                });
            }
        }
        List<String> summarized = h.summary().stream().map(s -> s.get("file")).toList();
        if (!summarized.equals(files)) {
            problems.add("file_summary.csv lists " + summarized + ", faults.json " + files);
        }

        Set<String> structural = new TreeSet<>();
        Set<String> valueDrift = new HashSet<>();
        for (Map<String, String> d : h.drift()) {
            switch (d.get("change")) {
                case "VALUE_DRIFT" -> valueDrift.add(d.get("column") + "|" + d.get("metric") + "|" + d.get("file"));
                case "RESTORED" -> structural.add("RESTORED|" + d.get("column") + "|" + d.get("file"));
                default -> structural.add(d.get("change") + "|" + d.get("column") + "|" + d.get("raw_header") + "|"
                        + d.get("file") + "|" + d.get("episode_files"));
            }
        }
        Set<String> planted = new TreeSet<>();
        for (JsonNode e : faults.get("schema_drift")) {
            planted.add(e.get("change").asText() + "|" + e.get("column").asText() + "|"
                    + (e.get("raw_header").isNull() ? "" : e.get("raw_header").asText()) + "|"
                    + e.get("first_file").asText() + "|" + e.get("files").asInt());
            if (!e.get("restored_file").isNull()) {
                planted.add("RESTORED|" + e.get("column").asText() + "|" + e.get("restored_file").asText());
            }
        }
        if (!structural.equals(planted)) {
            problems.add("schema drift " + structural + " is not the planted " + planted);
        }
        for (JsonNode e : faults.get("value_drift")) {
            String k = e.get("column").asText() + "|" + e.get("metric").asText() + "|" + e.get("first_file").asText();
            if (!valueDrift.contains(k)) {
                problems.add("missed value drift " + k + " (found " + valueDrift + ")");
            }
        }
        return problems;
    }
}
