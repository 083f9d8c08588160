package com.puffy.pipeline.ui.quality;

import com.puffy.pipeline.model.ReasonCode;
import com.puffy.pipeline.model.Severity;
import java.util.Map;

/**
 * What a reason code of SPEC §4 means to an analyst who meets it in Findings, Quarantine or the reconciliation's why
 * line: what the rule checks (the catalogue's own words, {@link ReasonCode#description()}), what became of the row,
 * and what to look at next. MISSING_CLIENT_ID or PURCHASE_REVENUE_MISMATCH alone sent the analyst to the spec.
 */
public final class ReasonHelp {
    /** What to look at next, by the code as written in the output files (MALFORMED_CSV twice: row and file). */
    private static final Map<ReasonCode, String> NEXT = Map.ofEntries(
            Map.entry(ReasonCode.COLUMN_COUNT_MISMATCH, "Open the row (Enter) to read its raw record: a comma in an "
                    + "unquoted value or a line cut short usually explains it; fix the export that wrote the file."),
            Map.entry(ReasonCode.MALFORMED_CSV, "Usually an unbalanced quote; reading went on at the next line. Fix "
                    + "the quoting where the file is written."),
            Map.entry(ReasonCode.MISSING_CLIENT_ID, "Without a client the event joins no session or user. Check the "
                    + "tracking tag on the row's page; Schema drift shows whether the client-id null share jumped."),
            Map.entry(ReasonCode.INVALID_TIMESTAMP, "Only ISO-8601 UTC is read (2025-02-23T18:34:00.000Z): check the "
                    + "format the source writes."),
            Map.entry(ReasonCode.MISSING_EVENT_NAME, "Check the tag that sent the event: without a name it cannot be "
                    + "counted."),
            Map.entry(ReasonCode.INVALID_EVENT_DATA, "event_data must be strict JSON (double quotes, no trailing "
                    + "commas): check the source's serializer. A purchase with it also has no transaction id or "
                    + "revenue."),
            Map.entry(ReasonCode.PURCHASE_MISSING_TRANSACTION_ID, "The order cannot be counted or attributed: check "
                    + "the checkout tag's transaction_id."),
            Map.entry(ReasonCode.PURCHASE_INVALID_REVENUE, "The order's revenue cannot be used: check the checkout "
                    + "tag's revenue field."),
            Map.entry(ReasonCode.UNKNOWN_EVENT_NAME, "A new event? Add it to the event list in the rules (Rules in "
                    + "the header). Names match exactly: Purchase is not purchase."),
            Map.entry(ReasonCode.TIMESTAMP_OUTSIDE_PARTITION, "Late or early events count on their own UTC date; many "
                    + "in one file suggest a clock or time zone off at the source."),
            Map.entry(ReasonCode.BOT_USER_AGENT, "Nothing to fix: the row is kept with is_bot, and reporting metrics "
                    + "leave bot sessions out."),
            Map.entry(ReasonCode.NON_STANDARD_CLIENT_ID, "If the id format changed on purpose, update the client-id "
                    + "pattern in the rules; otherwise check the tracking tag."),
            Map.entry(ReasonCode.PURCHASE_ZERO_REVENUE, "A free order, or a tag that lost the revenue: the order "
                    + "counts with revenue 0."),
            Map.entry(ReasonCode.PURCHASE_ITEM_PRICE_MISSING, "The order's revenue is kept; item figures for it are "
                    + "incomplete. Check the product data the tag sends."),
            Map.entry(ReasonCode.PURCHASE_REVENUE_MISMATCH, "The revenue is kept as sent: look for a discount, "
                    + "shipping or tax the items do not carry."),
            Map.entry(ReasonCode.TRANSACTION_ID_COLLISION, "Each purchase is kept as its own order (order_key ~1, "
                    + "~2): check whether the checkout reuses transaction ids."),
            Map.entry(ReasonCode.DUPLICATE_EVENT, "Nothing to do for a few; many suggest a file sent twice or a tag "
                    + "firing twice."),
            Map.entry(ReasonCode.DUPLICATE_PURCHASE, "Revenue is not counted twice; many suggest a thank-you page "
                    + "reloaded or a tag firing twice."),
            Map.entry(ReasonCode.NOT_AN_EVENT_FILE, "The file is skipped: move it out of the folder if it does not "
                    + "belong there."),
            Map.entry(ReasonCode.EMPTY_FILE, "Check that the day's export ran: the day may be missing from the "
                    + "figures."),
            Map.entry(ReasonCode.UNREADABLE_FILE, "Check the file's permissions and that it is UTF-8 text, then "
                    + "export it again."),
            Map.entry(ReasonCode.NO_DATE_IN_NAME, "Name the file like events_YYYYMMDD.csv to put it on its day."),
            Map.entry(ReasonCode.MALFORMED_CSV_FILE, "The readable rows before and after were processed; the records "
                    + "that could not be read are in Quarantine."));

    private ReasonHelp() {
    }

    /**
     * "MISSING_CLIENT_ID: the client id is empty. The row is quarantined, out of every figure. Without a client …".
     * The severity tells the row's MALFORMED_CSV (ERROR) from the file's (WARNING); it may be empty. An unknown code
     * (a newer catalogue) reads as itself.
     */
    public static String explain(String code, String severity) {
        ReasonCode reason = reason(code, severity);
        if (reason == null) {
            return code;
        }
        return code + ": " + reason.description() + ". " + outcome(reason) + " " + NEXT.get(reason);
    }

    /** "MISSING_CLIENT_ID: the client id is empty." — the rule alone, for a list of several codes. */
    public static String rule(String code) {
        ReasonCode reason = reason(code, "");
        return reason == null ? code : code + ": " + reason.description() + ".";
    }

    private static ReasonCode reason(String code, String severity) {
        if (ReasonCode.MALFORMED_CSV.code().equals(code)) {
            return Severity.WARNING.name().equals(severity) ? ReasonCode.MALFORMED_CSV_FILE : ReasonCode.MALFORMED_CSV;
        }
        for (ReasonCode reason : ReasonCode.values()) {
            if (reason.code().equals(code)) {
                return reason;
            }
        }
        return null;
    }

    private static String outcome(ReasonCode reason) {
        if (reason.scope() == ReasonCode.Scope.FILE) {
            return "A finding about the whole file.";
        }
        if (reason.quarantines()) {
            return "The row is quarantined: it counts in no figure.";
        }
        if (reason.dropsAsDuplicate()) {
            return "The row was dropped; the first copy is kept.";
        }
        return "The row stays valid and counts, flagged.";
    }
}
