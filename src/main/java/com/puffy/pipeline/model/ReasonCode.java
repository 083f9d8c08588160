package com.puffy.pipeline.model;

/**
 * Every reason code of SPEC §4. The names are a contract: other tools read them from
 * {@code findings.csv} and {@code quarantine.csv}, so they must never be renamed.
 */
public enum ReasonCode {
    // Row-level ERROR codes: the row is quarantined.
    COLUMN_COUNT_MISMATCH(Severity.ERROR, Scope.ROW, "The record has a different number of fields than its header"),
    MALFORMED_CSV(Severity.ERROR, Scope.ROW, "The record cannot be parsed as CSV"),
    MISSING_CLIENT_ID(Severity.ERROR, Scope.ROW, "The client id is empty"),
    INVALID_TIMESTAMP(Severity.ERROR, Scope.ROW, "The timestamp is missing or not ISO-8601"),
    MISSING_EVENT_NAME(Severity.ERROR, Scope.ROW, "The event name is empty"),
    INVALID_EVENT_DATA(Severity.ERROR, Scope.ROW, "event_data is not a strict JSON object"),
    PURCHASE_MISSING_TRANSACTION_ID(Severity.ERROR, Scope.ROW, "A purchase without transaction_id"),
    PURCHASE_INVALID_REVENUE(Severity.ERROR, Scope.ROW, "A purchase whose revenue is missing, non-numeric, negative or too large (90 trillion or more)"),

    // Row-level WARNING codes: the row stays valid and carries the flag.
    UNKNOWN_EVENT_NAME(Severity.WARNING, Scope.ROW, "The event name is not in the configured event list"),
    TIMESTAMP_OUTSIDE_PARTITION(Severity.WARNING, Scope.ROW, "The event's UTC date is not the file's date"),
    BOT_USER_AGENT(Severity.WARNING, Scope.ROW, "The user agent is a bot, crawler or headless browser"),
    NON_STANDARD_CLIENT_ID(Severity.WARNING, Scope.ROW, "The client id does not match the configured pattern"),
    PURCHASE_ZERO_REVENUE(Severity.WARNING, Scope.ROW, "A purchase with revenue 0"),
    PURCHASE_ITEM_PRICE_MISSING(Severity.WARNING, Scope.ROW, "A purchase item without item_price"),
    PURCHASE_REVENUE_MISMATCH(Severity.WARNING, Scope.ROW, "The item prices do not sum to the revenue"),
    TRANSACTION_ID_COLLISION(Severity.WARNING, Scope.ROW, "The same transaction_id on different purchases"),

    // Dropped as duplicates: counted and listed as INFO findings.
    DUPLICATE_EVENT(Severity.INFO, Scope.ROW, "An exact copy of an earlier row"),
    DUPLICATE_PURCHASE(Severity.INFO, Scope.ROW, "A replay of an earlier purchase"),

    // File-level findings.
    NOT_AN_EVENT_FILE(Severity.INFO, Scope.FILE, "The CSV has no timestamp, event_name or client id column"),
    EMPTY_FILE(Severity.WARNING, Scope.FILE, "The file is empty or has only a header"),
    UNREADABLE_FILE(Severity.ERROR, Scope.FILE, "The file cannot be read (permissions, not UTF-8, binary)"),
    NO_DATE_IN_NAME(Severity.INFO, Scope.FILE, "The file name carries no date; the earliest timestamp was used"),
    MALFORMED_CSV_FILE(Severity.WARNING, Scope.FILE, "The file has records that cannot be parsed");

    /** Whether a code is about one row or about a whole file. */
    public enum Scope { ROW, FILE }

    private final Severity severity;
    private final Scope scope;
    private final String description;

    ReasonCode(Severity severity, Scope scope, String description) {
        this.severity = severity;
        this.scope = scope;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public Scope scope() {
        return scope;
    }

    public String description() {
        return description;
    }

    /**
     * The code as written in output files. The file-level twin of {@link #MALFORMED_CSV} is written
     * {@code MALFORMED_CSV} too (SPEC §4 uses one name for both); the enum needs two constants only because the
     * severities differ.
     */
    public String code() {
        return this == MALFORMED_CSV_FILE ? MALFORMED_CSV.name() : name();
    }

    public boolean quarantines() {
        return scope == Scope.ROW && severity == Severity.ERROR;
    }

    public boolean dropsAsDuplicate() {
        return this == DUPLICATE_EVENT || this == DUPLICATE_PURCHASE;
    }
}
