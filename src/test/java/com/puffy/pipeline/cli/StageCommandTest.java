package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.StudioEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options every stage command shares, on a one-day folder: --stages, --as-of and --cache. */
class StageCommandTest {
    @TempDir
    Path dir;
    Path input;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void oneDay() throws Exception {
        input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250223.csv"), """
                client_id,page_url,referrer,timestamp,event_name,event_data,user_agent
                1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Mozilla/5.0
                1740268806-eZQEpM832bnh,https://puffy.com/b,,2025-02-23T10:01:00.000Z,page_viewed,,Mozilla/5.0
                """);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    @Test
    void anUnknownStageInTheListIsAUsageErrorNamingIt() {
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--no-cache",
                "--stages", "quality,qualty")).isEqualTo(2);
        assertThat(err.toString()).contains("--stages: 'qualty' is not a stage; use quality, transform, analysis or monitor.");
        assertThat(dir.resolve("o/quality")).doesNotExist();
    }

    @Test
    void stagesGoesOnlyWithRun() {
        assertThat(run("validate", "--input", input.toString(), "--no-cache", "--stages", "quality")).isEqualTo(2);
        assertThat(err.toString()).contains("--stages goes with `eventpipe run`; `validate` runs the Quality stage");
    }

    @Test
    void aMissingInputSaysWhatTheCommandNeedsInWords() {
        // Was "Missing required option: '--input=DIR'".
        assertThat(run("run", "--no-cache")).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventpipe: `eventpipe run` needs --input DIR: folder with the daily "
                + "event CSV files." + System.lineSeparator() + "Run `eventpipe run --help` for the options.");
        assertThat(run("generate")).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventpipe: `eventpipe generate` needs --out DIR: folder to write (new, "
                + "empty, or generated before).");
        // An option given without its value: was picocli's "Missing required parameter for option '--check' (FILE)".
        assertThat(run("config", "--check")).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventpipe: --check has no FILE after it (a variable left unset?): put "
                + "the FILE right after --check.");
    }

    @Test
    void aFirstRunStoppedInItsFirstStageLeavesNoOutputFolderBehind() throws Exception {
        // The console said "Quality: cancelled; nothing was written", and the folder stayed, holding only .lock.
        com.puffy.pipeline.core.Stage stopped = new com.puffy.pipeline.core.Stage() {
            @Override
            public com.puffy.pipeline.core.StageId id() {
                return com.puffy.pipeline.core.StageId.QUALITY;
            }

            @Override
            public List<String> outputs() {
                return List.of("file_summary.csv");
            }

            @Override
            public com.puffy.pipeline.core.StageResult run(com.puffy.pipeline.core.RunContext context,
                    com.puffy.pipeline.core.Progress progress, com.puffy.pipeline.core.Cancellation cancellation) {
                throw new com.puffy.pipeline.core.CancelledException();
            }
        };
        com.puffy.pipeline.engine.Pipeline pipeline = new com.puffy.pipeline.engine.Pipeline(List.of(stopped));
        Path output = dir.resolve("o");
        err = new StringWriter();
        EventPipeCli.execute(pipeline, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "validate", "--input", input.toString(), "--output", output.toString(), "--no-cache");
        assertThat(err.toString()).contains("Quality: cancelled; nothing was written");
        assertThat(output).doesNotExist();

        Files.createDirectories(output);
        EventPipeCli.execute(pipeline, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "validate", "--input", input.toString(), "--output", output.toString(), "--no-cache");
        assertThat(output).as("a folder that was there before stays").isDirectory();
    }

    @Test
    void anEmptyPathOptionIsAUsageErrorNotTheWorkingFolder() {
        // "" is read as the working folder: --input "" validated whatever CSVs were there, and --output "" wrote
        // quality/ and run.json into it.
        String[][] cases = {
                {"--input", "", "--output", dir.resolve("o").toString(), "--no-cache"},
                {"--input", input.toString(), "--output", " ", "--no-cache"},
                {"--input", input.toString(), "--output", dir.resolve("o").toString(), "--no-cache", "--config", ""},
                {"--input", input.toString(), "--output", dir.resolve("o").toString(), "--cache", ""},
        };
        String[] options = {"--input", "--output", "--config", "--cache"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "validate";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            assertThat(run(args)).as(options[i]).isEqualTo(2);
            assertThat(err.toString()).as(options[i]).contains(options[i] + " is empty (a variable left unset?): ");
        }
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void anAsOfThatIsNotADateIsAUsageErrorWithAnExample() {
        assertThat(run("monitor", "--input", input.toString(), "--no-cache", "--as-of", "2025-02-30")).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of '2025-02-30' is not a date (February 2025 has 28 days): write "
                + "it as YYYY-MM-DD, e.g. --as-of 2025-03-09.");
    }

    /** Not UTF-8: unreadable even for root, unlike a file without read permission. */
    private void addUnreadableDay() throws Exception {
        byte[] text = ("client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n"
                + "1740268806-eZQEpM832bnh,https://puffy.com/caf\u00e9,,2025-02-24T10:00:00.000Z,page_viewed,,Mozilla/5.0\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(input.resolve("events_20250224.csv"), text);
    }

    @Test
    void oneUnreadableFileAmongReadableOnesExitsThreeWithEveryOutputWrittenForEachCommand() throws Exception {
        addUnreadableDay();
        String[][] commands = {
                {"validate", "quality/validated_events.csv"},
                {"transform", "transform/sessions.csv"},
                {"monitor", "monitoring/alerts.csv"},
                {"analyze", "report/report.html"},
                {"run", "report/report.html"},
        };
        for (String[] command : commands) {
            Path output = dir.resolve("out-" + command[0]);
            assertThat(run(command[0], "--input", input.toString(), "--output", output.toString(), "--no-cache",
                    "--as-of", "2025-02-25")).as(command[0]).isEqualTo(3);
            assertThat(output.resolve(command[1])).as(command[0]).exists();
            assertThat(err.toString()).as(command[0]).contains("eventpipe: 1 input file could not be read, so its "
                    + "rows are missing from every output (the other files were processed and written); fix it as "
                    + "said below, or move it out of the folder, and run again:" + System.lineSeparator()
                    + "  events_20250224.csv is not UTF-8 text").doesNotContain("WARNING", "Exception");
        }
        assertThat(Files.readString(dir.resolve("out-run/quality/validated_events.csv")))
                .contains("https://puffy.com/b").doesNotContain("caf");
        // The outputs are up to date, but the day is still missing: the exit code says so every time.
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("out-run").toString(),
                "--no-cache", "--as-of", "2025-02-25")).isEqualTo(3);
        assertThat(out.toString()).contains("Quality (up to date, not run again):");
        assertThat(err.toString()).contains("events_20250224.csv is not UTF-8 text");
    }

    @Test
    void anUnreadableFileOutranksCriticalAlertsAndTheErrorNamesTheAlertsItHides() throws Exception {
        // Freshness on 2025-03-09 is CRITICAL: 1 without the unreadable file, 3 with it.
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("clean").toString(),
                "--no-cache", "--as-of", "2025-03-09")).isEqualTo(1);
        addUnreadableDay();
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--no-cache",
                "--as-of", "2025-03-09")).isEqualTo(3);
        assertThat(err.toString()).contains("events_20250224.csv is not UTF-8 text")
                .containsPattern("eventpipe: the run also raised \\d+ CRITICAL alerts? \\(exit code 3 outranks 1\\): ")
                // In full, as after exit 1: a cron log is read away from the folder the job ran in.
                .contains("outranks 1): see " + dir.resolve("o").toAbsolutePath().resolve("monitoring")
                        .resolve("alerts.csv") + ".");
    }

    @Test
    void anOptionWithoutItsValueSaysAVariableMayBeUnsetAsAnEmptyOneDoes() {
        // `eventpipe run --input $DIR --output $OUT` in a cron script with DIR unset: picocli said "Expected parameter
        // for option '--input' but found '--output'", and "Missing required parameter for option '--input' (DIR)".
        Path output = dir.resolve("o");
        assertThat(run("run", "--input", "--output", output.toString(), "--no-cache")).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventpipe: --input has no DIR after it (a variable left unset?): put "
                + "the DIR right after --input." + System.lineSeparator()
                + "Run `eventpipe run --help` for the options.");
        assertThat(run("validate", "--no-cache", "--input", input.toString(), "--output")).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventpipe: --output has no DIR after it (a variable left unset?): put "
                + "the DIR right after --output.");
        assertThat(output).doesNotExist();
        assertThat(dir.resolve("events-pipeline")).doesNotExist();
    }

    @Test
    void theCacheFileAndNoCacheTogetherAreRefusedInTheProductsWords() {
        // Was "eventpipe: Error: --cache=FILE, --no-cache are mutually exclusive (specify only one)".
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(),
                "--cache", dir.resolve("c.db").toString(), "--no-cache")).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventpipe: --cache FILE and --no-cache cannot be given together: keep "
                + "one of them." + System.lineSeparator() + "Run `eventpipe run --help` for the options.")
                .doesNotContain("Error:", "=FILE");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void anOptionGivenTwiceSaysSoInASentenceAndRunsNothing() {
        // Was "eventpipe: option '--output' (DIR) should be specified only once".
        assertThat(run("validate", "--input", input.toString(), "--output", dir.resolve("a").toString(),
                "--output", dir.resolve("b").toString(), "--no-cache")).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventpipe: --output is given more than once: give it once, with the "
                + "DIR meant; nothing was run." + System.lineSeparator() + "Run `eventpipe validate --help` for the "
                + "options.");
        assertThat(run("run", "--input", input.toString(), "--no-cache", "--force", "--force")).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventpipe: --force is given more than once: give it once; nothing "
                + "was run.");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
        assertThat(dir.resolve("events-pipeline")).doesNotExist();
    }

    @Test
    void criticalAlertsSayOnStderrWhyTheExitCodeIsOneAndWhereTheyAre() {
        // Freshness and zero revenue on 2025-03-09 are CRITICAL; a cron job that keeps only stderr saw exit 1 and no reason.
        Path output = dir.resolve("o");
        assertThat(run("run", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--as-of", "2025-03-09")).isEqualTo(1);
        assertThat(err.toString()).contains("eventpipe: the run finished with 2 CRITICAL alerts (exit code 1): see "
                + output.toAbsolutePath().resolve("monitoring").resolve("alerts.csv") + ".");
        assertThat(run("validate", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--as-of", "2025-03-09")).isZero();
        assertThat(err.toString()).doesNotContain("CRITICAL");
    }

    @Test
    void theListedStagesRunWithWhatTheyNeedAndNoMore() {
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--no-cache",
                "--stages", "transform")).isZero();
        assertThat(out.toString()).contains("Quality:", "Transform:").doesNotContain("Monitoring:", "Analysis:");
        assertThat(dir.resolve("o/transform/sessions.csv")).exists();
        assertThat(dir.resolve("o/monitoring")).doesNotExist();
    }

    @Test
    void aCacheFileGivenWithCacheIsWrittenAndReusedByTheNextRun() {
        Path cache = dir.resolve("my-cache.sqlite");
        assertThat(run("validate", "--input", input.toString(), "--output", dir.resolve("first").toString(),
                "--cache", cache.toString())).isZero();
        assertThat(cache).exists();
        assertThat(run("validate", "--input", input.toString(), "--output", dir.resolve("second").toString(),
                "--cache", cache.toString())).isZero();
        assertThat(out.toString()).contains("Cache: 1 of 1 files unchanged, their results reused.");
    }

    @Test
    void anEventFileGivenAsTheCacheByMistakeStaysInItsFolderAndIsValidated() throws Exception {
        Path events = input.resolve("events_20250223.csv");
        String before = Files.readString(events);
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--as-of",
                "2025-02-24", "--stages", "quality", "--cache", events.toString())).isZero();
        assertThat(Files.readString(events)).isEqualTo(before);
        assertThat(err.toString()).contains("WARNING: The cache path " + events.toAbsolutePath()
                + " is a text file, not a cache; it was left as it is");
        assertThat(Files.readString(dir.resolve("o/quality/file_summary.csv"))).contains("events_20250223.csv");
    }

    @Test
    void aCorruptCacheFileIsSetAsideWithAWarningOnStderrNamingItAndTheRunSucceeds() throws Exception {
        Path cache = dir.resolve("my-cache.sqlite");
        Files.write(cache, ("\0\1not a database" + "x".repeat(2000)).getBytes());
        // The exit code is the run's own (1: this one-day folder raises a CRITICAL alert), as without a cache.
        int withoutCache = run("run", "--input", input.toString(), "--output", dir.resolve("nc").toString(),
                "--as-of", "2025-02-24", "--no-cache");
        assertThat(withoutCache).isIn(0, 1);
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o").toString(), "--as-of",
                "2025-02-24", "--cache", cache.toString())).isEqualTo(withoutCache);
        assertThat(err.toString()).containsOnlyOnce("WARNING: The cache file " + cache.toAbsolutePath()
                + " is not a database; it was moved to ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("my-cache.sqlite.corrupt-"));
        }
        // The rebuilt file is quiet on the next run.
        assertThat(run("run", "--input", input.toString(), "--output", dir.resolve("o2").toString(), "--as-of",
                "2025-02-24", "--cache", cache.toString())).isEqualTo(withoutCache);
        assertThat(err.toString()).doesNotContain("WARNING");
    }

    @Test
    void editingTransformSettingsDoesNotValidateTheFolderAgainButEditingQualityRulesDoes() throws Exception {
        Path output = dir.resolve("o");
        assertThat(run("transform", "--input", input.toString(), "--output", output.toString(), "--no-cache"))
                .isZero();
        byte[] validated = Files.readAllBytes(output.resolve("quality/validated_events.csv"));
        Path transformOnly = Files.writeString(dir.resolve("t.yaml"), "transform:\n  session_gap_minutes: 31\n");
        assertThat(run("transform", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--config", transformOnly.toString())).isZero();
        assertThat(out.toString()).contains("Quality (up to date, not run again):")
                .doesNotContain("Transform (up to date");
        assertThat(output.resolve("quality/validated_events.csv")).hasBinaryContent(validated);
        Path qualityRule = Files.writeString(dir.resolve("q.yaml"), "quality:\n  revenue_tolerance: 0.02\n");
        assertThat(run("transform", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--config", qualityRule.toString())).isZero();
        assertThat(out.toString()).doesNotContain("up to date");
    }

    @Test
    void cacheAndNoCacheTogetherAreAUsageError() {
        assertThat(run("validate", "--input", input.toString(), "--cache", dir.resolve("c").toString(), "--no-cache"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--cache", "--no-cache");
    }

    @Test
    void aDayWithOneOrderIsSummarisedInTheSingular() throws Exception {
        Files.writeString(input.resolve("events_20250223.csv"), """
                client_id,page_url,referrer,timestamp,event_name,event_data,user_agent
                1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Mozilla/5.0
                1740268806-eZQEpM832bnh,https://puffy.com/ty,,2025-02-23T10:05:00.000Z,checkout_completed,"{""transaction_id"":""ORD-1"",""revenue"":10,""items"":[{""item_price"":10}]}",Mozilla/5.0
                """);
        Path output = dir.resolve("o");
        assertThat(run("run", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--as-of", "2025-02-24")).isZero();
        assertThat(out.toString()).contains("Revenue $10 from 1 order (AOV $10) over 1 day.");
        String html = Files.readString(output.resolve("report/report.html"));
        assertThat(html).contains("1 day \u00b7 1 event file \u00b7", "Revenue was $10 from 1 order over 1 day",
                "from 1 input file.");
        // One day's chart had six-hour ticks each labelled with a date: "Feb 22 Feb 22 Feb 22 Feb 23 Feb 23 ...";
        // one day now has no chart at all, the revenue as the sessions (decision 0796).
        assertThat(html).doesNotContain("chart-revenue", "chart-sessions", "chart-cvr")
                .contains("One day of data: its revenue is in the table below.",
                        "One day of data: its sessions and conversion rate are in the table below.");
    }

    private List<String> insightsAfterRunning(String rows) throws Exception {
        Files.writeString(input.resolve("events_20250223.csv"),
                "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n" + rows);
        Path output = dir.resolve("o");
        assertThat(run("run", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--as-of", "2025-02-24")).isIn(0, 1);
        return Files.readAllLines(output.resolve("report/insights.csv"));
    }

    @Test
    void aFolderWhoseRowsAreAllQuarantinedGetsInsightsThatSaySoNotZeroPercentOfZero() throws Exception {
        List<String> insights = insightsAfterRunning("""
                ,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Mozilla/5.0
                ,https://puffy.com/,,2025-02-23T10:01:00.000Z,page_viewed,,Mozilla/5.0
                """);
        assertThat(insights).contains(
                "overview,\"No row passed the quality checks, so there are no sessions or orders to analyse: the "
                        + "Quality stage's findings say why.\"",
                "trend,Only Feb 23 has data: $0 from 0 orders.",
                "funnel,\"There are no human sessions, so the funnel is empty.\"");
        assertThat(String.join("\n", insights)).doesNotContain("of 0 human sessions", "largest drop", "best day");
        assertThat(insights).contains("quality,\"No row passed the quality checks, so there are no orders or revenue "
                + "to use: see Quality findings for why the rows were set aside.\"");
        // The page drew empty charts (a conversion axis of "-0% ... 0%"), 0% tiles and sections without a word.
        String html = Files.readString(dir.resolve("o/report/report.html"));
        assertThat(html).doesNotContain("<svg", "revenue and orders can be used as they are")
                .contains("No human sessions on any day, so there are no charts.",
                        "There are no orders, so no channel has revenue or conversions to credit.",
                        "There are no human sessions to compare by device, browser or visitor type.",
                        "<div class=\"label\">Conversion rate</div><div class=\"value\">\u2013</div>",
                        "<div class=\"label\">Bot share</div><div class=\"value\">\u2013</div>");
        assertThat(out.toString()).contains("No orders over 1 day.", "No sessions without bots, so no conversion rate.")
                .doesNotContain("AOV $0");
    }

    @Test
    void aFolderOfEmptyFilesIsNotCalledCleanNorCountedOverZeroDays() throws Exception {
        Files.writeString(input.resolve("events_20250223.csv"), "");
        Files.writeString(input.resolve("events_20250224.csv"),
                "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n");
        Path output = dir.resolve("o");
        assertThat(run("run", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--as-of", "2025-02-25")).isEqualTo(1);
        // The page said "There were no orders over 0 days." under "Data quality: clean. ... every figure can be
        // used as it is", and the summary "No orders over 0 days." and "in 1 incident over 0 days".
        assertThat(Files.readAllLines(output.resolve("report/insights.csv"))).contains(
                "overview,There were no orders: no day has an event row.",
                "quality,\"No event row was read, so there is no figure to use: see Quality findings for the files "
                        + "that were empty or skipped.\"");
        assertThat(Files.readString(output.resolve("report/report.html"))).contains("Data quality: read with care.")
                .doesNotContain("Data quality: clean.", "over 0 days");
        assertThat(out.toString()).contains("No orders: no day has an event row.", " over 0 days with data:")
                .doesNotContain("over 0 days.");
    }

    @Test
    void aFolderOfBotsOnlySaysThereAreNoHumanSessions() throws Exception {
        List<String> insights = insightsAfterRunning("""
                1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Googlebot/2.1
                1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-24T10:00:00.000Z,page_viewed,,Googlebot/2.1
                """);
        assertThat(insights).contains(
                "overview,\"There are no human sessions: bots made 100% of the valid rows, and their sessions are left "
                        + "out of the reporting metrics.\"",
                "funnel,\"There are no human sessions, so the funnel is empty.\"");
    }

    @Test
    void aPeriodAcrossANewYearDatesItsDaysWithTheirYear() throws Exception {
        String header = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n";
        Files.delete(input.resolve("events_20250223.csv"));
        Files.writeString(input.resolve("events_20241231.csv"), header
                + "1740268806-eZQEpM832bnh,https://puffy.com/,,2024-12-31T10:00:00.000Z,page_viewed,,Mozilla/5.0\n"
                + "1740268806-eZQEpM832bnh,https://puffy.com/ty,,2024-12-31T10:05:00.000Z,checkout_completed,"
                + "\"{\"\"transaction_id\"\":\"\"ORD-1\"\",\"\"revenue\"\":10,\"\"items\"\":[{\"\"item_price\"\":10}]}\",Mozilla/5.0\n");
        Files.writeString(input.resolve("events_20250101.csv"), header
                + "1740268807-eZQEpM832bnh,https://puffy.com/,,2025-01-01T10:00:00.000Z,page_viewed,,Mozilla/5.0\n");
        Path output = dir.resolve("o");
        assertThat(run("run", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--as-of", "2025-01-02")).isIn(0, 1);
        assertThat(Files.readString(output.resolve("report/insights.csv")))
                .contains("The best day was Dec 31, 2024 with $10 (1 order); the weakest was Jan 1, 2025 with $0.");
        assertThat(Files.readString(output.resolve("report/report.html"))).contains("Dec 31, 2024 \u2013 Jan 1, 2025");
    }

    @Test
    void aRerunAfterATransformSettingThatChangesNothingLeavesMonitoringAndTheReportUntouched() throws Exception {
        Path output = dir.resolve("o");
        Path config = dir.resolve("rules.yaml");
        Files.writeString(config, "transform:\n  session_gap_minutes: 30\n");
        String[] args = {"run", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--as-of", "2025-02-24", "--config", config.toString()};
        int first = run(args);
        FileTime longAgo = FileTime.fromMillis(1_000_000_000_000L);
        List<Path> untouched = new ArrayList<>();
        for (String folder : List.of("monitoring", "report")) {
            try (Stream<Path> files = Files.list(output.resolve(folder))) {
                untouched.addAll(files.toList());
            }
        }
        for (Path file : untouched) {
            Files.setLastModifiedTime(file, longAgo);
        }

        // The two page views are a minute apart: a 45-minute gap cuts the same one session.
        Files.writeString(config, "transform:\n  session_gap_minutes: 45\n");
        assertThat(run(args)).isEqualTo(first);

        assertThat(err.toString()).contains("Transform: done in")
                .contains("Monitoring: up to date (Transform ran again and its outputs came out the same)")
                .contains("Analysis: up to date (Transform ran again and its outputs came out the same)");
        assertThat(out.toString()).contains("Transform (ran; its outputs came out the same as before):")
                .contains("Monitoring (up to date, not run again: Transform ran again and its outputs came out the "
                        + "same):");
        for (Path file : untouched) {
            assertThat(Files.getLastModifiedTime(file)).as(file.toString()).isEqualTo(longAgo);
        }
        JsonNode stages = new ObjectMapper().readTree(output.resolve("run.json").toFile()).path("stages");
        assertThat(stages.findValuesAsText("outcome")).containsExactly("up_to_date", "ran", "up_to_date", "up_to_date");
        assertThat(stages.get(2).path("stage").asText()).isEqualTo("monitor");
        assertThat(stages.get(2).path("upstream_came_out_the_same").toString()).isEqualTo("[\"transform\"]");
    }

    /**
     * A Quality setting that flags no row, then back to the defaults: the second Quality rerun takes every file from
     * the cache, so file_summary.csv's from_cache column reads true where the run before wrote false. Nothing after
     * Quality reads that column; until decision 0799 Transform, Monitoring and Analysis all ran again.
     */
    @Test
    void aQualityRerunThatDiffersOnlyInWhichFilesCameFromTheCacheRunsNothingAfterIt() throws Exception {
        Path output = dir.resolve("o");
        Path config = dir.resolve("rules.yaml");
        Files.writeString(config, "quality:\n  bot_pattern: {add: [petalbot]}\n");
        List<String> args = List.of("run", "--input", input.toString(), "--output", output.toString(),
                "--cache", dir.resolve("cache.db").toString(), "--as-of", "2025-02-24");
        int first = run(args.toArray(String[]::new));
        List<String> withConfig = new ArrayList<>(args);
        withConfig.addAll(List.of("--config", config.toString()));
        assertThat(run(withConfig.toArray(String[]::new))).isEqualTo(first);
        assertThat(Files.readString(output.resolve("quality/file_summary.csv"))).contains(",false,event_file");

        assertThat(run(args.toArray(String[]::new))).isEqualTo(first);
        assertThat(Files.readString(output.resolve("quality/file_summary.csv"))).as("from_cache").contains(",true,event_file");
        assertThat(out.toString()).contains("Quality (ran; its outputs came out the same as before):")
                .contains("Transform (up to date, not run again: Quality ran again and its outputs came out the same):")
                .contains("Monitoring (up to date, not run again: Quality ran again and its outputs came out the "
                        + "same):");
        JsonNode stages = new ObjectMapper().readTree(output.resolve("run.json").toFile()).path("stages");
        assertThat(stages.findValuesAsText("outcome")).containsExactly("ran", "up_to_date", "up_to_date", "up_to_date");
        assertThat(stages.get(0).path("outputs_unchanged").asBoolean()).isTrue();
    }
}
