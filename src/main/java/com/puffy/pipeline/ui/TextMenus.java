package com.puffy.pipeline.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;

/**
 * The right-click menu of the app's text fields and text areas in its own words on any machine (decision 0829).
 * JavaFX's own menu takes Undo, Cut, Copy, Paste, Delete and Select All from its controls_*.properties in the
 * machine's language when a field's skin is made ("Ausschneiden", "Kopieren" on a German machine, under English
 * screens), and has no setting for its words. A field with a menu of its own shows that one instead, so every window
 * gives each field without one this menu, with JavaFX's items, order and enabled states, the moment one is asked for.
 */
public final class TextMenus {
    private static final String WATCHED = TextMenus.class.getName();
    private static boolean everyWindow;

    private TextMenus() {
    }

    /** From now on every window, open or opened later (dialogs too), gives its text fields this menu. */
    public static void inEveryWindow() {
        if (everyWindow) {
            return;
        }
        everyWindow = true;
        Window.getWindows().forEach(TextMenus::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(TextMenus::watch);
            }
        });
    }

    private static void watch(Window window) {
        if (window.getProperties().putIfAbsent(WATCHED, Boolean.TRUE) == null) {
            // A filter runs before the field and its skin handle the request: the field then has a menu of its own.
            window.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, TextMenus::ownMenuFirst);
        }
    }

    private static void ownMenuFirst(ContextMenuEvent event) {
        for (Node node = event.getTarget() instanceof Node target ? target : null; node != null;
             node = node.getParent()) {
            if (node instanceof TextInputControl field) {
                if (field.getContextMenu() == null) {
                    field.setContextMenu(menuOf(field));
                }
                return;
            }
        }
    }

    /** The menu of {@code field}: JavaFX's items in English, filled again each time it shows. */
    static ContextMenu menuOf(TextInputControl field) {
        MenuItem undo = item("Undo", field::undo);
        MenuItem redo = item("Redo", field::redo);
        MenuItem cut = item("Cut", field::cut);
        MenuItem copy = item("Copy", field::copy);
        MenuItem paste = item("Paste", field::paste);
        MenuItem delete = item("Delete", () -> field.deleteText(field.getSelection()));
        MenuItem selectAll = item("Select All", field::selectAll);
        MenuItem separator = new SeparatorMenuItem();
        ContextMenu menu = new ContextMenu();
        Runnable fill = () -> {
            boolean selection = field.getSelection().getLength() > 0;
            boolean masked = field instanceof PasswordField;
            if (field.isEditable()) {
                menu.getItems().setAll(undo, redo, cut, copy, paste, delete, separator, selectAll);
            } else {
                menu.getItems().setAll(copy, separator, selectAll);
            }
            undo.setDisable(!field.isUndoable());
            redo.setDisable(!field.isRedoable());
            cut.setDisable(masked || !selection);
            copy.setDisable(masked || !selection);
            paste.setDisable(!Clipboard.getSystemClipboard().hasString());
            delete.setDisable(!selection);
        };
        // A menu without items is never shown, so it is filled once before the first request.
        fill.run();
        menu.setOnShowing(event -> fill.run());
        return menu;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }
}
