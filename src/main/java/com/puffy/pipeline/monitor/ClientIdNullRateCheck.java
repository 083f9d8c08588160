package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CLIENT_ID_NULL_RATE: share of rows read without client id above the warning (5 %) or critical (10 %) level. */
final class ClientIdNullRateCheck implements MonitorCheck {
    static final String METRIC = "client_id_null_rate";

    @Override
    public String code() {
        return "CLIENT_ID_NULL_RATE";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        double warning = data.config().clientIdNullWarning();
        double critical = data.config().clientIdNullCritical();
        for (Map.Entry<LocalDate, Map<String, Double>> entry : data.days().entrySet()) {
            LocalDate day = entry.getKey();
            Double rate = entry.getValue().get(METRIC);
            if (rate == null) {
                continue;
            }
            Optional<Baseline> baseline = data.baseline(day, METRIC);
            sink.point(day, METRIC, rate, baseline.orElse(null), null, warning);
            if (rate <= warning) {
                continue;
            }
            boolean isCritical = rate > critical;
            double threshold = isCritical ? critical : warning;
            String base = baseline.map(b -> "baseline " + Fmt.pct(b.median())).orElse("no baseline yet");
            Optional<Diagnostics.MissingClientProfile> profile = data.diagnostics().missingClients(day);
            String what = profile.map(ClientIdNullRateCheck::describe).orElse("");
            boolean homepage = profile.map(p -> p.homepageShare() >= 0.5).orElse(false);
            sink.alert(new Alert(day, code(), isCritical ? AlertSeverity.CRITICAL : AlertSeverity.WARNING, METRIC,
                    rate, baseline.map(Baseline::median).orElse(null), threshold,
                    "client_id missing on " + Fmt.pct(rate) + " of rows (" + base + ", "
                            + (isCritical ? "critical" : "warning") + " above " + Fmt.pct(threshold) + ")" + what
                            + ". These rows are quarantined, so their visits are missing from sessions and users.",
                    homepage ? "Check the tag manager's cookie-consent change around " + day
                            + ": the client-id cookie is probably not set before the first page view."
                            : "Check the tag manager and the consent banner releases around " + day
                            + " for a change that stops the client-id cookie from being set.",
                    "client_id missing on " + Fmt.pct(rate) + " of rows"));
        }
    }

    private static String describe(Diagnostics.MissingClientProfile p) {
        if (p.rows() == 0) {
            return "";
        }
        if (p.homepageShare() >= 0.5) {
            return ": mostly homepage views (" + Fmt.pct(p.homepageShare()) + " of " + Fmt.num(p.rows()) + " rows)";
        }
        double top = (double) p.topEventRows() / p.rows();
        // "mostly" only for a majority: the most frequent of several events may be a third of the rows.
        return ": " + (top > 0.5 ? "mostly " : "most often ") + p.topEvent() + " (" + Fmt.pct(top) + "), most often on "
                + p.topPath();
    }

    @Override
    public String incidentSummary(List<Alert> alerts) {
        Alert highest = MonitorCheck.highest(alerts);
        return "client_id missing on " + MonitorCheck.upTo(alerts) + Fmt.pct(highest.value()) + " of rows";
    }
}
