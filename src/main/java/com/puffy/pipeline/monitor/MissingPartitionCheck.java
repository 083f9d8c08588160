package com.puffy.pipeline.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/** MISSING_PARTITION: a day between the first and last partition without event rows in any file (CRITICAL). */
final class MissingPartitionCheck implements MonitorCheck {
    @Override
    public String code() {
        return "MISSING_PARTITION";
    }

    @Override
    public void evaluate(MonitorData data, CheckSink sink) {
        SortedSet<LocalDate> present = data.partitionsWithRows();
        if (present.isEmpty()) {
            return;
        }
        for (LocalDate day = present.first(); !day.isAfter(present.last()); day = day.plusDays(1)) {
            if (present.contains(day)) {
                continue;
            }
            LocalDate missing = day;
            List<String> files = data.filePartitions().entrySet().stream()
                    .filter(e -> e.getValue().equals(missing)).map(Map.Entry::getKey).sorted().toList();
            String why = files.isEmpty() ? "there is no file for this day in the folder"
                    : String.join(", ", files) + (files.size() == 1 ? " has" : " have") + " no event rows";
            sink.alert(new Alert(day, code(), AlertSeverity.CRITICAL, "event_rows", 0.0, null, 0.0,
                    "No event rows for " + day + ": " + why + ". Sessions and revenue of this day are missing from "
                            + "every report, and the days after it are compared without it.",
                    "Ask the export owner to resend the file for " + day + " (events_" + day.toString().replace("-", "")
                            + ".csv) and run again.",
                    "no event rows"));
        }
    }

    @Override
    public String incidentSummary(List<Alert> alerts) {
        return alerts.size() == 1 ? "no event rows for the day" : "no event rows on " + alerts.size() + " days";
    }
}
