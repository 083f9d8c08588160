package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StdoutGuardTest {
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
        assertThat(StdoutGuard.exitCode(code, stdout.failure(), errWriter)).isEqualTo(2);
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
        assertThat(StdoutGuard.exitCode(0, stdout.failure(), new PrintWriter(err, true))).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailedCommandKeepsItsOwnCode() {
        StdoutGuard stdout = new StdoutGuard(failingWith("Input/output error"));
        new PrintWriter(stdout, true).println("x");
        StringWriter err = new StringWriter();
        assertThat(StdoutGuard.exitCode(3, stdout.failure(), new PrintWriter(err, true))).isEqualTo(3);
        assertThat(err.toString()).contains("(Input/output error)");
    }

    @Test
    void writesThatSucceedLeaveTheCodeAlone() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StdoutGuard stdout = new StdoutGuard(bytes);
        new PrintWriter(stdout, true).println("ok");
        assertThat(stdout.failure()).isNull();
        assertThat(StdoutGuard.exitCode(1, null, new PrintWriter(new StringWriter()))).isEqualTo(1);
        assertThat(bytes.toString()).startsWith("ok");
    }
}
