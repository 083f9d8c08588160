package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** TRANSACTION_ID_COLLISION: one transaction id on different orders that day (CRITICAL). */
final class TransactionIdCollisionCheck implements MonitorCheck {
    static final String METRIC = "orders_collided";
    private static final String FLAG = "TRANSACTION_ID_COLLISION";

    @Override
    public String code() {
        return FLAG;
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        if (!data.hasMetric(METRIC)) {
            data.note("transform/daily_metrics.csv has no orders_collided column, so TRANSACTION_ID_COLLISION was not checked.");
            return;
        }
        for (Map.Entry<LocalDate, Map<String, Double>> entry : data.days().entrySet()) {
            LocalDate day = entry.getKey();
            double collided = entry.getValue().getOrDefault(METRIC, 0.0);
            sink.point(day, METRIC, collided, null, null, 0.0);
            if (collided <= 0) {
                continue;
            }
            Map<String, List<MonitorData.FlaggedOrder>> byId = data.flaggedOrders(day, FLAG).stream()
                    .collect(Collectors.groupingBy(MonitorData.FlaggedOrder::transactionId, TreeMap::new,
                            Collectors.toList()));
            String ids = byId.isEmpty() ? "" : ": " + byId.entrySet().stream().limit(3)
                    .map(e -> e.getKey() + " on " + Fmt.num(e.getValue().size(), "order", "orders") + " ("
                            + e.getValue().stream().map(MonitorData.FlaggedOrder::orderKey).sorted()
                            .collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining("; ")) + (byId.size() > 3 ? "; and " + (byId.size() - 3) + " more transaction "
                    + (byId.size() - 3 == 1 ? "id" : "ids") : "");
            sink.alert(new Alert(day, code(), AlertSeverity.CRITICAL, METRIC, collided, null, 0.0,
                    // A collision can span days: the day may hold only one of the orders sharing the id.
                    Fmt.num(collided, "order shares", "orders share") + " a transaction id with a different order" + ids
                            + ". All are kept as separate orders (order_key <id>~1, ~2), so revenue may be double "
                            + "counted or orders mixed up downstream.",
                    "Look these ids up in the order system: a reset order-number sequence, a test order in "
                            + "production, or a tag sending a stale id; fix the source before using order-level reports.",
                    Fmt.num(collided, "order", "orders") + " with a colliding transaction id"));
        }
    }
}
