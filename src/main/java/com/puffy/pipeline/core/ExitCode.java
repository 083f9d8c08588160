package com.puffy.pipeline.core;

/** Process exit codes of SPEC §9. */
public enum ExitCode {
    SUCCESS(0),
    CRITICAL_ALERTS(1),
    USAGE(2),
    UNREADABLE_INPUT(3),
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
