package com.puffy.pipeline.ui.table;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A table cell of plain text that, when its column is too narrow for it, shows its whole text in a tooltip: a long
 * code or file name cut with "…" could otherwise only be read by widening the column or opening the row.
 */
final class TextCell extends TableCell<String[], String> {
    /** Made for the first text this cell cuts: a tooltip is a popup window's worth of nodes, most cells never need one. */
    private Tooltip whole;
    /** A mark drawn before the text (a severity's icon), or null for none. */
    private final java.util.function.Function<String, Node> graphic;

    TextCell() {
        this((java.util.function.Function<String, Node>) null);
    }

    /** A cell drawing {@code graphic}'s node for its value before the text (none where it gives null). */
    TextCell(java.util.function.Function<String, Node> graphic) {
        this.graphic = graphic;
    }

    /** A cell cut with {@code overrun}: an identifier keeps its start and its end ("17402…qq7H-1"), which tell ids apart. */
    TextCell(javafx.scene.control.OverrunStyle overrun) {
        this((java.util.function.Function<String, Node>) null);
        setTextOverrun(overrun);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        setGraphic(empty || item == null || graphic == null ? null : graphic.apply(item));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // JavaFX 21 has no "text truncated" property: the skin's Text node holds what is drawn, "…" included.
        Node drawn = lookup(".text");
        String text = getText();
        boolean cut = text != null && !text.isEmpty() && drawn instanceof Text shown && drawn.getParent() == this
                && !shown.getText().equals(text);
        whole = showWhole(this, whole, cut ? text : null);
    }

    /**
     * Gives {@code cell} a tooltip reading {@code text}, or none when {@code text} is null; returns the cell's tooltip
     * to keep for the next call ({@code whole}, or a new one when it was null and is needed).
     */
    static Tooltip showWhole(TableCell<?, ?> cell, Tooltip whole, String text) {
        if (text == null) {
            if (cell.getTooltip() != null) {
                cell.setTooltip(null);
            }
            return whole;
        }
        Tooltip tooltip = whole;
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(600);
        }
        tooltip.setText(text);
        if (cell.getTooltip() != tooltip) {
            cell.setTooltip(tooltip);
        }
        return tooltip;
    }
}
