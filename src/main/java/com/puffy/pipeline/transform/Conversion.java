package com.puffy.pipeline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.model.NumberText;
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
         * Transaction id, items and hashed email from the event_data JSON (stage 1 guarantees it is a JSON object
         * on a valid purchase); without a transaction id in it, the order key up to its '~'.
         */
        static Details parse(EventTable.PurchaseRow purchase, ObjectMapper json) {
            JsonNode data;
            try {
                data = purchase.eventData().isBlank() ? null : json.readTree(purchase.eventData());
            } catch (java.io.IOException e) {
                data = null;
            }
            String transactionId = text(data, "transaction_id");
            if (transactionId == null) {
                int tilde = purchase.orderKey().lastIndexOf('~');
                transactionId = tilde > 0 ? purchase.orderKey().substring(0, tilde) : purchase.orderKey();
            }
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
     * A JSON number or a string holding one, with quality's grammar (RFC 8259 numbers; "2" and "799.00" count);
     * null for any other text. Double.parseDouble also took "NaN", "Infinity", "1e400" (Infinity) and "2d": a
     * quantity "NaN" made the order's quantity and the product's units NaN, where "two" leaves the line's quantity
     * empty and adds nothing.
     */
    static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        double number;
        if (value.isNumber()) {
            number = value.asDouble();
        } else {
            String text = value.asText().trim();
            if (!NumberText.isNumber(text)) {
                return null;
            }
            number = Double.parseDouble(text);
        }
        return Double.isFinite(number) ? number : null;
    }
}
