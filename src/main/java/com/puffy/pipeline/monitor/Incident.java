package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Alerts of one check on consecutive days (SPEC §6): one row of {@code monitoring/incidents.csv}. */
public record Incident(String check, LocalDate firstDate, LocalDate lastDate, List<Alert> alerts,
                       AlertSeverity worstSeverity, String summary) {
    public Incident {
        alerts = List.copyOf(alerts);
    }

    public String incidentId() {
        return "I-" + firstDate.toString().replace("-", "") + "-" + check;
    }

    public long days() {
        return ChronoUnit.DAYS.between(firstDate, lastDate) + 1;
    }

    /** "2025-03-02..2025-03-04 (3 days)" or "2025-03-02". */
    public String period() {
        return firstDate.equals(lastDate) ? firstDate.toString()
                : firstDate + ".." + lastDate + " (" + days() + " days)";
    }
}
