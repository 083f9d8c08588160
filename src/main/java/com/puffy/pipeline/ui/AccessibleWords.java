package com.puffy.pipeline.ui;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressIndicator;

/**
 * Words a screen reader reads, kept current and told when they change. JavaFX 21 has no live region and no call to
 * announce a sentence; what it offers is {@link Node#notifyAccessibleAttributeChanged}, which a platform's bridge turns
 * into an event of its own (a UI Automation property change on Windows). JavaFX itself makes that call for a text
 * field's text, but not for a node's accessible text, a label's text or a progress bar's value: a screen reader that
 * had read one of them was never told it changed (decision 0833). Whether it then speaks a change away from the focus
 * is its own choice; the focus stays where the user put it (decision 0827).
 */
final class AccessibleWords {
    private AccessibleWords() {
    }

    /** {@code node}'s accessible text follows {@code words}, and each change is told. */
    static void follow(Node node, ObservableValue<String> words) {
        node.accessibleTextProperty().bind(words);
        node.accessibleTextProperty().addListener((obs, was, now) -> tell(node, AccessibleAttribute.TEXT));
    }

    /** Each change of the label's own text is told. */
    static void tellChanges(Labeled label) {
        label.textProperty().addListener((obs, was, now) -> tell(label, AccessibleAttribute.TEXT));
    }

    /**
     * Each change of the bar's value by a whole percent is told, as a native progress bar tells it, and no more: the
     * engine moves a bar many times a second.
     */
    static void tellProgress(ProgressIndicator bar) {
        bar.progressProperty().addListener((obs, was, now) -> {
            double before = was.doubleValue();
            double after = now.doubleValue();
            if ((before < 0) != (after < 0)) {
                tell(bar, AccessibleAttribute.INDETERMINATE);
            }
            if (after >= 0 && (before < 0 || StageViewModel.wholePercent(before) != StageViewModel.wholePercent(after))) {
                tell(bar, AccessibleAttribute.VALUE);
            }
        });
    }

    /**
     * Tells {@code attribute}'s change once the change is whole: a stage that fails sets its state, its time left and
     * its message one after the other, three texts of which only the last is true.
     */
    private static void tell(Node node, AccessibleAttribute attribute) {
        String pending = AccessibleWords.class.getName() + "." + attribute;
        if (node.getProperties().put(pending, Boolean.TRUE) == null) {
            Platform.runLater(() -> {
                node.getProperties().remove(pending);
                node.notifyAccessibleAttributeChanged(attribute);
            });
        }
    }
}
