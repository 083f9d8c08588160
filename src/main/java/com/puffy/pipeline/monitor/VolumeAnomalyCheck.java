package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * VOLUME_ANOMALY: events or sessions far from their baseline (|z| ≥ 3 and |change| ≥ 30 %; ≥ 50 %: CRITICAL).
 * One alert per day, on the metric that moved most.
 */
final class VolumeAnomalyCheck implements MonitorCheck {
    private static final List<String> METRICS = List.of("events", "sessions");

    @Override
    public String code() {
        return "VOLUME_ANOMALY";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        for (LocalDate day : data.days().keySet()) {
            List<Anomaly> fired = new ArrayList<>();
            for (String metric : METRICS) {
                Anomaly.judge(data, day, metric, sink).filter(Anomaly::fires).ifPresent(fired::add);
            }
            if (fired.isEmpty()) {
                continue;
            }
            fired.sort(Comparator.comparingDouble((Anomaly a) -> Math.abs(a.change())).reversed());
            Anomaly main = fired.get(0);
            fired.forEach(a -> sink.alsoFired(day, a.metric()));
            boolean critical = Math.abs(main.change()) >= data.config().criticalChangeThreshold();
            // A sentence on the alert card, like the other checks' messages: "Events 1,389 vs …; sessions 782 vs …".
            String described = Fmt.sentence(String.join("; ",
                    fired.stream().map(a -> a.describe(a.metric(), false)).toList()));
            boolean drop = main.change() < 0;
            sink.alert(new Alert(day, code(), critical ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
                    main.metric(), main.value(), main.baseline().median(),
                    main.threshold(data.config().zThreshold(), data.config().changeThreshold()),
                    described + ": " + cause(data, day, drop, fired) + ".",
                    drop ? "Compare the file's row count and last timestamp with the export log, and check the site "
                            + "and the tag manager for an outage or a release on " + day + "."
                            : "Check quality/findings.csv for duplicates and bot user agents on " + day
                            + ", and the marketing calendar for a launch or a mailing.",
                    main.metric() + " " + Fmt.signedPct(main.change()) + " vs baseline"));
        }
    }

    /**
     * What probably happened, from the day's other metrics. Bots explain only a move of events: sessions here are
     * non-bot sessions, and "mostly fewer bot rows" is said only when the bot rows lost are at least half the rows lost.
     */
    private static String cause(MonitorData data, LocalDate day, boolean drop, List<Anomaly> fired) {
        Map<String, Double> today = data.days().get(day);
        double botShare = today.getOrDefault("bot_share", Double.NaN);
        double botBase = data.baseline(day, "bot_share").map(Baseline::median).orElse(Double.NaN);
        double nullRate = today.getOrDefault("client_id_null_rate", Double.NaN);
        double nullBase = data.baseline(day, "client_id_null_rate").map(Baseline::median).orElse(Double.NaN);
        Anomaly events = fired.stream().filter(a -> a.metric().equals("events")).findFirst().orElse(null);
        if (!drop && events != null && botShare - botBase >= 0.05) {
            return "probably a bot burst (bot share " + Fmt.pct(botShare) + " vs " + Fmt.pct(botBase) + ")";
        }
        if (drop && nullRate - nullBase >= 0.03) {
            return "partly rows without client id, which are quarantined (" + Fmt.pct(nullRate) + " of rows vs "
                    + Fmt.pct(nullBase) + ")";
        }
        if (drop && events != null && botBase - botShare >= 0.05) {
            double rowsLost = events.baseline().median() - events.value();
            double botRowsLost = botBase * events.baseline().median() - botShare * events.value();
            return (botRowsLost >= rowsLost / 2 ? "mostly" : "partly") + " fewer bot rows (bot share "
                    + Fmt.pct(botShare) + " vs " + Fmt.pct(botBase) + ")";
        }
        return drop ? "probably a partial export or a tracking outage (the tag not firing on some pages)"
                : "a campaign, a duplicated export or a tag firing twice";
    }

    @Override
    public String incidentSummary(List<Alert> alerts) {
        Alert worst = MonitorCheck.worst(alerts);
        return worst.headline() + (alerts.size() > 1 ? " (worst day " + worst.date() + ")" : "");
    }
}
