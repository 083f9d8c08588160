package com.puffy.pipeline.config;

/** A configuration file that cannot be used; the message names the file and what to fix. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String message) {
        super(message);
    }
}
