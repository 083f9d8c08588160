package com.puffy.pipeline.ui.analysis;

import com.puffy.pipeline.ui.Hints;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.DataTableView;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A titled chart whose data is one click away: "Table" swaps the chart for the report CSV it was drawn from. */
final class ChartCard extends VBox {
    private final String id;
    private final UiThreads threads;
    /** Made when "Table" is first pressed: five tables and their bars, hidden, were a part of each Analysis layout. */
    private DataTableModel model;
    private DataTableView table;
    private final ToggleButton asTable = new ToggleButton("Table", new FontIcon("mdi2t-table"));
    private final Label caption = Hints.muted("");
    private final Node chart;
    private final String title;
    private final HBox head;
    /** Said in the chart's place when it is not drawn (one day, nothing to draw), as the report says it. */
    private final Label noChart = new Label();
    private final StackPane body;
    /** A choice of what the chart draws ({@link #tool}), or {@code null}. */
    private Node tool;
    /** The chart area's height when it draws a chart or shows the table. */
    private double chartHeight = 300;
    /** Whether the card says its sentence alone (no chart drawn, no table shown): it is then as tall as its words. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper sentenceOnly =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "sentenceOnly");

    ChartCard(String id, String title, Node chart, UiThreads threads, Supplier<Path> file) {
        getStyleClass().add("chart-card");
        setId(id);
        setSpacing(6);
        setPadding(new Insets(10));
        // The hidden table's toolbar made a card at least 400 px wide, two a row wider than the screen on a small
        // laptop: the Analysis page scrolled sideways and cut its right-hand cards. A card takes the width it gets.
        setMinWidth(0);
        this.id = id;
        this.threads = threads;
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        asTable.setId(id + "-as-table");
        asTable.setMinWidth(Region.USE_PREF_SIZE);
        asTable.setTooltip(new Tooltip("Show the numbers behind this chart (Ctrl+E exports them)"));
        // Five buttons read "Table": each names its chart.
        asTable.setAccessibleText("Show " + title + " as a table");
        chart.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        chart.setAccessibleText(title);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        head = new HBox(8, heading, gap, asTable);
        head.setAlignment(Pos.CENTER_LEFT);
        caption.setId(id + "-caption");
        caption.managedProperty().bind(caption.textProperty().isNotEmpty());
        noChart.setId(id + "-no-chart");
        noChart.getStyleClass().add("muted");
        noChart.setWrapText(true);
        noChart.setVisible(false);
        StackPane.setAlignment(noChart, Pos.TOP_LEFT);
        body = new StackPane(chart, noChart);
        asTable.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                table().setVisible(true);
            } else if (table != null) {
                table.setVisible(false);
            }
            showChartOrSentence();
            if (now) {
                Path source = file.get();
                model.load(source, "The table behind this chart is missing: run the Analysis stage again.");
            }
        });
        getChildren().addAll(head, caption, body);
        this.chart = chart;
        this.title = title;
        showChartOrSentence();
    }

    /** The card's table, made on first use. */
    private DataTableView table() {
        if (table == null) {
            model = new DataTableModel(threads, List.of());
            table = new DataTableView(model, id + "-data");
            table.setVisible(false);
            body.getChildren().add(table);
        }
        return table;
    }

    /**
     * What a screen reader says for the chart, an image to it: the title and the Analysis stage's own sentences about
     * it (the same as the report's), never figures the screen works out.
     */
    void describe(List<String> insights) {
        chart.setAccessibleText(insights.isEmpty() ? title : title + ". " + String.join(" ", insights));
    }

    /** A control of the chart (a choice of what it draws) in the title line, before the gap and "Table". */
    void tool(Node control) {
        head.getChildren().add(1, control);
        tool = control;
        showChartOrSentence();
    }

    /** The chart area's preferred height, for a chart of many categories. */
    void bodyHeight(double height) {
        chartHeight = height;
        showChartOrSentence();
    }

    /**
     * The sentence said in place of the chart ({@code null}: the chart is drawn). A day's single point or a flat line
     * of $0 on an axis of its own told nothing the table does not; the report draws neither.
     */
    void noChart(String sentence) {
        noChart.setText(sentence == null ? "" : sentence);
        showChartOrSentence();
    }

    private void showChartOrSentence() {
        boolean sentence = !noChart.getText().isEmpty();
        boolean sentenceOnly = sentence && !asTable.isSelected();
        noChart.setVisible(sentenceOnly);
        this.sentenceOnly.set(sentenceOnly);
        chart.setVisible(!sentence && !asTable.isSelected());
        // A sentence in the chart's place takes its own height, not the chart's: the channel card stood 380 px tall
        // around two sentences on a folder without orders. The hidden chart and table then take no room; the table
        // opened from "Table" gets the chart's height back. In a row beside a drawn chart the grid still stretches
        // the card to the row (decision 0810), so the screen sets such a card at the top of its cell (decision 0833).
        chart.setManaged(!sentenceOnly);
        if (table != null) {
            table.setManaged(!sentenceOnly);
        }
        body.setMinHeight(sentenceOnly ? Region.USE_PREF_SIZE : 260);
        body.setPrefHeight(sentenceOnly ? Region.USE_COMPUTED_SIZE : chartHeight);
        VBox.setVgrow(body, sentenceOnly ? Priority.NEVER : Priority.ALWAYS);
        // A choice of what a chart that is not drawn would draw chooses nothing: the channel card offered "First
        // click vs Last click" above "No revenue to credit to a channel" (decision 0815). Its table has every model.
        if (tool != null) {
            tool.setVisible(!sentence);
            tool.setManaged(!sentence);
        }
    }

    /** Whether the card says its sentence alone, as tall as its words: no chart drawn and no table shown. */
    javafx.beans.property.ReadOnlyBooleanProperty sentenceOnlyProperty() {
        return sentenceOnly.getReadOnlyProperty();
    }

    void caption(String text) {
        caption.setText(text == null ? "" : text);
    }

    /** Whether the card shows its table in place of its chart. */
    javafx.beans.property.BooleanProperty showsTableProperty() {
        return asTable.selectedProperty();
    }

    /** Whether the keyboard focus is in this card's table (its rows, its search or its filter). */
    boolean tableHasFocus() {
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        for (Node n = focused; table != null && n != null; n = n.getParent()) {
            if (n == table) {
                return true;
            }
        }
        return false;
    }

    /** The table of this card when it shows one, for export. */
    javafx.scene.control.TableView<String[]> visibleTable() {
        return asTable.isSelected() ? table.table() : null;
    }
}
