package com.puffy.pipeline.analysis;

import com.puffy.pipeline.analysis.AnalysisResult.AlertCount;
import com.puffy.pipeline.analysis.AnalysisResult.AttributionShift;
import com.puffy.pipeline.analysis.AnalysisResult.ChannelModel;
import com.puffy.pipeline.analysis.AnalysisResult.DailyTrend;
import com.puffy.pipeline.analysis.AnalysisResult.FindingCount;
import com.puffy.pipeline.analysis.AnalysisResult.FunnelStep;
import com.puffy.pipeline.analysis.AnalysisResult.Incident;
import com.puffy.pipeline.analysis.AnalysisResult.Insight;
import com.puffy.pipeline.analysis.AnalysisResult.Kpis;
import com.puffy.pipeline.analysis.AnalysisResult.Overview;
import com.puffy.pipeline.analysis.AnalysisResult.PathBucket;
import com.puffy.pipeline.analysis.AnalysisResult.QualityImpact;
import com.puffy.pipeline.analysis.AnalysisResult.Segment;
import com.puffy.pipeline.analysis.AnalysisResult.TopProduct;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.io.AtomicFiles;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.io.CsvOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV tables under {@code report/}: one per table of the report, columns named after the record components in
 * snake_case, so the app reads back exactly what the report shows ({@link AnalysisResults#read(Path)}).
 */
final class ReportTables {
    static final String OVERVIEW = "overview.csv";
    static final String KPIS = "kpis.csv";
    static final String DAILY = "daily_trends.csv";
    static final String FUNNEL = "funnel.csv";
    static final String CHANNEL_REVENUE = "channel_revenue.csv";
    static final String CHANNEL_BY_MODEL = "channel_revenue_by_model.csv";
    static final String CONVERSIONS_BY_MODEL = "channel_conversions_by_model.csv";
    static final String SHIFT = "attribution_shift.csv";
    static final String SEGMENTS = "segments.csv";
    static final String PATH = "path_to_purchase.csv";
    static final String PRODUCTS = "top_products.csv";
    static final String QUALITY = "quality_impact.csv";
    static final String ALERTS = "alert_summary.csv";
    static final String INCIDENTS = "incidents.csv";
    static final String FINDINGS = "findings_summary.csv";
    static final String INSIGHTS = "insights.csv";

    static final List<String> FILES = List.of(OVERVIEW, KPIS, DAILY, FUNNEL, CHANNEL_REVENUE, CHANNEL_BY_MODEL,
            CONVERSIONS_BY_MODEL, SHIFT,
            SEGMENTS, PATH, PRODUCTS, QUALITY, ALERTS, INCIDENTS, FINDINGS, INSIGHTS);

    /** The KPI rows of {@code kpis.csv}: metric name, label, and how the value is shown. */
    record KpiRow(String metric, String label, double value, String display) {
    }

    private ReportTables() {
    }

    static List<KpiRow> kpiRows(Kpis k) {
        return List.of(
                new KpiRow("revenue", "Revenue", k.revenue(), Fmt.money(k.revenue())),
                new KpiRow("orders", "Orders", k.orders(), Fmt.count(k.orders())),
                new KpiRow("aov", "Average order value", k.aov(), Fmt.money(k.aov())),
                new KpiRow("median_order", "Median order", k.medianOrder(), Fmt.money(k.medianOrder())),
                new KpiRow("sessions", "Sessions (bots excluded)", k.sessions(), Fmt.count(k.sessions())),
                new KpiRow("converted_sessions", "Converted sessions", k.convertedSessions(),
                        Fmt.count(k.convertedSessions())),
                new KpiRow("session_cvr", "Session conversion rate", k.sessionCvr(), Fmt.rate(k.sessionCvr())),
                new KpiRow("revenue_per_session", "Revenue per session", k.revenuePerSession(),
                        Fmt.money(k.revenuePerSession())),
                new KpiRow("bounce_rate", "Single-event sessions", k.bounceRate(), Fmt.percent(k.bounceRate())),
                new KpiRow("new_session_share", "Sessions from new visitors", k.newSessionShare(),
                        Fmt.percent(k.newSessionShare())),
                new KpiRow("events", "Valid events", k.events(), Fmt.count(k.events())),
                new KpiRow("bot_row_share", "Bot share of rows", k.botRowShare(), Fmt.percent(k.botRowShare())),
                new KpiRow("median_hours_to_purchase", "Median time from first touch to purchase (hours)",
                        k.medianHoursToPurchase(), Fmt.hours(k.medianHoursToPurchase())),
                new KpiRow("avg_sessions_to_purchase", "Sessions from first touch to purchase (average)",
                        k.avgSessionsToPurchase(), Fmt.number(k.avgSessionsToPurchase(), 1)));
    }

    static void write(AnalysisResult r, Path dir) throws IOException {
        writeRecords(dir.resolve(OVERVIEW), Overview.class, List.of(r.overview()));
        writeRecords(dir.resolve(KPIS), KpiRow.class, kpiRows(r.kpis()));
        writeRecords(dir.resolve(DAILY), DailyTrend.class, r.daily());
        writeRecords(dir.resolve(FUNNEL), FunnelStep.class, r.funnel());
        writeRecords(dir.resolve(CHANNEL_REVENUE), ChannelModel.class, r.channelRevenue());
        writeChannelPivot(dir.resolve(CHANNEL_BY_MODEL), r, false);
        writeChannelPivot(dir.resolve(CONVERSIONS_BY_MODEL), r, true);
        writeRecords(dir.resolve(SHIFT), AttributionShift.class, r.attributionShift());
        writeRecords(dir.resolve(SEGMENTS), Segment.class, r.segments());
        writeRecords(dir.resolve(PATH), PathBucket.class, r.pathToPurchase());
        writeRecords(dir.resolve(PRODUCTS), TopProduct.class, r.topProducts());
        writeRecords(dir.resolve(QUALITY), QualityImpact.class, r.qualityImpact());
        writeRecords(dir.resolve(ALERTS), AlertCount.class, r.alertCounts());
        writeRecords(dir.resolve(INCIDENTS), Incident.class, r.incidents());
        writeRecords(dir.resolve(FINDINGS), FindingCount.class, r.findings());
        writeRecords(dir.resolve(INSIGHTS), Insight.class, r.insights());
    }

    /** Channel rows, one revenue and one conversions column per attribution model: the tables the report shows. */
    record ChannelPivotRow(String channel, long sessions, Map<String, Double> revenueByModel,
                           Map<String, Double> conversionsByModel) {
    }

    static List<ChannelPivotRow> channelPivot(AnalysisResult r) {
        Map<String, ChannelPivotRow> rows = new LinkedHashMap<>();
        for (AttributionShift s : r.attributionShift()) {
            rows.put(s.channel(), new ChannelPivotRow(s.channel(), 0, new LinkedHashMap<>(), new LinkedHashMap<>()));
        }
        Map<String, Long> sessions = new HashMap<>();
        for (ChannelModel c : r.channelRevenue()) {
            ChannelPivotRow row = rows.computeIfAbsent(c.channel(),
                    k -> new ChannelPivotRow(k, 0, new LinkedHashMap<>(), new LinkedHashMap<>()));
            row.revenueByModel().put(c.model(), c.revenue());
            row.conversionsByModel().put(c.model(), c.conversions());
            sessions.merge(c.channel(), c.sessions(), Math::max);
        }
        List<ChannelPivotRow> out = new ArrayList<>();
        for (ChannelPivotRow row : rows.values()) {
            out.add(new ChannelPivotRow(row.channel(), sessions.getOrDefault(row.channel(), 0L), row.revenueByModel(),
                    row.conversionsByModel()));
        }
        return out;
    }

    private static void writeChannelPivot(Path file, AnalysisResult r, boolean conversions) throws IOException {
        List<String> header = new ArrayList<>(List.of("channel", "sessions"));
        header.addAll(AnalysisResult.MODELS);
        AtomicFiles.write(file, writer -> {
            try (CsvOutput csv = new CsvOutput(writer, header)) {
                for (ChannelPivotRow row : channelPivot(r)) {
                    List<Object> cells = new ArrayList<>(List.of(row.channel(), row.sessions()));
                    for (String model : AnalysisResult.MODELS) {
                        cells.add((conversions ? row.conversionsByModel() : row.revenueByModel())
                                .getOrDefault(model, 0.0));
                    }
                    csv.row(cells);
                }
            }
        });
    }

    private static <T extends Record> void writeRecords(Path file, Class<T> type, List<T> rows) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        List<String> header = Arrays.stream(components).map(c -> snake(c.getName())).toList();
        AtomicFiles.write(file, writer -> {
            try (CsvOutput csv = new CsvOutput(writer, header)) {
                for (T row : rows) {
                    List<Object> cells = new ArrayList<>(components.length);
                    for (RecordComponent component : components) {
                        try {
                            cells.add(unknown(row, component) ? "" : component.getAccessor().invoke(row));
                        } catch (IllegalAccessException | InvocationTargetException e) {
                            throw new IllegalStateException("Cannot read " + component.getName() + " of " + type, e);
                        }
                    }
                    csv.row(cells);
                }
            }
        });
    }

    /**
     * A figure of a day without event rows is unknown, not zero: its cell is empty, so a spreadsheet's average or sum
     * of the column passes over the day instead of counting a day of nothing. Its date, alerts and issues are known.
     */
    private static boolean unknown(Record row, RecordComponent component) {
        return row instanceof DailyTrend day && !day.hasEventRows() && component.getType() != String.class
                && component.getType() != boolean.class && !component.getName().equals("alerts");
    }

    /** Columns added after reports were first written, with the value an older file means by leaving them out. */
    private static final Map<String, String> LATER_COLUMNS = Map.of("has_event_rows", "true");

    static AnalysisResult read(Path dir) throws IOException {
        List<Overview> overview = readRecords(dir.resolve(OVERVIEW), Overview.class);
        if (overview.size() != 1) {
            throw PipelineException.unreadableInput("report/" + OVERVIEW + " in " + dir
                    + " should hold exactly one row: run the analysis again.", null);
        }
        Map<String, Double> kpi = new HashMap<>();
        for (KpiRow row : readRecords(dir.resolve(KPIS), KpiRow.class)) {
            kpi.put(row.metric(), row.value());
        }
        Kpis kpis = new Kpis(kpi(kpi, "revenue"), Math.round(kpi(kpi, "orders")), kpi(kpi, "aov"),
                kpi(kpi, "median_order"), Math.round(kpi(kpi, "sessions")), Math.round(kpi(kpi, "converted_sessions")),
                kpi(kpi, "session_cvr"), kpi(kpi, "revenue_per_session"), kpi(kpi, "bounce_rate"),
                kpi(kpi, "new_session_share"), Math.round(kpi(kpi, "events")), kpi(kpi, "bot_row_share"),
                kpi(kpi, "median_hours_to_purchase"), kpi(kpi, "avg_sessions_to_purchase"));
        return new AnalysisResult(overview.get(0), kpis,
                readRecords(dir.resolve(DAILY), DailyTrend.class),
                readRecords(dir.resolve(FUNNEL), FunnelStep.class),
                readRecords(dir.resolve(CHANNEL_REVENUE), ChannelModel.class),
                readRecords(dir.resolve(SHIFT), AttributionShift.class),
                readRecords(dir.resolve(SEGMENTS), Segment.class),
                readRecords(dir.resolve(PATH), PathBucket.class),
                readRecords(dir.resolve(PRODUCTS), TopProduct.class),
                readRecords(dir.resolve(QUALITY), QualityImpact.class),
                readRecords(dir.resolve(ALERTS), AlertCount.class),
                readRecords(dir.resolve(INCIDENTS), Incident.class),
                readRecords(dir.resolve(FINDINGS), FindingCount.class),
                readRecords(dir.resolve(INSIGHTS), Insight.class));
    }

    private static double kpi(Map<String, Double> kpi, String metric) {
        Double value = kpi.get(metric);
        if (value == null) {
            throw PipelineException.unreadableInput("report/" + KPIS + " lacks the metric " + metric
                    + ": run the analysis again.", null);
        }
        return value;
    }

    private static <T extends Record> List<T> readRecords(Path file, Class<T> type) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        List<String> columns = Arrays.stream(components).map(c -> snake(c.getName())).toList();
        if (!Files.isRegularFile(file)) {
            throw PipelineException.unreadableInput("report/" + file.getFileName() + " is missing from "
                    + file.getParent() + ": run the analysis stage again.", null);
        }
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record always has its canonical constructor: " + type, e);
        }
        List<T> rows = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(file)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = columns.stream()
                    .filter(c -> !header.contains(c) && !LATER_COLUMNS.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw PipelineException.unreadableInput("report/" + file.getFileName() + " lacks the column(s) "
                        + String.join(", ", missing) + ": run the analysis stage again.", null);
            }
            for (CSVRecord record : parser) {
                Object[] args = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    String column = columns.get(i);
                    String cell = header.contains(column) ? record.get(column) : LATER_COLUMNS.get(column);
                    args[i] = convert(cell, components[i].getType(), file);
                }
                rows.add(constructor.newInstance(args));
            }
        } catch (UncheckedIOException | IllegalStateException | ReflectiveOperationException e) {
            throw PipelineException.unreadableInput("report/" + file.getFileName() + " cannot be read ("
                    + e.getMessage() + "): run the analysis stage again.", e);
        }
        return rows;
    }

    private static Object convert(String cell, Class<?> type, Path file) {
        try {
            if (type == String.class) {
                return CsvInput.unprotect(cell);
            }
            if (type == double.class) {
                return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
            if (type == long.class) {
                return cell.isEmpty() ? 0L : Long.parseLong(cell);
            }
            if (type == int.class) {
                return cell.isEmpty() ? 0 : Integer.parseInt(cell);
            }
            if (type == boolean.class) {
                return !cell.equalsIgnoreCase("false");
            }
        } catch (NumberFormatException e) {
            throw PipelineException.unreadableInput("report/" + file.getFileName() + " holds '" + cell
                    + "' where a number belongs: run the analysis stage again.", e);
        }
        throw new IllegalStateException("No CSV conversion for " + type);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
