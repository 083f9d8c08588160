package com.puffy.pipeline.transform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A reference Transform (SPEC §5, §5.1) for the differential test {@link TransformOracleTest}: written from SPEC's
 * sentences with plain lists and maps, no speed tricks, nothing shared with the engine but Commons CSV. It reads
 * Quality's outputs (validated_events.csv, file_summary.csv, quarantine.csv) and gives every dataset as rows of
 * column → value (String, Long, Double or Boolean), keyed as {@link TransformOracleTest} compares them.
 * <p>
 * Where SPEC is silent it follows docs/decisions/0302 (session ids {@code <client>-<n>}; daily rows only for
 * partition days with rows; a purchase without a touchpoint in the lookback is credited to its own session).
 */
final class TransformOracle {
    static final Duration GAP = Duration.ofMinutes(30);
    static final Duration LOOKBACK = Duration.ofDays(7);
    static final Set<String> PURCHASE_NAMES = Set.of("checkout_completed", "purchase");
    static final Pattern BOT = Pattern.compile(
            "bot|crawl|spider|slurp|headless|facebookexternalhit|ahrefs|semrush|preview|amazonproductdiscovery",
            Pattern.CASE_INSENSITIVE);
    static final List<String> MODELS = List.of("first_click", "last_click", "last_non_direct", "linear",
            "position_based", "time_decay");
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper EXACT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Event(int index, String client, String page, String referrer, Instant time, String name, String data,
                 String userAgent, String file, int line, String partitionDate) {
        boolean isPurchase() {
            return PURCHASE_NAMES.contains(name.trim());
        }

        boolean isBot() {
            return BOT.matcher(userAgent).find();
        }
    }

    static final class Session {
        String id;
        final List<Event> events = new ArrayList<>();
        String channel;
        boolean newUser;
        double revenue;

        Event landing() {
            return events.get(0);
        }

        Instant start() {
            return landing().time();
        }

        Instant end() {
            return events.get(events.size() - 1).time();
        }

        boolean has(String eventName) {
            return events.stream().anyMatch(e -> e.name().trim().equals(eventName));
        }

        boolean converted() {
            return events.stream().anyMatch(Event::isPurchase);
        }

        boolean bot() {
            return landing().isBot();
        }
    }

    record Order(String orderKey, String transactionId, Event event, Session session, double revenue) {
    }

    final List<Event> events = new ArrayList<>();
    final Map<String, List<Session>> sessionsByClient = new TreeMap<>();
    final List<Session> sessions = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    /** order key → model → session id → credit. */
    final Map<String, Map<String, Map<String, Double>>> credits = new LinkedHashMap<>();
    private final Map<String, Long> rowsReadByDay = new TreeMap<>();
    private final Map<String, Long> rowsWithoutClientByDay = new TreeMap<>();

    static TransformOracle of(Path qualityDir) throws IOException {
        TransformOracle oracle = new TransformOracle();
        oracle.read(qualityDir);
        oracle.cutSessions();
        oracle.findOrders();
        oracle.attribute();
        return oracle;
    }

    // ---- reading Quality's outputs ---------------------------------------------------------------------------

    private void read(Path quality) throws IOException {
        for (Map<String, String> row : csv(quality.resolve("validated_events.csv"))) {
            events.add(new Event(events.size(), row.get("client_id"), row.get("page_url"), row.get("referrer"),
                    Instant.parse(row.get("timestamp")), row.get("event_name"), row.get("event_data"),
                    row.get("user_agent"), row.get("file"), Integer.parseInt(row.get("line")),
                    row.get("partition_date")));
        }
        Map<String, String> dayOfFile = new HashMap<>();
        for (Map<String, String> row : csv(quality.resolve("file_summary.csv"))) {
            dayOfFile.put(row.get("file"), row.get("partition_date"));
            if (!row.get("partition_date").isEmpty()) {
                rowsReadByDay.merge(row.get("partition_date"), Long.parseLong(row.get("rows_read")), Long::sum);
            }
        }
        for (Map<String, String> row : csv(quality.resolve("quarantine.csv"))) {
            // A record that could not be parsed has no fields to judge (its raw_client_id is empty whatever it held).
            String client = row.get("raw_client_id");
            boolean unparsed = row.get("reasons").contains("MALFORMED_CSV");
            if (row.get("reasons").contains("MISSING_CLIENT_ID")
                    || !unparsed && com.puffy.pipeline.model.EmptyValue.isEmpty(client)) {
                rowsWithoutClientByDay.merge(dayOfFile.get(row.get("file")), 1L, Long::sum);
            }
        }
    }

    /** A CSV with a header row as rows of column → cell, in column order, formula protection undone. */
    static List<Map<String, String>> csv(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : parser.getHeaderNames()) {
                    row.put(column, unprotect(record.get(column)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** SPEC §7's formula protection undone: a leading ' before = + - @ or '. */
    static String unprotect(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@'".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    // ---- SPEC §5 -----------------------------------------------------------------------------------------------

    /**
     * Order (client_id, timestamp, file, line), files in SPEC §3's order (partition date, file name: a row's
     * partition_date is its file's); a gap greater than 30 minutes starts a new session. Decision 0766: by file name
     * alone, a tie between events_20250223.csv and a later-dated late.csv went the other way.
     */
    private void cutSessions() {
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Event::client).thenComparing(Event::time)
                .thenComparing(Event::partitionDate).thenComparing(Event::file).thenComparingInt(Event::line));
        Session current = null;
        Event previous = null;
        for (Event e : ordered) {
            boolean newClient = previous == null || !previous.client().equals(e.client());
            if (newClient || Duration.between(previous.time(), e.time()).compareTo(GAP) > 0) {
                current = new Session();
                List<Session> ofClient = sessionsByClient.computeIfAbsent(e.client(), c -> new ArrayList<>());
                current.newUser = ofClient.isEmpty();
                ofClient.add(current);
                current.id = e.client() + "-" + ofClient.size();
                sessions.add(current);
            }
            current.events.add(e);
            previous = e;
        }
        for (Session s : sessions) {
            s.channel = OracleChannel.of(s.landing().page(), s.landing().referrer());
        }
    }

    /** One order per valid purchase row; a transaction id used by several is `<id>~1`, `~2`… in file order. */
    private void findOrders() throws IOException {
        Map<String, Integer> uses = new HashMap<>();
        List<Event> purchases = events.stream().filter(Event::isPurchase).toList();
        for (Event p : purchases) {
            uses.merge(transactionId(p), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<Event, Session> sessionOf = new HashMap<>();
        for (Session s : sessions) {
            s.events.forEach(e -> sessionOf.put(e, s));
        }
        for (Event p : purchases) {
            String id = transactionId(p);
            String key = uses.get(id) > 1 ? id + "~" + seen.merge(id, 1, Integer::sum) : id;
            JsonNode revenueNode = JSON.readTree(p.data()).get("revenue");
            double revenue = revenueNode.isNumber() ? revenueNode.asDouble()
                    : Double.parseDouble(revenueNode.asText().trim());
            Session session = sessionOf.get(p);
            session.revenue += revenue;
            orders.add(new Order(key, id, p, session, revenue));
        }
    }

    /**
     * Decision 0816 (SPEC compares payloads "as JSON"): a string id is its text, trimmed; a number is its value, so
     * 1E+3, 1000 and 1000.0 are the one id "1000".
     */
    private static String transactionId(Event purchase) throws IOException {
        JsonNode id = EXACT_JSON.readTree(purchase.data()).get("transaction_id");
        if (id.isNumber()) {
            BigDecimal value = id.decimalValue();
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }
        return id.asText().trim();
    }

    /** Touchpoints: the client's sessions (bots too) started in [purchase − 7 days, purchase]. */
    private void attribute() {
        for (Order order : orders) {
            Instant t = order.event().time();
            List<Session> touchpoints = new ArrayList<>();
            for (Session s : sessionsByClient.get(order.event().client())) {
                if (!s.start().isBefore(t.minus(LOOKBACK)) && !s.start().isAfter(t)) {
                    touchpoints.add(s);
                }
            }
            if (touchpoints.isEmpty()) {
                touchpoints.add(order.session());
            }
            Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
            for (String model : MODELS) {
                double[] credit = credit(model, touchpoints, t);
                Map<String, Double> bySession = new LinkedHashMap<>();
                for (int i = 0; i < credit.length; i++) {
                    if (credit[i] > 0) {
                        bySession.put(touchpoints.get(i).id, credit[i]);
                    }
                }
                byModel.put(model, bySession);
            }
            credits.put(order.orderKey(), byModel);
        }
    }

    static double[] credit(String model, List<Session> touchpoints, Instant purchase) {
        int n = touchpoints.size();
        double[] credit = new double[n];
        switch (model) {
            case "first_click" -> credit[0] = 1;
            case "last_click" -> credit[n - 1] = 1;
            case "last_non_direct" -> {
                int chosen = n - 1;
                for (int i = n - 1; i >= 0; i--) {
                    if (!touchpoints.get(i).channel.equals("Direct")) {
                        chosen = i;
                        break;
                    }
                }
                credit[chosen] = 1;
            }
            case "linear" -> java.util.Arrays.fill(credit, 1.0 / n);
            case "position_based" -> {
                if (n == 1) {
                    credit[0] = 1;
                } else if (n == 2) {
                    credit[0] = 0.5;
                    credit[1] = 0.5;
                } else {
                    credit[0] = 0.4;
                    credit[n - 1] = 0.4;
                    for (int i = 1; i < n - 1; i++) {
                        credit[i] = 0.2 / (n - 2);
                    }
                }
            }
            case "time_decay" -> {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    double deltaDays = Duration.between(touchpoints.get(i).start(), purchase).toMillis()
                            / (double) LOOKBACK.toMillis();
                    credit[i] = Math.pow(0.5, deltaDays);
                    total += credit[i];
                }
                for (int i = 0; i < n; i++) {
                    credit[i] /= total;
                }
            }
            default -> throw new IllegalArgumentException(model);
        }
        return credit;
    }

    // ---- the datasets, as rows ---------------------------------------------------------------------------------

    static String ts(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static String date(Instant instant) {
        return ts(instant).substring(0, 10);
    }

    List<Map<String, Object>> sessionRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Session s : sessions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("session_id", s.id);
            row.put("client_id", s.landing().client());
            row.put("session_start", ts(s.start()));
            row.put("session_end", ts(s.end()));
            row.put("duration_s", Duration.between(s.start(), s.end()).toMillis() / 1000.0);
            row.put("events", (long) s.events.size());
            row.put("page_views", s.events.stream().filter(e -> e.name().trim().equals("page_viewed")).count());
            row.put("landing_page", s.landing().page());
            row.put("landing_referrer", s.landing().referrer());
            row.put("channel", s.channel);
            row.put("is_bot", s.bot());
            row.put("added_to_cart", s.has("product_added_to_cart"));
            row.put("started_checkout", s.has("checkout_started"));
            row.put("converted", s.converted());
            row.put("revenue", s.revenue);
            row.put("is_new_user", s.newUser);
            row.put("date", date(s.start()));
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, Object>> userRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Session>> client : sessionsByClient.entrySet()) {
            List<Session> own = client.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("client_id", client.getKey());
            row.put("first_seen", ts(own.get(0).start()));
            row.put("last_seen", ts(own.get(own.size() - 1).end()));
            row.put("sessions", (long) own.size());
            row.put("events", (long) own.stream().mapToInt(s -> s.events.size()).sum());
            row.put("conversions", orders.stream().filter(o -> o.event().client().equals(client.getKey())).count());
            row.put("revenue", orders.stream().filter(o -> o.event().client().equals(client.getKey()))
                    .mapToDouble(Order::revenue).sum());
            row.put("first_channel", own.get(0).channel);
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, Object>> conversionRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Order o : orders) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("order_key", o.orderKey());
            row.put("transaction_id", o.transactionId());
            row.put("client_id", o.event().client());
            row.put("session_id", o.session().id);
            row.put("timestamp", ts(o.event().time()));
            row.put("revenue", o.revenue());
            row.put("date", date(o.event().time()));
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, Object>> attributionRows() {
        Map<String, Session> byId = new HashMap<>();
        sessions.forEach(s -> byId.put(s.id, s));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Order o : orders) {
            for (Map.Entry<String, Map<String, Double>> model : credits.get(o.orderKey()).entrySet()) {
                for (Map.Entry<String, Double> touch : model.getValue().entrySet()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("order_key", o.orderKey());
                    row.put("model", model.getKey());
                    row.put("session_id", touch.getKey());
                    row.put("channel", byId.get(touch.getKey()).channel);
                    row.put("credit", touch.getValue());
                    row.put("revenue_credit", touch.getValue() * o.revenue());
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Every (model, channel) with a human session or credit; absent pairs are all zero. */
    List<Map<String, Object>> channelPerformanceRows() {
        Map<String, Session> byId = new HashMap<>();
        sessions.forEach(s -> byId.put(s.id, s));
        Map<String, Long> humanSessions = new TreeMap<>();
        for (Session s : sessions) {
            if (!s.bot()) {
                humanSessions.merge(s.channel, 1L, Long::sum);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String model : MODELS) {
            Map<String, double[]> byChannel = new TreeMap<>();
            humanSessions.keySet().forEach(c -> byChannel.put(c, new double[2]));
            for (Order o : orders) {
                for (Map.Entry<String, Double> touch : credits.get(o.orderKey()).get(model).entrySet()) {
                    double[] sums = byChannel.computeIfAbsent(byId.get(touch.getKey()).channel, c -> new double[2]);
                    sums[0] += touch.getValue();
                    sums[1] += touch.getValue() * o.revenue();
                }
            }
            for (Map.Entry<String, double[]> channel : byChannel.entrySet()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", model);
                row.put("channel", channel.getKey());
                row.put("sessions", humanSessions.getOrDefault(channel.getKey(), 0L));
                row.put("conversions", channel.getValue()[0]);
                row.put("revenue", channel.getValue()[1]);
                rows.add(row);
            }
        }
        return rows;
    }

    /** Each step counts non-bot sessions containing its event. */
    List<Map<String, Object>> funnelRows() {
        List<Session> human = sessions.stream().filter(s -> !s.bot()).toList();
        long[] counts = {
                human.size(),
                human.stream().filter(s -> s.has("page_viewed")).count(),
                human.stream().filter(s -> s.has("product_added_to_cart")).count(),
                human.stream().filter(s -> s.has("checkout_started")).count(),
                human.stream().filter(Session::converted).count()};
        String[] steps = {"sessions", "page_viewed", "product_added_to_cart", "checkout_started", "purchase"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", steps[i]);
            row.put("sessions", counts[i]);
            long previous = i == 0 ? counts[0] : counts[i - 1];
            row.put("rate_from_previous", previous == 0 ? 0.0 : counts[i] / (double) previous);
            rows.add(row);
        }
        return rows;
    }

    /** One row per partition day with rows read or valid rows (decision 0302). */
    List<Map<String, Object>> dailyRows() {
        Set<String> days = new java.util.TreeSet<>();
        rowsReadByDay.forEach((day, read) -> {
            if (read > 0) {
                days.add(day);
            }
        });
        events.forEach(e -> days.add(e.partitionDate()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String day : days) {
            List<Event> ofDay = events.stream().filter(e -> e.partitionDate().equals(day)).toList();
            List<Session> human = sessions.stream().filter(s -> !s.bot() && date(s.start()).equals(day)).toList();
            List<Order> dayOrders = orders.stream().filter(o -> date(o.event().time()).equals(day)).toList();
            Set<String> clients = new HashSet<>();
            ofDay.forEach(e -> clients.add(e.client()));
            long bots = ofDay.stream().filter(Event::isBot).count();
            long converted = human.stream().filter(Session::converted).count();
            long read = rowsReadByDay.getOrDefault(day, 0L);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", day);
            row.put("events", (long) ofDay.size());
            row.put("sessions", (long) human.size());
            row.put("users", (long) clients.size());
            row.put("conversions", (long) dayOrders.size());
            row.put("revenue", dayOrders.stream().mapToDouble(Order::revenue).sum());
            row.put("session_cvr", human.isEmpty() ? 0.0 : converted / (double) human.size());
            row.put("bot_share", ofDay.isEmpty() ? 0.0 : bots / (double) ofDay.size());
            row.put("client_id_null_rate", read == 0 ? 0.0
                    : rowsWithoutClientByDay.getOrDefault(day, 0L) / (double) read);
            rows.add(row);
        }
        return rows;
    }

    /** Total revenue of the orders: each model's channel revenue must sum to it (SPEC §5). */
    double totalRevenue() {
        return orders.stream().mapToDouble(Order::revenue).sum();
    }
}
