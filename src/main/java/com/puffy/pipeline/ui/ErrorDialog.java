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
            details.setAccessibleText("Technical details");
            alert.getDialogPane().setExpandableContent(details);
            // JavaFX's "Show Details" link takes no focus: from the keyboard the details could not be opened, and a
            // screen reader never reached them. The pane makes the link when it lays out its buttons.
            Runnable reachable = () -> {
                javafx.scene.Node link = alert.getDialogPane().lookup(".details-button");
                if (link != null) {
                    link.setFocusTraversable(true);
                }
            };
            alert.getDialogPane().expandedProperty().addListener((obs, was, is) -> reachable.run());
            alert.setOnShown(e -> reachable.run());
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
