package com.puffy.pipeline.monitor;

import com.puffy.pipeline.config.MonitoringConfig;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.io.CsvColumnReader;
import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads the upstream outputs monitoring needs, by column name (docs/architecture.md, file contracts). */
final class MonitorInputs {
    static final String DAILY_METRICS = "daily_metrics.csv";

    private MonitorInputs() {
    }

    static MonitorData read(MonitoringConfig config, LocalDate asOf, Path qualityDir, Path transformDir,
                            Map<LocalDate, Map<String, Double>> history) throws IOException {
        List<String> notes = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        NavigableMap<LocalDate, Map<String, Double>> days = readDailyMetrics(transformDir.resolve(DAILY_METRICS), columns);
        Map<String, LocalDate> filePartitions = new HashMap<>();
        SortedSet<LocalDate> withRows = new TreeSet<>(days.keySet());
        readFileSummary(qualityDir.resolve("file_summary.csv"), filePartitions, withRows, notes);
        List<MonitorData.DriftRow> drift = readDrift(qualityDir.resolve("schema_drift.csv"), notes);
        List<MonitorData.ReconciliationRow> reconciliation =
                readReconciliation(transformDir.resolve("reconciliation.csv"), notes);
        Map<LocalDate, MonitorData.OrderValues> orderValues = new HashMap<>();
        List<MonitorData.FlaggedOrder> orders =
                readOrders(transformDir.resolve("conversions.csv"), orderValues, notes);
        NavigableMap<LocalDate, Map<String, Double>> earlier = new TreeMap<>(history);
        return new MonitorData(config, asOf, days, earlier, columns, withRows, drift, reconciliation, orders,
                orderValues, filePartitions, qualityDir, transformDir, notes);
    }

    /** One map per day with event rows; derived shares added; days without rows (if written) left out. */
    static NavigableMap<LocalDate, Map<String, Double>> readDailyMetrics(Path file, Set<String> columns)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The transform output " + file
                    + " is missing: run the Transform stage first (eventpipe transform --input DIR).");
        }
        NavigableMap<LocalDate, Map<String, Double>> days = new TreeMap<>();
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            for (String required : List.of("date", "events")) {
                if (!reader.has(required)) {
                    throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The transform output " + file
                            + " has no column '" + required + "': run the Transform stage again with this version.");
                }
            }
            reader.header().keySet().stream().filter(c -> !c.equals("date")).forEach(columns::add);
            List<String> metricColumns = List.copyOf(columns);
            List<String> selected = new ArrayList<>(metricColumns);
            selected.add("date");
            reader.select(selected);
            int dateSlot = metricColumns.size();
            while (reader.next()) {
                LocalDate day = Diagnostics.dateOf(reader.get(dateSlot));
                if (day == null) {
                    continue;
                }
                Map<String, Double> metrics = new TreeMap<>();
                for (int slot = 0; slot < metricColumns.size(); slot++) {
                    Double value = number(reader, slot);
                    if (value != null) {
                        metrics.put(metricColumns.get(slot), value);
                    }
                }
                double events = metrics.getOrDefault("events", 0.0);
                double rowsRead = metrics.getOrDefault("rows_read", events);
                if (events <= 0 && rowsRead <= 0) {
                    continue;
                }
                addDerived(metrics);
                days.put(day, metrics);
            }
        }
        return days;
    }

    static void addDerived(Map<String, Double> metrics) {
        Double revenue = metrics.get("revenue");
        Double direct = metrics.get("direct_revenue_last_click");
        if (revenue != null && direct != null && revenue > 0) {
            metrics.put(MonitorData.DIRECT_SHARE, direct / revenue);
        }
        Double orders = metrics.get("conversions");
        Double missing = metrics.get("orders_item_price_missing");
        if (orders != null && missing != null && orders > 0) {
            metrics.put(MonitorData.ITEM_PRICE_MISSING_SHARE, missing / orders);
        }
    }

    private static void readFileSummary(Path file, Map<String, LocalDate> filePartitions, Set<LocalDate> withRows,
                                        List<String> notes) throws IOException {
        if (!Files.isRegularFile(file)) {
            notes.add("quality/file_summary.csv is missing, so missing partitions are judged from the daily metrics only.");
            return;
        }
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            reader.select(List.of("partition_date", "file", "is_event_file", "rows_read"));
            while (reader.next()) {
                LocalDate day = Diagnostics.dateOf(text(reader, 0));
                String name = text(reader, 1);
                if (day == null) {
                    continue;
                }
                filePartitions.put(name, day);
                boolean eventFile = !"false".equalsIgnoreCase(text(reader, 2));
                Double rowsRead = number(reader, 3);
                if (eventFile && rowsRead != null && rowsRead > 0) {
                    withRows.add(day);
                }
            }
        }
    }

    private static List<MonitorData.DriftRow> readDrift(Path file, List<String> notes) throws IOException {
        List<MonitorData.DriftRow> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            notes.add("quality/schema_drift.csv is missing, so schema and value drift were not checked.");
            return rows;
        }
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            reader.select(List.of("partition_date", "episode_files", "file", "change", "column", "raw_header",
                    "detail", "metric", "value", "baseline"));
            while (reader.next()) {
                LocalDate day = Diagnostics.dateOf(text(reader, 0));
                Double files = number(reader, 1);
                rows.add(new MonitorData.DriftRow(text(reader, 2), day,
                        text(reader, 3).trim().toUpperCase(java.util.Locale.ROOT),
                        text(reader, 4), text(reader, 5), text(reader, 6),
                        files == null ? null : files.intValue(), text(reader, 7),
                        number(reader, 8), number(reader, 9)));
            }
        }
        return rows;
    }

    private static List<MonitorData.ReconciliationRow> readReconciliation(Path file, List<String> notes)
            throws IOException {
        List<MonitorData.ReconciliationRow> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            notes.add("transform/reconciliation.csv is missing, so revenue reconciliation was not checked.");
            return rows;
        }
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            reader.select(List.of("date", "check", "expected", "actual", "difference", "ok"));
            while (reader.next()) {
                rows.add(new MonitorData.ReconciliationRow(text(reader, 0).trim(), text(reader, 1),
                        number(reader, 2), number(reader, 3), number(reader, 4), text(reader, 5).trim()));
            }
        }
        return rows;
    }

    /**
     * Every order adds its revenue to its day's {@link MonitorData.OrderValues} (the revenue check's noise floor);
     * only orders flagged with a collision or zero revenue are kept whole: the alerts name them.
     */
    private static List<MonitorData.FlaggedOrder> readOrders(Path file, Map<LocalDate, MonitorData.OrderValues> values,
                                                             List<String> notes) throws IOException {
        List<MonitorData.FlaggedOrder> orders = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            notes.add("transform/conversions.csv is missing, so alerts cannot name the orders concerned.");
            return orders;
        }
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            reader.select(List.of("flags", "date", "timestamp", "order_key", "transaction_id", "client_id", "revenue"));
            while (reader.next()) {
                LocalDate day = Diagnostics.dateOf(text(reader, 1));
                if (day == null) {
                    day = Diagnostics.dateOf(text(reader, 2));
                }
                if (day == null) {
                    continue;
                }
                Double revenue = number(reader, 6);
                if (revenue != null) {
                    values.merge(day, new MonitorData.OrderValues(1, revenue, revenue * revenue),
                            (a, b) -> a.plus(b.sum()));
                }
                String flags = text(reader, 0);
                if (!flags.contains("TRANSACTION_ID_COLLISION") && !flags.contains("PURCHASE_ZERO_REVENUE")) {
                    continue;
                }
                Set<String> flagSet = Arrays.stream(flags.split("[;|,]")).map(String::trim)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
                orders.add(new MonitorData.FlaggedOrder(day, text(reader, 3), text(reader, 4), text(reader, 5),
                        revenue, flagSet));
            }
        }
        return orders;
    }

    /** The cell as it was before formula protection ("" for a column the file or the record lacks). */
    private static String text(CsvColumnReader reader, int slot) {
        return CsvInput.unprotect(reader.get(slot));
    }

    private static Double number(CsvColumnReader reader, int slot) {
        String text = text(reader, slot).trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.equalsIgnoreCase("true")) {
            return 1.0;
        }
        if (text.equalsIgnoreCase("false")) {
            return 0.0;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
