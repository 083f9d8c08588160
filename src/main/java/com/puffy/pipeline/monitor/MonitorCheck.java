package com.puffy.pipeline.monitor;

import java.util.Comparator;
import java.util.List;

/**
 * One default check of SPEC §6. A check looks at {@link MonitorData}, adds at most one alert per day to the sink
 * (streaks become incidents), and the series it watched, for {@code metrics.csv} and the charts.
 */
interface MonitorCheck {
    /** The check's name in alerts.csv (a SPEC §6 name). */
    String code();

    void evaluate(MonitorData data, CheckSink sink);

    /** One phrase for an incident of this check: by default the headline of its worst alert. */
    default String incidentSummary(List<Alert> alerts) {
        return worst(alerts).headline();
    }

    /** The most severe alert, the earliest among equals. */
    static Alert worst(List<Alert> alerts) {
        return alerts.stream().max(Comparator.comparing(Alert::severity)
                .thenComparing(Alert::date, Comparator.reverseOrder())).orElseThrow();
    }

    /**
     * "up to " before the largest value of an incident when its days differ; without it when every day had that value
     * ("on up to 100.0% of orders" read as if some day had less).
     */
    static String upTo(List<Alert> alerts) {
        return alerts.stream().map(Alert::value).distinct().count() > 1 ? "up to " : "";
    }

    /** The alert with the largest value (for "up to" summaries), the earliest among equals. */
    static Alert highest(List<Alert> alerts) {
        return alerts.stream().filter(a -> a.value() != null)
                .max(Comparator.comparing(Alert::value).thenComparing(Alert::date, Comparator.reverseOrder()))
                .orElse(worst(alerts));
    }
}
