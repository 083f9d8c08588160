package com.puffy.pipeline.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** One sentence saying what happened and what to do; the technical details sit behind "Show Details". */
public final class ErrorDialog {
    private ErrorDialog() {
    }

    public static Alert create(Window owner, UiError error) {
        Alert alert = DialogButtons.alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Event Pipeline Studio");
        alert.setHeaderText(null);
        alert.setContentText(error.message());
        alert.getDialogPane().setMinWidth(520);
        if (error.details() != null && !error.details().isBlank()) {
            TextArea details = new TextArea(error.details());
            details.setEditable(false);
            details.setWrapText(false);
            details.setPrefRowCount(14);
            details.setId("error-details");
            alert.getDialogPane().setExpandableContent(details);
        }
        return alert;
    }

    public static void info(Window owner, String title, String text) {
        Alert alert = DialogButtons.alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.setContentText(text);
        alert.show();
    }
}
