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
}
