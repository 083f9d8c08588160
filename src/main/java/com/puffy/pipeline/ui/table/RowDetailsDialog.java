package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.CodeText;
import com.puffy.pipeline.ui.DialogButtons;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.text.TextFlow;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** A row's fields, one per line, selectable for copying; long values (raw records, JSON) get a text area. */
public final class RowDetailsDialog {
    private RowDetailsDialog() {
    }

    public static Dialog<Void> create(Window owner, List<Map.Entry<String, String>> fields) {
        return create(owner, fields, java.util.Set.of());
    }

    /**
     * As {@link #create(Window, List)}; a value of one of {@code codeColumns} that names something in backticks is
     * set as the alert cards set it ({@link CodeText}), and its menu copies the file's text, backticks included.
     */
    public static Dialog<Void> create(Window owner, List<Map.Entry<String, String>> fields,
                                      java.util.Set<String> codeColumns) {
        return create(owner, fields, codeColumns, (column, value) -> value);
    }

    /**
     * As {@link #create(Window, List, java.util.Set)}; a value reads as its cell shows it ({@code asShown}: "1.02%",
     * "3,500"), and where the file holds it otherwise ("0.0102") that follows in a field of its own, "in the file",
     * so either copies alone: the search finds a share by the file's fraction, not by its percentage (0740).
     */
    public static Dialog<Void> create(Window owner, List<Map.Entry<String, String>> fields,
                                      java.util.Set<String> codeColumns,
                                      java.util.function.BinaryOperator<String> asShown) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Row details");
        GridPane grid = new GridPane();
        grid.setId("row-details");
        grid.setHgap(12);
        grid.setVgap(6);
        // The dialog pane gives a scrolling content no margin: the names sat on the window's edge, "metric" lost its m.
        grid.setPadding(new javafx.geometry.Insets(12, 16, 12, 16));
        ColumnConstraints names = new ColumnConstraints();
        // A long value's text area wants all the width; the field names gave way and read "sev…", "mess…".
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        int line = 0;
        double height = 40;
        for (Map.Entry<String, String> field : fields) {
            Label name = new Label(field.getKey());
            name.getStyleClass().add("field-name");
            String value = field.getValue() == null ? "" : field.getValue();
            if (codeColumns.contains(field.getKey()) && CodeText.hasCode(value)) {
                TextFlow flow = CodeText.flow(value);
                flow.setId("row-details-code-" + field.getKey());
                flow.setPadding(new javafx.geometry.Insets(4, 0, 4, 0));
                MenuItem copy = new MenuItem("Copy");
                copy.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(value);
                    Clipboard.getSystemClipboard().setContent(content);
                });
                ContextMenu menu = new ContextMenu(copy);
                flow.setOnContextMenuRequested(e -> menu.show(flow, e.getScreenX(), e.getScreenY()));
                grid.addRow(line++, name, flow);
                height += 30 + 19 * (value.length() / 80);
            } else if (value.length() > 80 || value.contains("\n")) {
                TextArea area = new TextArea(value);
                area.setEditable(false);
                area.setWrapText(true);
                area.setPrefRowCount(Math.min(6, wrappedLines(value)));
                grid.addRow(line++, name, area);
                height += 24 + area.getPrefRowCount() * 19;
            } else {
                TextField text = new TextField(asShown.apply(field.getKey(), value));
                text.setEditable(false);
                text.setId("row-details-value-" + field.getKey());
                if (text.getText().equals(value)) {
                    grid.addRow(line++, name, text);
                } else {
                    Label inTheFile = new Label("in the file");
                    inTheFile.getStyleClass().add("muted");
                    inTheFile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    TextField written = new TextField(value);
                    written.setEditable(false);
                    written.setId("row-details-file-" + field.getKey());
                    javafx.scene.layout.HBox both = new javafx.scene.layout.HBox(8, text, inTheFile, written);
                    both.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                    javafx.scene.layout.HBox.setHgrow(text, Priority.ALWAYS);
                    javafx.scene.layout.HBox.setHgrow(written, Priority.ALWAYS);
                    grid.addRow(line++, name, both);
                }
                height += 34;
            }
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(720);
        // Room for the text areas too: a 5 KB value's six lines pushed the fields after it out of a short dialog.
        scroll.setPrefViewportHeight(Math.min(560, height));
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().add(DialogButtons.CLOSE);
        dialog.setResizable(true);
        return dialog;
    }

    /**
     * The lines {@code value} takes in a value's text area, about {@value #CHARACTERS_PER_LINE} characters wide: counted
     * at 80 a line, a 200-character message got three lines where it wraps to four, the last one cut in half.
     */
    static int wrappedLines(String value) {
        int lines = 0;
        for (String paragraph : value.split("\n", -1)) {
            lines += Math.max(1, (paragraph.length() + CHARACTERS_PER_LINE - 1) / CHARACTERS_PER_LINE);
        }
        return lines;
    }

    /** What the value column of a 1024-wide screen's dialog holds a line, a little under, as words wrap early. */
    private static final int CHARACTERS_PER_LINE = 50;

    public static void show(Window owner, List<Map.Entry<String, String>> fields) {
        create(owner, fields).show();
    }
}
