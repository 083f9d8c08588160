package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.CodeText;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.TextFlow;

/**
 * A table cell whose text wraps onto as many lines as its column's width needs, names in backticks set as code (as
 * {@link CodeTextCell} sets them): an incident's summary, read whole in a column that fits the window. A code in
 * capitals joined by underscores ("TRANSACTION_ID_COLLISION") may break after an underscore, where it reads as
 * words; its text stays the file's for search, copy and export.
 */
final class WrappedTextCell extends TableCell<String[], String> {
    private final Flow flow = new Flow();

    WrappedTextCell() {
        flow.wrapWidth.bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()), widthProperty(),
                paddingProperty()));
        flow.wrapWidth.addListener((obs, old, now) -> flow.requestLayout());
        flow.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        CodeText.fill(flow, breakable(item));
        flow.setAccessibleText(CodeText.plain(item));
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setGraphic(flow);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** A code's underscores followed by a zero-width space, where a line may break; prose as it is. */
    static String breakable(String text) {
        return text.matches("[A-Z0-9]+(_[A-Z0-9]+)+") ? text.replace("_", "_\u200B") : text;
    }

    /** A text flow whose preferred height is the one it needs at the cell's width, which a row asks without one. */
    private static final class Flow extends TextFlow {
        final javafx.beans.property.DoubleProperty wrapWidth = new javafx.beans.property.SimpleDoubleProperty();

        Flow() {
            getStyleClass().add("code-text");
        }

        @Override
        protected double computePrefWidth(double height) {
            double width = wrapWidth.get();
            return width > 0 ? width : super.computePrefWidth(height);
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 && wrapWidth.get() > 0 ? wrapWidth.get() : width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }
    }
}
