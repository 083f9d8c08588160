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
            message = cause.getMessage();
        } else {
            message = "Could not " + doing + " (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + "); see Details, and the log file for more.";
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return new UiError(message, trace.toString());
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
