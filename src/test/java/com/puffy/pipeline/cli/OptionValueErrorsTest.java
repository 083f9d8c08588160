package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value a numeric or date option cannot take is a usage error (exit 2) whose sentence names the option, what it
 * takes and an example, never picocli's "'abc' is not a long" or a Java exception.
 */
class OptionValueErrorsTest {
    @TempDir
    Path dir;

    private String err;

    private int run(String... args) {
        StringWriter errors = new StringWriter();
        int code = EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(new StringWriter(), true),
                new PrintWriter(errors, true), args);
        err = errors.toString();
        return code;
    }

    private void usageError(String expected, String... args) {
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err).as(String.join(" ", args)).startsWith("eventpipe: " + expected + System.lineSeparator())
                .doesNotContain("not a long", "not an int", "Invalid value", "cannot convert", "Exception");
    }

    @Test
    void everyWholeNumberOptionOfGenerateNamesItselfWhatItTakesAndAnExample() {
        String out = dir.resolve("g").toString();
        usageError("--seed 'abc' is not a whole number: give digits only (no decimals, units or separators), "
                + "e.g. --seed 1.", "generate", "--out", out, "--seed", "abc");
        usageError("--days 'ten' is not a whole number: give digits only (no decimals, units or separators), "
                + "e.g. --days 14.", "generate", "--out", out, "--days", "ten");
        usageError("--days '1.5' is not a whole number: give digits only (no decimals, units or separators), "
                + "e.g. --days 14.", "generate", "--out", out, "--days", "1.5");
        usageError("--events-per-day '3k' is not a whole number: give digits only (no decimals, units or "
                + "separators), e.g. --events-per-day 3500.", "generate", "--out", out, "--events-per-day", "3k");
        usageError("--seed 99999999999999999999 is too large: give a whole number up to 9223372036854775807, "
                + "e.g. --seed 1.", "generate", "--out", out, "--seed", "99999999999999999999");
        assertThat(dir.resolve("g")).doesNotExist();
    }

    @Test
    void benchsNumberOptionsGetTheSameSentences() {
        usageError("--events '1e6' is not a whole number: give digits only (no decimals, units or separators), "
                + "e.g. --events 1000000.", "bench", "--events", "1e6");
        usageError("--days 99999999999 is too large: give a whole number up to 2147483647, e.g. --days 14.",
                "bench", "--days", "99999999999");
        usageError("--seed '' is not a whole number: give digits only (no decimals, units or separators), "
                + "e.g. --seed 1.", "bench", "--seed", "");
    }

    @Test
    void aDateOptionSaysWhyTheValueIsNotADate() {
        String in = dir.resolve("in").toString();
        usageError("--as-of '2025-13-01' is not a date (there is no month 13): write it as YYYY-MM-DD, "
                + "e.g. --as-of 2025-03-09.", "run", "--input", in, "--as-of", "2025-13-01");
        usageError("--as-of '2024-02-30' is not a date (February 2024 has 29 days): write it as YYYY-MM-DD, "
                + "e.g. --as-of 2025-03-09.", "monitor", "--input", in, "--as-of", "2024-02-30");
        usageError("--as-of 'yesterday' is not a date: write it as YYYY-MM-DD, e.g. --as-of 2025-03-09.",
                "validate", "--input", in, "--as-of", "yesterday");
        usageError("--start-date '23/02/2025' is not a date: write it as YYYY-MM-DD, e.g. --start-date 2025-02-23.",
                "generate", "--out", dir.resolve("g").toString(), "--start-date", "23/02/2025");
        usageError("--start-date '2025-04-31' is not a date (April 2025 has 30 days): write it as YYYY-MM-DD, "
                + "e.g. --start-date 2025-02-23.", "generate", "--out", dir.resolve("g").toString(),
                "--start-date", "2025-04-31");
    }

    @Test
    void aDateWithSpacesAroundItIsStillADate() {
        assertThat(new OptionValueErrors.DateConverter().convert(" 2025-03-09 "))
                .isEqualTo(java.time.LocalDate.of(2025, 3, 9));
    }
}
