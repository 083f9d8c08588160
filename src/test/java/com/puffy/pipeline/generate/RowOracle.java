package com.puffy.pipeline.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.puffy.pipeline.model.ReasonCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent, deliberately simple reading of SPEC §4 for generated folders (whose values never hold line
 * breaks, so every physical line is one record): it computes each row's outcome and codes, so the tests can check
 * that faults.json lists exactly the rows that carry fault codes.
 */
final class RowOracle {
    static final Pattern BOT = Pattern.compile(
            "bot|crawl|spider|slurp|headless|facebookexternalhit|ahrefs|semrush|preview|amazonproductdiscovery",
            Pattern.CASE_INSENSITIVE);
    static final Pattern CLIENT = Pattern.compile("^\\d{10}-[A-Za-z0-9_-]{12}$");
    static final Pattern ISO = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");
    static final Set<String> EVENTS = Set.of("page_viewed", "email_filled_on_popup", "product_added_to_cart",
            "checkout_started", "checkout_completed", "purchase");
    static final List<String> CANONICAL = EventGenerator.canonicalHeader();

    /** file → line → codes after SPEC precedence. Only rows with at least one code are present. */
    final Map<String, Map<Integer, Set<ReasonCode>>> codes = new LinkedHashMap<>();
    int rows;

    private record Purchase(String file, int line, String client, JsonNode data) {
    }

    RowOracle(Generated g) throws IOException {
        Set<List<String>> seenRows = new HashSet<>();
        Map<String, List<Purchase>> byTransaction = new LinkedHashMap<>();
        for (var path : g.eventFiles()) {
            String file = path.getFileName().toString();
            List<String> lines = g.lines(file);
            if (lines.size() < 2) {
                continue;
            }
            List<String> header = Generated.parse(lines.get(0));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).equals("clientId") ? "client_id" : header.get(i);
                index.put(name, i);
            }
            LocalDate partition = LocalDate.parse(file.substring(7, 15), EventGenerator.COMPACT_DATE);
            Map<Integer, Set<ReasonCode>> fileCodes = new LinkedHashMap<>();
            codes.put(file, fileCodes);
            for (int n = 2; n <= lines.size(); n++) {
                String text = lines.get(n - 1);
                rows++;
                Set<ReasonCode> c = EnumSet.noneOf(ReasonCode.class);
                if (text.chars().filter(ch -> ch == '"').count() % 2 == 1) {
                    fileCodes.put(n, EnumSet.of(ReasonCode.MALFORMED_CSV));
                    continue;
                }
                List<String> values = Generated.parse(text);
                if (values.size() != header.size()) {
                    fileCodes.put(n, EnumSet.of(ReasonCode.COLUMN_COUNT_MISMATCH));
                    continue;
                }
                List<String> canonical = new ArrayList<>();
                for (String column : CANONICAL) {
                    Integer i = index.get(column);
                    canonical.add(i == null ? "" : values.get(i));
                }
                String client = canonical.get(0);
                String ts = canonical.get(3);
                String event = canonical.get(4).trim();
                String data = canonical.get(5);
                String agent = canonical.get(6);
                if (client.isEmpty()) {
                    c.add(ReasonCode.MISSING_CLIENT_ID);
                }
                Instant instant = null;
                try {
                    if (ISO.matcher(ts).matches()) {
                        instant = Instant.parse(ts);
                    }
                } catch (DateTimeParseException e) {
                    instant = null;
                }
                if (instant == null) {
                    c.add(ReasonCode.INVALID_TIMESTAMP);
                }
                if (event.isEmpty()) {
                    c.add(ReasonCode.MISSING_EVENT_NAME);
                }
                JsonNode json = null;
                if (!data.isEmpty()) {
                    try {
                        json = Generated.JSON.readTree(data);
                        if (!json.isObject()) {
                            json = null;
                        }
                    } catch (IOException e) {
                        json = null;
                    }
                    if (json == null) {
                        c.add(ReasonCode.INVALID_EVENT_DATA);
                    }
                }
                boolean purchase = event.equals("checkout_completed") || event.equals("purchase");
                BigDecimal revenue = null;
                if (purchase) {
                    if (json == null || !json.hasNonNull("transaction_id")) {
                        c.add(ReasonCode.PURCHASE_MISSING_TRANSACTION_ID);
                    }
                    JsonNode r = json == null ? null : json.get("revenue");
                    if (r != null && r.isNumber()) {
                        revenue = r.decimalValue();
                    } else if (r != null && r.isTextual()) {
                        try {
                            revenue = new BigDecimal(r.asText().trim());
                        } catch (NumberFormatException e) {
                            revenue = null;
                        }
                    }
                    if (revenue == null || revenue.signum() < 0 || revenue.compareTo(new BigDecimal("90071992547409.92")) >= 0) {
                        c.add(ReasonCode.PURCHASE_INVALID_REVENUE);
                    }
                }
                if (!c.isEmpty()) {
                    fileCodes.put(n, c);
                    continue;
                }
                if (!seenRows.add(canonical)) {
                    fileCodes.put(n, EnumSet.of(ReasonCode.DUPLICATE_EVENT));
                    continue;
                }
                if (purchase) {
                    String id = json.get("transaction_id").asText();
                    List<Purchase> same = byTransaction.computeIfAbsent(id, k -> new ArrayList<>());
                    // ObjectNode equality ignores key order, as SPEC §4 asks.
                    JsonNode payload = json;
                    boolean replay = same.stream().anyMatch(p -> p.client().equals(client) && p.data().equals(payload));
                    if (replay) {
                        fileCodes.put(n, EnumSet.of(ReasonCode.DUPLICATE_PURCHASE));
                        continue;
                    }
                    same.add(new Purchase(file, n, client, json));
                }
                if (!EVENTS.contains(event)) {
                    c.add(ReasonCode.UNKNOWN_EVENT_NAME);
                }
                if (!instant.atZone(ZoneOffset.UTC).toLocalDate().equals(partition)) {
                    c.add(ReasonCode.TIMESTAMP_OUTSIDE_PARTITION);
                }
                if (BOT.matcher(agent).find()) {
                    c.add(ReasonCode.BOT_USER_AGENT);
                }
                if (!CLIENT.matcher(client).matches()) {
                    c.add(ReasonCode.NON_STANDARD_CLIENT_ID);
                }
                if (purchase) {
                    if (revenue.signum() == 0) {
                        c.add(ReasonCode.PURCHASE_ZERO_REVENUE);
                    }
                    BigDecimal sum = BigDecimal.ZERO;
                    boolean allPrices = true;
                    for (JsonNode item : json.path("items")) {
                        JsonNode price = item.get("item_price");
                        if (price == null || price.isNull()) {
                            allPrices = false;
                        } else {
                            sum = sum.add(price.decimalValue());
                        }
                    }
                    if (!allPrices) {
                        c.add(ReasonCode.PURCHASE_ITEM_PRICE_MISSING);
                    } else if (sum.subtract(revenue).abs().compareTo(new BigDecimal("0.01")) > 0) {
                        c.add(ReasonCode.PURCHASE_REVENUE_MISMATCH);
                    }
                }
                if (!c.isEmpty()) {
                    fileCodes.put(n, c);
                }
            }
        }
        for (List<Purchase> same : byTransaction.values()) {
            if (same.size() > 1) {
                for (Purchase p : same) {
                    codes.get(p.file()).computeIfAbsent(p.line(), k -> EnumSet.noneOf(ReasonCode.class))
                            .add(ReasonCode.TRANSACTION_ID_COLLISION);
                }
            }
        }
    }

    static String describe(Set<ReasonCode> set) {
        return set.toString().toLowerCase(Locale.ROOT);
    }
}
