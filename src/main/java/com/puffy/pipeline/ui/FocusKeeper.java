package com.puffy.pipeline.ui;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Gives the focus back after a run. The controls a run disables (Open folder…, Run all, a card's Run) push the focus
 * to the next control as they are disabled, and the run's end disables Cancel, pushing it once more: F5 pressed on
 * "Open folder…" left the focus on "Recent". When the run ends and the user has not moved the focus themselves, it
 * returns to the control that had it when the run began, or, if that one cannot take it (a Run button of a stage that
 * is no longer available), stays where the run put it.
 */
final class FocusKeeper {
    private final Scene scene;
    private Node before;
    /** Whether the user moved the focus during the run: a move away from a control still enabled and in view. */
    private boolean movedByUser;

    private FocusKeeper(Scene scene) {
        this.scene = scene;
    }

    static void install(Scene scene, ObservableBooleanValue running) {
        FocusKeeper keeper = new FocusKeeper(scene);
        running.addListener((obs, was, now) -> {
            if (now) {
                keeper.runStarted();
            } else {
                // After the bindings that re-enable the controls (and disable Cancel) have done their work.
                Platform.runLater(keeper::runEnded);
            }
        });
        scene.focusOwnerProperty().addListener((obs, old, now) -> keeper.focusMoved(old));
    }

    private void runStarted() {
        before = scene.getFocusOwner();
        movedByUser = false;
    }

    private void focusMoved(Node old) {
        if (before != null && old != null && canHoldFocus(old)) {
            movedByUser = true;
        }
    }

    private void runEnded() {
        Node back = before;
        before = null;
        if (back != null && !movedByUser && back != scene.getFocusOwner() && canHoldFocus(back)) {
            back.requestFocus();
        }
    }

    /** In this window, shown, enabled and focusable: a control the focus can be on, and that nothing pushed it off. */
    static boolean canHoldFocus(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.isFocusTraversable()
                && !node.isDisabled() && visibleUpToTheRoot(node);
    }

    private static boolean visibleUpToTheRoot(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
