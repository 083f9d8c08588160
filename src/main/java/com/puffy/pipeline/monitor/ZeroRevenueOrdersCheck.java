package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** ZERO_REVENUE_ORDERS: any order with revenue 0 that day (WARNING). */
final class ZeroRevenueOrdersCheck implements MonitorCheck {
    static final String METRIC = "orders_zero_revenue";

    @Override
    public String code() {
        return "ZERO_REVENUE_ORDERS";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        if (!data.hasMetric(METRIC)) {
            data.note("transform/daily_metrics.csv has no orders_zero_revenue column, so ZERO_REVENUE_ORDERS was not checked.");
            return;
        }
        for (Map.Entry<LocalDate, Map<String, Double>> entry : data.days().entrySet()) {
            LocalDate day = entry.getKey();
            double zero = entry.getValue().getOrDefault(METRIC, 0.0);
            sink.point(day, METRIC, zero, null, null, 0.0);
            if (zero <= 0) {
                continue;
            }
            double orders = entry.getValue().getOrDefault("conversions", Double.NaN);
            List<MonitorData.FlaggedOrder> named = data.flaggedOrders(day, "PURCHASE_ZERO_REVENUE");
            String keys = named.isEmpty() ? "" : " (" + named.stream().map(MonitorData.FlaggedOrder::orderKey)
                    .sorted().limit(5).collect(Collectors.joining(", ")) + (named.size() > 5 ? ", …" : "") + ")";
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, METRIC, zero, null, 0.0,
                    // "1 order with revenue 0 out of 20" left "20" without its noun or its day.
                    (Double.isFinite(orders) ? Fmt.num(zero) + " of the day's " + Fmt.num(orders, "order", "orders")
                            + " had revenue 0" : Fmt.num(zero, "order", "orders") + " with revenue 0") + keys
                            + ": free replacements or 100% discount codes, or a purchase tag sending 0.",
                    "Look these orders up in the order system: if they were paid, the purchase tag sends the wrong "
                            + "revenue and the day's revenue is understated.",
                    Fmt.num(zero) + (zero == 1 ? " order" : " orders") + " with revenue 0"));
        }
    }

    @Override
    public String incidentSummary(List<Alert> alerts) {
        double total = alerts.stream().mapToDouble(a -> a.value() == null ? 0 : a.value()).sum();
        return Fmt.num(total) + (total == 1 ? " order" : " orders") + " with revenue 0";
    }
}
