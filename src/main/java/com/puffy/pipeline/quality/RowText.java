package com.puffy.pipeline.quality;

import com.puffy.pipeline.io.CsvCells;
import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.model.ReasonCode;
import com.puffy.pipeline.model.Severity;
import java.time.LocalDate;

/**
 * The text of the per-row lines of quarantine.csv and findings.csv: rendered by {@link FileValidator} into the
 * spool, and by {@link QualityWriter} for the rows a cross-file step changes, so both render alike.
 */
final class RowText {
    private static final int VALUE_LIMIT = 300;

    private RowText() {
    }

    /** One findings.csv line. */
    static void finding(StringBuilder out, String file, int line, ReasonCode code, String value, String message,
                        String date) {
        CsvCells.appendRow(out, file, line, code.severity().name(), code.code(), columnOf(code), truncate(value),
                message, date);
    }

    /** The findings.csv line of a row dropped as a duplicate of {@code earlier} ("file:line"). */
    static void duplicate(StringBuilder out, String file, int line, boolean purchaseReplay, String earlier,
                          String date) {
        ReasonCode code = purchaseReplay ? ReasonCode.DUPLICATE_PURCHASE : ReasonCode.DUPLICATE_EVENT;
        CsvCells.appendRow(out, file, line, Severity.INFO.name(), code.code(), "", earlier,
                (purchaseReplay ? "A replay of the purchase at " : "An exact copy of the row at ") + earlier
                        + "; dropped as a duplicate.", date);
    }

    /** A quarantined row: its quarantine.csv line into {@code row} and its ERROR findings into {@code findings}. */
    static void quarantined(StringBuilder row, StringBuilder findings, String file, int line, int mask,
                            String detail, String[] raw, String rawRecord, String date) {
        StringBuilder reasons = new StringBuilder();
        for (ReasonCode code : ReasonCode.values()) {
            if ((mask & (1 << code.ordinal())) != 0) {
                if (reasons.length() > 0) {
                    reasons.append(';');
                }
                reasons.append(code.code());
                finding(findings, file, line, code, errorValue(code, detail, raw), errorMessage(code, detail),
                        date);
            }
        }
        Object[] cells = new Object[4 + CanonicalColumn.values().length];
        cells[0] = file;
        cells[1] = line;
        cells[2] = reasons.toString();
        for (int i = 0; i < CanonicalColumn.values().length; i++) {
            cells[3 + i] = i < raw.length ? raw[i] : "";
        }
        cells[cells.length - 1] = rawRecord;
        CsvCells.appendRow(row, cells);
    }

    private static String errorValue(ReasonCode code, String detail, String[] raw) {
        return switch (code) {
            case COLUMN_COUNT_MISMATCH, MALFORMED_CSV -> detail;
            case INVALID_TIMESTAMP -> raw[CanonicalColumn.TIMESTAMP.ordinal()];
            case MISSING_EVENT_NAME, MISSING_CLIENT_ID -> "";
            default -> raw[CanonicalColumn.EVENT_DATA.ordinal()];
        };
    }

    private static String errorMessage(ReasonCode code, String detail) {
        return switch (code) {
            case COLUMN_COUNT_MISMATCH -> "The record has " + detail + "; the row is quarantined.";
            case MALFORMED_CSV -> "The record cannot be parsed as CSV (" + detail
                    + "); it is quarantined and reading resumed at the next line.";
            case INVALID_TIMESTAMP -> "The timestamp is missing or not ISO-8601 (expected like "
                    + "2025-02-23T00:00:01.750Z); the row is quarantined.";
            case INVALID_EVENT_DATA -> "event_data is not a strict JSON object; the row is quarantined.";
            default -> code.description() + "; the row is quarantined.";
        };
    }

    static String warningMessage(ReasonCode code, String value, LocalDate partitionDate, String orderKey) {
        return switch (code) {
            case TIMESTAMP_OUTSIDE_PARTITION -> "The event's UTC date is not the file's date " + partitionDate
                    + "; the row is kept and flagged.";
            case TRANSACTION_ID_COLLISION -> "Transaction id " + value + " is shared by different purchases; this one"
                    + " is kept as order " + orderKey + ".";
            default -> KEPT[code.ordinal()];
        };
    }

    /** About one row in seven is flagged: the constant messages are built once. */
    private static final String[] KEPT = new String[ReasonCode.values().length];

    static {
        for (ReasonCode code : ReasonCode.values()) {
            KEPT[code.ordinal()] = code.description() + "; the row is kept and flagged.";
        }
    }

    static String columnOf(ReasonCode code) {
        return switch (code) {
            case MISSING_CLIENT_ID, NON_STANDARD_CLIENT_ID -> "client_id";
            case INVALID_TIMESTAMP, TIMESTAMP_OUTSIDE_PARTITION -> "timestamp";
            case MISSING_EVENT_NAME, UNKNOWN_EVENT_NAME -> "event_name";
            case BOT_USER_AGENT -> "user_agent";
            case INVALID_EVENT_DATA, PURCHASE_MISSING_TRANSACTION_ID, PURCHASE_INVALID_REVENUE, PURCHASE_ZERO_REVENUE,
                 PURCHASE_ITEM_PRICE_MISSING, PURCHASE_REVENUE_MISMATCH, TRANSACTION_ID_COLLISION -> "event_data";
            default -> "";
        };
    }

    private static String truncate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= VALUE_LIMIT ? value : value.substring(0, VALUE_LIMIT) + "…";
    }
}
