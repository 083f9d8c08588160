package com.puffy.pipeline.ui;

import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * Shows the labels of a value axis' end ticks that JavaFX hid by a rounding error. It hides a label whose tick lies
 * outside the axis, and the last tick's position, value × length ÷ range, can come out a hair past a whole-pixel
 * length: at 1440 px the channel chart ran its bars to an unlabelled "$80k" gridline, at one axis length in about
 * ten. Called by a chart after its axes are laid out (from layoutPlotChildren).
 */
public final class EndTicks {
    private static final double HAIR = 1e-6;

    private EndTicks() {
    }

    /** Shows the label of each tick of {@code axis} (when a NumberAxis) that lies only a hair outside it. */
    public static void reveal(Axis<?> axis) {
        // Every axis of the app writes its own labels (NumberAxes).
        if (!(axis instanceof NumberAxis values) || values.getSide() == null
                || values.getTickLabelFormatter() == null) {
            return;
        }
        double length = values.getSide().isVertical() ? values.getHeight() : values.getWidth();
        StringConverter<Number> format = values.getTickLabelFormatter();
        for (Axis.TickMark<Number> tick : values.getTickMarks()) {
            double position = tick.getPosition();
            boolean byAHair = position > Math.ceil(length) && position - length < HAIR
                    || position < 0 && position > -HAIR;
            if (!byAHair || !tick.isTextVisible()) {
                continue;
            }
            String label = format.toString(tick.getValue());
            for (Node child : values.getChildrenUnmodifiable()) {
                if (child instanceof Text text && label.equals(text.getText())) {
                    text.setVisible(true);
                }
            }
        }
    }
}
