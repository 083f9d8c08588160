package com.puffy.pipeline.ui.analysis;

import com.puffy.pipeline.analysis.AnalysisResult;
import com.puffy.pipeline.analysis.Fmt;
import com.puffy.pipeline.analysis.ShownFigures;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.Words;
import com.puffy.pipeline.ui.CountAxis;
import com.puffy.pipeline.ui.DayAxis;
import com.puffy.pipeline.ui.EmptyState;
import com.puffy.pipeline.ui.ErrorDialog;
import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.MainViewModel;
import com.puffy.pipeline.ui.NumberAxes;
import com.puffy.pipeline.ui.OutputBrowser;
import com.puffy.pipeline.ui.Screen;
import com.puffy.pipeline.ui.UiThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Stage 3: KPI tiles, daily revenue and orders, the funnel, channel revenue under first and last click side by
 * side, and conversion by device; each chart's numbers one click away. Everything comes from the Analysis stage.
 */
public final class AnalysisScreen implements Screen {
    private static final double TILE_GAP = 10;
    private final MainViewModel main;
    private final AnalysisViewModel vm;
    private final OutputBrowser allFiles;
    private final TabPane tabs = new TabPane();
    private final FlowPane tiles = new FlowPane(TILE_GAP, TILE_GAP);
    private final VBox insights = new VBox(3);
    // Days on a day axis, as Monitoring's chart: labels level, every few days when they would crowd.
    private final DayAxis revenueDays = new DayAxis();
    private final DayAxis orderDays = new DayAxis();
    // Money on the axes says so, as the tiles and sentences do ("$25k", not "25,000").
    private final com.puffy.pipeline.ui.GapLineChart revenue = new com.puffy.pipeline.ui.GapLineChart(revenueDays,
            NumberAxes.writtenBy(AnalysisScreen::moneyTick));
    private final DayBarChart orders = new DayBarChart(orderDays, NumberAxes.counts());
    private final BarChart<Number, String> funnel = new EndLabelledBarChart<>(
            NumberAxes.writtenBy(AnalysisScreen::sessionsTick), new CategoryAxis());
    // Channels down the side, as the funnel's steps: along the bottom "Paid Search" and "Organic Search" ran into
    // one another at 1024 px ("Paid SearchOrganic Search").
    private final BarChart<Number, String> channels = new EndLabelledBarChart<>(
            NumberAxes.writtenBy(AnalysisScreen::moneyTick), new CategoryAxis());
    /** The attribution model drawn beside first click; the report's table has all six. */
    private final javafx.scene.control.ComboBox<String> model = new javafx.scene.control.ComboBox<>();
    private AnalysisResult shown;
    private final BarChart<String, Number> devices = new EndLabelledBarChart<>(new CategoryAxis(),
            NumberAxes.percents());
    private final List<ChartCard> cards = new ArrayList<>();
    /** Cards showing their table, the one opened last at the end: what Ctrl+E exports when no table has focus. */
    private final List<ChartCard> openedTables = new ArrayList<>();
    private final ChartCard revenueCard;
    private final ChartCard ordersCard;
    private final ChartCard funnelCard;
    private final ChartCard channelCard;
    private final ChartCard deviceCard;
    private final GridPane grid = new GridPane();

    public AnalysisScreen(MainViewModel main, UiThreads threads) {
        this.main = main;
        this.vm = new AnalysisViewModel(threads);
        this.allFiles = new OutputBrowser(main, StageId.ANALYSIS, threads);
        revenueCard = card("chart-revenue", "Daily revenue", revenue, threads, "daily_trends.csv");
        ordersCard = card("chart-orders", "Daily orders (conversions)", orders, threads, "daily_trends.csv");
        funnelCard = card("chart-funnel", "Funnel: non-bot sessions reaching each step", funnel, threads, "funnel.csv");
        channelCard = card("chart-channels", "Channel revenue by attribution model", channels, threads,
                "channel_revenue_by_model.csv");
        channelCard.tool(modelChooser());
        // Nine channels of two bars each down the side.
        channelCard.bodyHeight(380);
        deviceCard = card("chart-devices", "Conversion rate by device", devices, threads, "segments.csv");
        for (var chart : List.of(revenue, orders, funnel, channels, devices)) {
            chart.setAnimated(false);
        }
        revenue.setCreateSymbols(true);
        revenue.setLegendVisible(false);
        orders.setLegendVisible(false);
        funnel.setLegendVisible(false);
        devices.setLegendVisible(false);
        DayAxis.labelAlike(revenueDays, orderDays);
        channels.setId("channel-chart");

        tiles.setId("kpi-tiles");
        tiles.widthProperty().addListener((obs, old, now) -> fitTiles());
        insights.setId("analysis-insights");
        grid.setHgap(12);
        grid.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.getChildren().addAll(revenueCard, ordersCard, funnelCard, deviceCard, channelCard);
        arrangeCards();
        for (ChartCard card : cards) {
            card.sentenceOnlyProperty().addListener((obs, old, now) -> arrangeCards());
        }
        VBox content = new VBox(12, tiles, insights, grid);
        content.setPadding(new Insets(10, 14, 14, 4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("analysis-scroll");
        scroll.setFitToWidth(true);
        EmptyState empty = new EmptyState("mdi2c-chart-box-outline");
        empty.visibleProperty().bind(vm.resultProperty().isNull());
        scroll.visibleProperty().bind(vm.resultProperty().isNotNull());
        vm.messageProperty().addListener((obs, old, now) -> empty.show("No analysis yet", now));
        empty.show("No analysis yet", vm.messageProperty().get());
        Tab overview = new Tab("Overview", new StackPane(scroll, empty));
        overview.setId("analysis-tab-overview");
        Tab all = allFiles.tab("analysis-tab-all");
        tabs.setId("analysis-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(overview, all);
        vm.resultProperty().addListener((obs, old, now) -> show(now));
        vm.errorProperty().addListener((obs, old, now) -> {
            if (now != null && tabs.getScene() != null) {
                ErrorDialog.create(tabs.getScene().getWindow(), now).show();
            }
        });
    }

    /**
     * Two cards a row (revenue and orders, funnel and devices), the channel card as wide as both. A card that says its
     * sentence alone beside a drawn chart stands beside it in its own column, at the top and as tall as its words; a
     * channel card saying its sentence alone goes under it, so the two sentences that tell why there is no split (no
     * orders: no device converts, no channel has revenue) fill the drawn chart's other half (decision 0833). Stretched
     * to its neighbour's row, the device card's "Every device converts at 0.0%" stood over 300 px of white (decision
     * 0821); given a row of its own, it left the funnel's right half blank, about 500 px at 1366×768 (decision 0824).
     * "Table" gives the card the chart's height and its place back. Only constraints change: the cards stay in the
     * grid, so the "Table" button just pressed keeps the focus.
     */
    private void arrangeCards() {
        List<javafx.scene.layout.RowConstraints> rows = new ArrayList<>();
        ChartCard drawnBesideWords = null;
        int wordsColumn = 0;
        for (ChartCard card : cards) {
            GridPane.setValignment(card, null);
            GridPane.setFillHeight(card, null);
        }
        for (List<ChartCard> pair : List.of(List.of(revenueCard, ordersCard), List.of(funnelCard, deviceCard))) {
            ChartCard left = pair.get(0);
            ChartCard right = pair.get(1);
            int row = rows.size();
            GridPane.setConstraints(left, 0, row, 1, 1);
            GridPane.setConstraints(right, 1, row, 1, 1);
            rows.add(new javafx.scene.layout.RowConstraints());
            drawnBesideWords = null;
            if (left.sentenceOnlyProperty().get() != right.sentenceOnlyProperty().get()) {
                ChartCard words = left.sentenceOnlyProperty().get() ? left : right;
                drawnBesideWords = words == left ? right : left;
                wordsColumn = words == left ? 0 : 1;
                asTallAsItsWords(words);
            }
        }
        int row = rows.size();
        if (drawnBesideWords != null && channelCard.sentenceOnlyProperty().get()) {
            // The row of the first sentence keeps its height; the drawn chart's extra height goes to the second's.
            rows.get(row - 1).setMaxHeight(Region.USE_PREF_SIZE);
            GridPane.setRowSpan(drawnBesideWords, 2);
            GridPane.setConstraints(channelCard, wordsColumn, row, 1, 1);
            asTallAsItsWords(channelCard);
        } else {
            GridPane.setConstraints(channelCard, 0, row, 2, 1);
        }
        rows.add(new javafx.scene.layout.RowConstraints());
        grid.getRowConstraints().setAll(rows);
    }

    private static void asTallAsItsWords(ChartCard card) {
        GridPane.setValignment(card, javafx.geometry.VPos.TOP);
        GridPane.setFillHeight(card, false);
    }

    private ChartCard card(String id, String title, Node chart, UiThreads threads, String file) {
        ChartCard card = new ChartCard(id, title, chart, threads, () -> {
            Path dir = vm.reportDirProperty().get();
            return dir == null ? null : dir.resolve(file);
        });
        cards.add(card);
        card.showsTableProperty().addListener((obs, old, now) -> {
            openedTables.remove(card);
            if (now) {
                openedTables.add(card);
            }
        });
        return card;
    }

    private void show(AnalysisResult result) {
        tiles.getChildren().clear();
        insights.getChildren().clear();
        for (var chart : List.of(revenue, orders, funnel, channels, devices)) {
            chart.getData().clear();
        }
        revenue.setNoDataDays(List.of(), iso -> "");
        orders.setNoDataDays(List.of(), iso -> "");
        for (ChartCard card : cards) {
            card.noChart(null);
        }
        if (result == null) {
            return;
        }
        AnalysisResult.Kpis k = result.kpis();
        // Figures that do not exist (an average of no order) as the report's tiles write them: "–", not "$0".
        tiles.getChildren().addAll(
                tile("kpi-revenue", "Revenue", Formats.money(k.revenue()), "all orders, bots included"),
                tile("kpi-orders", "Orders", Formats.count(k.orders()), "conversions"),
                tile("kpi-sessions", "Sessions", Formats.count(k.sessions()), "bot sessions excluded"),
                tile("kpi-cvr", "Conversion rate", ShownFigures.conversionRate(k),
                        Formats.count(k.convertedSessions()) + " converted sessions"),
                tile("kpi-aov", "Average order", ShownFigures.averageOrder(k), "revenue ÷ orders"));
        tiles.applyCss();
        fitTiles();
        AnalysisResult.Overview o = result.overview();
        Label period = new Label(o.firstDate().isEmpty() ? "No data in the period."
                : "Period " + ShownFigures.period(o.firstDate(), o.lastDate()) + " · " + o.periodWords() + " · "
                + ShownFigures.validRowsOfRowsRead(o)
                + noDataWords(result.missingDays(), Formats.spansYears(o.firstDate(), o.lastDate())));
        period.getStyleClass().add("muted");
        // With the missing days named it no longer fits a narrow window on one line: "· no data on…" was cut.
        period.setWrapText(true);
        insights.getChildren().add(period);
        for (String line : result.insights("overview")) {
            Label label = new Label("• " + line);
            label.setWrapText(true);
            insights.getChildren().add(label);
        }

        XYChart.Series<Number, Number> money = new XYChart.Series<>();
        XYChart.Series<Number, Number> count = new XYChart.Series<>();
        boolean yearly = Formats.spansYears(result.overview().firstDate(), result.overview().lastDate());
        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
        for (AnalysisResult.DailyTrend day : result.daysWithData()) {
            long epochDay = DayAxis.epochDay(day.date());
            if (epochDay == Long.MIN_VALUE) {
                continue;
            }
            firstDay = Math.min(firstDay, epochDay);
            lastDay = Math.max(lastDay, epochDay);
            XYChart.Data<Number, Number> point = new XYChart.Data<>(epochDay, day.revenue());
            money.getData().add(point);
            XYChart.Data<Number, Number> bar = new XYChart.Data<>(epochDay, day.orders());
            count.getData().add(bar);
            // With the labels thinned, the tooltip is where a day says its full date.
            String date = Formats.shortDate(day.date(), true);
            String orderCount = Words.count(day.orders(), "order", "orders");
            tooltip(point, date + ": " + Formats.money(day.revenue()) + " from " + orderCount
                    + (day.hasIssues() ? "; data issues: " + day.issues() : ""));
            tooltip(bar, date + ": " + orderCount);
        }
        // A day without a file is left open and says so, not joined across nor counted as a day of nothing.
        List<String> missing = result.missingDays();
        java.util.function.Function<String, String> noRows = iso -> Formats.shortDate(iso, true)
                + ": no data (no event rows for this day)";
        revenue.setNoDataDays(missing, noRows);
        orders.setNoDataDays(missing, noRows);
        if (firstDay <= lastDay) {
            revenueDays.span(firstDay, lastDay, yearly);
            orderDays.span(firstDay, lastDay, yearly);
        } else {
            revenueDays.clear();
            orderDays.clear();
        }
        // Past two months a line per day and a dot per point fill the chart with grey and cost thousands of nodes.
        boolean fewDays = result.daysWithData().size() <= 62;
        revenue.setCreateSymbols(fewDays);
        revenue.setVerticalGridLinesVisible(fewDays);
        orders.setVerticalGridLinesVisible(fewDays);
        revenue.getData().add(money);
        orders.getData().add(count);
        CountAxis.roundStepsUpTo((NumberAxis) revenue.getYAxis(),
                result.daysWithData().stream().mapToDouble(AnalysisResult.DailyTrend::revenue).max().orElse(0));
        CountAxis.wholeNumbersUpTo((NumberAxis) orders.getYAxis(),
                result.daysWithData().stream().mapToDouble(AnalysisResult.DailyTrend::orders).max().orElse(0));
        // As the report: one day's point on an axis of its own, or a flat line of nothing, is not drawn.
        revenueCard.noChart(switch (ShownFigures.revenueChart(result.daysWithData())) {
            case ONE_DAY -> "One day of data: Table shows its revenue.";
            case NOTHING -> "No revenue on any day, so there is no chart.";
            default -> null;
        });
        ordersCard.noChart(switch (ShownFigures.ordersChart(result.daysWithData())) {
            case ONE_DAY -> "One day of data: Table shows its orders.";
            case NOTHING -> "No orders on any day, so there is no chart.";
            default -> null;
        });
        revenueCard.caption(first(result.insights("trend")));
        revenueCard.describe(result.insights("trend"));
        ordersCard.describe(result.insights("trend"));

        XYChart.Series<Number, String> steps = new XYChart.Series<>();
        long start = result.funnel().isEmpty() ? 0 : result.funnel().get(0).sessions();
        List<AnalysisResult.FunnelStep> reversed = new ArrayList<>(result.funnel());
        java.util.Collections.reverse(reversed);
        for (AnalysisResult.FunnelStep step : reversed) {
            // The steps after "viewed a page" are a few pixels long beside 28,505 sessions: each step's label says
            // its count and its share of all sessions, which the bars cannot show (a tooltip needs a mouse).
            XYChart.Data<Number, String> bar = new XYChart.Data<>(step.sessions(), funnelLabel(step, start));
            steps.getData().add(bar);
        }
        funnel.getData().add(steps);
        CountAxis.wholeNumbersUpTo((NumberAxis) funnel.getXAxis(),
                result.funnel().stream().mapToDouble(AnalysisResult.FunnelStep::sessions).max().orElse(0));
        for (int i = 0; i < result.funnel().size(); i++) {
            AnalysisResult.FunnelStep step = result.funnel().get(i);
            long previous = i == 0 ? start : result.funnel().get(i - 1).sessions();
            tooltip(steps.getData().get(reversed.indexOf(step)), step.label() + ": " + Formats.count(step.sessions())
                    + " sessions, " + ShownFigures.fromStart(step, start) + " of all, "
                    + ShownFigures.fromPrevious(step, previous) + " of the step before");
        }
        funnelCard.caption(first(result.insights("funnel")));
        funnelCard.describe(result.insights("funnel"));

        shown = result;
        List<String> models = AnalysisResult.MODELS.stream().filter(m -> !m.equals(FIRST_CLICK)
                && !result.channelRevenue(m).isEmpty()).toList();
        String keep = model.getValue();
        model.getItems().setAll(models);
        model.setValue(keep != null && models.contains(keep) ? keep
                : models.contains("last_click") ? "last_click" : models.isEmpty() ? null : models.get(0));
        drawChannels();
        channelCard.noChart(ShownFigures.anyChannelCredited(result) ? null
                : "No revenue to credit to a channel, so there is no chart.");
        channelCard.describe(result.insights("channels"));

        XYChart.Series<String, Number> cvr = new XYChart.Series<>();
        for (AnalysisResult.Segment segment : result.segments(AnalysisResult.DEVICE)) {
            // Three bars of about 1 % differ by a tenth of a point: the label gives the rate the sentence quotes.
            cvr.getData().add(new XYChart.Data<>(segment.segment() + "\n" + ShownFigures.segmentRate(segment),
                    segment.cvr() * 100));
        }
        devices.getData().add(cvr);
        CountAxis.roundStepsUpTo((NumberAxis) devices.getYAxis(),
                cvr.getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).max().orElse(0));
        ((NumberAxis) devices.getYAxis()).setLabel("% of sessions converting");
        List<AnalysisResult.Segment> deviceRows = result.segments(AnalysisResult.DEVICE);
        for (int i = 0; i < cvr.getData().size(); i++) {
            AnalysisResult.Segment segment = deviceRows.get(i);
            tooltip(cvr.getData().get(i), segment.segment() + ": " + ShownFigures.segmentRate(segment) + " of "
                    + Formats.count(segment.sessions()) + " sessions converted");
        }
        // As the report: bars of 0.0% drew an empty "0.00%" frame under "No session converted on any device."
        deviceCard.noChart(switch (ShownFigures.segmentChart(deviceRows)) {
            case NO_CONVERSION -> "Every device converts at " + Fmt.rate(0) + ", so there is no chart.";
            case NO_SESSIONS -> "No human sessions, so there is no chart.";
            default -> null;
        });
        deviceCard.caption(first(result.insights("segments")));
        deviceCard.describe(result.insights("segments"));
    }

    /**
     * " · no data on Mar 1": which days of the period the charts leave open. "13 days with data" in a period of 14
     * left the analyst to find the missing day on the charts.
     */
    static String noDataWords(List<String> missing, boolean withYear) {
        if (missing.isEmpty()) {
            return "";
        }
        int named = missing.size() <= 4 ? missing.size() : 3;
        String days = String.join(", ", missing.subList(0, named).stream()
                .map(d -> Formats.shortDate(d, withYear)).toList());
        return " · no data on " + days + (named < missing.size() ? " and " + (missing.size() - named) + " more days"
                : "");
    }

    private static final String FIRST_CLICK = "first_click";

    /**
     * "Purchased" over "283 · 0.99%": the funnel.csv row's count and rate from the start ({@code startSessions}
     * began), as the report's table writes it ("–" when no session began).
     */
    static String funnelLabel(AnalysisResult.FunnelStep step, long startSessions) {
        return step.label() + "\n" + Formats.count(step.sessions()) + " · "
                + ShownFigures.fromStart(step, startSessions);
    }

    /** "First click vs [Last click]": which model's channel revenue stands beside first click. */
    private Node modelChooser() {
        model.setId("attribution-model");
        model.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : Fmt.model(name);
            }

            @Override
            public String fromString(String text) {
                return AnalysisResult.MODELS.stream().filter(m -> Fmt.model(m).equals(text)).findFirst().orElse(null);
            }
        });
        model.valueProperty().addListener((obs, old, now) -> drawChannels());
        Label versus = new Label("First click vs");
        versus.setMinWidth(Region.USE_PREF_SIZE);
        versus.setLabelFor(model);
        model.setAccessibleText("Attribution model drawn beside first click");
        model.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, versus, model);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setMinWidth(Region.USE_PREF_SIZE);
        return row;
    }

    /**
     * Revenue by channel under first click and the chosen model, from the report's channel revenue by model;
     * the channels in the order attribution_shift.csv lists them, largest at the top.
     */
    private void drawChannels() {
        channels.getData().clear();
        String other = model.getValue();
        if (shown == null || other == null) {
            channelCard.caption(shown == null ? "" : first(shown.insights("channels")));
            return;
        }
        java.util.Map<String, Double> firstRevenue = new java.util.LinkedHashMap<>();
        shown.channelRevenue(FIRST_CLICK).forEach(c -> firstRevenue.put(c.channel(), c.revenue()));
        java.util.Map<String, Double> otherRevenue = new java.util.LinkedHashMap<>();
        shown.channelRevenue(other).forEach(c -> otherRevenue.put(c.channel(), c.revenue()));
        java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
        shown.attributionShift().forEach(s -> order.add(s.channel()));
        order.addAll(otherRevenue.keySet());
        order.addAll(firstRevenue.keySet());
        List<String> topDown = new ArrayList<>(order);
        java.util.Collections.reverse(topDown);
        XYChart.Series<Number, String> firstSeries = new XYChart.Series<>();
        firstSeries.setName("first click");
        XYChart.Series<Number, String> otherSeries = new XYChart.Series<>();
        otherSeries.setName(Fmt.model(other).toLowerCase(java.util.Locale.ROOT));
        for (String channel : topDown) {
            firstSeries.getData().add(new XYChart.Data<>(firstRevenue.getOrDefault(channel, 0.0), channel));
            otherSeries.getData().add(new XYChart.Data<>(otherRevenue.getOrDefault(channel, 0.0), channel));
        }
        channels.getData().addAll(List.of(firstSeries, otherSeries));
        channelCard.caption(channelCaption(other, first(shown.insights("channels"))));
        // Steps of $5k wrote 20 labels edge to edge at 1024 px; about five steps read apart at any width.
        CountAxis.wholeNumbersUpTo((NumberAxis) channels.getXAxis(), java.util.stream.Stream.concat(
                firstRevenue.values().stream(), otherRevenue.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0));
        for (var series : channels.getData()) {
            for (XYChart.Data<Number, String> bar : series.getData()) {
                tooltip(bar, bar.getYValue() + " (" + series.getName() + "): "
                        + Formats.money(bar.getXValue().doubleValue()));
            }
        }
    }

    /**
     * The channel chart's line: the report's sentence, which is about last click, while last click is drawn; with
     * another model drawn, "Direct earns the most under last click" stood over bars where another channel led.
     */
    static String channelCaption(String drawnModel, String lastClickSentence) {
        if ("last_click".equals(drawnModel)) {
            return lastClickSentence;
        }
        return Fmt.model(drawnModel) + " drawn beside first click, its figures in Table (the report's sentence here is"
                + " about last click).";
    }

    /** Sessions on the funnel's axis, in the unit of its end: "0, 500, 1,000", "0.0k, 2.5k, 5.0k … 12.5k", "0k, 10k". */
    static String sessionsTick(double v, double step, double largest) {
        return com.puffy.pipeline.ui.TickLabels.compact(v, step, largest, false);
    }

    /**
     * "$250", "$25k", "$2.25M", in the unit of the axis' end: a day of a big shop's revenue went past a million, and
     * its axis read "$2250k", a figure to count digits in where the report's axis says "$2,250,000"; and labels each in
     * their own unit and decimals read "$500k, $1M, $1.5M".
     */
    static String moneyTick(double v, double step, double largest) {
        return com.puffy.pipeline.ui.TickLabels.compact(v, step, largest, true);
    }

    private static String first(List<String> lines) {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    private static void tooltip(XYChart.Data<?, ?> data, String text) {
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
            }
        });
        if (data.getNode() != null) {
            Tooltip.install(data.getNode(), new Tooltip(text));
        }
    }

    /**
     * As many tiles a row as fit at their natural width, sharing the row's width: in one row of five shrunk to
     * the screen, the average order read "$88…" at 1000 px.
     */
    private void fitTiles() {
        List<Node> all = tiles.getChildren();
        double width = tiles.getWidth();
        if (all.isEmpty() || width <= 0) {
            return;
        }
        double widest = 0;
        for (Node tile : all) {
            Region region = (Region) tile;
            region.setPrefWidth(Region.USE_COMPUTED_SIZE);
            widest = Math.max(widest, region.prefWidth(-1));
        }
        int perRow = tilesPerRow(width, widest, all.size(), TILE_GAP);
        double each = Math.floor((width - (perRow - 1) * TILE_GAP) / perRow);
        for (Node tile : all) {
            ((Region) tile).setPrefWidth(each);
        }
    }

    /** How many tiles of {@code widest} fit in a row of {@code width}: at least one, at most {@code count}. */
    static int tilesPerRow(double width, double widest, int count, double gap) {
        int perRow = (int) Math.floor((width + gap) / (widest + gap));
        return Math.max(1, Math.min(count, perRow));
    }

    private static VBox tile(String id, String name, String value, String note) {
        Label title = new Label(name);
        title.getStyleClass().add("kpi-name");
        Label number = new Label(value);
        number.getStyleClass().add("kpi-value");
        number.setId(id);
        Label small = new Label(note);
        small.getStyleClass().add("muted");
        VBox tile = new VBox(2, title, number, small);
        tile.getStyleClass().add("kpi-tile");
        tile.setPadding(new Insets(10, 14, 10, 14));
        return tile;
    }

    @Override
    public Node node() {
        return tabs;
    }

    @Override
    public void reload() {
        vm.reload(main.stageOutput(StageId.ANALYSIS), main.noOutputsHint(StageId.ANALYSIS, AnalysisViewModel.runHint()));
        allFiles.reload();
    }

    @Override
    public TableView<String[]> visibleTable() {
        if (tabs.getSelectionModel().getSelectedIndex() == 1) {
            return allFiles.visibleTable();
        }
        // With several tables open, the first card's (the daily revenue, perhaps scrolled out of view) was exported
        // whichever the analyst had just opened or was working in.
        for (ChartCard card : openedTables) {
            if (card.tableHasFocus()) {
                return card.visibleTable();
            }
        }
        return openedTables.isEmpty() ? null : openedTables.get(openedTables.size() - 1).visibleTable();
    }
}
