package com.puffy.pipeline.config;

/**
 * A configuration file that cannot be used; the message names the file and what to fix. When the problem is one key,
 * {@link #key()} names it (dotted, {@code transform.session_gap_minutes}, list entries {@code [1]}-based) and
 * {@link #line()} is its line in the text when known, so an editor can put the cursor there.
 */
public class ConfigException extends RuntimeException {
    private String key;
    private int line;

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String message) {
        super(message);
    }

    private ConfigException(String message, Throwable cause, String key, int line) {
        super(message, cause);
        this.key = key;
        this.line = line;
    }

    /** The key the problem is about, or null when it is about the whole file (not YAML, unreadable). */
    public String key() {
        return key;
    }

    /** The 1-based line of the problem in the text, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** Names the key this problem is about; the loader adds its line once it knows the text. */
    ConfigException about(String problemKey) {
        this.key = problemKey == null || problemKey.isEmpty() ? null : problemKey;
        return this;
    }

    /** The same problem at {@code lineNumber}, its message saying so. */
    ConfigException atLine(int lineNumber, String message) {
        return new ConfigException(message, getCause() == null ? this : getCause(), key, lineNumber);
    }
}
