package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.Optional;

/** CONVERSION_RATE_ANOMALY: session conversion rate far from its baseline (WARNING). */
final class ConversionRateAnomalyCheck implements MonitorCheck {
    @Override
    public String code() {
        return "CONVERSION_RATE_ANOMALY";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        for (LocalDate day : data.days().keySet()) {
            Optional<Anomaly> verdict = Anomaly.judge(data, day, "session_cvr", sink);
            if (verdict.isEmpty() || !verdict.get().fires()) {
                continue;
            }
            Anomaly a = verdict.get();
            String cause = "";
            Optional<Baseline> sessionsBase = data.baseline(day, "sessions");
            Optional<Double> sessions = data.value(day, "sessions");
            if (sessionsBase.isPresent() && sessions.isPresent()) {
                double sessionChange = sessionsBase.get().change(sessions.get());
                cause = Math.abs(sessionChange) >= 0.2
                        ? ": sessions moved " + Fmt.signedPct(sessionChange) + ", so the traffic mix probably changed"
                        : ": sessions were about as usual, so " + (verdict.get().change() < 0 ? "fewer" : "more")
                        + " visitors bought";
            }
            boolean drop = a.change() < 0;
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, "session_cvr", a.value(), a.baseline().median(),
                    a.threshold(data.config().zThreshold(), data.config().changeThreshold()),
                    // Points and the relative change both: "+104%" beside two percentages read as points.
                    "Session conversion " + Fmt.rate(a.value()) + " vs a baseline median of "
                            + Fmt.rate(a.baseline().median()) + " ("
                            + Fmt.ratePoints(a.value() - a.baseline().median()) + ", " + Fmt.signedPct(a.change())
                            + " relative)" + cause + ".",
                    drop ? "Check the funnel of " + day + " (transform/funnel.csv) for the step that dropped, and the "
                            + "checkout for errors." : "Check for a promotion, or for lost sessions that inflate the rate.",
                    "session conversion " + Fmt.rate(a.value()) + " (baseline " + Fmt.rate(a.baseline().median()) + ")"));
        }
    }
}
