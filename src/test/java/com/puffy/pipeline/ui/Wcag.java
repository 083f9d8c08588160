package com.puffy.pipeline.ui;

import javafx.scene.paint.Color;

/** WCAG 2.x contrast, for the tests that hold the themes' texts and tracks readable. */
final class Wcag {
    private Wcag() {
    }

    /** Contrast ratio of two opaque colors, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(a) + 0.05;
        double lb = luminance(b) + 0.05;
        return Math.max(la, lb) / Math.min(la, lb);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The first opaque background behind a node: its own or an ancestor's. */
    static Color background(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.layout.Region region && region.getBackground() != null) {
                java.util.List<javafx.scene.layout.BackgroundFill> fills = region.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color color && color.getOpacity() == 1
                            && fills.get(i).getInsets().getTop() < region.getHeight() / 2) {
                        return color;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    /**
     * The visible texts under {@code root} below WCAG AA on their background (4.5:1, 3:1 for large text), as
     * "'text' 3.20".
     */
    static java.util.List<String> unreadable(javafx.scene.Parent root) {
        java.util.List<String> found = new java.util.ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(javafx.scene.Node node, java.util.List<String> found) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof javafx.scene.text.Text text && !text.getText().isBlank()
                && text.getFill() instanceof Color fill) {
            double ratio = contrast(fill, background(node));
            boolean large = text.getFont().getSize() >= 18
                    || text.getFont().getSize() >= 14 && text.getFont().getStyle().contains("Bold");
            if (ratio < (large ? 3 : 4.5)) {
                found.add(String.format(java.util.Locale.ROOT, "'%s' %.2f", text.getText(), ratio));
            }
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }
}
