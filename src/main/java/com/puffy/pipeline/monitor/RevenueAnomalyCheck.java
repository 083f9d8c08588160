package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * REVENUE_ANOMALY: daily revenue far from its baseline (WARNING); zero revenue on a day with non-bot sessions is
 * CRITICAL whatever the baseline (checkout tracking is probably broken).
 */
final class RevenueAnomalyCheck implements MonitorCheck {
    @Override
    public String code() {
        return "REVENUE_ANOMALY";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        for (LocalDate day : data.days().keySet()) {
            Optional<Anomaly> verdict = Anomaly.judge(data, day, "revenue", sink);
            if (verdict.isEmpty()) {
                continue;
            }
            Anomaly a = verdict.get();
            double sessions = data.value(day, "sessions").orElse(0.0);
            double orders = data.value(day, "conversions").orElse(Double.NaN);
            Double baseline = a.baseline() == null ? null : a.baseline().median();
            if (a.value() == 0 && sessions > 0) {
                sink.alert(new Alert(day, code(), AlertSeverity.CRITICAL, "revenue", 0.0, baseline, 0.0,
                        "No revenue on " + day + " although " + Fmt.num(sessions, "non-bot session was", "non-bot sessions were")
                                + " seen"
                                + (baseline == null ? "" : " (baseline " + Fmt.dollars(baseline) + ")")
                                + ": the purchase event is probably not tracked any more.",
                        "Place a test order and check that the purchase event (checkout_completed) reaches the export; "
                                + "check the checkout and the tag manager releases of " + day + ".",
                        "no revenue despite " + Fmt.num(sessions, "session", "sessions")));
                continue;
            }
            if (!a.fires()) {
                continue;
            }
            Optional<Baseline> orderBase = data.baseline(day, "conversions");
            String cause = "";
            boolean orderValuesMoved = false;
            if (orderBase.isPresent() && Double.isFinite(orders)) {
                double usualOrders = orderBase.get().median();
                double orderChange = orderBase.get().change(orders);
                String ordersVsUsual = Fmt.num(orders, "order", "orders") + " vs a usual " + Fmt.count(usualOrders)
                        + " (" + Fmt.signedPct(orderChange) + ")";
                // The order count explains the move only when it moved the same way; "14 orders vs a usual 22 (−36%)"
                // under "+66%" left the analyst to work out that each order was worth far more.
                boolean ordersExplain = Math.signum(orderChange) == Math.signum(a.change())
                        && Math.abs(orderChange) >= Math.abs(a.change()) / 2;
                if (ordersExplain) {
                    cause = ": " + ordersVsUsual;
                } else if (orders > 0 && usualOrders > 0 && baseline != null) {
                    orderValuesMoved = true;
                    double averageOrder = a.value() / orders;
                    double usualAverageOrder = baseline / usualOrders;
                    cause = ": " + (Math.abs(orderChange) < 0.1 ? "about as many orders as usual (" + Fmt.num(orders) + ")"
                            : ordersVsUsual) + ", so the average order was " + Fmt.dollars(averageOrder) + " vs about "
                            + Fmt.dollars(usualAverageOrder) + " usually (" + Fmt.signedPct(averageOrder / usualAverageOrder - 1)
                            + ")";
                } else {
                    cause = ": about as many orders as usual (" + Fmt.num(orders) + "), so the order values changed";
                }
            }
            boolean drop = a.change() < 0;
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, "revenue", a.value(), baseline,
                    a.threshold(data.config().zThreshold(), data.config().changeThreshold()),
                    a.describe("Revenue", true) + cause + ".",
                    drop ? "Check checkout errors, payment provider incidents and price or promotion changes on " + day
                            + "; compare with the shop's order system."
                            : "Look at the day's largest orders in transform/conversions.csv (a bulk or test order?) "
                            + "and the marketing calendar" + (orderValuesMoved ? "; if every order is "
                            + "larger, compare a few with the order system: the purchase tag may send revenue twice or "
                            + "in another currency." : "."),
                    "revenue " + Fmt.signedPct(a.change()) + " vs baseline"));
        }
    }

    @Override
    public String incidentSummary(List<Alert> alerts) {
        long zeroDays = alerts.stream().filter(a -> a.severity() == AlertSeverity.CRITICAL).count();
        // The worst alert's own "no revenue despite 1 session" read as the whole incident's count.
        if (zeroDays > 1) {
            return "no revenue on " + zeroDays + " days with non-bot sessions";
        }
        return MonitorCheck.worst(alerts).headline();
    }
}
