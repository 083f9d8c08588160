package com.puffy.pipeline.core;

/** Thrown out of a stage that saw its {@link Cancellation} set; the pipeline keeps the previous outputs. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("The run was cancelled; the previous outputs were kept.");
    }
}
