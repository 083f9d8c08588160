package com.puffy.pipeline.monitor;

import com.puffy.pipeline.config.MonitoringConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the checks look at, read from the upstream outputs (docs/architecture.md) and the cache's metric
 * history: the daily metric series of the folder (days with event rows only), earlier days from the history, the
 * schema-drift episodes, the reconciliation rows and the flagged orders.
 */
final class MonitorData {
    /** Derived metric: last-click Direct revenue ÷ revenue. */
    static final String DIRECT_SHARE = "direct_share";
    /** Derived metric: orders with an item without price ÷ orders. */
    static final String ITEM_PRICE_MISSING_SHARE = "item_price_missing_share";
    /** The monitored metrics that are shares, fractions 0..1 (every monitored metric is at least 0). */
    static final Set<String> SHARES = Set.of("session_cvr", DIRECT_SHARE, "bot_share", "client_id_null_rate",
            ITEM_PRICE_MISSING_SHARE, StickyReferrerCheck.METRIC);

    /**
     * Metrics worked out from one input column: a day whose file lacked that column has no data for them (SPEC §6's
     * baseline takes the days "that have data"). With the referrer gone every session counts as Direct, so a
     * referrer gap in the baseline made the days after it fall "below" a Direct share that never was.
     */
    private static final Map<String, String> SOURCE_COLUMN = Map.of(DIRECT_SHARE, "referrer",
            "direct_revenue_last_click", "referrer", StickyReferrerCheck.METRIC, "referrer");

    record DriftRow(String file, LocalDate date, String change, String column, String rawHeader, String detail,
                    Integer episodeFiles, String metric, Double value, Double baseline) {
    }

    record ReconciliationRow(String date, String check, Double expected, Double actual, Double difference,
                             String ok) {
    }

    /**
     * A day's orders in conversions.csv: their count, the sum of their revenues and the sum of the squares, which is
     * what the spread of the order values adds to the chance spread of a day's revenue.
     */
    record OrderValues(int orders, double sum, double sumOfSquares) {
        OrderValues plus(double revenue) {
            return new OrderValues(orders + 1, sum + revenue, sumOfSquares + revenue * revenue);
        }

        OrderValues plus(OrderValues other) {
            return new OrderValues(orders + other.orders, sum + other.sum, sumOfSquares + other.sumOfSquares);
        }
    }

    record FlaggedOrder(LocalDate date, String orderKey, String transactionId, String clientId, Double revenue,
                        Set<String> flags) {
    }

    private final MonitoringConfig config;
    private final LocalDate asOf;
    private final NavigableMap<LocalDate, Map<String, Double>> days;
    private final NavigableMap<LocalDate, Map<String, Double>> history;
    private final Set<String> columns;
    private final SortedSet<LocalDate> partitionsWithRows;
    private final List<DriftRow> drift;
    private final List<ReconciliationRow> reconciliation;
    private final List<FlaggedOrder> flaggedOrders;
    private final Map<LocalDate, OrderValues> orderValues;
    private final Map<String, LocalDate> filePartitions;
    private final Path qualityDir;
    private final Path transformDir;
    private final List<String> notes;
    private com.puffy.pipeline.config.QualityConfig.ValueDrift valueDrift =
            new com.puffy.pipeline.config.QualityConfig.ValueDrift(7, 3, 10.0, 5.0, 3.0);
    private Diagnostics diagnostics;

    MonitorData(MonitoringConfig config, LocalDate asOf, NavigableMap<LocalDate, Map<String, Double>> days,
                NavigableMap<LocalDate, Map<String, Double>> history, Set<String> columns,
                SortedSet<LocalDate> partitionsWithRows, List<DriftRow> drift, List<ReconciliationRow> reconciliation,
                List<FlaggedOrder> flaggedOrders, Map<LocalDate, OrderValues> orderValues,
                Map<String, LocalDate> filePartitions, Path qualityDir, Path transformDir, List<String> notes) {
        this.config = config;
        this.asOf = asOf;
        this.days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
        NavigableMap<LocalDate, Map<String, Double>> earlier = new TreeMap<>(history);
        // The history stands in only for days before the folder's first: within its span the folder is the truth, so
        // a day whose file was removed (or has no event rows) is not filled in from an earlier run; that run's values
        // would make the baselines differ from a run without the cache.
        this.history = Collections.unmodifiableNavigableMap(days.isEmpty() ? earlier
                : new TreeMap<>(earlier.headMap(days.firstKey(), false)));
        this.columns = Set.copyOf(columns);
        this.partitionsWithRows = Collections.unmodifiableSortedSet(new TreeSet<>(partitionsWithRows));
        this.drift = List.copyOf(drift);
        this.reconciliation = List.copyOf(reconciliation);
        this.flaggedOrders = List.copyOf(flaggedOrders);
        this.orderValues = Map.copyOf(orderValues);
        this.filePartitions = Map.copyOf(filePartitions);
        this.qualityDir = qualityDir;
        this.transformDir = transformDir;
        this.notes = new ArrayList<>(notes);
    }

    MonitoringConfig config() {
        return config;
    }

    LocalDate asOf() {
        return asOf;
    }

    /** The days of the folder that have event rows, in order, with their metrics. */
    NavigableMap<LocalDate, Map<String, Double>> days() {
        return days;
    }

    /** Days from the cache's history before the folder's first day. */
    NavigableMap<LocalDate, Map<String, Double>> history() {
        return history;
    }

    /** Whether daily_metrics.csv has this column (derived metrics count when their inputs are present). */
    boolean hasMetric(String metric) {
        return switch (metric) {
            case DIRECT_SHARE -> columns.contains("direct_revenue_last_click") && columns.contains("revenue");
            case ITEM_PRICE_MISSING_SHARE -> columns.contains("orders_item_price_missing")
                    && columns.contains("conversions");
            default -> columns.contains(metric);
        };
    }

    Optional<Double> value(LocalDate day, String metric) {
        Map<String, Double> metrics = days.get(day);
        return metrics == null ? Optional.empty() : Optional.ofNullable(metrics.get(metric));
    }

    /**
     * The baseline of {@code metric} for {@code day}: its values on the calendar days of the window before the day
     * that have data (the folder first, then the history), if there are at least {@code min_baseline_days}. A day
     * whose file lacked the column the metric is worked out from has no data for it.
     */
    Optional<Baseline> baseline(LocalDate day, String metric) {
        Optional<Baseline> baseline = rawBaseline(day, metric);
        return config.samplingNoiseFloor() ? baseline.map(b -> withNoiseFloor(day, metric, b)) : baseline;
    }

    /**
     * Revenue, conversion rate and Direct share rest on the day's orders (about 20 a day in a typical shop), so they
     * move by chance as much as a Poisson count of orders does: relative spread 1/√n for revenue and conversion rate,
     * √(2·p·(1−p)/n) for a revenue share (order values vary, hence the 2). n is the median order count of the same
     * baseline days; for the share, the checked day's own order count when it has one: how far a share strays by chance
     * depends on that day's orders, while fewer orders are themselves the news for revenue and conversion rate.
     */
    private Baseline withNoiseFloor(LocalDate day, String metric, Baseline baseline) {
        if (!metric.equals("revenue") && !metric.equals("session_cvr") && !metric.equals(DIRECT_SHARE)) {
            return baseline;
        }
        Optional<Baseline> orders = metric.equals("conversions") ? Optional.empty() : rawBaseline(day, "conversions");
        if (orders.isEmpty()) {
            return baseline;
        }
        double n = Math.max(1.0, metric.equals(DIRECT_SHARE)
                ? value(day, "conversions").filter(Double::isFinite).orElse(orders.get().median())
                : orders.get().median());
        double m = baseline.median();
        double floor = metric.equals(DIRECT_SHARE)
                ? Math.sqrt(2 * Math.max(0, Math.min(1, m)) * (1 - Math.max(0, Math.min(1, m))) / n)
                : Math.abs(m) / Math.sqrt(n);
        if (metric.equals("revenue")) {
            floor *= orderValueSpreadFactor(day);
        }
        return baseline.withSigmaFloor(floor);
    }

    /**
     * A day's revenue is a sum of a chance number of orders of unequal values, so its chance spread is
     * √(n·E[v²]) = (median/√n)·√(1 + CV²), not median/√n: with the generated shop's order values (CV about 0.7) the
     * bare floor was about 23 % too narrow (decision 0798). E[v²]/E[v]² is taken from the orders of the baseline
     * window's days in conversions.csv; without those orders (days known only from the history) the factor is 1, the
     * floor of 0401.
     */
    double orderValueSpreadFactor(LocalDate day) {
        OrderValues window = new OrderValues(0, 0, 0);
        for (LocalDate d = day.minusDays(config.baselineDays()); d.isBefore(day); d = d.plusDays(1)) {
            OrderValues values = orderValues.get(d);
            if (values != null) {
                window = window.plus(values);
            }
        }
        if (window.orders() < 2 || window.sum() <= 0) {
            return 1;
        }
        // Never below 1: E[v²] ≥ E[v]², and rounding must not narrow the floor of equal orders.
        return Math.max(1, Math.sqrt(window.orders() * window.sumOfSquares()) / window.sum());
    }

    private Optional<Baseline> rawBaseline(LocalDate day, String metric) {
        List<Double> values = new ArrayList<>();
        String source = SOURCE_COLUMN.get(metric);
        for (LocalDate d = day.minusDays(config.baselineDays()); d.isBefore(day); d = d.plusDays(1)) {
            if (source != null && columnMissingOn(source, d)) {
                continue;
            }
            Map<String, Double> metrics = days.containsKey(d) ? days.get(d) : history.get(d);
            Double v = metrics == null ? null : metrics.get(metric);
            if (v != null && Double.isFinite(v)) {
                values.add(v);
            }
        }
        return values.size() < Math.max(1, config.minBaselineDays()) ? Optional.empty()
                : Optional.of(Baseline.of(values));
    }

    /**
     * The folder's days as the cache keeps them for later runs: without the metrics of a day whose file lacked their
     * source column. The history holds numbers only, so a later run that no longer has that day's file (archived away)
     * could not tell the gap's inflated Direct share from a real one, and took it into baselines a run over the whole
     * folder keeps it out of (decision 0787).
     */
    NavigableMap<LocalDate, Map<String, Double>> daysForHistory() {
        NavigableMap<LocalDate, Map<String, Double>> kept = new TreeMap<>();
        for (Map.Entry<LocalDate, Map<String, Double>> day : days.entrySet()) {
            Map<String, Double> metrics = new TreeMap<>(day.getValue());
            SOURCE_COLUMN.forEach((metric, column) -> {
                if (columnMissingOn(column, day.getKey())) {
                    metrics.remove(metric);
                }
            });
            kept.put(day.getKey(), metrics);
        }
        return kept;
    }

    /** Number of days of the history that fall in some checked day's baseline window. */
    int historyDaysUsed() {
        if (days.isEmpty()) {
            return 0;
        }
        LocalDate from = days.firstKey().minusDays(config.baselineDays());
        LocalDate to = days.lastKey();
        return history.subMap(from, true, to, false).size();
    }

    /** Partition dates with at least one row read, from the metrics and the file summary. */
    SortedSet<LocalDate> partitionsWithRows() {
        return partitionsWithRows;
    }

    List<DriftRow> drift() {
        return drift;
    }

    List<ReconciliationRow> reconciliation() {
        return reconciliation;
    }

    List<FlaggedOrder> flaggedOrders(LocalDate day, String flag) {
        return flaggedOrders.stream().filter(o -> o.date().equals(day) && o.flags().contains(flag)).toList();
    }

    Map<String, LocalDate> filePartitions() {
        return filePartitions;
    }

    /** Explanations that need the bigger files (quarantine, sessions), read only when an alert asks for them. */
    Diagnostics diagnostics() {
        if (diagnostics == null) {
            diagnostics = new Diagnostics(qualityDir, transformDir, filePartitions);
        }
        return diagnostics;
    }

    /** The quality stage's value-drift step in percentage points (quality.value_drift.absolute_points). */
    /** The quality stage's value-drift rule, for the threshold of VALUE_DRIFT alerts. */
    com.puffy.pipeline.config.QualityConfig.ValueDrift valueDrift() {
        return valueDrift;
    }

    MonitorData withValueDrift(com.puffy.pipeline.config.QualityConfig.ValueDrift rule) {
        this.valueDrift = rule;
        return this;
    }

    /** Structural drift rows of {@code column} whose episode covers {@code day} (first file's date + its files). */
    boolean columnMissingOn(String column, LocalDate day) {
        for (DriftRow row : drift) {
            if (row.date() != null && row.change().equals("MISSING") && row.column().equals(column)) {
                int files = row.episodeFiles() == null ? 1 : Math.max(1, row.episodeFiles());
                if (!day.isBefore(row.date()) && day.isBefore(row.date().plusDays(files))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Things the stage could not check, for the summary (e.g. a column an older transform did not write). */
    List<String> notes() {
        return notes;
    }

    void note(String sentence) {
        if (!notes.contains(sentence)) {
            notes.add(sentence);
        }
    }
}
