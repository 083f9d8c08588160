package com.puffy.pipeline.ui.monitor;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.CodeText;
import com.puffy.pipeline.ui.EmptyState;
import com.puffy.pipeline.ui.Hints;
import com.puffy.pipeline.ui.MainViewModel;
import com.puffy.pipeline.ui.NumberAxes;
import com.puffy.pipeline.ui.OutputBrowser;
import com.puffy.pipeline.ui.Screen;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.DataTableView;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Stage 4: the alert panel (most severe first, each with what to check next), the chart of the selected metric with
 * its baseline band and the days that fired, and the incidents that group consecutive alerts.
 */
public final class MonitoringScreen implements Screen {
    private final MainViewModel main;
    private final MonitoringViewModel vm;
    private final OutputBrowser allFiles;
    private final TabPane tabs = new TabPane();
    private final DataTableView alertsView;
    private final DataTableView incidentsView;
    private final MetricChart chart = new MetricChart(NumberAxes.counts());
    private ListView<MonitoringViewModel.Alert> alertList;

    public MonitoringScreen(MainViewModel main, UiThreads threads) {
        this.main = main;
        this.vm = new MonitoringViewModel(threads);
        this.allFiles = new OutputBrowser(main, StageId.MONITOR, threads);
        alertsView = new DataTableView(vm.alertsTable(), "alerts");
        incidentsView = new DataTableView(vm.incidents(), "incidents");
        alertsView.setCodeColumns(java.util.Set.of("message", "suggested_action"));
        incidentsView.setCodeColumns(java.util.Set.of("summary"));
        // Every column in view at 1024 px: the summary, check and id wrap; the dates and the count were right of the
        // window. The id cut in its middle ("I-2025…ISION") named neither its day nor its check.
        incidentsView.fitToWidth(List.of("summary", "check", "incident_id"));
        // What happened first, the ids and figures after: the message and summary were right of the window.
        alertsView.setLeadingColumns(List.of("date", "severity", "check", "message", "suggested_action"));
        // The summary before the dates: after them it started at 880 px of a 1024 px window.
        incidentsView.setLeadingColumns(List.of("worst_severity", "check", "summary", "first_date", "last_date",
                "alerts"));
        // The severity in the tables as the alert cards and chips show it: the same icon and colour, the word kept.
        alertsView.setCellGraphic("severity", MonitoringScreen::tableSeverityIcon);
        incidentsView.setCellGraphic("worst_severity", MonitoringScreen::tableSeverityIcon);
        incidentsView.toolbar().getChildren().add(incidentsView.toolbar().getChildren().size() - 1,
                showAlertsButton());
        // From the row itself too: the button above was reached by Tab alone, not from the row's menu.
        incidentsView.addRowAction("Show its alerts", row -> showAlertsOf(vm.incidentOfRow(row)));
        tabs.setId("monitor-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab overview = new Tab("Alerts", overview());
        overview.setId("monitor-tab-overview");
        Tab table = new Tab("Alerts table", alertsView);
        table.setId("monitor-tab-alerts");
        Tab incidentsTab = new Tab("Incidents", incidentsView);
        incidentsTab.setId("monitor-tab-incidents");
        Tab all = allFiles.tab("monitor-tab-all");
        tabs.getTabs().addAll(overview, incidentsTab, table, all);
        vm.seriesProperty().addListener((obs, old, now) -> drawChart(now));
        vm.markedDayProperty().addListener((obs, old, now) -> chart.mark(now));
    }

    private Node overview() {
        Label headline = new Label();
        headline.setId("alerts-headline");
        headline.getStyleClass().add("section-title");
        headline.textProperty().bind(vm.headlineProperty());
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        ListView<MonitoringViewModel.Alert> list = new ListView<>(vm.shownAlerts());
        alertList = list;
        list.setId("alert-list");
        list.setAccessibleText("Alerts");
        list.setCellFactory(AlertCell::new);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.focus(now));
        // Copy keeps the backticks: Slack, Jira, GitHub and Teams set `name` as code, so a pasted alert reads there
        // as it does here; a plain-text paste keeps the quotes that mark the name.
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy alert");
        copy.setOnAction(e -> copySelected(list));
        copy.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setContextMenu(new javafx.scene.control.ContextMenu(copy));
        list.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            // A key of the list, not an accelerator of its menu: JavaFX would bind that one for the whole window.
            if (COPY.match(e)) {
                copySelected(list);
                e.consume();
            }
        });
        // Only once Monitoring has run: before, a green tick and "No alerts" read as a clean bill of health.
        EmptyState none = new EmptyState("mdi2c-check-circle-outline").show("No alerts",
                "Every check passed on every day.");
        none.setId("alerts-none");
        StackPane listBox = new StackPane(list, none);
        none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.alerts()));
        list.visibleProperty().bind(none.visibleProperty().not());
        // From an alert to its incident: the line names it, the link shows it in the Incidents tab.
        Label incidentLine = Hints.mutedLines("");
        incidentLine.setId("alert-incident");
        javafx.scene.control.Hyperlink showIncident = new javafx.scene.control.Hyperlink("Show the incident");
        showIncident.setId("show-incident");
        showIncident.setMinWidth(Region.USE_PREF_SIZE);
        HBox incidentRow = new HBox(8, incidentLine, showIncident);
        incidentRow.setAlignment(Pos.CENTER_LEFT);
        Runnable describe = () -> {
            MonitoringViewModel.Incident incident = vm.incidentOf(list.getSelectionModel().getSelectedItem());
            incidentLine.setText(incident == null ? "" : MonitoringViewModel.incidentLine(incident));
            showIncident.setOnAction(e -> showIncident(incident));
            // Listing that incident alone, the line over the cards names it already.
            boolean shown = incident != null && !incident.equals(vm.incidentShownProperty().get());
            incidentRow.setVisible(shown);
            incidentRow.setManaged(shown);
        };
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> describe.run());
        vm.incidentShownProperty().addListener((obs, old, now) -> describe.run());
        describe.run();
        // The counts are the severity filter: "7 critical" lists the critical alerts alone, a second press all of
        // them. Before, the headline only counted, and filtering meant the Alerts table tab and its codes.
        Node chips = severityChips();
        chips.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.alerts()));
        chips.managedProperty().bind(chips.visibleProperty());
        headline.visibleProperty().bind(chips.visibleProperty().not());
        headline.managedProperty().bind(headline.visibleProperty());
        VBox left = new VBox(8, headline, chips, incidentShownRow(), listBox, incidentRow);
        VBox.setVgrow(listBox, Priority.ALWAYS);
        left.setPadding(new Insets(6, 8, 0, 0));

        ComboBox<String> metric = new ComboBox<>(vm.metrics());
        metric.setId("metric-choice");
        metric.valueProperty().bindBidirectional(vm.selectedMetricProperty());
        metric.setMinWidth(200);
        Label title = new Label("Metric");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        // Accessibility: names the metric list for a screen reader.
        title.setLabelFor(metric);
        HBox row = new HBox(8, title, metric);
        row.setAlignment(Pos.CENTER_LEFT);
        // Says when the chart is not about the selected alert (its check has no series, or another metric is chosen).
        Label note = Hints.mutedLines(vm.chartNoteProperty());
        note.setId("chart-note");
        note.setGraphic(new FontIcon("mdi2i-information-outline"));
        note.visibleProperty().bind(vm.chartNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox chooser = new VBox(6, row, legend(), note);
        chart.setId("metric-chart");
        // Accessibility: the chart is an image to a screen reader; the alerts beside it say which days fired.
        chart.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        chart.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("Chart of ",
                vm.selectedMetricProperty(), " by day, with its baseline and the band a day may move in; ",
                "the days that fired are the alerts listed beside it"));
        chart.setAnimated(false);
        // MetricChart gives the value and the days that fired their dots; the baseline and band edges are lines alone.
        chart.setCreateSymbols(false);
        // The chart's own legend listed "band low" and "band high" as two green dots for one shaded band; the legend
        // above draws each mark as the chart draws it and says what it means.
        chart.setLegendVisible(false);
        chart.setMinHeight(260);
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        NumberAxis yAxis = (NumberAxis) chart.getYAxis();
        yAxis.setTickLabelFormatter(NumberAxes.labels(yAxis, (value, step, largest) ->
                MonitoringViewModel.axisTick(vm.selectedMetricProperty().get(), value, step)));
        VBox right = new VBox(8, chooser, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        right.setPadding(new Insets(6, 0, 0, 8));

        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.44);
        split.setId("monitor-overview");
        // Before the first run there are no alerts, no metrics and no chart to show: one sentence on what to do
        // rather than an empty chart (its axis 0 to 110) beside "No alerts".
        EmptyState notRun = new EmptyState("mdi2c-chart-line");
        // "Has not run yet" over "the last run of Monitoring failed" read as two stories.
        // "No alerts to show" above "Monitoring runs once Quality and Transform have finished" read as a finding.
        java.util.function.Consumer<String> say = hint -> notRun.show(MonitoringViewModel.runHint().equals(hint)
                ? "Monitoring has not run yet" : main.writesFirstOutputs(StageId.MONITOR)
                ? "Monitoring has not finished yet" : "No alerts to show", hint);
        say.accept(vm.notRunProperty().get());
        vm.notRunProperty().addListener((obs, old, now) -> say.accept(now));
        notRun.setId("monitor-not-run");
        notRun.visibleProperty().bind(vm.ranProperty().not());
        split.visibleProperty().bind(vm.ranProperty());
        return new StackPane(split, notRun);
    }

    /**
     * Over the alert cards while they list one incident's alerts: which incident, and the way back to all of them.
     * The Incidents tab listed incidents with no way to the alerts they group.
     */
    private Node incidentShownRow() {
        Label line = Hints.mutedLines(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.incidentShownProperty().get() == null ? ""
                        : MonitoringViewModel.incidentShownLine(vm.incidentShownProperty().get()),
                vm.incidentShownProperty()));
        line.setId("incident-shown");
        line.setGraphic(new FontIcon("mdi2f-filter-outline"));
        javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink("Show all alerts");
        all.setId("incident-shown-clear");
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setOnAction(e -> vm.incidentShownProperty().set(null));
        // The link under the words, not beside them: beside, it left the words a third of the list's width.
        VBox row = new VBox(0, line, all);
        row.setId("incident-shown-row");
        line.setMaxWidth(Double.MAX_VALUE);
        row.visibleProperty().bind(vm.incidentShownProperty().isNotNull());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** "Show its alerts" in the Incidents tab's bar: the selected incident's alerts on the Alerts tab. */
    private Node showAlertsButton() {
        javafx.scene.control.Button button = new javafx.scene.control.Button("Show its alerts",
                new FontIcon("mdi2a-alert-box-outline"));
        button.setId("incident-show-alerts");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new javafx.scene.control.Tooltip(
                "List the selected incident's alerts on the Alerts tab, with the chart of their metric"));
        TableView<String[]> table = incidentsView.table();
        button.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(e -> showAlertsOf(vm.incidentOfRow(table.getSelectionModel().getSelectedItem())));
        return button;
    }

    /** The Alerts tab listing the incident's alerts alone, its first one selected (its day marked on the chart). */
    private void showAlertsOf(MonitoringViewModel.Incident incident) {
        if (incident == null) {
            return;
        }
        vm.incidentShownProperty().set(incident);
        tabs.getTabs().stream().filter(t -> "monitor-tab-overview".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        if (alertList != null && !alertList.getItems().isEmpty()) {
            alertList.getSelectionModel().clearAndSelect(0);
            alertList.scrollTo(0);
            alertList.requestFocus();
        }
    }

    private Node severityChips() {
        FlowPane row = new FlowPane(6, 4);
        row.setId("alert-severity-chips");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (String severity : List.of("CRITICAL", "WARNING", "INFO")) {
            String name = severity.toLowerCase(java.util.Locale.ROOT);
            javafx.scene.control.ToggleButton chip = new javafx.scene.control.ToggleButton();
            chip.setId("alerts-only-" + name);
            chip.setToggleGroup(group);
            chip.setUserData(severity);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.setGraphic(severityIcon(severity));
            chip.getGraphic().getStyleClass().addAll("chip-icon", "chip-icon-" + name);
            Runnable count = () -> {
                long n = vm.count(severity);
                chip.setText(MonitoringViewModel.countText(severity, n));
                chip.setVisible(n > 0);
                chip.setManaged(n > 0);
                chip.setTooltip(new javafx.scene.control.Tooltip("List only the " + name
                        + " alerts; press again for all"));
                chip.setAccessibleText("List only the " + MonitoringViewModel.countText(severity, n) + " alerts");
            };
            vm.alerts().addListener((javafx.collections.ListChangeListener<MonitoringViewModel.Alert>) c -> count.run());
            count.run();
            row.getChildren().add(chip);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> vm.severityShownProperty()
                .set(now == null ? null : (String) now.getUserData()));
        vm.severityShownProperty().addListener((obs, old, now) -> {
            group.getToggles().forEach(t -> t.setSelected(now != null && now.equals(t.getUserData())));
            // Export (Ctrl+E) writes the alerts table: with "2 critical" pressed it wrote every alert.
            alertsView.tickOnly("severity", now);
        });
        return row;
    }

    /** "Show the incident" waiting for the Incidents table to list its row; null when none waits. */
    private javafx.beans.InvalidationListener landing;

    /**
     * The Incidents tab, with the incident's row selected and in view, the table focused. When the analyst's filters
     * hid it, the table lists that check's incidents and the row is selected once they arrive: focus stayed on the
     * link, in the tab just hidden, and nothing was selected (decision 0830).
     */
    private void showIncident(MonitoringViewModel.Incident incident) {
        if (incident == null) {
            return;
        }
        tabs.getTabs().stream().filter(t -> "monitor-tab-incidents".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        stopLanding();
        javafx.scene.control.TableView<String[]> table = incidentsView.table();
        table.requestFocus();
        if (selectRowOf(incident)) {
            return;
        }
        if (incidentsView.filtersInUse()) {
            // Filters hide it: show that check's incidents, this one among them.
            incidentsView.showOnly("check", incident.check());
        }
        javafx.beans.property.BooleanProperty loading = vm.incidents().loadingProperty();
        landing = obs -> {
            if (loading.get()) {
                return;
            }
            if (selectRowOf(incident)) {
                stopLanding();
            } else if (!incidentsView.filtersInUse() || List.of(incident.check())
                    .equals(incidentsView.tickedValues("check")) && searchIsEmpty()) {
                // No filter hides it any more and the table does not list it (incidents.csv read again meanwhile): the
                // table keeps the focus, and waits for nothing.
                stopLanding();
            }
        };
        table.getItems().addListener(landing);
        loading.addListener(landing);
    }

    private boolean searchIsEmpty() {
        String search = vm.incidents().filterTextProperty().get();
        return search == null || search.isBlank();
    }

    private void stopLanding() {
        if (landing != null) {
            incidentsView.table().getItems().removeListener(landing);
            vm.incidents().loadingProperty().removeListener(landing);
            landing = null;
        }
    }

    /** Selects, scrolls to and focuses the incident's row when the Incidents table lists it. */
    private boolean selectRowOf(MonitoringViewModel.Incident incident) {
        javafx.scene.control.TableView<String[]> table = incidentsView.table();
        int column = -1;
        for (javafx.scene.control.TableColumn<String[], ?> c : table.getColumns()) {
            if ("incident_id".equals(c.getUserData())) {
                Object index = c.getProperties().get("row-index");
                column = index instanceof Integer i ? i : table.getColumns().indexOf(c);
            }
        }
        for (int row = 0; column >= 0 && row < table.getItems().size(); row++) {
            String[] values = table.getItems().get(row);
            if (column < values.length && incident.id().equals(values[column])) {
                table.getSelectionModel().clearAndSelect(row);
                table.scrollTo(row);
                table.requestFocus();
                return true;
            }
        }
        return false;
    }

    private static final javafx.scene.input.KeyCombination COPY = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.C, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private static void copySelected(ListView<MonitoringViewModel.Alert> list) {
        MonitoringViewModel.Alert alert = list.getSelectionModel().getSelectedItem();
        if (alert != null) {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(MonitoringViewModel.copyText(alert));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void drawChart(List<MonitoringViewModel.Point> points) {
        String metric = vm.selectedMetricProperty().get();
        chart.show(metric, points, v -> MonitoringViewModel.axisLabel(metric, v));
        chart.mark(vm.markedDayProperty().get());
        // An empty chart kept the last folder's axis (0 % to 16 %) over nothing, as if that folder had values.
        chart.setVisible(!points.isEmpty());
    }

    /**
     * What the chart's marks mean, each drawn as the chart draws it (studio.css styles both alike), so the legend
     * and the drawing tell one story.
     */
    private static Node legend() {
        FlowPane legend = new FlowPane(14, 4);
        legend.setId("metric-legend");
        legend.getChildren().addAll(
                legendItem("legend-value", "the day's value"),
                legendItem("legend-baseline", "baseline: median of the days before"),
                legendItem("legend-band", "band: no alert inside it"),
                legendItem("legend-fired", "fired an alert"));
        return legend;
    }

    private static Node legendItem(String kind, String text) {
        Node mark;
        if (kind.equals("legend-band") || kind.equals("legend-fired")) {
            Region box = new Region();
            double size = kind.equals("legend-band") ? 22 : 11;
            box.setMinSize(size, 11);
            box.setMaxSize(size, 11);
            mark = box;
        } else {
            mark = new javafx.scene.shape.Line(0, 0, 22, 0);
        }
        mark.getStyleClass().addAll("legend-mark", kind);
        Label label = new Label(text, mark);
        label.getStyleClass().add("muted");
        label.setId(kind);
        label.setGraphicTextGap(6);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    @Override
    public Node node() {
        return tabs;
    }

    @Override
    public void reload() {
        vm.reload(main.stageOutput(StageId.MONITOR), main.noOutputsHint(StageId.MONITOR, MonitoringViewModel.runHint()));
        allFiles.reload();
    }

    @Override
    public TableView<String[]> visibleTable() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return alertsView.table();
        }
        return switch (selected.getId()) {
            case "monitor-tab-incidents" -> incidentsView.table();
            case "monitor-tab-all" -> allFiles.visibleTable();
            default -> alertsView.table();
        };
    }

    /** The icon of a severity, the same on its chip and on its alerts' cards. */
    private static FontIcon severityIcon(String severity) {
        return new FontIcon(severityLiteral(severity));
    }

    private static String severityLiteral(String severity) {
        return switch (severity) {
            case "CRITICAL" -> "mdi2a-alert-octagon";
            case "WARNING" -> "mdi2a-alert";
            default -> "mdi2i-information";
        };
    }

    /** A severity's icon in a table's cell, before its word; none for a value that is not a severity. */
    private static Node tableSeverityIcon(String severity) {
        if (!List.of("CRITICAL", "WARNING", "INFO").contains(severity)) {
            return null;
        }
        FontIcon icon = severityIcon(severity);
        icon.getStyleClass().addAll("severity-cell-icon",
                "severity-cell-icon-" + severity.toLowerCase(java.util.Locale.ROOT));
        return icon;
    }

    /**
     * One alert: severity icon, check and day, the message, and what to check next. The cell keeps its nodes and
     * changes their words: it made them anew at each update, for every alert in view, whenever the list was read
     * again at a stage's end (decision 0832).
     */
    private static final class AlertCell extends ListCell<MonitoringViewModel.Alert> {
        private final FontIcon icon = new FontIcon();
        private final Label title = new Label();
        // Names in backticks set as code (CodeText), as the HTML report sets them.
        private final TextFlow message = CodeText.flow("");
        private final TextFlow action = CodeText.flow("", "muted");
        private final HBox box;
        private MonitoringViewModel.Alert drawn;

        AlertCell(ListView<MonitoringViewModel.Alert> list) {
            icon.getStyleClass().add("alert-icon");
            title.getStyleClass().add("alert-title");
            message.setId("alert-message");
            action.setId("alert-action");
            action.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(action.getChildren()));
            // Wrapped text needs a width to know its height, or the cell cuts it to one line.
            title.prefWidthProperty().bind(list.widthProperty().subtract(80));
            title.setMinHeight(Region.USE_PREF_SIZE);
            title.setWrapText(true);
            for (TextFlow flow : java.util.List.of(message, action)) {
                flow.prefWidthProperty().bind(list.widthProperty().subtract(80));
                flow.maxWidthProperty().bind(flow.prefWidthProperty());
                flow.setMinHeight(Region.USE_PREF_SIZE);
            }
            VBox text = new VBox(2, title, message, action);
            box = new HBox(10, icon, text);
            box.setAlignment(Pos.TOP_LEFT);
        }

        @Override
        protected void updateItem(MonitoringViewModel.Alert alert, boolean empty) {
            super.updateItem(alert, empty);
            getStyleClass().removeAll("alert-critical", "alert-warning", "alert-info");
            if (empty || alert == null) {
                setAccessibleText(null);
                setGraphic(null);
                setText(null);
                return;
            }
            String severity = alert.severity().toLowerCase(java.util.Locale.ROOT);
            if (!alert.equals(drawn)) {
                icon.setIconLiteral(severityLiteral(alert.severity()));
                icon.getStyleClass().removeAll("alert-icon-critical", "alert-icon-warning", "alert-icon-info");
                icon.getStyleClass().add("alert-icon-" + severity);
                title.setText(MonitoringViewModel.title(alert));
                CodeText.fill(message, alert.message());
                CodeText.fill(action, alert.action().isBlank() ? "" : "Next: " + alert.action(), "muted");
                drawn = alert;
            }
            setGraphic(box);
            setText(null);
            getStyleClass().add("alert-" + severity);
            // Accessibility: the cell draws its words in a graphic; a screen reader reads this.
            setAccessibleText(title.getText() + ". " + message.getAccessibleText() + " " + action.getAccessibleText());
        }
    }

}
