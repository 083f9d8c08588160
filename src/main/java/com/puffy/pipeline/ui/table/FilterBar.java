package com.puffy.pipeline.ui.table;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;

/**
 * A table's search and value filters, wrapping as a {@link FlowPane} does, and its row count at the right end of the
 * last line when that line has room for it. When it has none the count goes under the table (see
 * {@link DataTableView}): on its own line of the bar it took a line anyway, and at 1024 px the Findings filters took
 * a second line for the count's sake.
 *
 * <p>The count is not managed: the filters' lines never depend on it, so where it goes cannot change where they go,
 * and the choice cannot flip back and forth with the layout it causes.
 */
final class FilterBar extends FlowPane {
    private Node trailing;
    /** Told whether the count has room at the end of the last line, each time the answer changes. */
    private Consumer<Boolean> onRoom = room -> { };
    private Boolean room;

    FilterBar(double hgap, double vgap, Node... children) {
        super(hgap, vgap, children);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** The row count: kept at the end of the last line while it fits there; {@code onRoom} moves it otherwise. */
    void setTrailing(Node node, Consumer<Boolean> onRoom) {
        this.trailing = node;
        this.onRoom = onRoom;
    }

    /** Whether the count had room at the end of the last line at the last layout; null before one. */
    Boolean room() {
        return room;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (trailing == null) {
            return;
        }
        Insets insets = getInsets();
        double right = getWidth() - insets.getRight();
        // The last line: the children beside the lowest one (a line centres its controls, so their tops differ).
        java.util.List<Node> shown = new java.util.ArrayList<>();
        Node lowest = null;
        for (Node child : getChildren()) {
            if (child != trailing && child.isManaged() && child.isVisible()) {
                shown.add(child);
                if (lowest == null || child.getBoundsInParent().getMinY() > lowest.getBoundsInParent().getMinY()) {
                    lowest = child;
                }
            }
        }
        double lastTop = insets.getTop();
        double lastBottom = insets.getTop();
        double lastEnd = insets.getLeft();
        if (lowest != null) {
            lastTop = lowest.getBoundsInParent().getMinY();
            lastBottom = lowest.getBoundsInParent().getMaxY();
            for (Node child : shown) {
                javafx.geometry.Bounds b = child.getBoundsInParent();
                if (b.getMaxY() > lastTop && b.getMinY() < lastBottom) {
                    lastTop = Math.min(lastTop, b.getMinY());
                    lastBottom = Math.max(lastBottom, b.getMaxY());
                    lastEnd = Math.max(lastEnd, b.getMaxX());
                }
            }
        }
        double width = trailing.prefWidth(-1);
        boolean fits = lowest == null || lastEnd + getHgap() + width <= right + 0.5;
        if (fits && trailing.getParent() == this) {
            double height = trailing.prefHeight(width);
            trailing.resizeRelocate(right - width, lastTop + (lastBottom - lastTop - height) / 2, width, height);
        }
        if (room == null || room != fits) {
            room = fits;
            // Moving the count during a layout pass would change the scene graph under it: after it.
            javafx.application.Platform.runLater(() -> {
                if (room == fits) {
                    onRoom.accept(fits);
                }
            });
        }
    }
}
