package com.puffy.pipeline.ui;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;

/**
 * The app's dialog buttons in its own words. JavaFX's ButtonType.OK and CLOSE, and an Alert's default buttons, take
 * theirs from the machine's language: "Schließen" under an English dialog on a German machine, "确定" on a Chinese
 * one (decision 0819); likewise the details link of an alert (decision 0829).
 */
public final class DialogButtons {
    public static final ButtonType OK = new ButtonType("OK", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType CLOSE = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);

    private DialogButtons() {
    }

    /** An alert of {@code type} with one button, OK, and its details (if it gets any) behind "Show Details". */
    public static Alert alert(Alert.AlertType type) {
        Alert alert = new Alert(type, "", OK);
        DialogPane made = alert.getDialogPane();
        DialogPane pane = new DetailsInOurWords();
        // The alert's look (its "alert error" classes give the icon) and its one button, on the pane that replaces it.
        pane.getStyleClass().setAll(made.getStyleClass());
        pane.getStylesheets().setAll(made.getStylesheets());
        pane.getButtonTypes().setAll(made.getButtonTypes());
        alert.setDialogPane(pane);
        return alert;
    }

    /**
     * A dialog pane whose details link says "Show Details" and "Hide Details" on any machine (decision 0829). JavaFX's
     * pane takes both from its controls_*.properties in the machine's language when it makes the link ("Details
     * anzeigen" on a German machine, under an English sentence); {@code createDetailsButton} is where a pane makes
     * another. The link keeps JavaFX's style classes, so themes and the keyboard find it as before.
     */
    private static final class DetailsInOurWords extends DialogPane {
        @Override
        protected Node createDetailsButton() {
            Hyperlink link = new Hyperlink();
            InvalidationListener follow = observable -> {
                link.setText(isExpanded() ? "Hide Details" : "Show Details");
                link.getStyleClass().setAll("details-button", isExpanded() ? "less" : "more");
            };
            follow.invalidated(null);
            expandedProperty().addListener(follow);
            link.setOnAction(event -> setExpanded(!isExpanded()));
            return link;
        }
    }
}
