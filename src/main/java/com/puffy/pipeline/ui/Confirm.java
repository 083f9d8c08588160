package com.puffy.pipeline.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** A question whose buttons say what they do ("Keep editing", not "Cancel"); Esc and closing give the last answer. */
final class Confirm {
    private Confirm() {
    }

    static boolean ask(Window owner, String title, String question, String yes, String no) {
        return choose(owner, title, question, 0, yes, no) == 0;
    }

    /** As {@link #ask}, for a question whose "yes" cannot be undone: Enter gives {@code no}. */
    static boolean askEnterSaysNo(Window owner, String title, String question, String yes, String no) {
        return choose(owner, title, question, 1, yes, no) == 0;
    }

    /**
     * Asks {@code question} with one button per answer, answer {@code enter} the one Enter gives and the last the one
     * Esc and closing the window mean; returns the index of the answer given.
     */
    static int choose(Window owner, String title, String question, int enter, String... answers) {
        Alert ask = build(owner, title, question, enter, answers);
        List<ButtonType> buttons = ask.getButtonTypes();
        ButtonType given = ask.showAndWait().orElse(buttons.get(buttons.size() - 1));
        return buttons.indexOf(given);
    }

    static Alert build(Window owner, String title, String question, int enter, String... answers) {
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            ButtonBar.ButtonData role = i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : i == answers.length - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER;
            buttons.add(new ButtonType(answers[i], role));
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question, buttons.toArray(ButtonType[]::new));
        ask.initOwner(owner);
        ask.setTitle(title);
        ask.setHeaderText(null);
        for (int i = 0; i < buttons.size(); i++) {
            if (ask.getDialogPane().lookupButton(buttons.get(i)) instanceof javafx.scene.control.Button button) {
                button.setDefaultButton(i == enter);
            }
        }
        return ask;
    }
}
