package com.puffy.pipeline.ui;

import com.puffy.pipeline.config.ConfigException;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings editor: the configuration in effect as YAML text with its comments (the chosen file's, or the built-in
 * defaults'), checked by {@link ConfigLoader} on demand and before every save, saved atomically, and put in effect for
 * the open folder through {@link MainViewModel#setConfigFile}. Decision 0630.
 */
public final class SettingsViewModel {
    /** How the text being edited is named in messages: it is not the file until it is saved. */
    static final String SOURCE = "edited configuration";

    private final MainViewModel main;
    private final StringProperty text = new SimpleStringProperty("");
    /** The file the text came from and Save writes; null: the built-in defaults (Save as… chooses a file). */
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    /** The 1-based line the last problem is on, 0 when it has none. */
    private final IntegerProperty errorLine = new SimpleIntegerProperty();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> differences = FXCollections.observableArrayList();
    /** The key of each line of {@link #differences}, to find it in the text. */
    private final List<String> differenceKeys = new java.util.ArrayList<>();
    private String savedText = "";

    public SettingsViewModel(MainViewModel main) {
        this.main = main;
        text.addListener((obs, old, now) -> dirty.set(!now.equals(savedText)));
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public IntegerProperty errorLineProperty() {
        return errorLine;
    }

    /** Whether the text differs from what was last opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** "transform.session_gap_minutes: 45 (built-in: 30)", one line per key that differs, after the last check. */
    public ObservableList<String> differences() {
        return differences;
    }

    /** The words of the source line above the text: which file, or the built-in defaults. */
    public String sourceText() {
        return file.get() == null ? "The built-in defaults" : file.get().toString();
    }

    /**
     * Shows the rules in effect for the open folder: the chosen file's text, or the built-in defaults' text. A chosen
     * file that cannot be read shows the defaults' text with the reason; Save then writes them to that file.
     */
    public void open() {
        Path chosen = main.configFileProperty().get();
        file.set(chosen);
        if (chosen == null) {
            load(ConfigLoader.defaultsText());
            if (check()) {
                say("These are the built-in defaults. Change what you need, then Save as… to keep them in a file of "
                        + "your own; it is then used for this folder.", false, 0);
            }
            return;
        }
        try {
            load(ConfigLoader.read(chosen));
            check();
        } catch (ConfigException e) {
            load(ConfigLoader.defaultsText());
            differences.clear();
            differenceKeys.clear();
            // The header's advice ("Change… beside Rules") points here; in the editor the buttons are named instead.
            String why = Files.exists(chosen) ? UiError.inTheAppsWords(e.getMessage())
                    : "Configuration file " + chosen + " no longer exists.";
            say(why + " Shown here: the built-in defaults. Save writes them to " + chosen.getFileName()
                    + ", Open file… uses another file, Use built-in defaults goes back to them.", true, 0);
        }
    }

    private void load(String content) {
        savedText = content;
        text.set(content);
        dirty.set(false);
    }

    /**
     * Checks the text as a run would read it. True when it loads; the message then says how many keys differ from the
     * built-in defaults, else it is the loader's sentence naming the line and key, and {@link #errorLineProperty()}
     * the line.
     */
    public boolean check() {
        try {
            PipelineConfig config = ConfigLoader.fromText(text.get(), SOURCE);
            List<ConfigLoader.Difference> diffs = ConfigLoader.differences(config);
            differenceKeys.clear();
            differenceKeys.addAll(diffs.stream().map(ConfigLoader.Difference::key).toList());
            differences.setAll(diffs.stream().map(d -> d.key() + ": " + d.value() + " (built-in: " + d.builtIn() + ")")
                    .toList());
            int n = diffs.size();
            say("The settings are valid: " + (n == 0 ? "nothing differs from the built-in defaults."
                    : n == 1 ? "1 key differs from the built-in defaults." : n + " keys differ from the built-in "
                    + "defaults."), false, 0);
            return true;
        } catch (ConfigException e) {
            differences.clear();
            differenceKeys.clear();
            say(UiError.inTheAppsWords(e.getMessage()), true, e.line());
            return false;
        }
    }

    /** Saves to the file the text came from; without one (the built-in defaults) asks for Save as…. */
    public boolean save() {
        if (file.get() == null) {
            say("These are the built-in defaults, which cannot be changed in place: choose a file with Save as….",
                    true, 0);
            return false;
        }
        return saveAs(file.get());
    }

    /**
     * Checks the text, writes it to {@code target} (atomically: a reader never sees half a file, a failed write leaves
     * the old file) and puts its rules in effect for the open folder, so the stages whose rules changed turn stale.
     */
    public boolean saveAs(Path target) {
        if (target == null) {
            return false;
        }
        if (main.runningProperty().get()) {
            say("A run is in progress: save when it ends (or cancel it with Esc), so the run keeps the rules it "
                    + "started with.", true, 0);
            return false;
        }
        if (!check()) {
            say("Not saved: " + message.get(), true, errorLine.get());
            return false;
        }
        Path absolute = target.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(absolute)) {
                throw new IOException("it is a folder");
            }
            AtomicFiles.writeString(absolute, text.get());
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            say("Could not save " + absolute + " (" + reason + "): choose a folder you can write to with Save as….",
                    true, 0);
            return false;
        }
        file.set(absolute);
        savedText = text.get();
        dirty.set(false);
        main.setConfigFile(absolute);
        String checked = message.get();
        say("Saved " + absolute.getFileName() + "; its rules are now in effect for this folder, and stages whose rules "
                + "changed are out of date (Run all, F5). " + checked.replace("The settings are valid: ", "Valid: "),
                false, 0);
        return true;
    }

    /** Puts the built-in defaults in effect for the open folder again and shows their text. */
    public void useDefaults() {
        if (main.runningProperty().get()) {
            say("A run is in progress: change the rules when it ends (or cancel it with Esc).", true, 0);
            return;
        }
        main.useDefaultConfig();
        file.set(null);
        load(ConfigLoader.defaultsText());
        check();
        say("The built-in defaults are in effect for this folder again; stages whose rules changed are out of date "
                + "(Run all, F5).", false, 0);
    }

    /**
     * Opens another configuration file. One that loads is put in effect at once; one that does not is shown with its
     * problem, to fix and Save, while the rules in effect stay as they were.
     */
    public boolean openFile(Path chosen) {
        if (chosen == null) {
            return false;
        }
        if (main.runningProperty().get()) {
            say("A run is in progress: change the rules when it ends (or cancel it with Esc).", true, 0);
            return false;
        }
        Path absolute = chosen.toAbsolutePath().normalize();
        String content;
        try {
            content = ConfigLoader.read(absolute);
        } catch (ConfigException e) {
            say(UiError.inTheAppsWords(e.getMessage()), true, 0);
            return false;
        }
        file.set(absolute);
        load(content);
        if (!check()) {
            say(message.get() + " The rules in effect are unchanged until it is fixed and saved.", true, errorLine.get());
            return false;
        }
        main.setConfigFile(absolute);
        say("Rules now from " + absolute.getFileName() + " for this folder; stages whose rules changed are out of date "
                + "(Run all, F5). " + message.get().replace("The settings are valid: ", "Valid: "), false, 0);
        return true;
    }

    /**
     * The 1-based line of the text where the key of difference {@code index} is written (or its nearest written
     * parent), 0 when the text does not write it.
     */
    public int lineOfDifference(int index) {
        if (index < 0 || index >= differenceKeys.size()) {
            return 0;
        }
        return ConfigLoader.lineOf(text.get(), differenceKeys.get(index));
    }

    private void say(String words, boolean error, int line) {
        message.set(words);
        messageIsError.set(error);
        errorLine.set(line);
    }

    /** The offset in {@code content} where 1-based {@code line} starts (for putting the cursor on a problem). */
    public static int offsetOfLine(String content, int line) {
        int offset = 0;
        for (int i = 1; i < line && offset >= 0; i++) {
            offset = content.indexOf('\n', offset);
            offset = offset < 0 ? -1 : offset + 1;
        }
        return Math.max(0, Math.min(offset < 0 ? content.length() : offset, content.length()));
    }

    /** "Line 12, column 5" for a cursor at {@code caret} in {@code content}. */
    public static String position(String content, int caret) {
        int end = Math.max(0, Math.min(caret, content.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (content.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "Line " + line + ", column " + (end - lineStart + 1);
    }
}
