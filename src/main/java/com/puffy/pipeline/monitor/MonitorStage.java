package com.puffy.pipeline.monitor;

import com.puffy.pipeline.cache.StudioCache;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.core.Words;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stage 4, Monitoring (SPEC §6): runs the default checks over the transform's daily metrics and the quality
 * summary, with baselines that also use the cache's metric history, and writes alerts, incidents and the monitored
 * series. The number of CRITICAL alerts decides exit code 1.
 */
public final class MonitorStage implements Stage {
    public static final String ALERTS = "alerts.csv";
    public static final String INCIDENTS = "incidents.csv";
    public static final String METRICS = "metrics.csv";

    @Override
    public StageId id() {
        return StageId.MONITOR;
    }

    @Override
    public List<String> outputs() {
        return List.of(ALERTS, INCIDENTS, METRICS);
    }

    /**
     * FRESHNESS depends on the as-of date, and baselines on the cache's metric history: the rows of it a run would
     * read ({@link HistoryInUse}), not the cache's path. By path, a deleted or replaced cache left monitoring "up to
     * date" on days it no longer held, and the app and the command line with different default caches called each
     * other's outputs out of date over the same history (docs/decisions/0818).
     */
    @Override
    public String inputFingerprint(RunSettings settings) {
        return "as_of=" + asOf(settings) + "|history=" + HistoryInUse.fingerprint(settings);
    }

    /** The as-of date and {@link HistoryInUse#stamp}: reading the cache costs SQLite's native library (0820). */
    @Override
    public String inputsStamp(RunSettings settings) {
        String history = HistoryInUse.stamp(settings);
        return history.isEmpty() ? "" : "as_of=" + asOf(settings) + "|history:" + history;
    }

    @Override
    public Optional<String> whyInputsChanged(RunSettings settings, String madeWith, String madeWithStamp,
                                             String now) {
        Map<String, String> before = HistoryInUse.fields(madeWith);
        Map<String, String> after = HistoryInUse.fields(now);
        List<String> reasons = new ArrayList<>();
        if (before.containsKey("as_of") && !before.get("as_of").equals(after.get("as_of"))) {
            reasons.add("Its alerts were checked as of " + before.get("as_of") + "; the as-of date is now "
                    + after.get("as_of") + ".");
        }
        HistoryInUse.whyChanged(settings, before.getOrDefault("history", ""), after.getOrDefault("history", ""),
                        HistoryInUse.cacheFileStamped(madeWithStamp)).ifPresent(reasons::add);
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", reasons));
    }

    /**
     * Its own section and the quality stage's value-drift rule (the threshold a VALUE_DRIFT alert states): with the
     * whole configuration, a setting only Quality or Transform reads also made these outputs stale on its own.
     */
    @Override
    public Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("monitoring", config.monitoring());
        used.put("value_drift", config.quality().valueDrift());
        return used;
    }

    private static LocalDate asOf(RunSettings settings) {
        return settings.asOf() != null ? settings.asOf() : LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * The key of a folder's metric history in the cache: its real path, so the folder reached through a link (or in
     * another letter case on Windows) keeps one history instead of starting a new one per spelling. A folder that
     * cannot be resolved keeps its absolute path.
     */
    static String datasetKey(RunSettings settings) {
        try {
            return settings.inputDir().toRealPath().toString();
        } catch (IOException | SecurityException e) {
            return legacyDatasetKey(settings);
        }
    }

    /** The key history was stored under before it was the real path: the absolute path as given. */
    static String legacyDatasetKey(RunSettings settings) {
        return settings.inputDir().toAbsolutePath().normalize().toString();
    }

    @Override
    public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
        RunSettings settings = context.settings();
        List<MonitorCheck> checks = CheckCatalogue.defaults();
        int steps = checks.size() + 3;
        progress.update(0, steps, "Reading the daily metrics");
        Path cacheFile = context.cacheFile();
        StudioCache cache = cacheFile == null ? null : StudioCache.open(cacheFile);
        if (cache != null && cache.lockedOut()) {
            context.bypassCache(cache.warnings().get(cache.warnings().size() - 1));
        }
        try {
            String key = datasetKey(settings);
            if (cache != null && !legacyDatasetKey(settings).equals(key)) {
                // History stored under the path as given (a link) before the key was the real path: moved under the
                // real path once, so the days of earlier runs still form baselines.
                cache.adoptDailyMetrics(legacyDatasetKey(settings), key);
            }
            Map<LocalDate, Map<String, Double>> history = cache == null ? Map.of() : cache.dailyMetrics(key);
            MonitorData data = MonitorInputs.read(context.config().monitoring(), asOf(settings),
                    context.outputOf(StageId.QUALITY), context.outputOf(StageId.TRANSFORM), history)
                    .withValueDrift(context.config().quality().valueDrift());
            progress.update(1, steps, "Running the checks");

            CheckSink sink = new CheckSink();
            int done = 1;
            for (MonitorCheck check : checks) {
                cancellation.throwIfCancelled();
                check.evaluate(data, sink);
                progress.update(++done, steps, "Checked " + check.code());
            }
            List<Alert> alerts = new ArrayList<>(sink.alerts());
            alerts.sort(Comparator.comparing(Alert::date).thenComparing(Alert::severity, Comparator.reverseOrder())
                    .thenComparing(Alert::check));
            Map<String, MonitorCheck> byCode = checks.stream()
                    .collect(Collectors.toMap(MonitorCheck::code, Function.identity()));
            List<Incident> incidents = Incidents.group(alerts, byCode::get);
            List<MetricPoint> points = markFired(sink.points(), alerts, sink.alsoFired());

            MonitorWriters.alerts(context.workDir().resolve(ALERTS), alerts);
            MonitorWriters.incidents(context.workDir().resolve(INCIDENTS), incidents);
            MonitorWriters.metrics(context.workDir().resolve(METRICS), points);
            progress.update(++done, steps, "Saving the metric history");

            if (cache != null) {
                cache.replaceDailyMetrics(key, data.daysForHistory());
            }
            // Bypassed because quality found the file locked: the same sentence, so the faces show it once, and
            // this stage's figures still say why its baselines had no history.
            List<String> cacheWarnings = cache != null ? cache.warnings()
                    : context.cacheBypassed().map(List::of).orElse(List.of());
            progress.update(steps, steps, "Monitoring done");
            return result(data, alerts, incidents, cache != null, cacheWarnings);
        } finally {
            if (cache != null) {
                cache.close();
            }
        }
    }

    /**
     * "14 days", or "14 days with data (of 15 calendar days)" when days without data lie between the first and the
     * last: the count is of days with data, and read alone it looked like the calendar period.
     */
    static String daysChecked(MonitorData data) {
        int withData = data.days().size();
        if (withData == 0) {
            return "0 days with data";
        }
        long calendar = java.time.temporal.ChronoUnit.DAYS.between(data.days().firstKey(), data.days().lastKey()) + 1;
        return Words.count(withData, "day", "days")
                + (calendar == withData ? "" : " with data (of " + calendar + " calendar days)");
    }

    private static List<MetricPoint> markFired(List<MetricPoint> points, List<Alert> alerts, Set<String> alsoFired) {
        Set<String> fired = new HashSet<>(alsoFired);
        for (Alert alert : alerts) {
            fired.add(alert.date() + "|" + alert.metric());
        }
        List<MetricPoint> marked = new ArrayList<>();
        for (MetricPoint p : points) {
            marked.add(fired.contains(p.date() + "|" + p.metric()) ? p.withFired(true) : p);
        }
        marked.sort(Comparator.comparing(MetricPoint::date).thenComparing(MetricPoint::metric));
        return marked;
    }

    private static StageResult result(MonitorData data, List<Alert> alerts, List<Incident> incidents,
                                      boolean cacheUsed, List<String> cacheWarnings) {
        Map<AlertSeverity, Long> bySeverity = new EnumMap<>(AlertSeverity.class);
        for (AlertSeverity s : AlertSeverity.values()) {
            bySeverity.put(s, alerts.stream().filter(a -> a.severity() == s).count());
        }
        int critical = bySeverity.get(AlertSeverity.CRITICAL).intValue();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("days_checked", data.days().size());
        figures.put("first_day", data.days().isEmpty() ? null : data.days().firstKey().toString());
        figures.put("last_day", data.days().isEmpty() ? null : data.days().lastKey().toString());
        figures.put("as_of", data.asOf().toString());
        figures.put("alerts", alerts.size());
        figures.put("alerts_critical", critical);
        figures.put("alerts_warning", bySeverity.get(AlertSeverity.WARNING));
        figures.put("alerts_info", bySeverity.get(AlertSeverity.INFO));
        figures.put("incidents", incidents.size());
        figures.put("history_from_cache", cacheUsed);
        figures.put("baseline_days_from_cache", data.historyDaysUsed());
        figures.put("cache_warnings", cacheWarnings);

        List<String> summary = new ArrayList<>();
        if (alerts.isEmpty()) {
            summary.add("No alerts: " + Words.count(data.days().size(), "day", "days") + " passed every check.");
        } else {
            summary.add(Words.count(alerts.size(), "alert", "alerts") + " (" + critical + " CRITICAL, "
                    + bySeverity.get(AlertSeverity.WARNING) + " WARNING, " + bySeverity.get(AlertSeverity.INFO)
                    + " INFO) in " + Words.count(incidents.size(), "incident", "incidents")
                    + " over " + daysChecked(data) + ":");
            for (Incident incident : incidents) {
                summary.add(incident.worstSeverity() + " " + incident.check() + " " + incident.period() + ": "
                        + incident.summary());
            }
        }
        if (data.historyDaysUsed() > 0) {
            summary.add("Baselines also used " + Words.count(data.historyDaysUsed(), "earlier day", "earlier days")
                    + " from the cache's metric history.");
        }
        summary.addAll(data.notes());
        summary.addAll(cacheWarnings);
        return new StageResult(figures, summary, critical);
    }
}
