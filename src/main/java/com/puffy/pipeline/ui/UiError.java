package com.puffy.pipeline.ui;

import com.puffy.pipeline.config.ConfigException;
import com.puffy.pipeline.core.PipelineException;
import java.io.PrintWriter;
import java.io.StringWriter;

/** An error as the app shows it: one sentence a user can act on, and the technical details behind a button. */
public record UiError(String message, String details) {

    /** Engine and configuration errors are already one user-ready sentence; anything else gets a generic one. */
    public static UiError of(String doing, Throwable error) {
        Throwable cause = unwrap(error);
        String message;
        if (cause instanceof PipelineException || cause instanceof ConfigException) {
            message = inTheAppsWords(cause.getMessage());
        } else {
            message = "Could not " + doing + " (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + "); see Details, and the log file for more.";
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return new UiError(message, trace.toString());
    }

    /**
     * The engine words its advice for the command line ("choose another with --output"); in the app the same advice
     * names the button or menu that does it, and drops the command to type.
     */
    public static String inTheAppsWords(String message) {
        if (message == null) {
            return "";
        }
        return message
                .replaceAll("\\s*\\(eventpipe [^)]*\\)", "")
                .replace("with --output", "with Change… beside Output (File → Change output folder…)")
                .replace("give --cache a file name", "choose a file name with Change… beside Cache")
                .replace("with --cache", "with Change… beside Cache")
                .replace("check the --config path", "choose it again with Change… beside Rules, or use the built-in "
                        + "defaults there")
                .replace("the output of `eventpipe config --print-defaults`", "the built-in defaults")
                .replace("`eventpipe config --print-defaults`", "the built-in defaults")
                .replace("check the path passed with --input", "choose the folder again (File → Open folder…)")
                // FRESHNESS: the As of date picker in the header does what --as-of does (Rules now stands beside Cache).
                .replaceAll("pass --as-of (\\d{4}-\\d{2}-\\d{2})", "set As of (in the header) to $1")
                .replace("pass an --as-of date", "set As of (in the header) to a date")
                .replace("leave --as-of out", "press Today beside it")
                .replaceAll("daily event files \\(events_YYYYMMDD\\.csv\\)(?! with File)",
                        "daily event files (events_YYYYMMDD.csv) with File → Open folder… (Ctrl+O)");
    }

    /** The error under the wrappers of the run's threads: what the engine threw. */
    static Throwable rootCause(Throwable error) {
        return unwrap(error);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.io.UncheckedIOException && current.getCause() != null)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
