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

    /**
     * One phrase for an incident of this check: by default the headline of its worst alert, with the day it holds
     * when the incident's other days said something else. A week of schema changes ending in a missing column read
     * "2025-02-27..2025-03-04: `referrer` missing", as if the column had been missing all week.
     */
    default String incidentSummary(List<Alert> alerts) {
        Alert worst = worst(alerts);
        long alike = alerts.stream().filter(a -> a.headline().equals(worst.headline())).count();
        if (alike == alerts.size()) {
            return worst.headline();
        }
        return worst.headline() + (alike == 1 ? " on " + worst.date()
                : " on " + alike + " of its " + alerts.size() + " days");
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
