package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** FRESHNESS: the latest partition is older than the as-of date minus the allowed lag (CRITICAL, on the as-of date). */
final class FreshnessCheck implements MonitorCheck {
    static final String METRIC = "latest_partition_age_days";

    @Override
    public String code() {
        return "FRESHNESS";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        LocalDate asOf = data.asOf();
        if (asOf == null) {
            return;
        }
        int lag = data.config().freshnessLagDays();
        if (data.partitionsWithRows().isEmpty()) {
            sink.alert(new Alert(asOf, code(), AlertSeverity.CRITICAL, METRIC, null, null, (double) lag,
                    "No partition with event rows in the folder as of " + asOf + ": there is no data to monitor.",
                    "Check that the folder holds the daily event files (events_YYYYMMDD.csv) and that the export ran.",
                    "no event rows at all"));
            return;
        }
        LocalDate latest = data.partitionsWithRows().last();
        if (latest.isAfter(asOf)) {
            // An age measured from a date the data outlives is negative and means nothing: no point, no alert, and a
            // note, since a user who set --as-of before the data most likely mistyped it.
            data.note("The as-of date " + asOf + " lies before the data's last day " + latest + ", so FRESHNESS was "
                    + "not checked: pass an --as-of date on or after " + latest + ", or leave --as-of out to check against "
                    + "today.");
            return;
        }
        long age = ChronoUnit.DAYS.between(latest, asOf);
        boolean fires = latest.isBefore(asOf.minusDays(lag));
        sink.point(asOf, METRIC, (double) age, null, null, (double) lag);
        if (!fires) {
            return;
        }
        LocalDate expected = asOf.minusDays(lag);
        LocalDate firstMissing = latest.plusDays(1);
        String missing = firstMissing.equals(expected) ? "the file for " + expected + " has not arrived"
                : "the files from " + firstMissing + " to " + expected + " have not arrived";
        sink.alert(new Alert(asOf, code(), AlertSeverity.CRITICAL, METRIC, (double) age, null, (double) lag,
                "The latest partition is " + latest + ", " + Fmt.num(age, "day", "days") + " before the as-of date "
                        + asOf + ": " + missing + ".",
                "Check the export job and the file transfer for the days after " + latest
                        + "; if you are analysing an older folder on purpose, pass --as-of " + latest.plusDays(lag) + ".",
                "latest partition " + latest + " is " + Fmt.num(age, "day", "days") + " old"));
    }
}
