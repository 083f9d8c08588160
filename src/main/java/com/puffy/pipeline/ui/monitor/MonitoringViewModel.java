package com.puffy.pipeline.ui.monitor;

import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.UiError;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.CsvTable;
import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.TableData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Monitoring screen's state, read from {@code <output>/monitoring/}: alerts by severity, incidents, series. */
public final class MonitoringViewModel {
    private static final Map<String, Integer> RANK = Map.of("CRITICAL", 0, "WARNING", 1, "INFO", 2);
    private static final String NO_ALERTS = "No alerts: every check passed on every day.";
    private static final String RUN_HINT = "Run the Monitoring stage (or Run all, F5) to check the daily metrics.";

    /** One alert of alerts.csv. */
    public record Alert(String id, String date, String check, String severity, String metric, String value,
                        String baseline, String threshold, String message, String action) {
    }

    /** A row of incidents.csv: alerts of one check on consecutive days. */
    public record Incident(String id, String check, String firstDate, String lastDate, String alerts,
                           String worstSeverity) {
        /** Whether this incident holds the alert: same check, its day within the incident's days. */
        boolean holds(Alert alert) {
            return check.equals(alert.check()) && firstDate.compareTo(alert.date()) <= 0
                    && lastDate.compareTo(alert.date()) >= 0;
        }
    }

    /** One day of a metric's series in metrics.csv. */
    public record Point(String date, double value, double baseline, double low, double high, boolean fired) {
    }

    private final UiThreads threads;
    private final DataTableModel alertsTable;
    private final DataTableModel incidents;
    private List<Incident> incidentRows = List.of();
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final javafx.collections.transformation.FilteredList<Alert> shownAlerts = alerts.filtered(a -> true);
    private final StringProperty severityShown = new SimpleStringProperty();
    private final ObjectProperty<Incident> incidentShown = new SimpleObjectProperty<>();
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final StringProperty selectedMetric = new SimpleStringProperty();
    private final ObjectProperty<List<Point>> series = new SimpleObjectProperty<>(List.of());
    private final StringProperty headline = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty ran = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty notRun = new javafx.beans.property.SimpleStringProperty(RUN_HINT);
    private final ObjectProperty<Alert> selectedAlert = new SimpleObjectProperty<>();
    private final StringProperty chartNote = new SimpleStringProperty("");
    private final StringProperty markedDay = new SimpleStringProperty();
    private CsvTable metricTable;

    public MonitoringViewModel(UiThreads threads) {
        this.threads = threads;
        this.alertsTable = new DataTableModel(threads, List.of("severity", "check"));
        this.incidents = new DataTableModel(threads, List.of("worst_severity", "check"));
        // After a run with no alert, "alerts.csv has no rows." read as a file problem, not a clean bill of health.
        alertsTable.setNoRowsText(NO_ALERTS);
        incidents.setNoRowsText("No incidents: no check fired an alert on any day.");
        selectedMetric.addListener((obs, old, now) -> series.set(points(now)));
        selectedMetric.addListener((obs, old, now) -> relate());
        selectedAlert.addListener((obs, old, now) -> relate());
        // One filter at a time: an incident's alerts are of its check alone, and a severity pressed after it
        // would list a part of them, or none, under words naming the whole incident.
        severityShown.addListener((obs, old, now) -> {
            if (now != null) {
                incidentShown.set(null);
            }
            filterAlerts();
        });
        incidentShown.addListener((obs, old, now) -> {
            if (now != null) {
                severityShown.set(null);
            }
            filterAlerts();
            // The alerts table lists them too, so Export (Ctrl+E) writes the incident's alerts, not all of them.
            alertsTable.scopeProperty().set(now == null ? null : scopeOf(now));
        });
        // "Show all rows" over the table is "Show all alerts" over the cards.
        alertsTable.scopeProperty().addListener((obs, old, now) -> {
            if (now == null) {
                incidentShown.set(null);
            }
        });
        metrics.addListener((javafx.collections.ListChangeListener<String>) c -> relate());
    }

    /**
     * The alerts table's rows of an incident, as {@link Incident#holds} says: its check, each day from its first to
     * its last, the check named with its days and id ("the CLIENT_ID_NULL_RATE incident of Mar 1 → Mar 2, 2025
     * (I-20250301-CLIENT_ID_NULL_RATE)") and the id in an exported file's name.
     */
    static DataTableModel.Scope scopeOf(Incident incident) {
        java.util.Set<String> days = new java.util.TreeSet<>(List.of(incident.firstDate(), incident.lastDate()));
        try {
            java.time.LocalDate last = java.time.LocalDate.parse(incident.lastDate());
            for (java.time.LocalDate day = java.time.LocalDate.parse(incident.firstDate()); !day.isAfter(last);
                    day = day.plusDays(1)) {
                days.add(day.toString());
            }
        } catch (java.time.format.DateTimeParseException notIso) {
            // An incidents.csv of other dates: its first and last days are still its own.
        }
        return new DataTableModel.Scope("the " + incident.check() + " incident of " + days(incident) + " ("
                + incident.id() + ")", incident.id().replaceAll("[^A-Za-z0-9_.-]", "_"),
                Map.of("check", java.util.Set.of(incident.check()), "date", days));
    }

    private void filterAlerts() {
        String severity = severityShown.get();
        Incident incident = incidentShown.get();
        shownAlerts.setPredicate(a -> (severity == null || a.severity().equals(severity))
                && (incident == null || incident.holds(a)));
    }

    /**
     * How the chart relates to the selected alert. Selecting an alert of a check with no daily series (schema drift,
     * value drift) left the last metric's chart in view, its red "fired" days looking like the alert's: the note says
     * the chart is not about it. An alert whose series is in view marks its day on the chart.
     */
    private void relate() {
        Alert alert = selectedAlert.get();
        String shown = selectedMetric.get();
        boolean charted = alert != null && !alert.metric().isBlank() && metrics.contains(alert.metric());
        markedDay.set(charted && alert.metric().equals(shown) ? alert.date() : null);
        chartNote.set(chartNote(alert, charted, shown));
    }

    static String chartNote(Alert alert, boolean charted, String shown) {
        if (alert == null) {
            // The chart opens on the most severe alert's metric while the card on top may be another check's: it
            // did not say which alert, if any, it was about.
            return shown == null ? "" : "No alert selected: the chart shows " + shown
                    + ". Select an alert to chart its metric with its day marked.";
        }
        if (shown == null || charted && alert.metric().equals(shown)) {
            return "";
        }
        String which = alert.check() + " on " + Formats.longDate(alert.date());
        if (!charted) {
            return which + " has no daily series to chart: the chart shows " + shown + ", not this alert.";
        }
        return "The chart shows " + shown + "; " + which + " is about " + alert.metric() + ".";
    }

    /** The alert selected in the list, or null. */
    public ObjectProperty<Alert> selectedAlertProperty() {
        return selectedAlert;
    }

    /** A sentence when the chart is not about the selected alert, else empty. */
    public StringProperty chartNoteProperty() {
        return chartNote;
    }

    /** The selected alert's day (ISO) while the chart shows its metric, else null. */
    public StringProperty markedDayProperty() {
        return markedDay;
    }

    public DataTableModel alertsTable() {
        return alertsTable;
    }

    public DataTableModel incidents() {
        return incidents;
    }

    /** CRITICAL first, then WARNING, then INFO; newest first within a severity. */
    public ObservableList<Alert> alerts() {
        return alerts;
    }

    /** The alerts of the severity shown ({@link #severityShownProperty}), in the order of {@link #alerts()}. */
    public ObservableList<Alert> shownAlerts() {
        return shownAlerts;
    }

    /** CRITICAL, WARNING or INFO to list only that severity's alerts; null for all. */
    public StringProperty severityShownProperty() {
        return severityShown;
    }

    /**
     * The incident whose alerts alone are listed (from the Incidents tab, "Show its alerts"); null for all. Setting
     * one clears the severity shown, and a severity clears it.
     */
    public ObjectProperty<Incident> incidentShownProperty() {
        return incidentShown;
    }

    /**
     * The incident of a row of the Incidents table, found by its incident_id in incidents.csv as last read; null
     * when the row is not one (another run's file, or no id).
     */
    public Incident incidentOfRow(String[] row) {
        TableData table = incidents.tableProperty().get();
        int column = table == null ? -1 : table.column("incident_id");
        if (row == null || column < 0 || column >= row.length) {
            return null;
        }
        return incidentById(row[column]);
    }

    private Incident incidentById(String id) {
        return incidentRows.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * What the alert list says while it lists one incident's alerts: "Only the CLIENT_ID_NULL_RATE incident: 2 alerts,
     * Mar 1 → Mar 2, 2025". Named by its check and days, not its id: at 1024 px the id (one 30-letter word) broke
     * across lines mid-word.
     */
    public static String incidentShownLine(Incident incident) {
        return "Only the " + incident.check() + " incident: " + alertsAndDays(incident);
    }

    /** How many alerts are of a severity. */
    public long count(String severity) {
        return alerts.stream().filter(a -> a.severity().equals(severity)).count();
    }

    /** A severity's count as the headline words it: "7 critical", "1 warning", "13 warnings", "3 info". */
    public static String countText(String severity, long count) {
        return switch (severity) {
            case "CRITICAL" -> count + " critical";
            case "WARNING" -> count + (count == 1 ? " warning" : " warnings");
            default -> count + " info";
        };
    }

    public ObservableList<String> metrics() {
        return metrics;
    }

    public StringProperty selectedMetricProperty() {
        return selectedMetric;
    }

    public ObjectProperty<List<Point>> seriesProperty() {
        return series;
    }

    /** "2 critical · 5 warnings · 1 info", or what to run. */
    public StringProperty headlineProperty() {
        return headline;
    }

    /** Whether Monitoring's alerts are there to show: false before its first run (or after its outputs went). */
    public javafx.beans.property.ReadOnlyBooleanProperty ranProperty() {
        return ran;
    }

    /** What the screen says before Monitoring has run. */
    public static String runHint() {
        return RUN_HINT;
    }

    /** What the screen says while Monitoring has no alerts to show: how to run it, or why the last run did not. */
    public StringProperty notRunProperty() {
        return notRun;
    }

    public void reload(Path monitoringDir) {
        reload(monitoringDir, RUN_HINT);
    }

    /** Reads Monitoring's files in {@code monitoringDir}; {@code missingHint} is said when they are not there. */
    public void reload(Path monitoringDir, String missingHint) {
        notRun.set(missingHint);
        Path alertsFile = monitoringDir == null ? null : monitoringDir.resolve("alerts.csv");
        alertsTable.load(alertsFile, missingHint);
        incidents.load(monitoringDir == null ? null : monitoringDir.resolve("incidents.csv"), missingHint);
        if (alertsFile == null || !Files.isRegularFile(alertsFile)) {
            alerts.clear();
            incidentShown.set(null);
            metrics.clear();
            metricTable = null;
            series.set(List.of());
            headline.set(missingHint);
            ran.set(false);
            return;
        }
        // Known at once, not after the read: "not run yet" must not flash while a large folder's alerts are read.
        ran.set(true);
        Path metricsFile = monitoringDir.resolve("metrics.csv");
        threads.background(() -> {
            try {
                List<Alert> read = readAlerts(CsvTable.read(alertsFile));
                CsvTable metricRows = Files.isRegularFile(metricsFile) ? CsvTable.read(metricsFile) : null;
                Path incidentsFile = monitoringDir.resolve("incidents.csv");
                List<Incident> incidentList = Files.isRegularFile(incidentsFile)
                        ? readIncidents(CsvTable.read(incidentsFile)) : List.of();
                threads.fx(() -> {
                    incidentRows = incidentList;
                    // The incident listed before a run is its new row (its alerts may be more), or gone.
                    Incident shown = incidentShown.get();
                    incidentShown.set(shown == null ? null : incidentById(shown.id()));
                    show(read, metricRows);
                });
            } catch (Exception e) {
                threads.fx(() -> {
                    // The last run's alerts are not this file's: the headline alone says what happened.
                    alerts.clear();
                    incidentShown.set(null);
                    ran.set(true);
                    headline.set("Could not read " + alertsFile + ": run the Monitoring stage again.");
                });
            }
        });
    }

    static List<Incident> readIncidents(CsvTable table) {
        String[] names = {"incident_id", "check", "first_date", "last_date", "alerts", "worst_severity"};
        int[] c = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = table.column(names[i]);
        }
        List<Incident> list = new ArrayList<>();
        for (String[] row : table.rows()) {
            String[] v = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                v[i] = c[i] < 0 ? "" : row[c[i]];
            }
            list.add(new Incident(v[0], v[1], v[2], v[3], v[4], v[5]));
        }
        return list;
    }

    /** The incident an alert belongs to, or null (none written, or the files of another run). */
    public Incident incidentOf(Alert alert) {
        if (alert == null) {
            return null;
        }
        return incidentRows.stream().filter(i -> i.holds(alert)).findFirst().orElse(null);
    }

    /**
     * The line under the alerts about the selected alert's incident: "Part of the CLIENT_ID_NULL_RATE incident:
     * 2 alerts, Mar 1 → Mar 2, 2025". The Incidents tab listed them, with no way there from an alert. The check and
     * days name it as well as its id did, which broke across lines mid-word at 1024 px.
     */
    public static String incidentLine(Incident incident) {
        return "Part of the " + incident.check() + " incident: " + alertsAndDays(incident);
    }

    /** "2 alerts, Mar 1 → Mar 2, 2025", "1 alert, Mar 4, 2025". */
    private static String alertsAndDays(Incident incident) {
        String count = "1".equals(incident.alerts()) ? "1 alert" : incident.alerts() + " alerts";
        return count + ", " + days(incident);
    }

    /** "Mar 1 → Mar 2, 2025", "Mar 4, 2025". */
    private static String days(Incident incident) {
        return incident.firstDate().equals(incident.lastDate()) ? Formats.longDate(incident.firstDate())
                : Formats.dateRange(incident.firstDate(), incident.lastDate());
    }

    static List<Alert> readAlerts(CsvTable table) {
        List<Alert> list = new ArrayList<>();
        String[] names = {"alert_id", "date", "check", "severity", "metric", "value", "baseline", "threshold",
                "message", "suggested_action"};
        int[] c = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = table.column(names[i]);
        }
        for (String[] row : table.rows()) {
            String[] v = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                v[i] = c[i] < 0 ? "" : row[c[i]];
            }
            // The cards speak the app's words ("set As of … to", not "pass --as-of"); the tables keep the file's text.
            list.add(new Alert(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], UiError.inTheAppsWords(v[8]),
                    UiError.inTheAppsWords(v[9])));
        }
        list.sort(Comparator.comparing((Alert a) -> RANK.getOrDefault(a.severity(), 3))
                .thenComparing(Alert::date, Comparator.reverseOrder()).thenComparing(Alert::check));
        return list;
    }

    private void show(List<Alert> read, CsvTable metricRows) {
        // The screen reads the same file twice, when Monitoring finishes and when the run ends: replacing the list
        // by equal alerts would drop the one the user picked in between.
        if (!alerts.equals(read)) {
            alerts.setAll(read);
        }
        ran.set(true);
        long critical = read.stream().filter(a -> a.severity().equals("CRITICAL")).count();
        long warning = read.stream().filter(a -> a.severity().equals("WARNING")).count();
        long info = read.size() - critical - warning;
        headline.set(read.isEmpty() ? NO_ALERTS
                : countText("CRITICAL", critical) + " · " + countText("WARNING", warning) + " · "
                + countText("INFO", info));
        if (severityShown.get() != null && read.stream().noneMatch(a -> a.severity().equals(severityShown.get()))) {
            severityShown.set(null);
        }
        metricTable = metricRows;
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (metricRows != null) {
            int m = metricRows.column("metric");
            for (String[] row : metricRows.rows()) {
                names.add(row[m]);
            }
        }
        String keep = selectedMetric.get();
        // The same names (a run's second reading, or a run over the same days) leave the list as it is: replaced, the
        // combo box cleared its value, so the chart was emptied and drawn again from new nodes at every stage's end.
        if (!metrics.equals(new ArrayList<>(names))) {
            metrics.setAll(names);
        }
        if (keep != null && names.contains(keep)) {
            // A combo box showing this list may clear its value when the list is replaced, even by the same names.
            selectedMetric.set(keep);
            series.set(points(keep));
        } else if (!names.isEmpty()) {
            selectedMetric.set(defaultMetric(read, names));
        } else {
            series.set(List.of());
        }
    }

    /** The metric of the most severe alert that has a real series (several days), else daily events. */
    private String defaultMetric(List<Alert> read, java.util.Set<String> names) {
        for (Alert alert : read) {
            if (names.contains(alert.metric()) && points(alert.metric()).size() >= 3) {
                return alert.metric();
            }
        }
        return names.contains("events") ? "events" : names.iterator().next();
    }

    /**
     * An alert as "Copy alert" puts it on the clipboard: its title line, message and next step, names still in
     * their backticks, which chat and issue trackers set as code.
     */
    public static String copyText(Alert alert) {
        StringBuilder text = new StringBuilder(title(alert)).append('\n').append(alert.message());
        if (!alert.action().isBlank()) {
            text.append("\nNext: ").append(alert.action());
        }
        return text.toString();
    }

    /** An alert card's first line: "SCHEMA_DRIFT · Mar 4, 2025 · CRITICAL", the day as the charts beside it write it. */
    public static String title(Alert alert) {
        return alert.check() + " · " + Formats.longDate(alert.date()) + " · " + alert.severity();
    }

    /** Shows the series of the alert's metric, when it has one. */
    public void focus(Alert alert) {
        if (alert != null && metrics.contains(alert.metric())) {
            selectedMetric.set(alert.metric());
        }
        selectedAlert.set(alert);
    }

    private List<Point> points(String metric) {
        if (metricTable == null || metric == null) {
            return List.of();
        }
        int cDate = metricTable.column("date");
        int cMetric = metricTable.column("metric");
        int cValue = metricTable.column("value");
        int cBase = metricTable.column("baseline");
        int cLow = metricTable.column("band_low");
        int cHigh = metricTable.column("band_high");
        int cFired = metricTable.column("fired");
        List<Point> points = new ArrayList<>();
        for (String[] row : metricTable.rows()) {
            if (!row[cMetric].equals(metric)) {
                continue;
            }
            points.add(new Point(row[cDate], CsvTable.number(row[cValue]), at(row, cBase), at(row, cLow),
                    at(row, cHigh), cFired >= 0 && "true".equalsIgnoreCase(row[cFired])));
        }
        points.sort(Comparator.comparing(Point::date));
        return points;
    }

    /**
     * The days a metric's chart leaves open: days of the period with no row in metrics.csv (no event rows that day)
     * and days whose value is empty (a rate of a day without sessions). Its line joined the days either side.
     */
    public static List<String> noDataDays(List<Point> points) {
        java.util.TreeSet<String> open = new java.util.TreeSet<>(com.puffy.pipeline.core.DayGaps.missingDays(
                points.stream().map(Point::date).toList()));
        points.stream().filter(p -> Double.isNaN(p.value())).map(Point::date).forEach(open::add);
        return List.copyOf(open);
    }

    private static double at(String[] row, int column) {
        return column < 0 ? Double.NaN : CsvTable.number(row[column]);
    }

    /**
     * A value of a metric as the chart's axis writes it: rates and shares as percentages, as the alerts word them
     * ("client_id missing on 15.0% of rows" beside an axis reading 0.15), revenue in dollars as the alert says it
     * ("Revenue $29,532" beside an axis of bare 30,000 and a point reading 29,531.98), other values with thousands
     * separators.
     */
    public static String axisLabel(String metric, double value) {
        if (isFraction(metric)) {
            return Formats.axisPercent(value * 100);
        }
        if ("revenue".equals(metric)) {
            return Formats.money(value);
        }
        return Formats.axisNumber(value);
    }

    /**
     * A tick of the chart's axis, stepping by {@code step}: as {@link #axisLabel}, every tick with the step's
     * decimals ("0.90%, 0.95%, 1.00%", "$0, $5,000"), where each value's own decimals read "0.9%, 0.95%, 1%".
     */
    public static String axisTick(String metric, double value, double step) {
        if (isFraction(metric)) {
            return com.puffy.pipeline.ui.TickLabels.percent(value * 100, step * 100);
        }
        if ("revenue".equals(metric)) {
            return com.puffy.pipeline.ui.TickLabels.money(value, step);
        }
        return com.puffy.pipeline.ui.TickLabels.number(value, step);
    }

    /** Metrics that metrics.csv holds as fractions 0..1 (docs/architecture.md, monitoring/). */
    static boolean isFraction(String metric) {
        return metric != null && (metric.endsWith("_rate") || metric.endsWith("_share") || metric.endsWith("_cvr"));
    }
}
