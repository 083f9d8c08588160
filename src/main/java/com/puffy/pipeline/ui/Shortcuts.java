package com.puffy.pipeline.ui;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the window, in one list: the menus and the scene take their accelerators from here and
 * Help › Keyboard shortcuts shows this list, so the two cannot drift apart ({@code ShortcutsFxTest} compares the list
 * with what the window binds). Decision 0620.
 */
public final class Shortcuts {
    /**
     * Keys and what they do. {@code keys} lists what the window binds for this line (Ctrl+1…4 is one line of four);
     * it is empty for a key a control handles itself (Enter on a row).
     */
    public record Shortcut(List<KeyCombination> keys, String keyText, String what) {
        static Shortcut bound(KeyCombination keys, String what) {
            return new Shortcut(List.of(keys), keys.getDisplayText(), what);
        }

        /** One line for a run of keys: "Ctrl+1…4". */
        static Shortcut bound(List<KeyCombination> keys, String what) {
            String first = keys.get(0).getDisplayText();
            String last = keys.get(keys.size() - 1).getDisplayText();
            return new Shortcut(keys, first + "…" + last.substring(last.length() - 1), what);
        }

        static Shortcut inControl(String keyText, String what) {
            return new Shortcut(List.of(), keyText, what);
        }

        /** One line of the help: "Ctrl+O  Open a folder". */
        public String line() {
            return keyText + "\t" + what;
        }
    }

    public static final KeyCombination OPEN = shortcut(KeyCode.O);
    public static final KeyCombination EXPORT = shortcut(KeyCode.E);
    public static final KeyCombination SEARCH = shortcut(KeyCode.F);
    public static final KeyCombination QUIT = shortcut(KeyCode.Q);
    public static final KeyCombination RECENT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination EXPORT_REPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination THEME = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination RUN_ALL = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination RERUN_ALL = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);
    public static final KeyCombination NEXT_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
    public static final KeyCombination PREVIOUS_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    /** The settings editor, as desktop apps open their preferences. */
    public static final KeyCombination SETTINGS = shortcut(KeyCode.COMMA);
    /** Inside the settings editor (its own window): save, save as, check. */
    public static final KeyCombination SETTINGS_SAVE = shortcut(KeyCode.S);
    public static final KeyCombination SETTINGS_SAVE_AS = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination SETTINGS_CHECK = new KeyCodeCombination(KeyCode.F7);
    /** JavaFX's menu bar takes F10 to move the focus to its first menu. */
    public static final KeyCombination MENU_BAR = new KeyCodeCombination(KeyCode.F10);

    private Shortcuts() {
    }

    /** Ctrl+1…4 shows a stage's screen. */
    public static KeyCombination showStage(int index) {
        return shortcut(digit(index));
    }

    /** Ctrl+Shift+1…4 runs a stage. */
    public static KeyCombination runStage(int index) {
        return new KeyCodeCombination(digit(index), KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private static KeyCode digit(int index) {
        return KeyCode.getKeyCode(String.valueOf(index + 1));
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** The window's shortcuts in the order the help lists them. */
    public static List<Shortcut> all() {
        return List.of(
                Shortcut.bound(MENU_BAR, "Go to the menu bar; the arrows move, Enter chooses"),
                Shortcut.inControl("Alt+F, R, V, H", "Open the File, Run, View or Help menu"),
                Shortcut.bound(OPEN, "Open a folder of daily event files"),
                Shortcut.bound(RECENT, "Choose a recent folder (the arrows move, Enter opens)"),
                Shortcut.inControl("Alt+A", "Set the As-of date (type YYYY-MM-DD, or Alt+Down for the calendar)"),
                Shortcut.bound(RUN_ALL, "Run every stage that is not fresh"),
                Shortcut.bound(RERUN_ALL, "Run every stage again, even fresh ones"),
                Shortcut.bound(List.of(runStage(0), runStage(1), runStage(2), runStage(3)),
                        "Run Quality, Transform, Analysis or Monitoring"),
                Shortcut.bound(CANCEL, "Cancel the run (first closes an open list or empties a search)"),
                Shortcut.bound(List.of(showStage(0), showStage(1), showStage(2), showStage(3)),
                        "Show Quality, Transform, Analysis or Monitoring"),
                Shortcut.bound(NEXT_TAB, "Next tab of the screen in view (Files, Findings, …)"),
                Shortcut.bound(PREVIOUS_TAB, "Previous tab of the screen in view"),
                Shortcut.bound(SEARCH, "Search the table in view"),
                Shortcut.inControl("Tab, Shift+Tab", "Move to the next or previous control (search, filters, table)"),
                Shortcut.inControl("Space, Alt+Down", "Open a value filter's list; Space ticks a value"),
                Shortcut.inControl("Enter", "Show all the fields of the selected row"),
                Shortcut.inControl("Ctrl+J", "Open the journey of the selected row's client (Transform tables)"),
                Shortcut.inControl("Ctrl+C", "Copy the selected row as tab-separated text, or the selected alert"),
                Shortcut.inControl("Shift+F10, Menu key",
                        "The table's menu: the row's actions and fields, copy, sort, show or hide columns"),
                Shortcut.bound(EXPORT, "Export the table or chart in view as CSV"),
                Shortcut.bound(EXPORT_REPORT, "Export the report as HTML"),
                Shortcut.bound(THEME, "Switch between the light and dark theme"),
                Shortcut.bound(SETTINGS, "Edit the settings: rules, thresholds, event list, bot pattern"),
                Shortcut.inControl(SETTINGS_CHECK.getDisplayText() + ", " + SETTINGS_SAVE.getDisplayText() + ", "
                        + SETTINGS_SAVE_AS.getDisplayText(), "In the settings: check, save, save as"),
                Shortcut.bound(HELP, "Show this list"),
                Shortcut.bound(QUIT, "Quit (asks first during a run)"));
    }

    /** The help dialog's text: one shortcut a line. */
    public static String helpText() {
        StringBuilder text = new StringBuilder();
        for (Shortcut shortcut : all()) {
            text.append(shortcut.line()).append('\n');
        }
        return text.append("\nThe menus show each command's shortcut beside it.")
                .toString();
    }
}
