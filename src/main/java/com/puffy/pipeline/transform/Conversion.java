package com.puffy.pipeline.transform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.model.EmptyValue;
import com.puffy.pipeline.model.NumberText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One order (SPEC §5): a valid purchase row with its session, items and flags. */
record Conversion(
        int row,
        String orderKey,
        String transactionId,
        int client,
        int session,
        long timestamp,
        double revenue,
        String flags,
        List<Item> items,
        double quantity,
        String userEmail) {

    static final String ZERO_REVENUE = "PURCHASE_ZERO_REVENUE";
    static final String ITEM_PRICE_MISSING = "PURCHASE_ITEM_PRICE_MISSING";
    static final String COLLISION = "TRANSACTION_ID_COLLISION";

    /** One line of an order; {@code itemPrice} is the line total, null when the export left it out. */
    record Item(String itemId, String itemName, String itemVariant, Double quantity, Double itemPrice) {
    }

    boolean hasFlag(String code) {
        return hasFlag(flags, code);
    }

    private static boolean hasFlag(String flags, String code) {
        for (String flag : flags.split(";")) {
            if (flag.trim().equals(code)) {
                return true;
            }
        }
        return false;
    }

    int date() {
        return Times.dayOf(timestamp);
    }

    /** What an order takes from its event_data JSON; parsed apart, since it needs no session. */
    record Details(String transactionId, List<Item> items, double quantity, String userEmail) {
        /**
         * The reader {@link #parse} wants: floats kept exact, so an item number a double holds only as 0 is told
         * from 0 ({@link Conversion#number}).
         */
        static ObjectMapper eventDataReader() {
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        }

        /**
         * Items and hashed email from the event_data JSON (stage 1 guarantees it is a JSON object on a valid
         * purchase); the transaction id as quality decided it ({@link #transactionIdOf}).
         */
        static Details parse(EventTable.PurchaseRow purchase, ObjectMapper json) {
            JsonNode data;
            try {
                data = purchase.eventData().isBlank() ? null : json.readTree(purchase.eventData());
            } catch (java.io.IOException | NumberFormatException e) {
                // Quality refuses such a payload (a number past BigDecimal's exponent); an edited file may hold one.
                data = null;
            }
            String transactionId = transactionIdOf(purchase.orderKey(), purchase.flags());
            List<Item> items = new ArrayList<>();
            double quantity = 0;
            JsonNode itemNodes = data == null ? null : data.get("items");
            if (itemNodes != null && itemNodes.isArray()) {
                for (JsonNode item : itemNodes) {
                    Double q = number(item, "quantity");
                    items.add(new Item(text(item, "item_id"), text(item, "item_name"), text(item, "item_variant"), q,
                            number(item, "item_price")));
                    quantity += q == null ? 0 : q;
                }
            }
            return new Details(transactionId, items, quantity, text(data, "user_email"));
        }
    }

    /**
     * The transaction id quality keyed the order by: its order key, less the {@code ~n} quality adds to an id that
     * collides (and then flags). Read again from the JSON, it was another id for the same order: untrimmed
     * (" ORD-1 " for order ORD-1) and a number in a double's spelling (1000.0 for order 1000), so conversions.csv
     * disagreed with itself and with quality's collisions (decision 0816).
     */
    static String transactionIdOf(String orderKey, String flags) {
        if (hasFlag(flags, COLLISION)) {
            int tilde = orderKey.lastIndexOf('~');
            if (tilde > 0) {
                return orderKey.substring(0, tilde);
            }
        }
        return orderKey;
    }

    /** The order of a purchase row: revenue and order key as stage 1 decided them, the rest from its JSON. */
    static Conversion of(EventTable.PurchaseRow purchase, Details details, int client, int session, long timestamp) {
        return new Conversion(purchase.row(), purchase.orderKey(), details.transactionId(), client, session,
                timestamp, purchase.revenue(), purchase.flags(), details.items(), details.quantity(),
                details.userEmail());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * A JSON number or a string holding one, read as quality reads item prices (RFC 8259 numbers; "2" and "799.00"
     * count); null for any other text. Double.parseDouble also took "NaN", "Infinity", "1e400" (Infinity) and "2d":
     * a quantity "NaN" made the order's quantity and the product's units NaN, where "two" leaves the line's quantity
     * empty and adds nothing. A number other than 0 that a double holds only as 0 (1e-400) is no amount either:
     * quality calls such an item price missing (decision 0812), and read as 0 here the line had a price of 0 on an
     * order flagged PURCHASE_ITEM_PRICE_MISSING (decision 0816). Any zero is 0.
     */
    static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal exact;
        if (value.isNumber()) {
            exact = value.decimalValue();
        } else {
            exact = NumberText.exact(EmptyValue.trim(value.asText()));
            if (exact == null) {
                return null;
            }
        }
        if (exact.signum() == 0) {
            return 0.0;
        }
        double number = exact.doubleValue();
        return Double.isInfinite(number) || number == 0 ? null : number;
    }
}
