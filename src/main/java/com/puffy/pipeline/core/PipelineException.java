package com.puffy.pipeline.core;

/**
 * A failure a user can act on. Its message is one sentence naming the file or setting and what to do; the faces
 * show it as is (no stack trace) and exit with {@link #exitCode()}.
 */
public class PipelineException extends RuntimeException {
    private final ExitCode exitCode;

    public PipelineException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public PipelineException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static PipelineException usage(String message) {
        return new PipelineException(ExitCode.USAGE, message);
    }

    public static PipelineException unreadableInput(String message, Throwable cause) {
        return new PipelineException(ExitCode.UNREADABLE_INPUT, message, cause);
    }
}
