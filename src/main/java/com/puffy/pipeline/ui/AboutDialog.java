package com.puffy.pipeline.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Help › About as selectable text, a path a line: the About box said "delete them to remove everything" of folders
 * whose paths could not be copied, and at 1024×768 wrapped each one mid-path ("…/logs (File" / "→ Show log folder)").
 */
final class AboutDialog {
    private AboutDialog() {
    }

    /**
     * Sizes the text to its lines in the font the theme gives it, within {@code screen}: a column and row count are
     * guesses at the font, and resizing the shown window did not take under every window manager.
     */
    private static void fitToLines(Alert alert, TextArea about, String text, javafx.geometry.Rectangle2D screen) {
        alert.getDialogPane().applyCss();
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(about.getFont());
        double widest = 0;
        for (String line : text.split("\n", -1)) {
            measure.setText(line);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        measure.setText("X");
        double lineHeight = measure.getLayoutBounds().getHeight();
        long lines = text.lines().count();
        // Padding, border and a scroll bar's room, so the longest line does not touch the edge.
        about.setPrefWidth(Math.min(widest + 48, screen.getWidth() - 160));
        // The pane keeps an alert's 600 px whatever its content wants, as the shortcuts list found; a minimum widens it.
        // The icon takes about 100 px more.
        alert.getDialogPane().setMinWidth(about.getPrefWidth() + 110);
        about.setPrefHeight(Math.min(lines * lineHeight + 40, screen.getHeight() - 200));
    }

    static Alert create(Window owner, String text) {
        Alert alert = DialogButtons.alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("About Event Pipeline Studio");
        alert.setHeaderText(null);
        TextArea about = new TextArea(text);
        about.setId("about-text");
        about.setEditable(false);
        about.setWrapText(false);
        about.setAccessibleText("About Event Pipeline Studio");
        alert.getDialogPane().setContent(about);
        alert.setResizable(true);
        javafx.geometry.Rectangle2D screen = (owner == null ? javafx.stage.Screen.getPrimary()
                : javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), 1, 1).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary())).getVisualBounds();
        fitToLines(alert, about, text, screen);
        return alert;
    }
}
