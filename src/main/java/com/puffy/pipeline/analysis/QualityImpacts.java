package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.AnalysisResult.QualityImpact;
import com.puffy.pipeline.analysis.Analyzer.Order;
import com.puffy.pipeline.config.MonitoringConfig;
import com.puffy.pipeline.model.ReasonCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How much revenue and how many orders sit on rows or days touched by a data-quality finding: the figure no other
 * tool shows, so a reader knows which numbers to trust. Day-level problems (a missing column, a client-id spike,
 * value drift, a failed reconciliation) taint every order of the day; row-level flags taint their orders.
 */
final class QualityImpacts {
    private final AnalysisInputs in;
    /** The rows read and valid, summed once for the report: with none, the ANY line says there is no figure. */
    private final AnalysisResult.Overview overview;
    private final List<Order> orders;
    private final double totalRevenue;
    private final MonitoringConfig thresholds;
    private final List<QualityImpact> rows = new ArrayList<>();
    private final Map<String, List<String>> issuesByDate = new TreeMap<>();
    private final Set<String> taintedDays = new TreeSet<>();
    private final Set<String> taintedOrders = new HashSet<>();

    QualityImpacts(AnalysisInputs in, AnalysisResult.Overview overview, List<Order> orders, double totalRevenue,
                   MonitoringConfig thresholds) {
        this.in = in;
        this.overview = overview;
        this.orders = orders;
        this.totalRevenue = totalRevenue;
        this.thresholds = thresholds;
    }

    List<QualityImpact> rows() {
        return rows;
    }

    Map<String, List<String>> issuesByDate() {
        return issuesByDate;
    }

    QualityImpacts compute() {
        missingColumns();
        clientIdSpikes();
        valueDrift();
        flagged(ReasonCode.TRANSACTION_ID_COLLISION.name(), "Orders sharing a transaction id with another order",
                "collided ids", "Order counts and joins on transaction_id",
                "Kept as separate orders (order_key ~1, ~2); check them with the shop system before quoting counts.");
        flagged(ReasonCode.PURCHASE_ZERO_REVENUE.name(), "Orders with revenue 0", "zero-revenue orders",
                "Order count and AOV (AOV is pulled down)",
                "Confirm whether these are test or fully discounted orders.");
        flagged(ReasonCode.PURCHASE_ITEM_PRICE_MISSING.name(), "Orders with an item without item_price",
                "item prices missing", "Top products (their revenue is understated)",
                "Order revenue is intact; product revenue misses these lines.");
        flagged(ReasonCode.PURCHASE_REVENUE_MISMATCH.name(), "Orders whose item prices do not add up to the revenue",
                "revenue mismatch", "Product revenue versus order revenue",
                "Order revenue is used for totals; compare with the shop system.");
        reconciliation();
        quarantinedPurchases();
        duplicatePurchases();
        any();
        return this;
    }

    private void missingColumns() {
        Map<String, Set<String>> daysByColumn = new TreeMap<>();
        for (Map<String, String> drift : in.schemaDrift) {
            if ("MISSING".equals(drift.get("change"))) {
                daysByColumn.computeIfAbsent(drift.get("column"), k -> new TreeSet<>()).addAll(episodeDays(drift));
            }
        }
        daysByColumn.forEach((column, days) -> {
            String affects = switch (column) {
                case "referrer" -> "Channel figures: sessions without a referrer count as Direct";
                case "page_url" -> "Channel and landing-page figures";
                case "user_agent" -> "Device, browser and bot figures";
                case "event_data" -> "Orders and revenue";
                default -> "Every figure of these days: their rows were quarantined";
            };
            String guidance = "referrer".equals(column)
                    ? "Read Direct and channel shares for these days with care; totals are intact."
                    : "Compare these days with the source system before quoting them.";
            dayIssue("MISSING_COLUMN", "Column " + column + " missing from the files of " + days.size() + " day"
                    + (days.size() == 1 ? "" : "s") + " (" + range(days) + ")", column + " missing", days, affects,
                    guidance);
        });
    }

    private void clientIdSpikes() {
        Set<String> days = new TreeSet<>();
        double worst = 0;
        List<String> dates = in.dailyMetrics.text("date");
        double[] rates = in.dailyMetrics.numbers("client_id_null_rate");
        for (int i = 0; i < dates.size(); i++) {
            if (!Double.isNaN(rates[i]) && rates[i] > thresholds.clientIdNullWarning()) {
                days.add(dates.get(i));
                worst = Math.max(worst, rates[i]);
            }
        }
        if (!days.isEmpty()) {
            dayIssue("CLIENT_ID_NULL_RATE", String.format(Locale.US,
                    "Rows without client id above %.0f%% on %d day%s (up to %.1f%%, %s)",
                    thresholds.clientIdNullWarning() * 100, days.size(), days.size() == 1 ? "" : "s", worst * 100,
                    range(days)), "client ids missing", days,
                    "Sessions and conversion rate: those rows were quarantined, so sessions are undercounted",
                    "Conversion rate on these days is probably overstated (fewer sessions, orders intact unless "
                            + "purchases lost their client id too); compare with neighbouring days.");
        }
    }

    private void valueDrift() {
        for (Map<String, String> drift : in.schemaDrift) {
            if (!"VALUE_DRIFT".equals(drift.get("change"))) {
                continue;
            }
            String column = drift.get("column");
            String metric = drift.get("metric");
            // The precise row-level or day-level issue already counts these orders; the drift would repeat it.
            if ("client_id".equals(column) && rows.stream().anyMatch(r -> r.issue().equals("CLIENT_ID_NULL_RATE"))) {
                continue;
            }
            boolean itemPrices = metric.contains("item_price") || "item_price".equals(column);
            if (itemPrices && orders.stream().anyMatch(o -> o.flags().contains(
                    ReasonCode.PURCHASE_ITEM_PRICE_MISSING.name()))) {
                continue;
            }
            Set<String> days = episodeDays(drift);
            String change = percent(drift.get("baseline")) + " to " + percent(drift.get("value"));
            dayIssue("VALUE_DRIFT", "Value drift in " + column + (metric.isBlank() ? "" : " (" + metric + " " + change
                    + ")") + " for " + days.size() + " day" + (days.size() == 1 ? "" : "s") + " (" + range(days) + ")",
                    column + " drift", days, itemPrices ? "Top products (item revenue)" : "Figures built on " + column,
                    "Check the export of " + column + " for these days.");
        }
    }

    private void reconciliation() {
        Set<String> days = new TreeSet<>();
        double gap = 0;
        for (Map<String, String> row : in.reconciliation) {
            if (!"false".equalsIgnoreCase(row.get("ok")) || "ALL".equals(row.get("date"))) {
                continue;
            }
            days.add(row.get("date"));
            gap = Math.max(gap, Math.abs(Analyzer.doubleOf(row.get("difference"), 0.0)));
        }
        if (!days.isEmpty()) {
            dayIssue("RECONCILIATION", String.format(Locale.US, "Revenue does not reconcile across datasets on %d day%s"
                            + " (largest gap %s)", days.size(), days.size() == 1 ? "" : "s", Fmt.money(gap)),
                    "reconciliation gap", days, "Revenue and attributed revenue of these days",
                    "Rerun the pipeline; if it persists, report it with run.json.");
        }
    }

    private void quarantinedPurchases() {
        long count = in.quarantinedPurchasesByDate.values().stream().mapToLong(Long::longValue).sum();
        if (count > 0) {
            Set<String> days = new TreeSet<>(in.quarantinedPurchasesByDate.keySet());
            days.remove("");
            // Their revenue is not known (missing or invalid) or not counted: a $0 there read as "no revenue lost".
            rows.add(new QualityImpact("QUARANTINED_PURCHASES", "Purchase rows quarantined (missing transaction id or "
                    + "invalid revenue): not counted", days.size(), count, Double.NaN, Double.NaN,
                    "Orders and revenue are understated by these purchases",
                    "See quality/quarantine.csv for the raw rows."));
        }
    }

    private void duplicatePurchases() {
        long count = in.findingCounts.entrySet().stream()
                .filter(e -> e.getKey().get(1).equals(ReasonCode.DUPLICATE_PURCHASE.name()))
                .mapToLong(Map.Entry::getValue).sum();
        if (count > 0) {
            rows.add(new QualityImpact("DUPLICATE_PURCHASE", "Replayed purchases dropped before counting", 0, count,
                    0.0, 0.0, "None: replays were removed, totals are protected",
                    "Nothing to do; listed in quality/findings.csv."));
        }
    }

    private void dayIssue(String issue, String description, String dayLabel, Set<String> days, String affects,
                          String guidance) {
        long count = 0;
        double revenue = 0;
        for (Order order : orders) {
            if (days.contains(order.date())) {
                count++;
                revenue += order.revenue();
                taintedOrders.add(order.orderKey());
            }
        }
        for (String day : days) {
            issuesByDate.computeIfAbsent(day, k -> new ArrayList<>()).add(dayLabel);
        }
        taintedDays.addAll(days);
        rows.add(new QualityImpact(issue, description, days.size(), count, Cents.of(revenue),
                Analyzer.ratio(revenue, totalRevenue), affects, guidance));
    }

    private void flagged(String code, String description, String dayLabel, String affects, String guidance) {
        long count = 0;
        double revenue = 0;
        Map<String, Integer> perDay = new TreeMap<>();
        for (Order order : orders) {
            boolean hit = order.flags().contains(code)
                    || (code.equals(ReasonCode.PURCHASE_ZERO_REVENUE.name()) && order.revenue() == 0.0);
            if (hit) {
                count++;
                revenue += order.revenue();
                perDay.merge(order.date(), 1, Integer::sum);
                taintedOrders.add(order.orderKey());
            }
        }
        if (count == 0) {
            return;
        }
        perDay.forEach((day, n) -> issuesByDate.computeIfAbsent(day, k -> new ArrayList<>())
                .add(dayLabel + " (" + n + ")"));
        taintedDays.addAll(perDay.keySet());
        rows.add(new QualityImpact(code, description, perDay.size(), count, Cents.of(revenue),
                Analyzer.ratio(revenue, totalRevenue), affects, guidance));
    }

    private void any() {
        if (rows.isEmpty()) {
            // "All figures can be used as they are" stood under "No event row was read, so there is no figure to
            // use" when the files were empty or every row was set aside: there are no figures to trust or doubt.
            if (overview.rowsRead() == 0) {
                rows.add(new QualityImpact("ANY", "No event row was read", 0, 0, 0.0, 0.0, "Every figure: there is "
                        + "none", "See Quality findings for the files that were empty or skipped."));
            } else if (overview.rowsValid() == 0) {
                rows.add(new QualityImpact("ANY", "No row passed the quality checks", 0, 0, 0.0, 0.0,
                        "Every figure: there is none", "See Quality findings for why the rows were set aside."));
            } else {
                rows.add(new QualityImpact("ANY", "No finding touches an order or a day", 0, 0, 0.0, 0.0, "Nothing",
                        "All figures can be used as they are."));
            }
            return;
        }
        long count = 0;
        double revenue = 0;
        for (Order order : orders) {
            if (taintedOrders.contains(order.orderKey())) {
                count++;
                revenue += order.revenue();
            }
        }
        double share = Analyzer.ratio(revenue, totalRevenue);
        List<Double> column = new ArrayList<>(rows.stream().map(QualityImpact::revenueShare).toList());
        column.add(share);
        rows.add(new QualityImpact("ANY", "Orders touched by at least one of the issues above", taintedDays.size(),
                count, Cents.of(revenue), share, "See the rows above",
                // Printed beside the ANY share: the two add up to 100%, in the precision of the Share column the
                // report prints (decision 0810). Without revenue there is no share of it to call clean: "The
                // remaining 100% of revenue is clean" stood beside $0 and a dash.
                totalRevenue == 0 ? "There is no revenue in the period: the rows above touch other figures only."
                        : "The remaining " + Fmt.percentColumnWithPart(column, column.size() - 1).rest()
                        + " of revenue is clean."));
    }

    /** The partition dates of the event files an episode lasts, from its first file on, in processing order. */
    private Set<String> episodeDays(Map<String, String> drift) {
        List<Map<String, String>> files = new ArrayList<>(in.fileSummary.stream()
                .filter(f -> "true".equals(f.get("is_event_file"))).toList());
        files.sort(Comparator.comparing((Map<String, String> f) -> f.get("partition_date"))
                .thenComparing(f -> f.get("file")));
        int length = (int) Math.max(1, Analyzer.longOf(drift.get("episode_files")));
        Set<String> days = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).get("file").equals(drift.get("file"))) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            if (!drift.get("partition_date").isBlank()) {
                days.add(drift.get("partition_date"));
            }
            return new TreeSet<>(days);
        }
        for (int i = start; i < Math.min(files.size(), start + length); i++) {
            days.add(files.get(i).get("partition_date"));
        }
        return new TreeSet<>(days);
    }

    /** Days listed at most this many, or as first and last with a count. */
    static final int LISTED_DAYS = 4;

    /**
     * The days as a reader takes them: a range only when they follow each other ({@code Mar 1 – Mar 3}, with the
     * en dash of the report's other ranges: the quality table's "Mar 1 - Mar 2" sat above the incidents' "Mar 1 –
     * Mar 2"), else listed ({@code Mar 22, Mar 27}), since "Mar 22 – Mar 27" for two days reads as six.
     */
    static String range(Set<String> days) {
        if (days.isEmpty()) {
            return "no dated rows";
        }
        List<String> sorted = new ArrayList<>(days);
        String first = Fmt.date(sorted.get(0));
        String last = Fmt.date(sorted.get(sorted.size() - 1));
        if (first.equals(last)) {
            return first;
        }
        if (consecutive(sorted)) {
            return first + " \u2013 " + last;
        }
        if (sorted.size() <= LISTED_DAYS) {
            return String.join(", ", sorted.stream().map(Fmt::date).toList());
        }
        return "between " + first + " and " + last;
    }

    private static boolean consecutive(List<String> sortedDays) {
        try {
            for (int i = 1; i < sortedDays.size(); i++) {
                if (!java.time.LocalDate.parse(sortedDays.get(i))
                        .equals(java.time.LocalDate.parse(sortedDays.get(i - 1)).plusDays(1))) {
                    return false;
                }
            }
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String percent(String fraction) {
        double value = Analyzer.doubleOf(fraction, Double.NaN);
        return Double.isNaN(value) ? "?" : Fmt.percent(value);
    }
}
