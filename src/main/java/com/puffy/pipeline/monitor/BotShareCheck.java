package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BOT_SHARE: bot rows above the configured share of valid rows (WARNING); also, with {@code bot_share_anomaly}, a
 * bot share far above its own baseline (|z| and change as for the other anomalies), so a burst on a shop whose
 * usual bot share is low is not missed just because it stays under the fixed limit.
 */
final class BotShareCheck implements MonitorCheck {
    static final String METRIC = "bot_share";

    @Override
    public String code() {
        return "BOT_SHARE";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        double limit = data.config().botShareWarning();
        for (Map.Entry<LocalDate, Map<String, Double>> entry : data.days().entrySet()) {
            LocalDate day = entry.getKey();
            Double share = entry.getValue().get(METRIC);
            if (share == null) {
                continue;
            }
            Baseline baseline = data.baseline(day, METRIC).orElse(null);
            boolean anomaly = data.config().botShareAnomaly() && baseline != null && share > baseline.median()
                    && baseline.isAnomaly(share, data.config().zThreshold(), data.config().changeThreshold());
            double high = baseline == null || !data.config().botShareAnomaly() ? limit
                    : Math.min(limit, baseline.upperBound(data.config().zThreshold(), data.config().changeThreshold()));
            sink.point(day, METRIC, share, baseline, null, high);
            if (share <= limit && !anomaly) {
                continue;
            }
            boolean overLimit = share > limit;
            Optional<Diagnostics.BotProfile> bots = data.diagnostics().bots(day);
            String who = bots.filter(b -> b.sessions() > 0).map(b -> ": " + Fmt.num(b.sessions(), "bot session", "bot sessions") + ", "
                    + Fmt.pct((double) b.topBrowserSessions() / b.sessions()) + " of them " + b.topBrowser()
                    + (b.checkoutSessions() > 0 ? ", " + Fmt.num(b.checkoutSessions()) + " reaching checkout" : ""))
                    .orElse("");
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, METRIC, share,
                    baseline == null ? null : baseline.median(), overLimit ? limit : high,
                    "Bots made " + Fmt.pct(share) + " of valid rows (" + (baseline == null ? "no baseline yet"
                            : "baseline " + Fmt.pct(baseline.median())) + ", "
                            + (overLimit ? "warning above " + Fmt.pct(limit)
                            : "far above its usual level: " + Fmt.signedPct(baseline.change(share))) + ")"
                            + who + ". Bot sessions are left out of the reporting metrics but inflate raw counts.",
                    "Look at the BOT_USER_AGENT rows of " + day + " in quality/findings.csv; block the crawler or "
                            + "headless client at the edge if it is not a partner's.",
                    "bots made " + Fmt.pct(share) + " of rows"));
        }
    }

    @Override
    public String incidentSummary(List<Alert> alerts) {
        return "bots made " + MonitorCheck.upTo(alerts) + Fmt.pct(MonitorCheck.highest(alerts).value())
                + " of rows";
    }
}
