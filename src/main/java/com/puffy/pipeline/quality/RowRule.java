package com.puffy.pipeline.quality;

import com.puffy.pipeline.config.QualityConfig;
import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.model.ReasonCode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue of row rules of SPEC §4 that look at one row alone, in the order their codes are written. ERROR
 * rules decide quarantine; WARNING rules run on rows that passed every ERROR rule. The row-level rules that need
 * other rows (duplicates, transaction-id collisions) are decided in {@link DuplicateResolver}; the one that needs
 * the partition date of the file (TIMESTAMP_OUTSIDE_PARTITION) in {@link FileValidator}.
 * <p>
 * COLUMN_COUNT_MISMATCH and MALFORMED_CSV are structural: {@link FileValidator} sets them before any rule runs.
 */
enum RowRule {
    MISSING_CLIENT_ID(ReasonCode.MISSING_CLIENT_ID, CanonicalColumn.CLIENT_ID),
    INVALID_TIMESTAMP(ReasonCode.INVALID_TIMESTAMP, CanonicalColumn.TIMESTAMP),
    MISSING_EVENT_NAME(ReasonCode.MISSING_EVENT_NAME, CanonicalColumn.EVENT_NAME),
    INVALID_EVENT_DATA(ReasonCode.INVALID_EVENT_DATA, CanonicalColumn.EVENT_DATA),
    PURCHASE_MISSING_TRANSACTION_ID(ReasonCode.PURCHASE_MISSING_TRANSACTION_ID, CanonicalColumn.EVENT_DATA),
    PURCHASE_INVALID_REVENUE(ReasonCode.PURCHASE_INVALID_REVENUE, CanonicalColumn.EVENT_DATA),
    UNKNOWN_EVENT_NAME(ReasonCode.UNKNOWN_EVENT_NAME, CanonicalColumn.EVENT_NAME),
    BOT_USER_AGENT(ReasonCode.BOT_USER_AGENT, CanonicalColumn.USER_AGENT),
    NON_STANDARD_CLIENT_ID(ReasonCode.NON_STANDARD_CLIENT_ID, CanonicalColumn.CLIENT_ID),
    PURCHASE_ZERO_REVENUE(ReasonCode.PURCHASE_ZERO_REVENUE, CanonicalColumn.EVENT_DATA),
    PURCHASE_ITEM_PRICE_MISSING(ReasonCode.PURCHASE_ITEM_PRICE_MISSING, CanonicalColumn.EVENT_DATA),
    PURCHASE_REVENUE_MISMATCH(ReasonCode.PURCHASE_REVENUE_MISMATCH, CanonicalColumn.EVENT_DATA);

    static final List<RowRule> ERROR_RULES = List.of(MISSING_CLIENT_ID, INVALID_TIMESTAMP, MISSING_EVENT_NAME,
            INVALID_EVENT_DATA, PURCHASE_MISSING_TRANSACTION_ID, PURCHASE_INVALID_REVENUE);
    static final List<RowRule> WARNING_RULES = List.of(UNKNOWN_EVENT_NAME, BOT_USER_AGENT, NON_STANDARD_CLIENT_ID,
            PURCHASE_ZERO_REVENUE, PURCHASE_ITEM_PRICE_MISSING, PURCHASE_REVENUE_MISMATCH);

    private final ReasonCode code;
    private final CanonicalColumn column;

    RowRule(ReasonCode code, CanonicalColumn column) {
        this.code = code;
        this.column = column;
    }

    ReasonCode code() {
        return code;
    }

    /** The column the finding names. */
    CanonicalColumn column() {
        return column;
    }

    /**
     * Whether the rule fires on the row. One switch rather than a method per constant: the validator calls the
     * rules of every row through the same call site, which a method per constant makes megamorphic (not inlined).
     */
    boolean fires(RowFacts row, Context context) {
        return switch (this) {
            case MISSING_CLIENT_ID -> row.clientIdEmpty;
            case INVALID_TIMESTAMP -> row.epochMillis == Timestamps.INVALID;
            case MISSING_EVENT_NAME -> row.eventNameEmpty;
            case INVALID_EVENT_DATA -> !row.eventDataEmpty && !row.eventDataValid;
            case PURCHASE_MISSING_TRANSACTION_ID ->
                    row.purchase && (row.purchaseFacts == null || !row.purchaseFacts.hasTransactionId());
            case PURCHASE_INVALID_REVENUE ->
                    row.purchase && (row.purchaseFacts == null || !row.purchaseFacts.hasValidRevenue());
            case UNKNOWN_EVENT_NAME -> !row.knownEventName;
            case BOT_USER_AGENT -> row.bot;
            case NON_STANDARD_CLIENT_ID -> !row.standardClientId;
            case PURCHASE_ZERO_REVENUE -> row.purchaseFacts != null && row.purchaseFacts.revenue().signum() == 0;
            case PURCHASE_ITEM_PRICE_MISSING ->
                    row.purchaseFacts != null && row.purchaseFacts.itemsWithoutPrice() > 0;
            case PURCHASE_REVENUE_MISMATCH -> {
                EventData.Purchase p = row.purchaseFacts;
                yield p != null && p.itemsWithoutPrice() == 0
                        && p.itemPriceSum().subtract(p.revenue()).abs().compareTo(context.revenueTolerance) > 0;
            }
        };
    }

    /** The configured rule inputs, compiled once. */
    static final class Context {
        static final String DEFAULT_CLIENT_ID_PATTERN = "^\\d{10}-[A-Za-z0-9_-]{12}$";

        final Set<String> eventNames;
        final Set<String> purchaseNames;
        final BigDecimal revenueTolerance;
        private final Pattern bot;
        private final Pattern clientId;
        private final boolean defaultClientIdPattern;

        Context(QualityConfig config) {
            this.eventNames = new HashSet<>(config.eventNames());
            this.purchaseNames = new HashSet<>(config.purchaseEventNames());
            this.revenueTolerance = BigDecimal.valueOf(config.revenueTolerance());
            // An empty pattern is found in every user agent: written to turn bot detection off, it made every row a bot.
            this.bot = config.botPattern().isBlank() ? null
                    : Pattern.compile(config.botPattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            this.clientId = Pattern.compile(config.clientIdPattern());
            this.defaultClientIdPattern = DEFAULT_CLIENT_ID_PATTERN.equals(config.clientIdPattern());
        }

        /** User agents repeat, so {@link FileValidator} keeps the verdict per distinct value. */
        boolean isBot(String userAgent) {
            return bot != null && bot.matcher(userAgent).find();
        }

        boolean isStandardClientId(FieldValue id) {
            return defaultClientIdPattern ? matchesDefaultPattern(id) : clientId.matcher(id.text()).find();
        }

        static boolean matchesDefaultPattern(String id) {
            return matchesDefaultPattern(FieldValue.of(id));
        }

        /** The default pattern by hand: it runs on every row, and the regex engine costs several times more. */
        static boolean matchesDefaultPattern(FieldValue id) {
            byte[] text = id.asciiBytes();
            int at = id.asciiOffset();
            if (id.length() != 23 || text[at + 10] != '-') {
                return false;
            }
            for (int i = at; i < at + 10; i++) {
                byte c = text[i];
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            for (int i = at + 11; i < at + 23; i++) {
                // A byte of 0x80 or more (outside ASCII) is negative here, so the sign test keeps the lookup in range.
                byte c = text[i];
                if (c < 0 || !ID_CHARS[c]) {
                    return false;
                }
            }
            return true;
        }

        /** [A-Za-z0-9_-] as a table: one lookup instead of five range tests per character of every row's id. */
        private static final boolean[] ID_CHARS = new boolean[128];

        static {
            for (char c = 0; c < ID_CHARS.length; c++) {
                ID_CHARS[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                        || c == '-';
            }
        }
    }
}
