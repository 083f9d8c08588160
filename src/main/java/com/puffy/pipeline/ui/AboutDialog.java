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

    private static void fitToLines(Alert alert, TextArea about) {
        javafx.scene.Node lines = about.lookup(".text");
        javafx.scene.Node viewport = about.lookup(".scroll-pane");
        if (lines == null || !(viewport instanceof javafx.scene.control.ScrollPane scroll)) {
            return;
        }
        Window shown = alert.getDialogPane().getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(shown.getX(), shown.getY(), 1, 1)
                .stream().findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        double missing = lines.getBoundsInParent().getMaxX() + lines.getBoundsInParent().getMinX()
                - scroll.getViewportBounds().getWidth();
        if (missing <= 0) {
            return;
        }
        double width = Math.min(shown.getWidth() + missing, screen.getWidth() - 40);
        // The window widens about its centre and stays on the screen.
        double x = shown.getX() - (width - shown.getWidth()) / 2;
        shown.setWidth(width);
        shown.setX(Math.max(screen.getMinX() + 20, Math.min(x, screen.getMaxX() - 20 - width)));
    }

    static Alert create(Window owner, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("About Event Pipeline Studio");
        alert.setHeaderText(null);
        TextArea about = new TextArea(text);
        about.setId("about-text");
        about.setEditable(false);
        about.setWrapText(false);
        about.setPrefColumnCount(60);
        about.setPrefRowCount((int) text.lines().count() + 1);
        about.setAccessibleText("About Event Pipeline Studio");
        alert.getDialogPane().setContent(about);
        alert.setResizable(true);
        // A column count is a guess at the font; the drawn lines are measured once styled, in the shown dialog.
        alert.setOnShown(e -> fitToLines(alert, about));
        return alert;
    }
}
