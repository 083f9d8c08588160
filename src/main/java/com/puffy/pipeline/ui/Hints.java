package com.puffy.pipeline.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The app's secondary sentences (what a screen holds, why rows are missing, what to do next): muted text that wraps
 * rather than ending in "…", built in one place so every screen's hints look alike.
 */
public final class Hints {
    /** Style class of secondary text: {@code -color-fg-muted}, which keeps WCAG AA contrast in both themes. */
    public static final String MUTED = "muted";

    private Hints() {
    }

    /** A muted sentence that wraps; in a box short of height it may still lose its last line. */
    public static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(MUTED);
        label.setWrapText(true);
        return label;
    }

    /** {@link #muted(String)} showing a value as it changes. */
    public static Label muted(ObservableValue<String> text) {
        Label label = muted("");
        label.textProperty().bind(text);
        return label;
    }

    /**
     * A muted sentence that wraps and keeps every line: its minimum height is its preferred one, so a box short of
     * height gives way elsewhere instead of cutting the sentence to "…".
     */
    public static Label mutedLines(String text) {
        Label label = muted(text);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** {@link #mutedLines(String)} showing a value as it changes. */
    public static Label mutedLines(ObservableValue<String> text) {
        Label label = mutedLines("");
        label.textProperty().bind(text);
        return label;
    }
}
