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
 * other rows (duplicates, transaction-id collisions) or the partition date of the file
 * (TIMESTAMP_OUTSIDE_PARTITION) are decided in {@link DuplicateResolver} and {@link QualityWriter}.
 * <p>
 * COLUMN_COUNT_MISMATCH and MALFORMED_CSV are structural: {@link FileValidator} sets them before any rule runs.
 */
enum RowRule {
    MISSING_CLIENT_ID(ReasonCode.MISSING_CLIENT_ID, CanonicalColumn.CLIENT_ID) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return row.clientId.isBlank();
        }
    },
    INVALID_TIMESTAMP(ReasonCode.INVALID_TIMESTAMP, CanonicalColumn.TIMESTAMP) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return row.epochMillis == Timestamps.INVALID;
        }
    },
    MISSING_EVENT_NAME(ReasonCode.MISSING_EVENT_NAME, CanonicalColumn.EVENT_NAME) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return row.eventNameTrimmed.isEmpty();
        }
    },
    INVALID_EVENT_DATA(ReasonCode.INVALID_EVENT_DATA, CanonicalColumn.EVENT_DATA) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return !row.eventDataEmpty && !row.eventDataValid;
        }
    },
    PURCHASE_MISSING_TRANSACTION_ID(ReasonCode.PURCHASE_MISSING_TRANSACTION_ID, CanonicalColumn.EVENT_DATA) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return row.purchase && (row.purchaseFacts == null || !row.purchaseFacts.hasTransactionId());
        }
    },
    PURCHASE_INVALID_REVENUE(ReasonCode.PURCHASE_INVALID_REVENUE, CanonicalColumn.EVENT_DATA) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return row.purchase && (row.purchaseFacts == null || !row.purchaseFacts.hasValidRevenue());
        }
    },
    UNKNOWN_EVENT_NAME(ReasonCode.UNKNOWN_EVENT_NAME, CanonicalColumn.EVENT_NAME) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return !context.eventNames.contains(row.eventNameTrimmed);
        }
    },
    BOT_USER_AGENT(ReasonCode.BOT_USER_AGENT, CanonicalColumn.USER_AGENT) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return context.isBot(row.userAgent);
        }
    },
    NON_STANDARD_CLIENT_ID(ReasonCode.NON_STANDARD_CLIENT_ID, CanonicalColumn.CLIENT_ID) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return !context.isStandardClientId(row.clientId);
        }
    },
    PURCHASE_ZERO_REVENUE(ReasonCode.PURCHASE_ZERO_REVENUE, CanonicalColumn.EVENT_DATA) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return row.purchaseFacts != null && row.purchaseFacts.revenue().signum() == 0;
        }
    },
    PURCHASE_ITEM_PRICE_MISSING(ReasonCode.PURCHASE_ITEM_PRICE_MISSING, CanonicalColumn.EVENT_DATA) {
        @Override
        boolean fires(RowFacts row, Context context) {
            return row.purchaseFacts != null && row.purchaseFacts.itemsWithoutPrice() > 0;
        }
    },
    PURCHASE_REVENUE_MISMATCH(ReasonCode.PURCHASE_REVENUE_MISMATCH, CanonicalColumn.EVENT_DATA) {
        @Override
        boolean fires(RowFacts row, Context context) {
            EventData.Purchase p = row.purchaseFacts;
            return p != null && p.itemsWithoutPrice() == 0
                    && p.itemPriceSum().subtract(p.revenue()).abs().compareTo(context.revenueTolerance) > 0;
        }
    };

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

    abstract boolean fires(RowFacts row, Context context);

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
            this.bot = Pattern.compile(config.botPattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            this.clientId = Pattern.compile(config.clientIdPattern());
            this.defaultClientIdPattern = DEFAULT_CLIENT_ID_PATTERN.equals(config.clientIdPattern());
        }

        /** User agents repeat, so {@link FileValidator} keeps the verdict per distinct value. */
        boolean isBot(String userAgent) {
            return bot.matcher(userAgent).find();
        }

        boolean isStandardClientId(String id) {
            return defaultClientIdPattern ? matchesDefaultPattern(id) : clientId.matcher(id).find();
        }

        /** The default pattern by hand: it runs on every row, and the regex engine costs several times more. */
        static boolean matchesDefaultPattern(String id) {
            if (id.length() != 23 || id.charAt(10) != '-') {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                char c = id.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            for (int i = 11; i < 23; i++) {
                char c = id.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                        || c == '-';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
