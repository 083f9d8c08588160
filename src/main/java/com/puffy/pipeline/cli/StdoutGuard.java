package com.puffy.pipeline.cli;

import com.puffy.pipeline.core.ExitCode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Standard output that remembers why a write failed. {@code eventpipe config --print-defaults > my-config.yaml} on a
 * full disk left an empty file and exit 0: PrintWriter and System.out swallow write errors, so a script saw success.
 * A reader that stopped reading ({@code | head -3}) is not a failure of ours and stays silent.
 */
final class StdoutGuard extends FilterOutputStream {
    private IOException failure;

    StdoutGuard(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** The first write that failed, or null. */
    IOException failure() {
        return failure;
    }

    /**
     * The command's exit code once its output is flushed. When standard output could not be written, stderr says why;
     * a command whose output was what it printed ({@code config --print-defaults > my-config.yaml}) failed, and a
     * success becomes exit 2, as for an output folder that cannot be written. A command that wrote its outputs to a
     * folder ({@code folderWritten}, not null) keeps its own code, 0, 1 or 3: only its summary is lost, and "usage
     * error" sent a script looking for a mistake in a command line that had done its work (decision 0801).
     */
    static int exitCode(int commandCode, IOException failure, PrintWriter err, Path folderWritten) {
        if (failure == null || readerStopped(failure)) {
            return commandCode;
        }
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (folderWritten != null) {
            err.println("eventpipe: could not write to standard output (" + reason + "), so the summary printed there "
                    + "is incomplete; the outputs in " + folderWritten.toAbsolutePath() + " were all written and the "
                    + "exit code is theirs: send standard output elsewhere to see the summary.");
            err.flush();
            return commandCode;
        }
        err.println("eventpipe: could not write to standard output (" + reason + "), so what it printed is "
                + "incomplete: free some space where it goes, or send it elsewhere.");
        err.flush();
        return commandCode == ExitCode.SUCCESS.code() ? ExitCode.USAGE.code() : commandCode;
    }

    /** The pipe's reader is gone ({@code | head}): Linux and macOS say "Broken pipe", Windows "pipe is being closed". */
    static boolean readerStopped(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("broken pipe") || message.contains("pipe is being closed")
                || message.contains("pipe has been ended");
    }
}
