package com.puffy.pipeline.ui.transform;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.EmptyState;
import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.Hints;
import com.puffy.pipeline.ui.MainViewModel;
import com.puffy.pipeline.ui.OutputBrowser;
import com.puffy.pipeline.ui.Screen;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.Aggregation;
import com.puffy.pipeline.ui.table.Aggregation.Spec;
import com.puffy.pipeline.ui.table.CsvTable;
import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.DataTableView;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Stage 2: each dataset in a virtualized, sortable, filterable table (loaded off the FX thread, so a million
 * sessions open without freezing), and a client's journey with the credit each attribution model gave.
 */
public final class TransformScreen implements Screen {
    /** Dataset file → (title, facet columns). */
    private static final Map<String, Dataset> DATASETS = new LinkedHashMap<>();

    /** A dataset: its file, words, value-filter columns, and the chart it opens on (when its file has the columns). */
    record Dataset(String file, String title, String description, List<String> facets, Spec chart) {
    }

    static {
        add("sessions.csv", "Sessions", "One row per session (30-minute gap rule).", Spec.rows("channel", false),
                "channel", "device", "is_bot", "converted");
        add("users.csv", "Users", "One row per client id.", Spec.rows("first_channel", false), "first_channel", "device");
        add("conversions.csv", "Conversions", "One row per order.", sum("revenue", "channel_last_click", false),
                "channel_last_click");
        add("attribution.csv", "Attribution", "Credit per order, model and touchpoint.",
                sum("revenue_credit", "channel", false), "model", "channel");
        add("daily_metrics.csv", "Daily metrics", "One row per partition day.", sum("revenue", "date", true));
        add("order_items.csv", "Order items", "One row per purchased line.", sum("quantity", "item_name", false));
        add("channel_performance.csv", "Channel performance", "Sessions, conversions and revenue per model and channel.",
                sum("revenue", "channel", false), "model");
        add("funnel.csv", "Funnel", "Non-bot sessions reaching each step.", sum("sessions", "step", false));
        add("reconciliation.csv", "Reconciliation", "Revenue and events checked across datasets.",
                Spec.rows("check", false), "check", "ok");
    }

    /**
     * Per dataset, the columns a row is read by, shown first, and its identifier columns, which start narrow with their
     * whole value on hover: in the file's order the sessions' two ids filled the table at 1024 px, and channel,
     * device, converted and revenue came after the 340 px landing page; a conversion's revenue came after four ids.
     */
    static final Map<String, ColumnLayout> COLUMNS = Map.of(
            "sessions.csv", new ColumnLayout(List.of("session_id", "channel", "device", "converted", "revenue",
                    "session_start"), java.util.Set.of("session_id", "client_id")),
            "users.csv", new ColumnLayout(List.of("client_id", "first_channel", "device", "sessions", "conversions",
                    "revenue"), java.util.Set.of("client_id")),
            "conversions.csv", new ColumnLayout(List.of("order_key", "revenue", "channel_last_click", "items",
                    "quantity", "timestamp"), java.util.Set.of("transaction_id", "client_id", "session_id",
                    "user_email")),
            "attribution.csv", new ColumnLayout(List.of("order_key", "model", "channel", "credit", "revenue_credit"),
                    java.util.Set.of("session_id")));

    /** The columns shown first, in order, and the identifier columns of a dataset's table. */
    record ColumnLayout(List<String> first, java.util.Set<String> identifiers) {
    }

    private static Spec sum(String column, String by, boolean byDay) {
        return new Spec(by, byDay, Aggregation.Measure.SUM, column, 10);
    }

    private static void add(String file, String title, String description, Spec chart, String... facets) {
        DATASETS.put(file, new Dataset(file, title, description, List.of(facets), chart));
    }

    /**
     * Datasets with a row per attribution model: a sum over every model counts each order's revenue once per model
     * (six times the revenue), so their chart starts on one model.
     */
    private static final Map<String, String> CHART_NOTES = Map.of(
            "attribution.csv", "Each order is credited once per model, so the chart starts on last click, ticked in "
                    + "Model above: tick one other model instead to see its channel revenue.",
            "channel_performance.csv", "Each channel has a row per model, so the chart starts on last click, ticked "
                    + "in Model above: tick one other model instead to see its figures.");
    /** Per dataset, the columns whose rows count the same things again: the funnel's steps hold nested sessions. */
    private static final Map<String, java.util.Set<String>> OVERLAPPING_COLUMNS = Map.of("funnel.csv",
            java.util.Set.of("sessions"));
    private static final String MODEL_COLUMN = "model";
    private static final String FIRST_CHART_MODEL = "last_click";
    /** Per-model datasets whose chart has been shown: the model is ticked for the analyst only the first time. */
    private final java.util.Set<String> modelChosenFor = new java.util.HashSet<>();

    private final MainViewModel main;
    private final UiThreads threads;
    /** The credit table of a client who never bought: "No rows." left the analyst to guess why it was empty. */
    public static final String NO_ORDER = "This client placed no order, so no model credited any session.";

    private final TabPane tabs = new TabPane();
    private final TextField journeyClient = new TextField();
    private final ListView<Dataset> datasets = new ListView<>();
    private final StackPane datasetArea = new StackPane();
    // "… Double-click a row for all its fields." lost its end at 1024 px: the line wraps instead.
    private final Label datasetDescription = Hints.mutedLines("");
    private final Map<String, DataTableModel> models = new LinkedHashMap<>();
    private final Map<String, DataTableView> views = new LinkedHashMap<>();
    private final Map<String, DatasetChartModel> charts = new LinkedHashMap<>();
    private final Map<String, DatasetChartView> chartViews = new LinkedHashMap<>();
    /** The datasets shown as a chart; the others as their table. */
    private final java.util.Set<String> asChart = new java.util.HashSet<>();
    private final javafx.scene.control.ToggleGroup tableOrChart = new javafx.scene.control.ToggleGroup();
    private final javafx.scene.control.ToggleButton tableToggle = new javafx.scene.control.ToggleButton("Table",
            new FontIcon("mdi2t-table"));
    private final javafx.scene.control.ToggleButton chartToggle = new javafx.scene.control.ToggleButton("Chart",
            new FontIcon("mdi2c-chart-bar"));
    private final JourneyViewModel journey;
    private final JourneyTimeline timeline = new JourneyTimeline();
    private final DataTableModel credits;
    private final DataTableView creditsView;
    private final ComboBox<String> orders = new ComboBox<>();
    private final Label journeyHeader = new Label();
    private final OutputBrowser allFiles;
    /** Set after each switch has taken effect (a binding on the toggles could be read before it had). */
    private final javafx.beans.property.StringProperty exportNoun =
            new javafx.beans.property.SimpleStringProperty(Export.TABLE);

    public TransformScreen(MainViewModel main, UiThreads threads) {
        this.main = main;
        this.threads = threads;
        this.journey = new JourneyViewModel(threads);
        this.credits = new DataTableModel(threads, List.of());
        this.creditsView = new DataTableView(credits, "credits");
        this.allFiles = new OutputBrowser(main, StageId.TRANSFORM, threads);
        tabs.setId("transform-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab data = new Tab("Datasets", datasetsPane());
        data.setId("transform-tab-datasets");
        Tab path = new Tab("User journey", journeyPane());
        path.setId("transform-tab-journey");
        Tab all = allFiles.tab("transform-tab-all");
        tabs.getTabs().addAll(data, path, all);
        journey.journeyProperty().addListener((obs, old, now) -> showJourney(now));
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> updateExportNoun());
        journey.errorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                com.puffy.pipeline.ui.ErrorDialog.create(tabs.getScene() == null ? null : tabs.getScene().getWindow(), now).show();
            }
        });
    }

    /** The datasets whose rows name a client, so a row opens that client's journey. */
    private static final List<String> JOURNEY_DATASETS = List.of("sessions.csv", "users.csv", "conversions.csv");
    private static final javafx.scene.input.KeyCombination OPEN_JOURNEY = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.J, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private Node datasetsPane() {
        datasets.setId("dataset-list");
        datasets.setAccessibleText("Transform's datasets");
        datasets.getItems().setAll(DATASETS.values());
        datasets.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Dataset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
            }
        });
        datasets.setPrefWidth(190);
        datasets.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showDataset(now);
            }
        });
        datasets.setMinWidth(180);
        datasets.setMaxWidth(220);
        datasetDescription.setPadding(new Insets(4, 0, 0, 0));
        tableToggle.setId("dataset-view-table");
        chartToggle.setId("dataset-view-chart");
        tableToggle.setToggleGroup(tableOrChart);
        chartToggle.setToggleGroup(tableOrChart);
        tableToggle.setSelected(true);
        tableToggle.getStyleClass().add("left-pill");
        chartToggle.getStyleClass().add("right-pill");
        tableToggle.setTooltip(new Tooltip("Show the dataset's rows as a table"));
        chartToggle.setTooltip(new Tooltip("Show the dataset's rows as a chart: grouped by a column or a day, "
                + "under the same search and filters"));
        tableToggle.setAccessibleText("Show the dataset as a table");
        chartToggle.setAccessibleText("Show the dataset as a chart");
        for (var toggle : List.of(tableToggle, chartToggle)) {
            toggle.setMinWidth(Region.USE_PREF_SIZE);
        }
        // One of the two stays pressed: a click on the pressed one would leave neither.
        tableOrChart.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            Dataset current = datasets.getSelectionModel().getSelectedItem();
            if (current != null) {
                if (now == chartToggle) {
                    asChart.add(current.file());
                } else {
                    asChart.remove(current.file());
                }
                showTableOrChart(current);
            }
        });
        HBox viewSwitch = new HBox(0, tableToggle, chartToggle);
        viewSwitch.setAlignment(Pos.TOP_RIGHT);
        viewSwitch.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(datasetDescription, Priority.ALWAYS);
        datasetDescription.setMaxWidth(Double.MAX_VALUE);
        HBox header = new HBox(10, datasetDescription, viewSwitch);
        header.setAlignment(Pos.TOP_LEFT);
        header.setPadding(new Insets(0, 0, 2, 0));
        // The header first: set after the table, Table and Chart above it came after the table's rows in the Tab
        // order, eight presses from the dataset list.
        BorderPane right = new BorderPane();
        right.setTop(header);
        right.setCenter(datasetArea);
        right.setPadding(new Insets(0, 0, 0, 10));
        // Children in reading order, which is the Tab order: added after the table, the list on the left came last.
        BorderPane pane = new BorderPane();
        pane.setLeft(datasets);
        pane.setCenter(right);
        pane.setPadding(new Insets(6, 0, 0, 0));
        return pane;
    }

    /** Shows a dataset, loading its file the first time (and again after each run). */
    public void showDataset(String file) {
        Dataset dataset = DATASETS.get(file);
        if (dataset != null) {
            datasets.getSelectionModel().select(dataset);
            tabs.getSelectionModel().select(0);
        }
    }

    private void showDataset(Dataset dataset) {
        DataTableView view = views.computeIfAbsent(dataset.file(), f -> {
            DataTableModel model = new DataTableModel(threads, dataset.facets());
            models.put(f, model);
            DataTableView created = new DataTableView(model, "dataset-" + f.replace(".csv", "").replace('_', '-'));
            ColumnLayout layout = COLUMNS.get(f);
            if (layout != null) {
                created.setLeadingColumns(layout.first());
                created.setIdentifierColumns(layout.identifiers());
            }
            if (JOURNEY_DATASETS.contains(f)) {
                Button open = new Button("Open journey", new FontIcon("mdi2t-timeline-clock-outline"));
                open.setId("open-journey-" + f.replace(".csv", ""));
                open.setTooltip(new Tooltip("Open journey: the selected row's client, its sessions, events and "
                        + "attribution (Ctrl+J in the table)"));
                open.setMinWidth(Region.USE_PREF_SIZE);
                // Compact, only its icon shows.
                open.setAccessibleText("Open the journey of the selected row's client");
                // Narrow, the button shows its icon and its tooltip names it, so the filters fit on two lines.
                open.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(created.compactProperty())
                        .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
                        .otherwise(javafx.scene.control.ContentDisplay.LEFT));
                open.disableProperty().bind(created.table().getSelectionModel().selectedItemProperty().isNull());
                open.setOnAction(e -> openJourneyOf(model, created.table().getSelectionModel().getSelectedItem()));
                // The button sits before the table in the Tab order: from a chosen row it was Shift+Tab, Shift+Tab
                // away. Ctrl+J opens the row's journey where the row is.
                created.table().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                    if (OPEN_JOURNEY.match(e) && created.table().getSelectionModel().getSelectedItem() != null) {
                        openJourneyOf(model, created.table().getSelectionModel().getSelectedItem());
                        e.consume();
                    }
                });
                created.toolbar().getChildren().add(2, open);
                created.addRowAction("Open journey (Ctrl+J)", row -> openJourneyOf(model, row));
            }
            model.load(file(dataset.file()), missingHint(dataset));
            String prefix = "dataset-" + f.replace(".csv", "").replace('_', '-');
            DatasetChartModel chart = new DatasetChartModel(threads, model, dataset.chart());
            chart.setOverlappingColumns(OVERLAPPING_COLUMNS.getOrDefault(f, java.util.Set.of()));
            charts.put(f, chart);
            DatasetChartView chartView = new DatasetChartView(chart, prefix, f);
            String chartNote = CHART_NOTES.get(f);
            if (chartNote != null) {
                chartView.addNote(chartNote);
            }
            chartViews.put(f, chartView);
            return created;
        });
        // Only the dataset in view is read again after a run; the others when they are next chosen.
        models.forEach((f, model) -> model.setShown(f.equals(dataset.file())));
        datasetArea.getChildren().setAll(view);
        (asChart.contains(dataset.file()) ? chartToggle : tableToggle).setSelected(true);
        showTableOrChart(dataset);
    }

    /** Puts the dataset's chart or its table under its search and filters, and lets only a chart on screen add up. */
    private void showTableOrChart(Dataset dataset) {
        DataTableView view = views.get(dataset.file());
        if (view == null) {
            return;
        }
        boolean chart = asChart.contains(dataset.file());
        if (chart && CHART_NOTES.containsKey(dataset.file()) && modelChosenFor.add(dataset.file())) {
            view.tickUnlessChosen(MODEL_COLUMN, FIRST_CHART_MODEL);
        }
        view.showInstead(chart ? chartViews.get(dataset.file()) : null);
        // The rows' keys only where there are rows: over a chart "Double-click a row or press Enter" did nothing,
        // and took the description's third line at 1024 px.
        datasetDescription.setText(dataset.title() + " · " + dataset.file() + " · " + dataset.description()
                + (chart ? "" : " Double-click a row or press Enter for all its fields"
                + (JOURNEY_DATASETS.contains(dataset.file()) ? "; Ctrl+J opens its client's journey." : ".")));
        charts.forEach((f, model) -> model.setShown(chart && f.equals(dataset.file())));
        updateExportNoun();
    }

    private void updateExportNoun() {
        exportNoun.set(chartInView() != null ? DatasetChartView.NOUN : Export.TABLE);
    }

    /** Shows the dataset in view as a chart (true) or as its table (false), as the Table | Chart switch does. */
    public void showChart(boolean chart) {
        (chart ? chartToggle : tableToggle).setSelected(true);
    }

    private void openJourneyOf(DataTableModel model, String[] row) {
        com.puffy.pipeline.ui.table.TableData table = model.tableProperty().get();
        if (table == null || row == null) {
            return;
        }
        int c = table.column("client_id");
        if (c >= 0) {
            openJourney(row[c]);
            // The row's table went out of view with its tab and the focus fell to the header's "Open
            // folder…": the next Enter opened a folder chooser. It goes to the journey's client field instead.
            journeyClient.requestFocus();
        }
    }

    public void openJourney(String clientId) {
        tabs.getSelectionModel().select(1);
        journey.open(main.stageOutput(StageId.TRANSFORM), main.stageOutput(StageId.QUALITY), clientId);
    }

    private Path file(String name) {
        Path folder = main.stageOutput(StageId.TRANSFORM);
        return folder == null ? null : folder.resolve(name);
    }

    /** The timeline's viewport: a session's two lines, its five lanes, and a scroll bar for a journey wider. */
    static final double JOURNEY_TIMELINE_HEIGHT = 150;

    private Node journeyPane() {
        TextField client = journeyClient;
        client.setId("journey-client");
        // "Client" before it says what it takes: the prompt is the example, shown whole.
        client.setPromptText("e.g. 1740268798-lvfV1k5nHCN8");
        client.setPrefColumnCount(28);
        client.textProperty().bindBidirectional(journey.clientIdProperty());
        Button show = new Button("Show journey", new FontIcon("mdi2t-timeline-clock-outline"));
        show.setId("journey-show");
        show.setDefaultButton(false);
        show.setOnAction(e -> openJourney(client.getText()));
        client.setOnAction(e -> openJourney(client.getText()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(journey.loadingProperty());
        Label message = Hints.mutedLines(journey.messageProperty());
        message.setId("journey-message");
        // At 1024 px the line had 560 px: "Client" and "Show journey" were cut to "..." and the hint to its first
        // half. The label and the button keep their words, the field gives way, the hint wraps.
        Label clientLabel = new Label("_Client");
        clientLabel.setMnemonicParsing(true);
        // Names the field for a screen reader, and Alt+C goes to it.
        clientLabel.setLabelFor(client);
        clientLabel.setMinWidth(Region.USE_PREF_SIZE);
        show.setMinWidth(Region.USE_PREF_SIZE);
        busy.setMinWidth(Region.USE_PREF_SIZE);
        busy.managedProperty().bind(busy.visibleProperty());
        // Never narrower than its prompt, a whole client id: at 160 px the prompt read "client id, e.g. 17402" and a
        // pasted id showed its first 19 of 23 characters.
        client.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            javafx.scene.text.Text prompt = new javafx.scene.text.Text(client.getPromptText());
            prompt.setFont(client.getFont());
            return Math.ceil(prompt.getLayoutBounds().getWidth() + client.getInsets().getLeft()
                    + client.getInsets().getRight()) + 4;
        }, client.fontProperty(), client.promptTextProperty(), client.insetsProperty()));
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox search = new HBox(8, clientLabel, client, show, busy, message);
        search.setAlignment(Pos.CENTER_LEFT);
        search.setPadding(new Insets(6, 0, 8, 0));

        journeyHeader.setId("journey-header");
        journeyHeader.getStyleClass().add("section-title");
        journeyHeader.setWrapText(true);
        journeyHeader.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(timeline);
        scroll.setFitToHeight(true);
        // The five lanes under a session's two lines, and a scroll bar's height for a journey wider than the pane.
        scroll.setPrefViewportHeight(JOURNEY_TIMELINE_HEIGHT);
        scroll.setMinHeight(Region.USE_PREF_SIZE);

        orders.setId("journey-orders");
        orders.setPromptText("no conversions");
        orders.valueProperty().addListener((obs, old, now) -> showCredits(now));
        Label creditTitle = new Label("Attribution credit of order");
        creditTitle.getStyleClass().add("section-title");
        creditTitle.setLabelFor(orders);
        Label creditHint = Hints.mutedLines("A row per model, a column per session in the 7 days before the purchase (UTC); "
                + "rows add up to 100 %.");
        creditTitle.setMinWidth(Region.USE_PREF_SIZE);
        orders.setMinWidth(Region.USE_PREF_SIZE);
        creditHint.setMinWidth(0);
        HBox.setHgrow(creditHint, Priority.ALWAYS);
        // The hint beside the order, wrapping there: on a line of its own it took a row's height from the credit.
        HBox creditBar = new HBox(8, creditTitle, orders, creditHint);
        creditBar.setAlignment(Pos.CENTER_LEFT);
        // Six rows read at a glance: the search's line took the room of a row and a half.
        creditsView.hideSearch();
        VBox creditBox = new VBox(6, creditBar, creditsView);
        VBox.setVgrow(creditsView, Priority.ALWAYS);

        // The timeline's lanes are as many for every journey (a longer one scrolls sideways), so it takes its own
        // height and the credit table all the rest: split at 46 %, the timeline had 25 px it drew nothing in and the
        // table showed 2.5 of its six models at 1024×768.
        VBox top = new VBox(6, journeyHeader, scroll);
        top.setMinHeight(Region.USE_PREF_SIZE);
        top.setMaxHeight(Region.USE_PREF_SIZE);
        VBox split = new VBox(8, top, creditBox);
        VBox.setVgrow(creditBox, Priority.ALWAYS);
        EmptyState empty = new EmptyState("mdi2t-timeline-clock-outline").show("No journey open",
                "Type a client id above, or select a session, user or conversion under Datasets and press "
                        + "\"Open journey\" (or Ctrl+J on the row).");
        StackPane body = new StackPane(split, empty);
        split.visibleProperty().bind(journey.journeyProperty().isNotNull());
        empty.visibleProperty().bind(journey.journeyProperty().isNull());
        // The client field first in the Tab order, as on screen (added after, it came after the credit table).
        BorderPane pane = new BorderPane();
        pane.setTop(search);
        pane.setCenter(body);
        return pane;
    }

    private void showJourney(Journey found) {
        timeline.show(found);
        if (found == null) {
            orders.getItems().clear();
            journeyHeader.setText("");
            return;
        }
        String revenue = found.userValue("revenue");
        double money = CsvTable.number(revenue);
        journeyHeader.setText("Client " + found.clientId() + " · " + plural(found.sessions().size(), "session")
                + " · " + plural(found.events().size(), "event") + " · " + plural(found.conversions().size(), "conversion")
                + (Double.isNaN(money) ? "" : " · " + Formats.money(money) + " revenue")
                + (found.userValue("first_channel").isEmpty() ? "" : " · first came from " + found.userValue("first_channel")));
        // The timeline is drawn shapes: a screen reader reads the line above it.
        timeline.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        timeline.setAccessibleText("Journey timeline. " + journeyHeader.getText());
        orders.getItems().setAll(found.orderKeys());
        if (!orders.getItems().isEmpty()) {
            orders.getSelectionModel().select(0);
        } else {
            credits.setNoRowsText(NO_ORDER);
            credits.show(new CsvTable(List.of("model"), new java.util.ArrayList<>(), null));
        }
    }

    private static String plural(int count, String noun) {
        return Formats.count(count) + " " + noun + (count == 1 ? "" : "s");
    }

    private void showCredits(String orderKey) {
        Journey current = journey.journeyProperty().get();
        if (current == null || orderKey == null) {
            return;
        }
        credits.setNoRowsText(null);
        credits.show(current.credits(orderKey));
    }

    @Override
    public Node node() {
        return tabs;
    }

    /** How to build {@code dataset}, or why the last run left it unbuilt. */
    private String missingHint(Dataset dataset) {
        return main.noOutputsHint(StageId.TRANSFORM,
                "Run the Transform stage to build " + dataset.title().toLowerCase(Locale.ROOT) + ".");
    }

    @Override
    public void reload() {
        for (Map.Entry<String, DataTableModel> entry : models.entrySet()) {
            Dataset dataset = DATASETS.get(entry.getKey());
            entry.getValue().loadWhenShown(file(entry.getKey()), missingHint(dataset));
        }
        if (datasets.getSelectionModel().getSelectedItem() == null) {
            datasets.getSelectionModel().select(0);
        }
        allFiles.reload();
        journey.reopenIfChanged(main.stageOutput(StageId.TRANSFORM), main.stageOutput(StageId.QUALITY));
        // Indexing by client reads sessions.csv and validated_events.csv whole (5M events: 175 MB of indexes): shown
        // when Transform finishes, the screen would do it while Monitoring and Analysis run on the same two cores.
        // The run's end reloads the screen in front, and a hidden one when shown, which prepares them then.
        if (!main.runningProperty().get()) {
            journey.prepareIndexes(main.stageOutput(StageId.TRANSFORM), main.stageOutput(StageId.QUALITY));
        }
    }

    /** With a dataset's chart in view, Export writes the chart's figures (what the user sees), else the table. */
    @Override
    public Export export() {
        DatasetChartView chart = chartInView();
        return chart != null ? chart.export() : Screen.super.export();
    }

    @Override
    public javafx.beans.value.ObservableStringValue exportNoun() {
        return exportNoun;
    }

    /** The chart taking the table's place on the Datasets tab; null while a table is in view. */
    private DatasetChartView chartInView() {
        Dataset dataset = datasets.getSelectionModel().getSelectedItem();
        if (tabs.getSelectionModel().getSelectedIndex() != 0 || dataset == null || !asChart.contains(dataset.file())) {
            return null;
        }
        return chartViews.get(dataset.file());
    }

    @Override
    public TableView<String[]> visibleTable() {
        int tab = tabs.getSelectionModel().getSelectedIndex();
        if (tab == 1) {
            return creditsView.table();
        }
        if (tab == 2) {
            return allFiles.visibleTable();
        }
        Dataset dataset = datasets.getSelectionModel().getSelectedItem();
        DataTableView view = dataset == null ? null : views.get(dataset.file());
        return view == null ? null : view.table();
    }
}
