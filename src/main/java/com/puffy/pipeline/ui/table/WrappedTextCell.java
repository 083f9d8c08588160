package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.CodeText;
import java.util.List;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.TextFlow;

/**
 * A table cell whose text wraps onto as many lines as its column's width needs, names in backticks set as code (as
 * {@link CodeTextCell} sets them): an incident's summary, read whole in a column that fits the window. A code in
 * capitals joined by underscores or dashes ("TRANSACTION_ID_COLLISION", "I-20250228-TRANSACTION_ID_COLLISION") may
 * break after one, where it reads as words; its text stays the file's for search, copy and export.
 */
final class WrappedTextCell extends TableCell<String[], String> {
    private final Flow flow = new Flow();
    /** A code's parts, each kept whole on a line: JavaFX breaks lines at spaces only, and cut "TRANSACTION_I/D". */
    private final Parts parts = new Parts();

    WrappedTextCell() {
        javafx.beans.binding.DoubleBinding width = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()), widthProperty(),
                paddingProperty());
        flow.wrapWidth.bind(width);
        flow.wrapWidth.addListener((obs, old, now) -> flow.requestLayout());
        flow.setMaxWidth(Double.MAX_VALUE);
        // A flow pane asked its height without a width wraps at this length.
        parts.prefWrapLengthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> width.get() >= LEAST ? width.get() : 400, width));
        parts.setRowValignment(javafx.geometry.VPos.BASELINE);
        // As tall as their lines, so the cell centres them as it centres the one-line cells beside them.
        parts.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        flow.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        List<String> pieces = codeParts(item);
        if (pieces.size() > 1) {
            parts.getChildren().setAll(pieces.stream().map(piece -> {
                javafx.scene.text.Text text = new javafx.scene.text.Text(piece);
                text.getStyleClass().add(CodeText.TEXT_CLASS);
                return (javafx.scene.Node) text;
            }).toList());
            parts.setAccessibleText(item);
            setGraphic(parts);
            return;
        }
        CodeText.fill(flow, item);
        setGraphic(flow);
    }

    /** What a line never breaks inside: a code's parts, prose's words. */
    static List<String> unbroken(String text) {
        List<String> pieces = codeParts(text);
        return pieces.size() > 1 ? pieces : List.of(CodeText.plain(text).split("\\s+"));
    }

    /**
     * The widths of what a line of {@code text} never breaks inside, in order, and whether a space stands between
     * them: a code's parts (none between), else the words of prose and each name in backticks whole, in the theme's
     * code font with its padding ({@code .code}: monospace 12 px, 4 px each side).
     */
    static Pieces pieces(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        List<String> parts = codeParts(text);
        List<Double> widths = new java.util.ArrayList<>();
        if (parts.size() > 1) {
            for (String part : parts) {
                probe.setText(part);
                widths.add(probe.getLayoutBounds().getWidth());
            }
            return new Pieces(widths, 0);
        }
        javafx.scene.text.Font code = javafx.scene.text.Font.font("monospace", 12);
        for (CodeText.Span span : CodeText.parse(text)) {
            if (span.code()) {
                probe.setFont(code);
                probe.setText(span.text());
                widths.add(probe.getLayoutBounds().getWidth() + 8);
                probe.setFont(font);
                continue;
            }
            for (String word : span.text().trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    probe.setText(word);
                    widths.add(probe.getLayoutBounds().getWidth());
                }
            }
        }
        probe.setText(" ");
        return new Pieces(widths, probe.getLayoutBounds().getWidth());
    }

    /** What a line never breaks inside, each piece's width, and the space between two pieces on a line. */
    record Pieces(List<Double> widths, double space) {
        /** The lines these pieces fill, laid out greedily as a text flow does, {@code room} pixels a line. */
        int lines(double room) {
            int lines = 0;
            double line = 0;
            for (double width : widths) {
                if (lines == 0 || line + space + width > room) {
                    lines++;
                    line = width;
                } else {
                    line += space + width;
                }
            }
            return Math.max(1, lines);
        }
    }

    /**
     * A code in capitals joined by underscores or dashes in its parts, each with the underscore or dash that follows
     * it ("TRANSACTION_", "ID_", "COLLISION"; an incident's "I-", "20250228-", "TRANSACTION_", …); anything else as
     * one part.
     */
    static List<String> codeParts(String text) {
        if (!text.matches("[A-Z0-9]+([_-][A-Z0-9]+)+")) {
            return List.of(text);
        }
        return List.of(text.split("(?<=[_-])"));
    }

    /** A text flow whose preferred height is the one it needs at the cell's width, which a row asks without one. */
    private static final double LEAST = 40;

    /**
     * A code's parts, as tall as their lines at the cell's width. A row asks its cells' heights with no width, and the
     * cell's skin asks its graphic with that width less its padding, a negative one: a plain flow pane then put each
     * part on a line of its own, and the row of TRANSACTION_ID_COLLISION stood three lines tall beside a one-line
     * summary, whatever the column's width.
     */
    private static final class Parts extends javafx.scene.layout.FlowPane {
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width >= 0 && width < LEAST ? -1 : Math.max(-1, width));
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    }

    private static final class Flow extends TextFlow {
        final javafx.beans.property.DoubleProperty wrapWidth = new javafx.beans.property.SimpleDoubleProperty();

        Flow() {
            getStyleClass().add("code-text");
        }

        @Override
        protected double computePrefWidth(double height) {
            double width = wrapWidth.get();
            return width >= LEAST ? width : super.computePrefWidth(height);
        }

        @Override
        protected double computePrefHeight(double width) {
            // A cell not yet given its column's width (a few pixels wide) would measure a letter a line.
            return super.computePrefHeight(width < 0 && wrapWidth.get() >= LEAST ? wrapWidth.get()
                    : width >= 0 && width < LEAST ? -1 : width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    }
}
