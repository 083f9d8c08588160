package com.puffy.pipeline.model;

/** Severity of a quality finding (SPEC §4). Ordered from least to most severe. */
public enum Severity {
    INFO,
    WARNING,
    ERROR
}
