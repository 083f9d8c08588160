package com.puffy.pipeline.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Groups alerts of one check on consecutive days into incidents (SPEC §6), worst first. */
final class Incidents {
    private Incidents() {
    }

    static final Comparator<Incident> WORST_FIRST = Comparator.comparing(Incident::worstSeverity).reversed()
            .thenComparing(Incident::firstDate).thenComparing(Incident::check);

    static List<Incident> group(List<Alert> alerts, Function<String, MonitorCheck> checks) {
        Map<String, List<Alert>> byCheck = new TreeMap<>();
        for (Alert alert : alerts) {
            byCheck.computeIfAbsent(alert.check(), c -> new ArrayList<>()).add(alert);
        }
        List<Incident> incidents = new ArrayList<>();
        byCheck.forEach((check, list) -> {
            list.sort(Comparator.comparing(Alert::date));
            List<Alert> run = new ArrayList<>();
            for (Alert alert : list) {
                if (!run.isEmpty() && !alert.date().equals(run.get(run.size() - 1).date().plusDays(1))) {
                    incidents.add(incident(check, run, checks.apply(check)));
                    run = new ArrayList<>();
                }
                run.add(alert);
            }
            if (!run.isEmpty()) {
                incidents.add(incident(check, run, checks.apply(check)));
            }
        });
        incidents.sort(WORST_FIRST);
        return incidents;
    }

    private static Incident incident(String check, List<Alert> run, MonitorCheck definition) {
        AlertSeverity worst = run.stream().map(Alert::severity).reduce(AlertSeverity.INFO, AlertSeverity::worse);
        String summary = definition == null ? MonitorCheck.worst(run).headline() : definition.incidentSummary(run);
        return new Incident(check, run.get(0).date(), run.get(run.size() - 1).date(), run, worst, summary);
    }
}
