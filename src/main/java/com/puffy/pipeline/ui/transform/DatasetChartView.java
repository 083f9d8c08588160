package com.puffy.pipeline.ui.transform;

import com.puffy.pipeline.io.AtomicFiles;
import com.puffy.pipeline.ui.DayAxis;
import com.puffy.pipeline.ui.ErrorDialog;
import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.Hints;
import com.puffy.pipeline.ui.NumberAxes;
import com.puffy.pipeline.ui.Screen;
import com.puffy.pipeline.ui.Shortcuts;
import com.puffy.pipeline.ui.TickLabels;
import com.puffy.pipeline.ui.UiError;
import com.puffy.pipeline.ui.analysis.DayBarChart;
import com.puffy.pipeline.ui.table.Aggregation;
import com.puffy.pipeline.ui.table.Aggregation.Group;
import com.puffy.pipeline.ui.table.TableData;
import com.puffy.pipeline.ui.transform.DatasetChartModel.Grouping;
import com.puffy.pipeline.ui.transform.DatasetChartModel.MeasureChoice;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A dataset's rows as a chart, under the table's own search and value filters: bars per value of a column (largest
 * first, the rest as "Other") or per day on the {@link DayAxis}. It draws what {@link DatasetChartModel} gives and
 * computes nothing; each bar's tooltip gives its exact figure, and the chart's accessible text says it in words.
 */
public final class DatasetChartView extends BorderPane {
    private final DatasetChartModel model;
    private final String file;
    private final ComboBox<Grouping> groupBy = new ComboBox<>();
    private final ComboBox<MeasureChoice> measure = new ComboBox<>();
    private final ComboBox<Integer> top = new ComboBox<>();
    private final Label topLabel = new Label("Bars");
    private final Label title = new Label();
    private final Label note = Hints.mutedLines("");
    private final Label message = Hints.muted("");
    private final Label copied = new Label();
    private final NumberAxis categoryValues = NumberAxes.counts();
    private final FiguredBars categories = new FiguredBars(categoryValues, new CategoryAxis());
    private final DayAxis days = new DayAxis();
    private final NumberAxis dayValues = NumberAxes.counts();
    private final DayBarChart daily = new DayBarChart(days, dayValues);
    private final StackPane plot;

    /** Narrower than this the controls take their compact sizes, as the table's bar does. */
    private static final double COMPACT_BELOW = 700;
    /** Height a horizontal bar and its label need; and the least height of a plot. */
    private static final double ROOM_PER_BAR = 19;
    private static final double MIN_PLOT = 200;
    private static final double MIN_DAYS_PLOT = 160;

    public DatasetChartView(DatasetChartModel model, String idPrefix, String file) {
        this.model = model;
        this.file = file;
        getStyleClass().add("dataset-chart");
        setId(idPrefix + "-chart");

        groupBy.setId(idPrefix + "-chart-group");
        groupBy.setItems(model.groupings());
        groupBy.valueProperty().bindBidirectional(model.groupingProperty());
        groupBy.setAccessibleText("Group the rows by");
        groupBy.setTooltip(new Tooltip("Bars per value of a column, or per day of a date or timestamp (UTC)"));
        measure.setId(idPrefix + "-chart-measure");
        measure.setItems(model.measures());
        measure.valueProperty().bindBidirectional(model.measureProperty());
        measure.setAccessibleText("Measure each bar by");
        measure.setTooltip(new Tooltip("Count the rows, or add up or average a numeric column"));
        top.setId(idPrefix + "-chart-top");
        top.getItems().setAll(5, 10, 20, 50);
        top.setValue(model.topProperty().get());
        top.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.topProperty().set(now);
            }
        });
        top.setAccessibleText("How many values get a bar of their own");
        top.setTooltip(new Tooltip("The largest values get a bar each; the rest share one \"Other\" bar"));
        // Fixed widths: sized to their value, the boxes grew and shrank with each choice and the buttons after them
        // jumped to the next line and back.
        for (ComboBox<?> box : List.of(groupBy, measure)) {
            box.setMinWidth(150);
            box.setVisibleRowCount(14);
        }
        Label groupLabel = label("Group by", groupBy);
        Label measureLabel = label("Measure", measure);
        topLabel.setLabelFor(top);
        topLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button copy = new Button("Copy as CSV", new FontIcon("mdi2c-content-copy"));
        copy.setId(idPrefix + "-chart-copy");
        copy.setTooltip(new Tooltip("Copy the chart's figures (one row a bar) as CSV, to paste into a spreadsheet"));
        copy.setOnAction(e -> copy());
        Button save = new Button("Save as CSV…", new FontIcon("mdi2c-content-save-outline"));
        save.setId(idPrefix + "-chart-save");
        save.setTooltip(new Tooltip("Save the chart's figures (one row a bar) as a CSV file"));
        // In the window, Save is the window's Export (Ctrl+E), which exports this chart while it is shown: one
        // dialog opening in the last export folder, one status line. Alone (a test's scene), its own dialog.
        save.setOnAction(e -> {
            Runnable export = getScene() == null ? null : getScene().getAccelerators().get(Shortcuts.EXPORT);
            if (export != null) {
                export.run();
            } else {
                save();
            }
        });
        for (Button b : List.of(copy, save)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.disableProperty().bind(model.resultProperty().isNull());
        }
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        copied.getStyleClass().add("muted");
        copied.setId(idPrefix + "-chart-copied");
        HBox topBox = new HBox(6, topLabel, top);
        topBox.setAlignment(Pos.CENTER_LEFT);
        topBox.managedProperty().bind(topBox.visibleProperty());
        HBox groupBox = new HBox(6, groupLabel, groupBy);
        groupBox.setAlignment(Pos.CENTER_LEFT);
        HBox measureBox = new HBox(6, measureLabel, measure);
        measureBox.setAlignment(Pos.CENTER_LEFT);
        // Narrow (a 1024 px screen) the two buttons show their icons (their tooltips name them) and the boxes
        // shrink, so the controls take one line and the chart keeps its height.
        javafx.beans.binding.BooleanBinding narrow = widthProperty().greaterThan(0)
                .and(widthProperty().lessThan(COMPACT_BELOW));
        for (Button b : List.of(copy, save)) {
            b.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(narrow)
                    .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
                    .otherwise(javafx.scene.control.ContentDisplay.LEFT));
        }
        copy.setAccessibleText("Copy the chart's figures as CSV");
        save.setAccessibleText("Save the chart's figures as CSV");
        // Each box is as wide as its longest choice, so every choice reads whole and the box keeps its width from
        // one choice to the next; never wider than the chart. At 1024 px the boxes had 150 px beside Bars and drew
        // "Mean of dura…" and "landing_refer…"; the controls now take a second line when they need one.
        // Measured at each layout, once the theme has set the boxes' font (fitBox).
        for (ComboBox<?> box : List.of(groupBy, measure)) {
            box.setPrefWidth(box.getMinWidth());
        }
        FlowPane controls = new FlowPane(12, 6, groupBox, measureBox, topBox);
        controls.setAlignment(Pos.CENTER_LEFT);
        model.groupingProperty().addListener((obs, old, now) -> topBox.setVisible(now == null || !now.byDay()));
        topBox.setVisible(model.groupingProperty().get() == null || !model.groupingProperty().get().byDay());

        title.setId(idPrefix + "-chart-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        note.setId(idPrefix + "-chart-note");
        message.setId(idPrefix + "-chart-message");
        message.setMaxWidth(520);
        message.textProperty().bind(model.messageProperty());

        for (XYChart<?, ?> chart : List.<XYChart<?, ?>>of(categories, daily)) {
            chart.setAnimated(false);
            chart.setLegendVisible(false);
            chart.setMinSize(0, 0);
            // An image to a screen reader, which reads the sentence set in show(); Tab stops on it to read it.
            chart.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
            chart.setFocusTraversable(true);
        }
        categories.setId(idPrefix + "-chart-bars");
        daily.setId(idPrefix + "-chart-days");
        categories.setVerticalGridLinesVisible(true);
        categories.setHorizontalGridLinesVisible(false);
        // Room right of the plot for the last value label ("$100k" centred on the axis's end was not drawn).
        categories.setPadding(new Insets(6, 26, 6, 6));
        categories.setBarGap(2);
        categories.setCategoryGap(6);
        // Each bar keeps room for its label: below that the chart scrolls rather than squeeze the bars into lines
        // and drop every other name (at 1024x768 the plot had 130 px for nine channels).
        categories.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> categories.getData().isEmpty() ? 0.0
                        : Math.max(MIN_PLOT, categories.getData().get(0).getData().size() * ROOM_PER_BAR + 50),
                categories.getData()));
        daily.setMinHeight(MIN_DAYS_PLOT);
        StackPane inner = new StackPane(categories, daily, message);
        StackPane.setAlignment(message, Pos.CENTER);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(inner);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId(idPrefix + "-chart-scroll");
        plot = new StackPane(scroll);
        plot.setMinHeight(0);
        title.setMinWidth(Region.USE_PREF_SIZE);
        note.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(note, javafx.scene.layout.Priority.ALWAYS);
        // The buttons sit at the end of the title's line, which has room: on the controls' line they wrapped onto
        // a line of their own at 1024 px and took the chart's height.
        HBox buttons = new HBox(6, busy, copied, copy, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        copied.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(10, title, note, buttons);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(6, controls, heading);
        head.setPadding(new Insets(0, 0, 4, 0));
        setTop(head);
        setCenter(plot);
        model.resultProperty().addListener((obs, old, now) -> show(now));
        model.messageProperty().addListener((obs, old, now) -> showMessage());
        model.errorProperty().addListener((obs, old, now) -> {
            if (now != null && getScene() != null) {
                ErrorDialog.create(getScene().getWindow(), now).show();
            }
        });
        show(model.resultProperty().get());
    }

    /** A standing sentence under the chart's title about reading this dataset's chart. */
    void addNote(String text) {
        Label hint = Hints.mutedLines(text);
        ((VBox) getTop()).getChildren().add(hint);
    }

    @Override
    protected void layoutChildren() {
        fitBox(groupBy);
        fitBox(measure);
        super.layoutChildren();
    }

    /**
     * Makes {@code box} as wide as its longest choice needs (its text and what the box draws around it), at least its least width and at most the chart's width less its label.
     */
    private void fitBox(ComboBox<?> box) {
        // The cell the box shows its value in, one of its children: a lookup found the popup's list's cells first.
        Node cell = box.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.control.ListCell<?>)
                .findFirst().orElse(null);
        Node arrow = box.lookup(".arrow-button");
        if (!(cell instanceof javafx.scene.control.ListCell<?> shown) || !(arrow instanceof Region arrowButton)
                || arrowButton.getWidth() <= 0 || !(shown.lookup(".text") instanceof javafx.scene.text.Text drawn)) {
            return;
        }
        // The font the cell draws in: the cell's own can be the default before the theme reaches it.
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(drawn.getFont());
        double widest = 0;
        for (Object item : box.getItems()) {
            probe.setText(String.valueOf(item));
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        double needed = Math.ceil(widest + shown.snappedLeftInset() + shown.snappedRightInset() + arrowButton.getWidth()
                + box.snappedLeftInset() + box.snappedRightInset()) + 2;
        Node label = box.getParent() == null ? null : box.getParent().getChildrenUnmodifiable().get(0);
        double room = getWidth() - (label == null ? 0 : label.prefWidth(-1) + 6);
        double width = Math.max(box.getMinWidth(), room > 0 ? Math.min(needed, room) : needed);
        if (Math.abs(box.getPrefWidth() - width) >= 0.5) {
            box.setPrefWidth(width);
        }
    }

    private static Label label(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void showMessage() {
        Aggregation.Result shown = model.resultProperty().get();
        boolean none = shown == null;
        message.setVisible(none || shown.groups().isEmpty());
        categories.setVisible(!none && !shown.spec().byDay() && !shown.groups().isEmpty());
        daily.setVisible(!none && shown.spec().byDay() && !shown.groups().isEmpty());
    }

    private void show(Aggregation.Result result) {
        copied.setText("");
        if (result == null) {
            // The last bars stay visible behind "Adding up…" only as the message; the title says what comes.
            title.setText(model.groupingProperty().get() == null || model.measureProperty().get() == null ? ""
                    : model.measureProperty().get() + " by " + model.groupingProperty().get());
            note.setText("");
            categories.getData().clear();
            categories.showFigures(null, null);
            daily.getData().clear();
            showMessage();
            return;
        }
        Aggregation.Spec spec = result.spec();
        TableData table = model.table().tableProperty().get();
        long tableRows = table == null ? result.rows() : table.size();
        title.setText(spec.measureLabel() + " by " + spec.groupLabel());
        String over = result.rows() == tableRows ? "All " + Formats.count(tableRows) + (tableRows == 1 ? " row" : " rows")
                : Formats.count(result.rows()) + " of " + Formats.count(tableRows) + " rows (the table's filters)";
        String total = spec.measure() == Aggregation.Measure.MEAN
                ? result.total() == null ? "" : "; mean " + Aggregation.figure(result.total(), spec.money(), true)
                : spec.measure() == Aggregation.Measure.SUM && result.total() != null
                ? "; total " + Aggregation.figure(result.total(), spec.money(), false) : "";
        String left = result.leftOut();
        note.setText(over + total + "." + (left.isEmpty() ? "" : " " + left)
                + (result.groups().isEmpty() && result.rows() > 0 ? " No row has a value to chart." : ""));
        String words = result.describe(file, tableRows);
        if (spec.byDay()) {
            showDays(result, spec);
            daily.setAccessibleText("Bar chart. " + words);
        } else {
            showCategories(result, spec);
            categories.setAccessibleText("Bar chart. " + words);
        }
        showMessage();
    }

    private void showCategories(Aggregation.Result result, Aggregation.Spec spec) {
        daily.getData().clear();
        XYChart.Series<Number, String> bars = new XYChart.Series<>();
        List<Group> groups = new ArrayList<>(result.groups());
        // A horizontal bar chart lists its categories bottom up: the largest goes last to stand on top.
        java.util.Collections.reverse(groups);
        for (Group g : groups) {
            if (g.value() == null) {
                continue;
            }
            XYChart.Data<Number, String> bar = new XYChart.Data<>(g.value().doubleValue(), g.label());
            bars.getData().add(bar);
            decorate(bar, result.tooltip(g), g.other());
        }
        categoryValues.setTickLabelFormatter(NumberAxes.labels(categoryValues,
                (value, step, largest) -> TickLabels.compact(value, step, largest, spec.money())));
        niceTicks(categoryValues, result, spec, true);
        categories.getData().setAll(List.of(bars));
        categories.showFigures(bars, spec);
        sayTooltips(bars);
    }

    private void showDays(Aggregation.Result result, Aggregation.Spec spec) {
        categories.getData().clear();
        categories.showFigures(null, spec);
        XYChart.Series<Number, Number> bars = new XYChart.Series<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Group g : result.groups()) {
            long day = DayAxis.epochDay(g.key());
            if (day == Long.MIN_VALUE) {
                continue;
            }
            first = Math.min(first, day);
            last = Math.max(last, day);
            if (g.value() == null) {
                continue;
            }
            XYChart.Data<Number, Number> bar = new XYChart.Data<>(day, g.value().doubleValue());
            bars.getData().add(bar);
            decorate(bar, result.tooltip(g), false);
        }
        if (first <= last) {
            days.span(first, last, Formats.spansYears(java.time.LocalDate.ofEpochDay(first).toString(),
                    java.time.LocalDate.ofEpochDay(last).toString()));
        } else {
            days.clear();
        }
        dayValues.setTickLabelFormatter(NumberAxes.labels(dayValues,
                (value, step, largest) -> TickLabels.compact(value, step, largest, spec.money())));
        niceTicks(dayValues, result, spec);
        daily.setVerticalGridLinesVisible(result.groups().size() <= 62);
        daily.getData().setAll(List.of(bars));
        sayTooltips(bars);
    }

    /**
     * About six gridlines at 1, 2, 2.5 or 5 × 10ⁿ from zero to the first at or above the largest bar, as the report's
     * charts (analysis.Ticks): JavaFX's own range put twenty ticks of $5k under $95k of revenue.
     */
    private static void niceTicks(NumberAxis axis, Aggregation.Result result, Aggregation.Spec spec) {
        niceTicks(axis, result, spec, false);
    }

    /**
     * {@code headroom}: the longest bar ends no further than 85 % of the axis, leaving room for its figure (at
     * 1024 px a step is about 70 px, and "$32.63M" about 50).
     */
    private static void niceTicks(NumberAxis axis, Aggregation.Result result, Aggregation.Spec spec,
                                  boolean headroom) {
        double max = 0;
        double min = 0;
        for (Group g : result.groups()) {
            if (g.value() != null) {
                max = Math.max(max, g.value().doubleValue());
                min = Math.min(min, g.value().doubleValue());
            }
        }
        double span = Math.max(max, -min);
        if (!(span > 0) || Double.isInfinite(span)) {
            axis.setAutoRanging(true);
            return;
        }
        boolean whole = spec.measure() == Aggregation.Measure.ROWS;
        double step = com.puffy.pipeline.analysis.Ticks.niceStep(span, 6, whole);
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setTickUnit(step);
        double lower = min < 0 ? -com.puffy.pipeline.analysis.Ticks.axisTop(-min, step) : 0;
        double upper = max > 0 ? com.puffy.pipeline.analysis.Ticks.axisTop(max, step) : 0;
        if (headroom && max > 0 && max > 0.85 * upper) {
            upper += step;
        }
        if (headroom && min < 0 && -min > 0.85 * -lower) {
            lower -= step;
        }
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
    }

    /**
     * A bar read by a screen reader says its tooltip: JavaFX names it "X Axis is 20,089 Y Axis is 1" (an epoch day)
     * or binds it to the raw figures. Set once the chart has made its bars.
     */
    private static void sayTooltips(XYChart.Series<?, ?> series) {
        for (XYChart.Data<?, ?> data : series.getData()) {
            Node node = data.getNode();
            Object text = data.getExtraValue();
            if (node != null && text instanceof String words) {
                node.accessibleTextProperty().unbind();
                node.setAccessibleText(words);
            }
        }
    }

    private static void decorate(XYChart.Data<?, ?> data, String text, boolean other) {
        data.setExtraValue(text);
        java.util.function.Consumer<Node> apply = node -> {
            Tooltip tip = new Tooltip(text);
            tip.setShowDelay(javafx.util.Duration.millis(150));
            Tooltip.install(node, tip);
            if (other) {
                node.getStyleClass().add("other-bar");
            }

        };
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                apply.accept(node);
            }
        });
        if (data.getNode() != null) {
            apply.accept(data.getNode());
        }
    }

    /** A bar's figure short enough to sit beside it: 950, 1.5k, 12k, 3.1M, $2.5M. */
    static StringConverter<Number> compact(boolean money) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                double a = Math.abs(v);
                String text;
                if (a >= 1e9) {
                    text = trim(v / 1e9) + "B";
                } else if (a >= 1e6) {
                    text = trim(v / 1e6) + "M";
                } else if (a >= 1e3) {
                    text = trim(v / 1e3) + "k";
                } else {
                    text = trim(v);
                }
                return money ? (text.startsWith("-") ? "-$" + text.substring(1) : "$" + text) : text;
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        };
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }

    private void copy() {
        Aggregation.Result result = model.resultProperty().get();
        if (result == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(result.csv());
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText("Copied " + Formats.count(result.groups().size()) + (result.groups().size() == 1 ? " bar" : " bars")
                + " as CSV.");
    }

    private void save() {
        Aggregation.Result result = model.resultProperty().get();
        if (result == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the chart's figures as CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        chooser.setInitialFileName(suggestedName(file, result.spec()));
        File target = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (target == null) {
            return;
        }
        try {
            write(result, target.toPath());
        } catch (java.io.IOException e) {
            ErrorDialog.create(getScene() == null ? null : getScene().getWindow(),
                    UiError.of("save " + target, e)).show();
        }
    }

    /**
     * The chart's figures for the window's Export (Ctrl+E), written as Save as CSV… writes them: with the chart on
     * screen Ctrl+E exported the table's rows behind it.
     */
    public Screen.Export.Figures export() {
        Aggregation.Result result = model.resultProperty().get();
        if (result == null) {
            String why = model.messageProperty().get();
            return new Screen.Export.Figures(NOUN, file, "", "The chart has no figures to export yet"
                    + (why == null || why.isBlank() ? "." : ": " + why), target -> { });
        }
        int bars = result.groups().size();
        String what = "the chart's " + Formats.count(bars) + (bars == 1 ? " bar" : " bars") + " ("
                + result.spec().measureLabel() + " by " + result.spec().groupLabel() + ")";
        return new Screen.Export.Figures(NOUN, suggestedName(file, result.spec()), what, null,
                target -> write(result, target));
    }

    /** What the File menu calls a chart's export: "Export chart as CSV…". */
    public static final String NOUN = "chart";

    /** The one way the chart's figures reach a file: formula-safe CSV, written whole or not at all. */
    private void write(Aggregation.Result result, java.nio.file.Path target) throws java.io.IOException {
        AtomicFiles.writeString(target, result.csv());
        copied.setText("Saved " + target.getFileName() + ".");
    }

    /**
     * Horizontal bars with each bar's figure at its end. At 1024×768 the plot has about 190 px, so the value axis
     * sat below the fold and the bars had no scale without scrolling or hovering each one; the figures also spare
     * reading a length against gridlines at any size. A figure with no room beside its bar is left out (its
     * tooltip has it).
     */
    static final class FiguredBars extends BarChart<Number, String> {
        private final java.util.Map<XYChart.Data<Number, String>, Label> figures = new java.util.LinkedHashMap<>();

        FiguredBars(NumberAxis values, CategoryAxis names) {
            super(values, names);
        }

        /** Puts a figure beside each bar of {@code bars} (null: none), in the words of the axis, shortened. */
        void showFigures(XYChart.Series<Number, String> bars, Aggregation.Spec spec) {
            getPlotChildren().removeAll(figures.values());
            figures.clear();
            if (bars == null || spec == null) {
                return;
            }
            StringConverter<Number> shortly = compact(spec.money());
            for (XYChart.Data<Number, String> bar : bars.getData()) {
                Label figure = new Label(barFigure(bar.getXValue(), spec, shortly));
                figure.getStyleClass().add("bar-figure");
                figure.setMouseTransparent(true);
                figure.setManaged(false);
                figures.put(bar, figure);
            }
            getPlotChildren().addAll(figures.values());
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            double room = getXAxis().getWidth();
            figures.forEach((bar, figure) -> {
                Node node = bar.getNode();
                if (node == null) {
                    figure.setVisible(false);
                    return;
                }
                javafx.geometry.Bounds b = node.getBoundsInParent();
                figure.autosize();
                double w = figure.getWidth();
                boolean negative = bar.getXValue().doubleValue() < 0;
                double x = negative ? b.getMinX() - 4 - w : b.getMaxX() + 4;
                figure.relocate(x, b.getMinY() + (b.getHeight() - figure.getHeight()) / 2);
                figure.setVisible(x >= 0 && x + w <= room);
            });
        }
    }

    /** A bar's figure: counts whole ("13,104"), sums and means as the axis writes them ("$1.3k", "12.5"). */
    static String barFigure(Number value, Aggregation.Spec spec, StringConverter<Number> shortly) {
        double v = value.doubleValue();
        if (spec.measure() == Aggregation.Measure.ROWS) {
            return Formats.count(Math.round(v));
        }
        String exact = Aggregation.figure(java.math.BigDecimal.valueOf(v), spec.money(),
                spec.measure() == Aggregation.Measure.MEAN);
        return exact.length() <= 9 ? exact : shortly.toString(v);
    }

    /** "sessions-rows-by-channel.csv", "conversions-sum-revenue-by-day-of-timestamp.csv". */
    static String suggestedName(String file, Aggregation.Spec spec) {
        String base = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        String name = base + "-" + spec.measureLabel() + "-by-" + spec.groupLabel();
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-") + ".csv";
    }
}
