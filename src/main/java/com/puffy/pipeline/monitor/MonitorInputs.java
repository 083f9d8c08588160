package com.puffy.pipeline.monitor;

import com.puffy.pipeline.config.MonitoringConfig;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
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
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
        List<MonitorData.FlaggedOrder> orders = readFlaggedOrders(transformDir.resolve("conversions.csv"), notes);
        NavigableMap<LocalDate, Map<String, Double>> earlier = new TreeMap<>(history);
        return new MonitorData(config, asOf, days, earlier, columns, withRows, drift, reconciliation, orders,
                filePartitions, qualityDir, transformDir, notes);
    }

    /** One map per day with event rows; derived shares added; days without rows (if written) left out. */
    static NavigableMap<LocalDate, Map<String, Double>> readDailyMetrics(Path file, Set<String> columns)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The transform output " + file
                    + " is missing: run the Transform stage first (eventpipe transform --input DIR).");
        }
        NavigableMap<LocalDate, Map<String, Double>> days = new TreeMap<>();
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String required : List.of("date", "events")) {
                if (!header.containsKey(required)) {
                    throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The transform output " + file
                            + " has no column '" + required + "': run the Transform stage again with this version.");
                }
            }
            header.keySet().stream().filter(c -> !c.equals("date")).forEach(columns::add);
            for (CSVRecord row : parser) {
                LocalDate day = Diagnostics.dateOf(row.get("date"));
                if (day == null) {
                    continue;
                }
                Map<String, Double> metrics = new TreeMap<>();
                for (String column : columns) {
                    Double value = number(row, header, column);
                    if (value != null) {
                        metrics.put(column, value);
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
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (CSVRecord row : parser) {
                LocalDate day = Diagnostics.dateOf(text(row, header, "partition_date"));
                String name = text(row, header, "file");
                if (day == null) {
                    continue;
                }
                filePartitions.put(name, day);
                boolean eventFile = !"false".equalsIgnoreCase(text(row, header, "is_event_file"));
                Double rowsRead = number(row, header, "rows_read");
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
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (CSVRecord row : parser) {
                LocalDate day = Diagnostics.dateOf(text(row, header, "partition_date"));
                Double files = number(row, header, "episode_files");
                rows.add(new MonitorData.DriftRow(text(row, header, "file"), day,
                        text(row, header, "change").trim().toUpperCase(java.util.Locale.ROOT),
                        text(row, header, "column"), text(row, header, "raw_header"), text(row, header, "detail"),
                        files == null ? null : files.intValue(), text(row, header, "metric"),
                        number(row, header, "value"), number(row, header, "baseline")));
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
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (CSVRecord row : parser) {
                rows.add(new MonitorData.ReconciliationRow(text(row, header, "date").trim(), text(row, header, "check"),
                        number(row, header, "expected"), number(row, header, "actual"),
                        number(row, header, "difference"), text(row, header, "ok").trim()));
            }
        }
        return rows;
    }

    /** Only orders flagged with a collision or zero revenue are kept: the alerts name them. */
    private static List<MonitorData.FlaggedOrder> readFlaggedOrders(Path file, List<String> notes) throws IOException {
        List<MonitorData.FlaggedOrder> orders = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            notes.add("transform/conversions.csv is missing, so alerts cannot name the orders concerned.");
            return orders;
        }
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (CSVRecord row : parser) {
                String flags = text(row, header, "flags");
                if (!flags.contains("TRANSACTION_ID_COLLISION") && !flags.contains("PURCHASE_ZERO_REVENUE")) {
                    continue;
                }
                LocalDate day = Diagnostics.dateOf(text(row, header, "date"));
                if (day == null) {
                    day = Diagnostics.dateOf(text(row, header, "timestamp"));
                }
                if (day == null) {
                    continue;
                }
                Set<String> flagSet = Arrays.stream(flags.split("[;|,]")).map(String::trim)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
                orders.add(new MonitorData.FlaggedOrder(day, text(row, header, "order_key"),
                        text(row, header, "transaction_id"), text(row, header, "client_id"),
                        number(row, header, "revenue"), flagSet));
            }
        }
        return orders;
    }

    private static String text(CSVRecord row, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= row.size() ? "" : CsvInput.unprotect(row.get(index));
    }

    private static Double number(CSVRecord row, Map<String, Integer> header, String column) {
        String text = text(row, header, column).trim();
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
