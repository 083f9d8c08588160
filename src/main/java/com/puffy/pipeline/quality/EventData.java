package com.puffy.pipeline.quality;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puffy.pipeline.model.EmptyValue;
import com.puffy.pipeline.model.NumberText;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code event_data} checks of SPEC §4: strict RFC 8259 objects (Jackson's defaults refuse single quotes,
 * trailing commas, comments and NaN; trailing text after the object and a key repeated in one object are refused
 * too), and the facts of a purchase
 * payload. Only rows with a non-empty {@code event_data} reach this class.
 */
final class EventData {
    // A key written twice ({"revenue":100,"revenue":200}) has no defined value under RFC 8259 ("unpredictable"):
    // the last one silently won, so the order's revenue was a guess. Such a payload is not a strict object.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EventData() {
    }

    /** Whether the text is one strict JSON object and nothing else; no tree is built. */
    static boolean isObject(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The parsed object, or null when the text is not a strict JSON object. */
    static JsonNode parseObject(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | NumberFormatException e) {
            // Jackson lets a number whose exponent is past an int ("1e9999999999") out as a NumberFormatException:
            // such a payload has no value a stage can read, so it is not a strict object either.
            return null;
        }
    }

    /**
     * Revenues from here on are not held to the cent by the double the datasets sum (2^53 cents); 1e309 is not even
     * finite, and let through it turned every reconciliation check false. No order is this large: such a value is an
     * export error, so it is invalid, not numeric.
     */
    static final BigDecimal MAX_REVENUE = BigDecimal.valueOf(1L << 53).movePointLeft(2);

    /** What the purchase rules need from a valid purchase payload. */
    record Purchase(String transactionId, BigDecimal revenue, String revenueText, int items, int itemsWithoutPrice,
                    BigDecimal itemPriceSum, String canonicalPayload) {
        boolean hasTransactionId() {
            return transactionId != null;
        }

        boolean hasValidRevenue() {
            return revenue != null && revenue.signum() >= 0 && revenue.compareTo(MAX_REVENUE) < 0;
        }
    }

    static Purchase purchase(JsonNode object) {
        String tx = null;
        JsonNode txNode = object.get("transaction_id");
        if (txNode != null && (txNode.isTextual() || txNode.isNumber()) && !txNode.asText().isBlank()) {
            // A number is an id by its value, in the one spelling the replay comparison gives it: 1E+3 and 1000
            // (or 1.0 and 1) are one JSON value, so one payload, yet as Jackson writes them they were two ids,
            // neither a replay nor a collision (decision 0816). A string is its text: "1000" stays "1000".
            // trim() also drops control characters, which isBlank() keeps: an id of only "\u0000" was present, yet
            // written empty, and transform refused the valid purchase without an order_key.
            String text = txNode.isNumber() ? canonicalNumber(txNode.decimalValue()) : txNode.asText();
            // A no-break or zero-width space alone is no id either (EmptyValue, decision 0822), and one at an end
            // is trimmed as any blank is (decision 0825): "ORD-1\u00A0" is order ORD-1.
            String trimmed = EmptyValue.trim(text);
            tx = trimmed.isEmpty() ? null : trimmed;
        }
        BigDecimal revenue = number(object.get("revenue"));
        JsonNode revenueNode = object.get("revenue");
        String revenueText = revenueNode == null || revenueNode.isNull() ? "" : revenueNode.asText();
        int items = 0;
        int withoutPrice = 0;
        BigDecimal sum = BigDecimal.ZERO;
        JsonNode itemsNode = object.get("items");
        if (itemsNode != null && itemsNode.isArray()) {
            for (JsonNode item : itemsNode) {
                items++;
                BigDecimal price = item.isObject() ? number(item.get("item_price")) : null;
                if (price == null) {
                    withoutPrice++;
                } else {
                    sum = sum.add(price);
                }
            }
        }
        return new Purchase(tx, revenue, revenueText, items, withoutPrice, sum, canonical(object));
    }

    /**
     * A JSON number, or a string holding one ("799.00"); null otherwise, as for any text. "NaN" and "Infinity" are
     * text (model.NumberText: RFC 8259's number), and so is a number beyond what a double holds ("1e400"): read as
     * numbers they became NaN or Infinity downstream. Transform reads item numbers with the same grammar.
     * <p>
     * So is a number other than 0 that a double holds only as 0 (1e-999999999): no amount of money, and kept exactly
     * it made the price sum and the revenue written out a billion digits long, out of memory (decision 0812). A zero
     * is plain 0 whatever its exponent ("0e-999999999") for the same reason.
     */
    static BigDecimal number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            value = NumberText.exact(EmptyValue.trim(node.asText()));
        }
        if (value == null) {
            return null;
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        double approximately = value.doubleValue();
        return Double.isInfinite(approximately) || approximately == 0 ? null : value;
    }

    /**
     * The payload as one string per JSON value (SPEC §4 compares replays "as JSON"): keys sorted, no whitespace,
     * strings unescaped, and each number in one spelling ({@link #canonicalNumber}).
     */
    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        canonical(node, out);
        return out.toString();
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                entries.add(it.next());
            }
            entries.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                quote(entries.get(i).getKey(), out);
                out.append(':');
                canonical(entries.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(canonicalNumber(node.decimalValue()));
        } else if (node.isTextual()) {
            quote(node.asText(), out);
        } else {
            out.append(node.toString());
        }
    }

    /** How far from the point a number's digits may reach and still be written out in full. */
    private static final int PLAIN_SCALE = 1000;

    /**
     * One spelling per numeric value: 799, 799.0, 7.99e2 and 79900E-2 are one JSON number (RFC 8259 §6 has no
     * integer or decimal kinds), so all read "799". A number whose digits would reach more than a thousand places
     * from the point keeps its exponent ("1E+999999999"): eleven characters of JSON, written out it was a billion
     * digits and the run ended out of memory. toString writes an exponent there or, for a number of that many
     * digits, the plain form; either way each value has one spelling that no other value has.
     */
    static String canonicalNumber(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return Math.abs(stripped.scale()) <= PLAIN_SCALE ? stripped.toPlainString() : stripped.toString();
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
