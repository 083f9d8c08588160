package com.puffy.pipeline.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** A yes-or-no question whose buttons say what they do ("Keep editing", not "Cancel"); Esc and closing answer no. */
final class Confirm {
    private Confirm() {
    }

    static boolean ask(Window owner, String title, String question, String yes, String no) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question, yesButton, noButton);
        ask.initOwner(owner);
        ask.setTitle(title);
        ask.setHeaderText(null);
        return ask.showAndWait().orElse(noButton) == yesButton;
    }
}
