package com.puffy.pipeline.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * The app's dialog buttons in its own words. JavaFX's ButtonType.OK and CLOSE, and an Alert's default buttons, take
 * theirs from the machine's language: "Schließen" under an English dialog on a German machine, "确定" on a Chinese
 * one (decision 0819).
 */
public final class DialogButtons {
    public static final ButtonType OK = new ButtonType("OK", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType CLOSE = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);

    private DialogButtons() {
    }

    /** An alert of {@code type} with one button, OK. */
    public static Alert alert(Alert.AlertType type) {
        return new Alert(type, "", OK);
    }
}
