package com.puffy.pipeline.generate;

import com.puffy.pipeline.model.ReasonCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The faults {@code eventpipe generate --faults} can plant, with the reason codes SPEC §4 expects for each (for
 * drift faults: none per row, an episode in {@code schema_drift.csv}). {@link #common()} is the set seen in the real
 * export of DATA.md.
 */
public enum FaultKind {
    COLUMN_RENAME(true, "client_id arrives as clientId from some day on"),
    DROPPED_COLUMN(true, "the referrer column disappears for a few files (6 columns)"),
    CLIENT_ID_NULL_SPIKE(true, "rows without client id: about 1 % a day, 12-15 % on two days",
            ReasonCode.MISSING_CLIENT_ID),
    TRANSACTION_ID_COLLISION(true, "the same ORD id on two different orders", ReasonCode.TRANSACTION_ID_COLLISION),
    ZERO_REVENUE(true, "orders with revenue 0 and one all-null item", ReasonCode.PURCHASE_ZERO_REVENUE,
            ReasonCode.PURCHASE_ITEM_PRICE_MISSING),
    NULL_ITEM_PRICES(true, "every item_price null from some day on while revenue stays",
            ReasonCode.PURCHASE_ITEM_PRICE_MISSING),
    DUPLICATE_ROW(true, "an exact copy of a row", ReasonCode.DUPLICATE_EVENT),
    BOT_BURST(true, "a burst of headless-browser checkout starts on one day", ReasonCode.BOT_USER_AGENT),
    STICKY_REFERRER(true, "from some day on, later events of a visit repeat its landing's external referrer"),
    PURCHASE_REPLAY(false, "a purchase sent again later", ReasonCode.DUPLICATE_PURCHASE),
    MALFORMED_JSON(false, "event_data that is not strict JSON", ReasonCode.INVALID_EVENT_DATA),
    BROKEN_QUOTING(false, "a record whose quoted field never closes", ReasonCode.MALFORMED_CSV),
    BAD_TIMESTAMP(false, "timestamps that are empty or not ISO-8601", ReasonCode.INVALID_TIMESTAMP),
    OUT_OF_PARTITION(false, "late events from the previous day", ReasonCode.TIMESTAMP_OUTSIDE_PARTITION),
    UNKNOWN_EVENT(false, "event names Purchase and add_to_wishlist", ReasonCode.UNKNOWN_EVENT_NAME),
    BAD_REVENUE(false, "purchases with negative or text revenue", ReasonCode.PURCHASE_INVALID_REVENUE),
    BOM_CRLF(false, "one file with a UTF-8 BOM and CRLF line ends (must read cleanly)"),
    NO_TRAILING_NEWLINE(false, "the last file ends without a newline (must read cleanly)"),
    EMPTY_FILE(false, "a 0-byte event file", ReasonCode.EMPTY_FILE),
    HEADER_ONLY(false, "an event file with only a header", ReasonCode.EMPTY_FILE),
    NON_EVENT_CSV(false, "products.csv, a CSV that is not an event file", ReasonCode.NOT_AN_EVENT_FILE),
    COLUMN_COUNT(false, "rows with one field too many and one too few", ReasonCode.COLUMN_COUNT_MISMATCH);

    private final boolean common;
    private final String description;
    private final List<ReasonCode> codes;

    FaultKind(boolean common, String description, ReasonCode... codes) {
        this.common = common;
        this.description = description;
        this.codes = List.of(codes);
    }

    /** The name on the command line and in faults.json, e.g. {@code client_id_null_spike}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The codes this fault makes the quality stage report (per row, or per file for the file faults). */
    public List<ReasonCode> codes() {
        return codes;
    }

    public static Set<FaultKind> common() {
        Set<FaultKind> set = EnumSet.noneOf(FaultKind.class);
        for (FaultKind kind : values()) {
            if (kind.common) {
                set.add(kind);
            }
        }
        return set;
    }

    /**
     * Parses {@code --faults}: {@code none}, {@code common}, {@code all}, or a comma-separated list of ids (hyphens
     * and case are forgiven); groups and ids may be mixed ({@code common,bom_crlf}).
     */
    public static Set<FaultKind> parse(String list) {
        Set<FaultKind> set = EnumSet.noneOf(FaultKind.class);
        if (list == null || list.isBlank()) {
            return set;
        }
        for (String raw : list.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            switch (name) {
                case "", "none" -> { }
                case "all" -> set.addAll(EnumSet.allOf(FaultKind.class));
                case "common" -> set.addAll(common());
                default -> set.add(byId(name, raw.trim()));
            }
        }
        return set;
    }

    private static FaultKind byId(String name, String raw) {
        for (FaultKind kind : values()) {
            if (kind.id().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + raw + "' is not a fault; use none, common, all or any of: "
                + String.join(", ", ids()));
    }

    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (FaultKind kind : values()) {
            ids.add(kind.id());
        }
        return ids;
    }
}
