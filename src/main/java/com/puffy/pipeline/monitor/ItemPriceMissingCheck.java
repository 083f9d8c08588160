package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** ITEM_PRICE_MISSING: more than half of the day's orders have an item without price (WARNING). */
final class ItemPriceMissingCheck implements MonitorCheck {
    @Override
    public String code() {
        return "ITEM_PRICE_MISSING";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        if (!data.hasMetric(MonitorData.ITEM_PRICE_MISSING_SHARE)) {
            data.note("transform/daily_metrics.csv has no orders_item_price_missing column, so ITEM_PRICE_MISSING "
                    + "was not checked.");
            return;
        }
        double limit = data.config().itemPriceMissingShare();
        for (Map.Entry<LocalDate, Map<String, Double>> entry : data.days().entrySet()) {
            LocalDate day = entry.getKey();
            Double share = entry.getValue().get(MonitorData.ITEM_PRICE_MISSING_SHARE);
            if (share == null) {
                continue;
            }
            Baseline baseline = data.baseline(day, MonitorData.ITEM_PRICE_MISSING_SHARE).orElse(null);
            sink.point(day, MonitorData.ITEM_PRICE_MISSING_SHARE, share, baseline, null, limit);
            if (share <= limit) {
                continue;
            }
            double orders = entry.getValue().getOrDefault("conversions", 0.0);
            double missing = entry.getValue().getOrDefault("orders_item_price_missing", 0.0);
            sink.alert(new Alert(day, code(), AlertSeverity.WARNING, MonitorData.ITEM_PRICE_MISSING_SHARE, share,
                    baseline == null ? null : baseline.median(), limit,
                    "item_price missing on " + Fmt.num(missing) + " of " + Fmt.num(orders, "order", "orders") + " ("
                            + Fmt.pct(share) + (baseline == null ? "" : ", baseline " + Fmt.pct(baseline.median()))
                            + ") while revenue is still sent: the purchase tag probably stopped filling item prices.",
                    "Check the data layer / purchase tag release of " + day + "; product and item revenue reports are "
                            + "unreliable for these days, order revenue is still right.",
                    "item_price missing on " + Fmt.pct(share) + " of orders"));
        }
    }

    @Override
    public String incidentSummary(List<Alert> alerts) {
        return "item_price missing on " + MonitorCheck.upTo(alerts)
                + Fmt.pct(MonitorCheck.highest(alerts).value()) + " of orders";
    }
}
