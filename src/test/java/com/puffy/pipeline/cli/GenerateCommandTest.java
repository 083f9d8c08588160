package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.engine.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EventPipeCli.execute(new Pipeline(List.of()), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void generatesTheFolderAndPrintsThroughputAndPeakHeap() throws Exception {
        Path target = dir.resolve("gen");
        assertThat(run("generate", "--out", target.toString(), "--days", "2", "--events-per-day", "300",
                "--faults", "common", "--seed", "9")).isZero();
        assertThat(target.resolve("events_20250223.csv")).exists();
        assertThat(target.resolve("events_20250224.csv")).exists();
        assertThat(target.resolve("faults.json")).exists();
        assertThat(out.toString()).contains("Generated 2 files", "events/s", "peak heap");
        assertThat(err.toString()).contains("generate: 2/2");
    }

    @Test
    void theStartDateNamesTheFiles() {
        Path target = dir.resolve("gen");
        assertThat(run("generate", "--out", target.toString(), "--days", "1", "--events-per-day", "50",
                "--start-date", "2024-12-31")).isZero();
        assertThat(target.resolve("events_20241231.csv")).exists();
    }

    @Test
    void anEmptyOutIsAUsageErrorNotTheWorkingFolder() {
        assertThat(run("generate", "--out", "", "--days", "1", "--events-per-day", "50")).isEqualTo(2);
        assertThat(err.toString()).contains("--out is empty (a variable left unset?): give the folder to write.");
    }

    @Test
    void anOutThatIsAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "x");
        assertThat(run("generate", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + file, "is a file").doesNotContain("Exception");
    }

    @Test
    void aFolderWithOtherFilesIsNotOverwritten() throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "keep me");
        assertThat(run("generate", "--out", dir.toString(), "--days", "1", "--events-per-day", "50")).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + dir + " is not empty", "mine.txt");
        assertThat(dir.resolve("mine.txt")).hasContent("keep me");
    }

    @Test
    void anOutInsideAFileIsUnwritable() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThat(run("generate", "--out", file.resolve("sub").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + file.resolve("sub") + " cannot be created (",
                "pass --out with a folder you may write to").doesNotContain("Exception");
    }

    @Test
    void zeroDaysOrEventsAreUsageErrorsNamingTheOption() {
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--days", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--days 0 is out of range: give a number of days from 1 to 3660.");
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--events-per-day", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--events-per-day 0 must be a positive number of events.");
        assertThat(dir.resolve("g")).doesNotExist();
    }

    @Test
    void numbersTooLargeForTheirOptionAreUsageErrorsNotParserJargon() {
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--days", "99999999999")).isEqualTo(2);
        assertThat(err.toString()).contains("--days 99999999999 is out of range").doesNotContain("not an int");
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--events-per-day", "99999999999"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--events-per-day 99999999999 is more than one day can hold")
                .doesNotContain("not an int");
        assertThat(dir.resolve("g")).doesNotExist();
    }

    @Test
    void aDayTooLargeForTheHeapIsRefusedBeforeAnythingIsWritten() {
        // Two billion events a day ended in an OutOfMemoryError's stack trace and exit 1.
        Path target = dir.resolve("g");
        assertThat(run("generate", "--out", target.toString(), "--events-per-day", "2000000000")).isEqualTo(2);
        assertThat(err.toString()).contains("--events-per-day 2000000000 needs about", "of memory for one day",
                "larger -Xmx").doesNotContain("Exception", "\tat ");
        assertThat(target).doesNotExist();
    }

    @Test
    void anEmptyFaultListIsAUsageErrorNotCleanData() {
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--faults", "")).isEqualTo(2);
        assertThat(err.toString()).contains("--faults is empty (a variable left unset?)");
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--faults", " , ")).isEqualTo(2);
        assertThat(dir.resolve("g")).doesNotExist();
    }

    @Test
    void theSameSeedTwiceGivesByteIdenticalFilesAndAnotherSeedDiffers() throws Exception {
        for (String[] a : new String[][]{{"a", "5"}, {"b", "5"}, {"c", "6"}}) {
            assertThat(run("generate", "--out", dir.resolve(a[0]).toString(), "--days", "2", "--events-per-day", "200",
                    "--faults", "all", "--seed", a[1])).isZero();
        }
        for (String name : List.of("events_20250223.csv", "events_20250224.csv", "faults.json", "products.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(name)));
        }
        assertThat(Files.readAllBytes(dir.resolve("c").resolve("events_20250223.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve("events_20250223.csv")));
    }

    @Test
    void anUnknownFaultListsTheValidOnes() {
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--faults", "common,frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("'frobnicate' is not a fault", "column_rename", "bom_crlf", "common", "all");
    }

    @Test
    void negativeNumbersAreUsageErrors() {
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--days", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--days -1");
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--events-per-day", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("--events-per-day -5");
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--days", "0")).isEqualTo(2);
    }

    @Test
    void tooFewEventsForFaultsIsAUsageError() {
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--events-per-day", "20", "--faults", "all"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("too small to plant faults");
    }

    @Test
    void aBadStartDateIsAUsageError() {
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--start-date", "23/02/2025")).isEqualTo(2);
        assertThat(err.toString()).contains("YYYY-MM-DD");
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--start-date", "1999-01-01")).isEqualTo(2);
        assertThat(err.toString()).contains("out of range");
        assertThat(run("generate", "--out", dir.resolve("g").toString(), "--start-date", "2096-01-01")).isEqualTo(2);
        assertThat(err.toString()).contains("--start-date 2096-01-01 is out of range", "from 2002 to 2095");
    }

    @Test
    void withoutOutItSaysWhatIsMissing() {
        assertThat(run("generate")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }
}
