package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0834: when Quality's rows_valid and Transform's daily events disagree (decision 0824), the warning says
 * what mends it, and that command does: every stage run again on the folder with --force, the cache of SPEC §8 in
 * use. It said "eventpipe run --force", which the command line refuses without --input; and without --force
 * nothing runs, since every stage is up to date for its inputs.
 */
class ValidEventsDisagreementAdviceTest {
    private static final String ADVICE = "Run every stage again, even those up to date, before using either: "
            + "eventpipe run --input <this folder> --force (with this run's --output and --config, if any), or in the "
            + "app Run > Run all again, even fresh stages (Shift+F5).";

    @TempDir
    Path dir;
    private String err;

    private int eventpipe(String... args) {
        StringWriter errors = new StringWriter();
        int code = EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(new StringWriter(), true),
                new PrintWriter(errors, true), args);
        err = errors.toString();
        return code;
    }

    @Test
    void theAdvisedRunWithForceMendsOutputsThatDisagreeAndTheOldAdviceAloneIsRefused() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250223.csv"), """
                client_id,page_url,referrer,timestamp,event_name,event_data,user_agent
                1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Mozilla/5.0
                1740268806-eZQEpM832bnh,https://puffy.com/b,,2025-02-23T10:01:00.000Z,page_viewed,,Mozilla/5.0
                1740268806-eZQEpM832bnh,https://puffy.com/c,,2025-02-23T10:02:00.000Z,checkout_completed,"{""transaction_id"":""ORD-1"",""revenue"":5,""items"":[{""item_id"":""A"",""item_price"":5}]}",Mozilla/5.0
                """);
        Path output = dir.resolve("out");
        List<String> run = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", output.toString(),
                "--cache", dir.resolve("cache.sqlite").toString(), "--as-of", "2025-02-24"));
        int first = eventpipe(run.toArray(String[]::new));
        assertThat(first).as(err).isIn(0, 1);
        assertThat(err).doesNotContain("disagree");

        // Quality's file summary replaced by another run's: one valid row more than the Transform counted.
        Path summary = output.resolve("quality/file_summary.csv");
        String written = Files.readString(summary);
        String edited = written.replace(",3,3,0,0,", ",4,4,0,0,");
        assertThat(edited).as(written).isNotEqualTo(written);
        Files.writeString(summary, edited);

        // Without --force every stage is up to date: nothing runs and the edited summary stays.
        assertThat(eventpipe(run.toArray(String[]::new))).isEqualTo(first);
        assertThat(Files.readString(summary)).isEqualTo(edited);

        List<String> analyze = new ArrayList<>(run);
        analyze.set(0, "analyze");
        analyze.add("--force");
        assertThat(eventpipe(analyze.toArray(String[]::new))).isEqualTo(first);
        assertThat(err.replaceAll("\\s+", " ")).contains("WARNING: The Quality and Transform stages disagree on the "
                + "valid events: quality/file_summary.csv counts 4 (rows_valid), transform/daily_metrics.csv 3 "
                + "(events).", ADVICE);

        // What the warning said before: the command line refuses it.
        assertThat(eventpipe("run", "--force")).isEqualTo(2);
        assertThat(err).contains("`eventpipe run` needs --input DIR");

        // What it says now, with this run's --output and its cache: the summary is Quality's again, no warning.
        run.add("--force");
        assertThat(eventpipe(run.toArray(String[]::new))).isEqualTo(first);
        assertThat(err).doesNotContain("disagree");
        assertThat(Files.readString(summary)).contains(",3,3,0,0,").doesNotContain(",4,4,0,0,");
        assertThat(Files.readString(output.resolve("report/report.html"))).doesNotContain("read with care");
    }
}
