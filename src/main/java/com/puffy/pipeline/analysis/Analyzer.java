package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.AnalysisResult.AlertCount;
import com.puffy.pipeline.analysis.AnalysisResult.AttributionShift;
import com.puffy.pipeline.analysis.AnalysisResult.ChannelModel;
import com.puffy.pipeline.analysis.AnalysisResult.DailyTrend;
import com.puffy.pipeline.analysis.AnalysisResult.FindingCount;
import com.puffy.pipeline.analysis.AnalysisResult.FunnelStep;
import com.puffy.pipeline.analysis.AnalysisResult.Incident;
import com.puffy.pipeline.analysis.AnalysisResult.Kpis;
import com.puffy.pipeline.analysis.AnalysisResult.Overview;
import com.puffy.pipeline.analysis.AnalysisResult.PathBucket;
import com.puffy.pipeline.analysis.AnalysisResult.QualityImpact;
import com.puffy.pipeline.analysis.AnalysisResult.Segment;
import com.puffy.pipeline.analysis.AnalysisResult.TopProduct;
import com.puffy.pipeline.analysis.Frame.Group;
import com.puffy.pipeline.config.MonitoringConfig;
import com.puffy.pipeline.core.DayGaps;
import com.puffy.pipeline.model.EmptyValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns the upstream datasets into an {@link AnalysisResult}: every metric of the report is decided here. */
final class Analyzer {
    static final int TOP_PRODUCTS = 10;
    static final int TOP_BROWSERS = 6;
    static final int TOP_REFERRERS = 8;
    static final List<String> SEVERITY_ORDER = List.of("CRITICAL", "ERROR", "WARNING", "INFO");

    private static final Map<String, String> STEP_LABELS = Map.of(
            "sessions", "Sessions",
            "page_viewed", "Viewed a page",
            "product_added_to_cart", "Added to cart",
            "checkout_started", "Started checkout",
            "purchase", "Purchased");

    private final AnalysisInputs in;
    private final MonitoringConfig thresholds;
    private final List<Order> orders = new ArrayList<>();
    private double totalRevenue;

    /** One conversion, held in memory: orders are few (tens per day) next to sessions. */
    record Order(String orderKey, String date, String timestamp, double revenue, Set<String> flags) {
    }

    Analyzer(AnalysisInputs in, MonitoringConfig thresholds) {
        this.in = in;
        this.thresholds = thresholds;
        List<String> keys = in.conversions.text("order_key");
        List<String> dates = in.conversions.text("date");
        List<String> timestamps = in.conversions.text("timestamp");
        List<String> flags = in.conversions.text("flags");
        double[] revenue = in.conversions.numbers("revenue");
        for (int i = 0; i < keys.size(); i++) {
            double value = Double.isNaN(revenue[i]) ? 0.0 : revenue[i];
            orders.add(new Order(keys.get(i), dates.get(i), timestamps.get(i), value, codes(flags.get(i))));
            totalRevenue += value;
        }
    }

    AnalysisResult analyze() {
        Overview overview = overview();
        Paths paths = pathToPurchase();
        Kpis kpis = kpis(paths);
        QualityImpacts impacts = new QualityImpacts(in, overview, orders, totalRevenue, thresholds).compute();
        List<DailyTrend> daily = daily(impacts.issuesByDate());
        List<FunnelStep> funnel = funnel();
        List<ChannelModel> channels = channelRevenue();
        List<AttributionShift> shift = attributionShift(channels);
        List<Segment> segments = segments();
        List<TopProduct> products = topProducts();
        List<AlertCount> alertCounts = alertCounts();
        List<Incident> incidents = incidents();
        List<FindingCount> findings = findings();
        AnalysisResult draft = new AnalysisResult(overview, kpis, daily, funnel, channels, shift, segments,
                paths.buckets, products, impacts.rows(), alertCounts, incidents, findings, List.of());
        return new AnalysisResult(overview, kpis, daily, funnel, channels, shift, segments, paths.buckets, products,
                impacts.rows(), alertCounts, incidents, findings, Insights.write(draft));
    }

    private Overview overview() {
        List<String> dates = in.dailyMetrics.text("date").stream().filter(d -> !d.isEmpty()).sorted().toList();
        String first = dates.isEmpty() ? "" : dates.get(0);
        String last = dates.isEmpty() ? "" : dates.get(dates.size() - 1);
        int periodDays = dates.isEmpty() ? 0
                : (int) ChronoUnit.DAYS.between(LocalDate.parse(first), LocalDate.parse(last)) + 1;
        int eventFiles = 0;
        long read = 0;
        long valid = 0;
        long quarantined = 0;
        long duplicate = 0;
        for (Map<String, String> file : in.fileSummary) {
            if ("true".equals(file.get("is_event_file"))) {
                eventFiles++;
            }
            read += longOf(file.get("rows_read"));
            valid += longOf(file.get("rows_valid"));
            quarantined += longOf(file.get("rows_quarantined"));
            duplicate += longOf(file.get("rows_duplicate"));
        }
        return new Overview(first, last, periodDays, dates.size(), in.fileSummary.size(), eventFiles, read, valid,
                quarantined, duplicate);
    }

    private Kpis kpis(Paths paths) {
        long sessions = in.sessions.human().sessions();
        long converted = in.sessions.human().converted();
        long bounced = in.sessions.bounced();
        long newSessions = in.sessions.newUsers().sessions();
        long orderCount = orders.size();
        double medianOrder = orders.isEmpty() ? Double.NaN : in.conversions.median("revenue");
        double events = in.dailyMetrics.sum("events");
        return new Kpis(Cents.of(totalRevenue), orderCount, Cents.of(ratio(totalRevenue, orderCount)),
                Cents.of(medianOrder), sessions, converted, ratio(converted, sessions),
                Cents.of(ratio(totalRevenue, sessions)), ratio(bounced, sessions),
                ratio(newSessions, sessions), Math.round(events), ratio(in.dailyMetrics.sum("bot_rows"), events),
                paths.medianHours, paths.avgSessions);
    }

    private List<DailyTrend> daily(Map<String, List<String>> issuesByDate) {
        Map<String, Integer> alertsByDate = new HashMap<>();
        for (Map<String, String> alert : in.alerts) {
            alertsByDate.merge(alert.get("date"), 1, Integer::sum);
        }
        Frame d = in.dailyMetrics;
        List<String> dates = d.text("date");
        double[] events = d.numbers("events");
        double[] sessions = d.numbers("sessions");
        double[] users = d.numbers("users");
        double[] conversions = d.numbers("conversions");
        double[] revenue = d.numbers("revenue");
        double[] cvr = d.numbers("session_cvr");
        double[] botShare = d.numbers("bot_share");
        double[] nullRate = d.numbers("client_id_null_rate");
        List<DailyTrend> rows = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            String date = dates.get(i);
            double dayRevenue = Cents.of(zero(revenue[i]));
            long dayOrders = Math.round(zero(conversions[i]));
            long daySessions = Math.round(zero(sessions[i]));
            rows.add(new DailyTrend(date, Math.round(zero(events[i])), daySessions, Math.round(zero(users[i])),
                    dayOrders, dayRevenue, Cents.of(ratio(dayRevenue, dayOrders)), zero(cvr[i]),
                    Cents.of(ratio(dayRevenue, daySessions)),
                    zero(botShare[i]), zero(nullRate[i]), alertsByDate.getOrDefault(date, 0),
                    String.join("; ", issuesByDate.getOrDefault(date, List.of()))));
        }
        // transform/daily_metrics.csv has a row only for a day with event rows (SPEC §7); the report's daily table
        // keeps the day between them that has none, with its alert, rather than skip from Mar 4 to Mar 6.
        for (String missing : DayGaps.missingDays(dates)) {
            rows.add(DailyTrend.withoutEventRows(missing, alertsByDate.getOrDefault(missing, 0)));
        }
        rows.sort(Comparator.comparing(DailyTrend::date));
        return rows;
    }

    private List<FunnelStep> funnel() {
        List<FunnelStep> steps = new ArrayList<>();
        long previous = -1;
        for (Map<String, String> row : in.funnel) {
            String step = row.get("step");
            long sessions = longOf(row.get("sessions"));
            long dropOff = previous < 0 ? 0 : previous - sessions;
            double fromPrevious = doubleOf(row.get("rate_from_previous"), previous <= 0 ? 1.0 : ratio(sessions, previous));
            steps.add(new FunnelStep(step, STEP_LABELS.getOrDefault(step, step), sessions, fromPrevious,
                    doubleOf(row.get("rate_from_start"), 0.0), dropOff, previous <= 0 ? 0.0 : 1.0 - fromPrevious));
            previous = sessions;
        }
        return steps;
    }

    private List<ChannelModel> channelRevenue() {
        Frame c = in.channelPerformance;
        List<String> models = c.text("model");
        List<String> channels = c.text("channel");
        double[] sessions = c.numbers("sessions");
        double[] conversions = c.numbers("conversions");
        double[] revenue = c.numbers("revenue");
        Map<String, List<Integer>> rowsByModel = new LinkedHashMap<>();
        for (int i = 0; i < models.size(); i++) {
            rowsByModel.computeIfAbsent(models.get(i), k -> new ArrayList<>()).add(i);
        }
        List<ChannelModel> rows = new ArrayList<>();
        for (List<Integer> modelRows : rowsByModel.values()) {
            // Credit split three ways is a third of an order and of its revenue: rounded to the cent (and to a
            // hundredth of an order) so that a model's channels still add up to its total, as SPEC §5 has them.
            List<Double> credited = Cents.apportion(modelRows.stream().map(i -> zero(revenue[i])).toList(), 2);
            List<Double> credits = Cents.apportion(modelRows.stream().map(i -> zero(conversions[i])).toList(), 2);
            double modelTotal = credited.stream().mapToDouble(Double::doubleValue).sum();
            for (int k = 0; k < modelRows.size(); k++) {
                int i = modelRows.get(k);
                rows.add(new ChannelModel(models.get(i), channels.get(i), Math.round(zero(sessions[i])), credits.get(k),
                        credited.get(k), ratio(credited.get(k), modelTotal)));
            }
        }
        rows.sort(Comparator.comparing((ChannelModel r) -> modelRank(r.model())).thenComparing(ChannelModel::model)
                .thenComparing(ChannelModel::revenue, Comparator.reverseOrder()).thenComparing(ChannelModel::channel));
        return rows;
    }

    static int modelRank(String model) {
        int index = AnalysisResult.MODELS.indexOf(model);
        return index < 0 ? AnalysisResult.MODELS.size() : index;
    }

    private static List<AttributionShift> attributionShift(List<ChannelModel> channels) {
        Map<String, double[]> byChannel = new TreeMap<>();
        for (ChannelModel row : channels) {
            int slot = switch (row.model()) {
                case "first_click" -> 0;
                case "last_click" -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                double[] values = byChannel.computeIfAbsent(row.channel(), k -> new double[4]);
                values[slot] = row.revenue();
                values[slot + 1] = row.share();
            }
        }
        List<AttributionShift> rows = new ArrayList<>();
        byChannel.forEach((channel, v) -> rows.add(new AttributionShift(channel, v[0], v[1], v[2], v[3],
                (v[3] - v[1]) * 100.0)));
        rows.sort(Comparator.comparing(AttributionShift::lastClickRevenue, Comparator.reverseOrder())
                .thenComparing(AttributionShift::firstClickRevenue, Comparator.reverseOrder())
                .thenComparing(AttributionShift::channel));
        return rows;
    }

    private List<Segment> segments() {
        SessionSummary sessions = in.sessions;
        long total = sessions.human().sessions();
        List<Segment> rows = new ArrayList<>();
        List<Segment> devices = new ArrayList<>();
        for (Map.Entry<String, SessionSummary.Tally> device : sessions.byDevice().entrySet()) {
            devices.add(segment(AnalysisResult.DEVICE, label(device.getKey()), device.getValue(), total));
        }
        rows.addAll(bySessions(devices));
        List<Segment> browsers = new ArrayList<>();
        for (Map.Entry<String, SessionSummary.Tally> browser : sessions.byBrowser().entrySet()) {
            browsers.add(segment(AnalysisResult.BROWSER, label(browser.getKey()), browser.getValue(), total));
        }
        browsers = bySessions(browsers);
        if (browsers.size() > TOP_BROWSERS) {
            List<Segment> rest = browsers.subList(TOP_BROWSERS - 1, browsers.size());
            Segment other = segment(AnalysisResult.BROWSER, "Other", rest.stream().mapToLong(Segment::sessions).sum(),
                    rest.stream().mapToLong(Segment::converted).sum(), rest.stream().mapToDouble(Segment::revenue).sum(),
                    total);
            browsers = new ArrayList<>(browsers.subList(0, TOP_BROWSERS - 1));
            browsers.add(other);
        }
        rows.addAll(browsers);
        rows.add(segment(AnalysisResult.USER_TYPE, "New", sessions.newUsers(), total));
        rows.add(segment(AnalysisResult.USER_TYPE, "Returning", sessions.returningUsers(), total));
        rows.addAll(referrers(sessions, total));
        return rows;
    }

    /**
     * Referring sites of landing pages, by host, outside Direct; a referrer that is not a URL is shown as written.
     */
    private static List<Segment> referrers(SessionSummary sessions, long total) {
        Map<String, double[]> byHost = new TreeMap<>();
        sessions.byReferrerAndChannel().forEach((keys, t) -> {
            // Direct holds the shop's own pages as referrers: internal navigation, not a referring site.
            if (EmptyValue.isEmpty(keys.get(0)) || "Direct".equals(keys.get(1))) {
                return;
            }
            double[] sums = byHost.computeIfAbsent(referrerHost(keys.get(0)), k -> new double[3]);
            sums[0] += t.sessions();
            sums[1] += t.converted();
            sums[2] += t.revenue();
        });
        List<Segment> rows = new ArrayList<>();
        byHost.forEach((host, v) -> rows.add(segment(AnalysisResult.REFERRER, host, Math.round(v[0]), v[1], v[2],
                total)));
        List<Segment> sorted = bySessions(rows);
        return sorted.subList(0, Math.min(TOP_REFERRERS, sorted.size()));
    }

    /**
     * Trimmed as Transform trims it before choosing the channel ({@link EmptyValue#trim}, decision 0825): with
     * {@code String.trim} a referrer of {@code "\u00A0https://news.example.org/"} was no URL and became a referring
     * site of its own, beside the host its Referral session was classified by.
     */
    static String referrerHost(String referrer) {
        String text = EmptyValue.trim(referrer);
        try {
            java.net.URI uri = new java.net.URI(text);
            if (uri.getHost() != null) {
                return uri.getHost().toLowerCase(java.util.Locale.ROOT);
            }
        } catch (java.net.URISyntaxException e) {
            return text.length() > 80 ? text.substring(0, 79) + "\u2026" : text;
        }
        return text.length() > 80 ? text.substring(0, 79) + "\u2026" : text;
    }

    private static List<Segment> bySessions(List<Segment> segments) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparing(Segment::sessions, Comparator.reverseOrder()).thenComparing(Segment::segment));
        return sorted;
    }

    private static Segment segment(String dimension, String name, SessionSummary.Tally tally, long total) {
        return segment(dimension, name, tally.sessions(), tally.converted(), tally.revenue(), total);
    }

    private static Segment segment(String dimension, String name, long sessions, double converted, double revenue,
                                   long total) {
        long conv = Math.round(converted);
        return new Segment(dimension, name, sessions, conv, ratio(conv, sessions), Cents.of(revenue),
                Cents.of(ratio(revenue, sessions)), ratio(sessions, total));
    }

    private static String label(String value) {
        if (EmptyValue.isEmpty(value)) {
            return "Unknown";
        }
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    /** Time and sessions from the first touchpoint of the attribution window to the purchase. */
    private record Paths(List<PathBucket> buckets, double medianHours, double avgSessions) {
    }

    static final List<String> TIME_BUCKETS = List.of("Under 1 hour", "1-24 hours", "1-3 days", "3-7 days");
    static final List<String> SESSION_BUCKETS = List.of("1 session", "2 sessions", "3 sessions", "4+ sessions");

    private Paths pathToPurchase() {
        Frame first = in.attribution.whereEquals("model", "first_click");
        Map<String, String> firstTouch = new HashMap<>();
        Map<String, Double> touchpoints = new HashMap<>();
        List<String> keys = first.text("order_key");
        List<String> starts = first.text("session_start");
        double[] counts = first.numbers("touchpoints");
        for (int i = 0; i < keys.size(); i++) {
            firstTouch.putIfAbsent(keys.get(i), starts.get(i));
            touchpoints.putIfAbsent(keys.get(i), counts[i]);
        }
        long[] timeOrders = new long[TIME_BUCKETS.size()];
        double[] timeRevenue = new double[TIME_BUCKETS.size()];
        long[] sessionOrders = new long[SESSION_BUCKETS.size()];
        double[] sessionRevenue = new double[SESSION_BUCKETS.size()];
        List<Double> hours = new ArrayList<>();
        double sessionSum = 0;
        for (Order order : orders) {
            String start = firstTouch.get(order.orderKey());
            Double sessions = touchpoints.get(order.orderKey());
            if (start == null || sessions == null || sessions.isNaN()) {
                continue;
            }
            double h;
            try {
                h = Duration.between(Instant.parse(start), Instant.parse(order.timestamp())).toMillis() / 3_600_000.0;
            } catch (DateTimeParseException e) {
                continue;
            }
            h = Math.max(0.0, h);
            hours.add(h);
            int t = h < 1 ? 0 : h < 24 ? 1 : h < 72 ? 2 : 3;
            timeOrders[t]++;
            timeRevenue[t] += order.revenue();
            int s = (int) Math.min(3, Math.max(0, Math.round(sessions) - 1));
            sessionOrders[s]++;
            sessionRevenue[s] += order.revenue();
            sessionSum += sessions;
        }
        long measured = hours.size();
        List<PathBucket> buckets = new ArrayList<>();
        for (int i = 0; i < TIME_BUCKETS.size(); i++) {
            buckets.add(new PathBucket(AnalysisResult.TIME_TO_PURCHASE, TIME_BUCKETS.get(i), timeOrders[i],
                    ratio(timeOrders[i], measured), Cents.of(timeRevenue[i])));
        }
        for (int i = 0; i < SESSION_BUCKETS.size(); i++) {
            buckets.add(new PathBucket(AnalysisResult.SESSIONS_TO_PURCHASE, SESSION_BUCKETS.get(i), sessionOrders[i],
                    ratio(sessionOrders[i], measured), Cents.of(sessionRevenue[i])));
        }
        hours.sort(Double::compare);
        double median = hours.isEmpty() ? Double.NaN : hours.size() % 2 == 1 ? hours.get(hours.size() / 2)
                : (hours.get(hours.size() / 2 - 1) + hours.get(hours.size() / 2)) / 2.0;
        return new Paths(buckets, median, measured == 0 ? Double.NaN : sessionSum / measured);
    }

    private List<TopProduct> topProducts() {
        Frame items = in.orderItems;
        double itemRevenue = items.sum("item_price");
        Map<String, Long> unpriced = new HashMap<>();
        for (Group g : items.whereMissing("item_price").groupBy(List.of("item_name"), List.of(), List.of())) {
            unpriced.put(g.key(), (long) g.rows());
        }
        List<Group> groups = new ArrayList<>(items.groupBy(List.of("item_name"), List.of("quantity", "item_price"),
                List.of("order_key")));
        groups.sort(Comparator.comparing((Group g) -> g.sum("item_price"), Comparator.reverseOrder())
                .thenComparing(g -> g.sum("quantity"), Comparator.reverseOrder()).thenComparing(Group::key));
        List<TopProduct> rows = new ArrayList<>();
        for (Group g : groups.subList(0, Math.min(TOP_PRODUCTS, groups.size()))) {
            String name = EmptyValue.isEmpty(g.key()) ? "(no name)" : g.key();
            rows.add(new TopProduct(rows.size() + 1, name, g.distinct("order_key"), Math.round(g.sum("quantity")),
                    Cents.of(g.sum("item_price")), ratio(g.sum("item_price"), itemRevenue),
                    unpriced.getOrDefault(g.key(), 0L)));
        }
        return rows;
    }

    private List<AlertCount> alertCounts() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String severity : List.of("CRITICAL", "WARNING", "INFO")) {
            counts.put(severity, new int[2]);
        }
        for (Map<String, String> alert : in.alerts) {
            counts.computeIfAbsent(alert.get("severity"), k -> new int[2])[0]++;
        }
        for (Map<String, String> incident : in.incidents) {
            counts.computeIfAbsent(incident.get("worst_severity"), k -> new int[2])[1]++;
        }
        List<AlertCount> rows = new ArrayList<>();
        counts.forEach((severity, c) -> rows.add(new AlertCount(severity, c[0], c[1])));
        return rows;
    }

    private List<Incident> incidents() {
        List<Incident> rows = new ArrayList<>();
        for (Map<String, String> i : in.incidents) {
            rows.add(new Incident(i.get("incident_id"), i.get("check"), i.get("first_date"), i.get("last_date"),
                    (int) longOf(i.get("alerts")), i.get("worst_severity"), i.get("summary")));
        }
        rows.sort(Comparator.comparing((Incident i) -> severityRank(i.worstSeverity()))
                .thenComparing(Incident::firstDate).thenComparing(Incident::check).thenComparing(Incident::incidentId));
        return rows;
    }

    private List<FindingCount> findings() {
        List<FindingCount> rows = new ArrayList<>();
        in.findingCounts.forEach((key, count) -> rows.add(new FindingCount(key.get(0), key.get(1), count)));
        rows.sort(Comparator.comparing((FindingCount f) -> severityRank(f.severity()))
                .thenComparing(FindingCount::findings, Comparator.reverseOrder()).thenComparing(FindingCount::code));
        return rows;
    }

    static int severityRank(String severity) {
        int index = SEVERITY_ORDER.indexOf(severity);
        return index < 0 ? SEVERITY_ORDER.size() : index;
    }

    static Set<String> codes(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Set<String> codes = new java.util.TreeSet<>();
        for (String part : list.split(";")) {
            if (!part.isBlank()) {
                codes.add(part.trim());
            }
        }
        return codes;
    }

    static double ratio(double part, double whole) {
        return whole == 0 ? 0.0 : part / whole;
    }

    private static double zero(double value) {
        return Double.isNaN(value) ? 0.0 : value;
    }

    static long longOf(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Math.round(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static double doubleOf(String text, double fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
