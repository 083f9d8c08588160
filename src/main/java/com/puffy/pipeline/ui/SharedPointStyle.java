package com.puffy.pipeline.ui;

import javafx.scene.Node;
import javafx.scene.chart.XYChart;

/**
 * JavaFX gives each point of a chart a style class of its own, "data0", "data1" …, which no style sheet of ours or
 * of the theme uses. A node's styles are cached by its style classes, so with one of its own every point's CSS was
 * worked out from the whole theme again: the bulk of the FX thread's time on the Analysis screen's first build
 * (decision 0832). Without it the points of a series share one entry.
 */
public final class SharedPointStyle {
    private SharedPointStyle() {
    }

    /** Takes the point's own "data<i>" class off its node, if it has a node. */
    public static void of(XYChart.Data<?, ?> point) {
        Node node = point.getNode();
        if (node != null) {
            node.getStyleClass().removeIf(SharedPointStyle::isPointIndex);
        }
    }

    /** As {@link #of(XYChart.Data)} for every point of a series. */
    public static void ofAll(XYChart.Series<?, ?> series) {
        for (XYChart.Data<?, ?> point : series.getData()) {
            of(point);
        }
    }

    static boolean isPointIndex(String styleClass) {
        if (styleClass.length() <= 4 || !styleClass.startsWith("data")) {
            return false;
        }
        for (int i = 4; i < styleClass.length(); i++) {
            if (!Character.isDigit(styleClass.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
