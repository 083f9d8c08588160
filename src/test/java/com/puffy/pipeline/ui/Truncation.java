package com.puffy.pipeline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Finds the labels a user sees cut short ("Open folde…", "$88…"): their drawn text differs from their text. */
final class Truncation {
    private Truncation() {
    }

    /**
     * The texts of visible labels drawn shorter than they are, outside table and list cells (a cell's column width is
     * the user's to change) and outside the nodes whose id is in {@code allowed} (paths may shorten).
     */
    static List<String> truncatedLabels(Parent root, Set<String> allowed) {
        List<String> found = new ArrayList<>();
        walk(root, allowed, found);
        return found;
    }

    private static void walk(Node node, Set<String> allowed, List<String> found) {
        if (!node.isVisible() || node instanceof IndexedCell<?> || node.getId() != null && allowed.contains(node.getId())) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            Node drawn = labeled.lookup(".text");
            // A mnemonic's underscore ("_As of") is drawn as an underline, not as a character.
            String shown = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_(?=[^_])", "")
                    : labeled.getText();
            if (drawn instanceof Text text && drawn.getParent() == labeled
                    && !text.getText().replace("\n", " ").strip().equals(shown.replace("\n", " ").strip())) {
                found.add(labeled.getText() + " → " + text.getText());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, allowed, found);
            }
        }
    }

    /** The ids of visible scroll panes meant to fit their width whose content is wider: the page scrolls sideways. */
    static List<String> widerThanTheirPane(Parent root) {
        List<String> found = new ArrayList<>();
        collectWide(root, found);
        return found;
    }

    private static void collectWide(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.isFitToWidth() && scroll.getContent() != null
                && scroll.getContent().getLayoutBounds().getWidth() > scroll.getViewportBounds().getWidth() + 1) {
            found.add(scroll.getId() + ": " + Math.round(scroll.getContent().getLayoutBounds().getWidth()) + " px in "
                    + Math.round(scroll.getViewportBounds().getWidth()) + " px");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectWide(child, found);
            }
        }
    }
}
