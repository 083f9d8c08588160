package com.puffy.pipeline.ui.monitor;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.EmptyState;
import com.puffy.pipeline.ui.MainViewModel;
import com.puffy.pipeline.ui.OutputBrowser;
import com.puffy.pipeline.ui.Screen;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.DataTableView;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
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
    private final LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());

    public MonitoringScreen(MainViewModel main, UiThreads threads) {
        this.main = main;
        this.vm = new MonitoringViewModel(threads);
        this.allFiles = new OutputBrowser(main, StageId.MONITOR, threads);
        alertsView = new DataTableView(vm.alertsTable(), "alerts");
        incidentsView = new DataTableView(vm.incidents(), "incidents");
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
    }

    private Node overview() {
        Label headline = new Label();
        headline.setId("alerts-headline");
        headline.getStyleClass().add("section-title");
        headline.textProperty().bind(vm.headlineProperty());
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        ListView<MonitoringViewModel.Alert> list = new ListView<>(vm.alerts());
        list.setId("alert-list");
        list.setCellFactory(l -> new AlertCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.focus(now));
        EmptyState none = new EmptyState("mdi2c-check-circle-outline").show("No alerts",
                "Every check passed, or Monitoring has not run yet.");
        StackPane listBox = new StackPane(list, none);
        none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.alerts()));
        list.visibleProperty().bind(none.visibleProperty().not());
        VBox left = new VBox(8, headline, listBox);
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
        Label hint = new Label("Solid line: the day's value · grey dashes: the baseline (median of the 7 days "
                + "before) · green dots: the band a day may move in · red: the days that fired an alert.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        // Else the chart below takes the height and the hint shrinks to one cut line.
        hint.setMinHeight(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, title, metric);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox chooser = new VBox(4, row, hint);
        chart.setId("metric-chart");
        // Accessibility: the chart is an image to a screen reader; the alerts beside it say which days fired.
        chart.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        chart.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("Chart of ",
                vm.selectedMetricProperty(), " by day, with its baseline and the band a day may move in; ",
                "the days that fired are the alerts listed beside it"));
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(true);
        chart.setMinHeight(260);
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        NumberAxis yAxis = (NumberAxis) chart.getYAxis();
        yAxis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(yAxis) {
            @Override
            public String toString(Number value) {
                return MonitoringViewModel.axisLabel(vm.selectedMetricProperty().get(), value.doubleValue());
            }
        });
        VBox right = new VBox(8, chooser, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        right.setPadding(new Insets(6, 0, 0, 8));

        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.44);
        return split;
    }

    private void drawChart(List<MonitoringViewModel.Point> points) {
        chart.getData().clear();
        XYChart.Series<String, Number> value = new XYChart.Series<>();
        value.setName(vm.selectedMetricProperty().get() == null ? "value" : vm.selectedMetricProperty().get());
        XYChart.Series<String, Number> baseline = new XYChart.Series<>();
        baseline.setName("baseline");
        XYChart.Series<String, Number> low = new XYChart.Series<>();
        low.setName("band low");
        XYChart.Series<String, Number> high = new XYChart.Series<>();
        high.setName("band high");
        XYChart.Series<String, Number> fired = new XYChart.Series<>();
        fired.setName("fired");
        for (MonitoringViewModel.Point p : points) {
            if (!Double.isNaN(p.value())) {
                value.getData().add(new XYChart.Data<>(p.date(), p.value()));
            }
            if (!Double.isNaN(p.baseline())) {
                baseline.getData().add(new XYChart.Data<>(p.date(), p.baseline()));
            }
            if (!Double.isNaN(p.low()) && !Double.isInfinite(p.low())) {
                low.getData().add(new XYChart.Data<>(p.date(), p.low()));
            }
            if (!Double.isNaN(p.high()) && !Double.isInfinite(p.high())) {
                high.getData().add(new XYChart.Data<>(p.date(), p.high()));
            }
            if (p.fired() && !Double.isNaN(p.value())) {
                fired.getData().add(new XYChart.Data<>(p.date(), p.value()));
            }
        }
        chart.getData().addAll(List.of(value, baseline, low, high, fired));
        // An empty chart kept the last folder's axis (0 % to 16 %) over nothing, as if that folder had values.
        chart.setVisible(!points.isEmpty());
    }

    @Override
    public Node node() {
        return tabs;
    }

    @Override
    public void reload() {
        vm.reload(main.stageOutput(StageId.MONITOR));
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

    /** One alert: severity icon, check and day, the message, and what to check next. */
    private static final class AlertCell extends ListCell<MonitoringViewModel.Alert> {
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
            FontIcon icon = new FontIcon(switch (alert.severity()) {
                case "CRITICAL" -> "mdi2a-alert-octagon";
                case "WARNING" -> "mdi2a-alert";
                default -> "mdi2i-information";
            });
            icon.getStyleClass().addAll("alert-icon", "alert-icon-" + severity);
            Label title = new Label(alert.check() + " · " + alert.date() + " · " + alert.severity());
            title.getStyleClass().add("alert-title");
            Label message = new Label(alert.message());
            message.setWrapText(true);
            Label action = new Label(alert.action().isBlank() ? "" : "Next: " + alert.action());
            action.getStyleClass().add("muted");
            action.setWrapText(true);
            // Wrapped labels need a width to know their height, or the cell cuts them to one line.
            for (Label label : java.util.List.of(title, message, action)) {
                label.prefWidthProperty().bind(getListView().widthProperty().subtract(80));
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
            title.setWrapText(true);
            VBox text = new VBox(2, title, message, action);
            HBox box = new HBox(10, icon, text);
            box.setAlignment(Pos.TOP_LEFT);
            setGraphic(box);
            setText(null);
            getStyleClass().add("alert-" + severity);
            // Accessibility: the cell draws its words in a graphic; a screen reader reads this.
            setAccessibleText(title.getText() + ". " + message.getText() + " " + action.getText());
        }
    }

}
