package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.puffy.pipeline.ElsewhereDefaults;
import com.puffy.pipeline.ElsewhereDefaults.Machine;
import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.io.CsvInput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real stages, run by the command line on a machine elsewhere (the JVM's default locale and time zone of a
 * Turkish, German, Arabic, Hindi, Thai, Japanese-imperial or Los Angeles analyst), write what they write here: every
 * CSV and the report byte for byte, run.json and the stages' records but for times, the summaries on stdout and
 * stderr but for times and the folder's name. And "today", FRESHNESS's default as-of date, is today in UTC, the
 * calendar the partition dates are in (SPEC §6), whatever day it is where the analyst sits.
 */
class ElsewhereRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path generate(String name, int days, LocalDate start, String faults) {
        Path events = dir.resolve(name);
        Run generated = cli("generate", "--out", events.toString(), "--days", String.valueOf(days), "--events-per-day",
                "200", "--seed", "7", "--start-date", start.toString(), "--faults", faults);
        assertThat(generated.exit()).as(generated.err()).isZero();
        return events;
    }

    private static Run run(Path input, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", output.toString(),
                "--no-cache"));
        args.addAll(List.of(more));
        Run run = cli(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        return run;
    }

    @Test
    void everyOutputAndSummaryIsTheSameOnAMachineElsewhere() throws Exception {
        Path input = generate("events", 7, LocalDate.of(2025, 2, 23), "all");
        Path here = dir.resolve("here");
        Run hereRun = run(input, here, "--as-of", "2025-03-02");
        Map<String, byte[]> hereFiles = files(here);
        assertThat(hereFiles).containsKeys("report/report.html", "monitoring/alerts.csv", "transform/sessions.csv",
                "quality/validated_events.csv", "run.json");
        for (Machine machine : ElsewhereDefaults.MACHINES) {
            Path there = dir.resolve("there-" + machine.locale().toLanguageTag());
            Run thereRun = ElsewhereDefaults.on(machine, () -> run(input, there, "--as-of", "2025-03-02"));
            Map<String, byte[]> thereFiles = files(there);
            assertThat(thereFiles.keySet()).as("the files written on %s", machine).isEqualTo(hereFiles.keySet());
            for (String file : hereFiles.keySet()) {
                if (file.endsWith(".json")) {
                    assertThat(withoutTimes(thereFiles.get(file), there)).as("%s on %s", file, machine)
                            .isEqualTo(withoutTimes(hereFiles.get(file), here));
                } else {
                    assertThat(new String(thereFiles.get(file), java.nio.charset.StandardCharsets.UTF_8))
                            .as("%s on %s", file, machine)
                            .isEqualTo(new String(hereFiles.get(file), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            assertThat(thereRun.exit()).as("the exit code on %s", machine).isEqualTo(hereRun.exit());
            assertThat(withoutTimes(thereRun.out(), there)).as("stdout on %s", machine)
                    .isEqualTo(withoutTimes(hereRun.out(), here));
            assertThat(withoutTimes(thereRun.err(), there)).as("stderr on %s", machine)
                    .isEqualTo(withoutTimes(hereRun.err(), here));
        }
    }

    @Test
    void freshnessIsJudgedOnTodayInUtcWhereverItIsAnotherDayForTheAnalyst() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Up to yesterday (UTC): fresh. Up to the day before: stale, a CRITICAL dated today (UTC).
        Path fresh = generate("fresh", 5, today.minusDays(5), "none");
        Path stale = generate("stale", 5, today.minusDays(6), "none");
        // Far east in the UTC afternoon the analyst's date is tomorrow (a run judged on it finds yesterday's data
        // stale); far west in the UTC morning it is yesterday (a run judged on it finds the day before fresh).
        List<Machine> machines = List.of(new Machine(new Locale("en", "NZ"), "Etc/GMT-14"),
                new Machine(Locale.US, "Etc/GMT+12"));
        int differing = 0;
        for (Machine machine : machines) {
            LocalDate local = LocalDate.now(ZoneId.of(machine.zone()));
            differing += local.equals(today) ? 0 : 1;
            Path freshOutput = dir.resolve("fresh-" + machine.zone().replace('/', '-'));
            Path staleOutput = dir.resolve("stale-" + machine.zone().replace('/', '-'));
            ElsewhereDefaults.on(machine, () -> List.of(run(fresh, freshOutput), run(stale, staleOutput)));
            List<Map<String, String>> freshAlerts = freshness(freshOutput);
            List<Map<String, String>> staleAlerts = freshness(staleOutput);
            assumeTrue(LocalDate.now(ZoneOffset.UTC).equals(today), "UTC midnight passed during the test");
            assertThat(freshAlerts).as("data up to yesterday (UTC) on %s, where it is %s", machine, local).isEmpty();
            assertThat(staleAlerts).as("data up to the day before yesterday (UTC) on %s, where it is %s", machine, local)
                    .extracting(a -> a.get("date") + " " + a.get("severity"))
                    .containsExactly(today + " CRITICAL");
        }
        assertThat(differing).as("the premise: on one of the machines it is another day than in UTC").isPositive();
    }

    /** The FRESHNESS alerts a run wrote. */
    private static List<Map<String, String>> freshness(Path output) throws Exception {
        List<Map<String, String>> alerts = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(output.resolve("monitoring/alerts.csv"))) {
            for (CSVRecord r : parser) {
                if (r.get("check").equals("FRESHNESS")) {
                    alerts.add(r.toMap());
                }
            }
        }
        return alerts;
    }

    /** Every file under the output folder, by its path relative to it. */
    private static Map<String, byte[]> files(Path output) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(output.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * Printed text with the output folder named alike and the times of the run left out, progress lines too: which
     * of them are printed depends on how fast the work goes.
     */
    private static String withoutTimes(String text, Path output) {
        return text.replace(output.toString(), "OUT").replaceAll("(?m)^[A-Za-z]+: [0-9]+% .*\\R", "")
                .replaceAll("done in [0-9.]+ s", "done in T s")
                .replaceAll("[0-9,]+ events/s, peak heap [0-9,]+ MB", "E events/s, peak heap H MB");
    }

    /**
     * A JSON record without what differs from run to run: times and durations, ids of a run's outputs (and
     * fingerprints made from them), the output folder's name.
     */
    private static JsonNode withoutTimes(byte[] json, Path output) throws Exception {
        JsonNode tree = JSON.readTree(json);
        strip(tree, output);
        return tree;
    }

    private static void strip(JsonNode node, Path output) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith("_ms") || key.endsWith("_at") || key.equals("outputs_id") || key.equals("fingerprint")
                        || key.equals("events_per_s") || key.equals("peak_heap_mb")) {
                    fields.remove();
                } else if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(withoutTimes(field.getValue().asText(), output)));
                } else {
                    strip(field.getValue(), output);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(withoutTimes(array.get(i).asText(), output)));
                } else {
                    strip(array.get(i), output);
                }
            }
        }
    }
}
