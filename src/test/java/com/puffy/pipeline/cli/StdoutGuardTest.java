package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdoutGuardTest {
    private static final String FULL = "No space left on device";

    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    /** {@code eventpipe ARGS > /dev/full}: the exit code as the process would end with it. */
    private int intoAFullDevice(String... args) {
        return EventPipeCli.execute(com.puffy.pipeline.StudioEngine.standardPipeline(), failingWith(FULL),
                new PrintWriter(err, true), args);
    }

    private Path oneDay() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250223.csv"), """
                client_id,page_url,referrer,timestamp,event_name,event_data,user_agent
                1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Mozilla/5.0
                """);
        return input;
    }

    private String summaryLost(Path folder) {
        return "eventpipe: could not write to standard output (" + FULL + "), so the summary printed there is "
                + "incomplete; the outputs in " + folder.toAbsolutePath() + " were all written and the exit code is "
                + "theirs: send standard output elsewhere to see the summary." + System.lineSeparator();
    }

    @Test
    void aStageCommandWhoseSummaryCannotBePrintedKeepsItsExitCodeAndSaysItsOutputsAreWritten() throws Exception {
        // `validate --input DIR > /dev/full` wrote every output and ended 2, "usage error".
        Path input = oneDay();
        Path output = dir.resolve("o");
        assertThat(intoAFullDevice("validate", "--input", input.toString(), "--output", output.toString(),
                "--no-cache")).isZero();
        assertThat(output.resolve("quality/validated_events.csv")).isNotEmptyFile();
        assertThat(output.resolve("run.json")).isNotEmptyFile();
        assertThat(err.toString()).endsWith(summaryLost(output));
    }

    @Test
    void runKeepsItsCriticalAlertsCodeAndSaysTheSameAsValidate() throws Exception {
        // A one-day folder checked a week later: FRESHNESS is CRITICAL, exit 1 with or without a summary.
        Path input = oneDay();
        Path output = dir.resolve("o");
        assertThat(intoAFullDevice("run", "--input", input.toString(), "--output", output.toString(), "--no-cache",
                "--as-of", "2025-03-02")).isEqualTo(1);
        assertThat(output.resolve("monitoring/alerts.csv")).isNotEmptyFile();
        assertThat(err.toString()).contains("CRITICAL alert").endsWith(summaryLost(output));
    }

    @Test
    void generateWhoseSummaryCannotBePrintedKeepsExitZero() {
        Path out = dir.resolve("g");
        assertThat(intoAFullDevice("generate", "--out", out.toString(), "--days", "1", "--events-per-day", "20"))
                .isZero();
        assertThat(out.resolve("events_20250223.csv")).isNotEmptyFile();
        assertThat(err.toString()).endsWith(summaryLost(out));
    }

    @Test
    void commandsWhosePrintedTextIsTheProductFailWithExitTwo() {
        for (String[] args : new String[][]{{"config", "--print-defaults"}, {"--version"}, {"--help"},
                {"run", "--help"}}) {
            err.getBuffer().setLength(0);
            assertThat(intoAFullDevice(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).isEqualTo("eventpipe: could not write to standard "
                    + "output (" + FULL + "), so what it printed is incomplete: free some space where it goes, or "
                    + "send it elsewhere." + System.lineSeparator());
        }
    }

    @Test
    void aStageCommandThatFailedKeepsItsOwnCodeAndClaimsNoOutputs() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(intoAFullDevice("validate", "--input", empty.toString(), "--output", dir.resolve("o").toString(),
                "--no-cache")).isEqualTo(3);
        assertThat(err.toString()).contains("No event CSV files in").doesNotContain("were all written");
    }
    /** Standard output on a full disk: every write fails. */
    private static OutputStream failingWith(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(message);
            }
        };
    }

    @Test
    void printDefaultsOntoAFullDiskIsExitTwoWithTheReasonOnStderr() {
        StdoutGuard stdout = new StdoutGuard(failingWith("No space left on device"));
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err, true);
        PrintWriter out = ConsoleWriter.printWriter(stdout, "eventpipe.test.none");
        int code = EventPipeCli.execute(com.puffy.pipeline.StudioEngine.standardPipeline(), out, errWriter, "config",
                "--print-defaults");
        out.flush();
        assertThat(code).as("what the command itself returns").isZero();
        assertThat(StdoutGuard.exitCode(code, stdout.failure(), errWriter, null)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("eventpipe: could not write to standard output (No space left on "
                + "device), so what it printed is incomplete: free some space where it goes, or send it elsewhere."
                + System.lineSeparator());
    }

    @Test
    void aReaderThatStoppedReadingIsNotAnError() {
        StdoutGuard stdout = new StdoutGuard(failingWith("Broken pipe"));
        PrintWriter out = new PrintWriter(stdout, true);
        out.println("Quality:");
        StringWriter err = new StringWriter();
        assertThat(StdoutGuard.exitCode(0, stdout.failure(), new PrintWriter(err, true), null)).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailedCommandKeepsItsOwnCode() {
        StdoutGuard stdout = new StdoutGuard(failingWith("Input/output error"));
        new PrintWriter(stdout, true).println("x");
        StringWriter err = new StringWriter();
        assertThat(StdoutGuard.exitCode(3, stdout.failure(), new PrintWriter(err, true), null)).isEqualTo(3);
        assertThat(err.toString()).contains("(Input/output error)");
    }

    @Test
    void writesThatSucceedLeaveTheCodeAlone() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StdoutGuard stdout = new StdoutGuard(bytes);
        new PrintWriter(stdout, true).println("ok");
        assertThat(stdout.failure()).isNull();
        assertThat(StdoutGuard.exitCode(1, null, new PrintWriter(new StringWriter()), null)).isEqualTo(1);
        assertThat(bytes.toString()).startsWith("ok");
    }
}
