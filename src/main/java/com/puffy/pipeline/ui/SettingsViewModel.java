package com.puffy.pipeline.ui;

import com.puffy.pipeline.config.ConfigException;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
 * the open folder through {@link MainViewModel#setConfigFile}. It remembers what it read from the file (a SHA-256 of
 * its bytes) and never writes over a version changed in another program without asking: {@link #checkDisk()} (the
 * window coming back to the front) reloads an unchanged text or offers a choice, and Save asks. Decision 0630.
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
    /**
     * What the empty list of differences says. "Nothing differs from the built-in defaults (or the text has a problem
     * to fix first)" stood beside a broken text as if it might be the defaults.
     */
    private final ReadOnlyStringWrapper noDifferences = new ReadOnlyStringWrapper(NOTHING_DIFFERS);
    private static final String NOTHING_DIFFERS = "Nothing differs from the built-in defaults.";
    private String savedText = "";
    /** The file as last read, written or acknowledged ("Keep mine"); null for the built-in defaults. */
    private OnDisk known;
    /** A version on disk that differs from {@link #known} while the text has changes not saved: the bar's subject. */
    private OnDisk pending;
    private final ReadOnlyStringWrapper diskBar = new ReadOnlyStringWrapper("");
    private Function<SaveConflict, SaveChoice> conflictAsker = conflict -> SaveChoice.CANCEL;
    /** While Save's question is open: its window closing hands the focus back, which must not reload under it. */
    private boolean asking;

    /** What Save does when the file on disk is not the version the text was based on. */
    public enum SaveChoice { OVERWRITE, RELOAD, CANCEL }

    /** Save's question: its words, and whether the version on disk can be loaded instead (not when unreadable). */
    public record SaveConflict(String question, boolean canReload) {
    }

    /** What {@link #checkDisk()} found. */
    public enum DiskCheck { UNCHANGED, RELOADED, CONFLICT, DELETED, UNREADABLE }

    /**
     * The editor's file as found on disk. The content decides whether it changed, not its time: a `git checkout` or an
     * editor's "revert" rewrites the same bytes with a new time, and a one-second clock can miss two quick saves.
     */
    record OnDisk(Kind kind, String sha256, String text, String problem) {
        enum Kind { READ, MISSING, UNREADABLE }

        static OnDisk look(Path file) {
            byte[] bytes;
            try {
                bytes = ConfigLoader.readBytes(file);
            } catch (ConfigException e) {
                return Files.exists(file) ? new OnDisk(Kind.UNREADABLE, null, null, e.getMessage())
                        : new OnDisk(Kind.MISSING, null, null, e.getMessage());
            }
            String sha = sha256(bytes);
            try {
                return new OnDisk(Kind.READ, sha, ConfigLoader.decode(file, bytes), "");
            } catch (ConfigException e) {
                return new OnDisk(Kind.UNREADABLE, sha, null, e.getMessage());
            }
        }

        boolean sameAs(OnDisk other) {
            return other != null && kind == other.kind && Objects.equals(sha256, other.sha256);
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }

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

    /** What the list of differences says when it is empty: nothing differs, or which problem hides them. */
    public ReadOnlyStringProperty noDifferencesProperty() {
        return noDifferences.getReadOnlyProperty();
    }

    /**
     * The bar over the text when the file changed on disk while the text has changes not saved ("Reload from disk",
     * "Keep mine"); empty when there is nothing to choose.
     */
    public ReadOnlyStringProperty diskBarProperty() {
        return diskBar.getReadOnlyProperty();
    }

    /** Who answers Save's question when the file changed on disk; without one, Save does not write over it. */
    public void setConflictAsker(Function<SaveConflict, SaveChoice> asker) {
        this.conflictAsker = asker == null ? conflict -> SaveChoice.CANCEL : asker;
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
        forgetDisk(chosen == null ? null : OnDisk.look(chosen));
        if (chosen == null) {
            load(ConfigLoader.defaultsText());
            if (check()) {
                say("These are the built-in defaults. Change what you need, then Save as… to keep them in a file of "
                        + "your own; it is then used for this folder.", false, 0);
            }
            return;
        }
        if (known.kind() == OnDisk.Kind.READ) {
            load(known.text());
            check();
        } else {
            load(ConfigLoader.defaultsText());
            differences.clear();
            differenceKeys.clear();
            // The header's advice ("Change… beside Rules") points here; in the editor the buttons are named instead.
            String why = known.kind() == OnDisk.Kind.UNREADABLE ? UiError.inTheAppsWords(known.problem())
                    : "Configuration file " + chosen + " no longer exists.";
            say(why + " Shown here: the built-in defaults. Save writes them to " + chosen.getFileName()
                    + ", Open file… uses another file, Use built-in defaults goes back to them.", true, 0);
        }
    }

    /** A new file (or none) in the editor: what was known of the last one, and its bar, no longer apply. */
    private void forgetDisk(OnDisk now) {
        known = now;
        pending = null;
        diskBar.set("");
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
            differences.setAll(diffs.stream().map(ConfigLoader.Difference::described).toList());
            noDifferences.set(NOTHING_DIFFERS);
            say("The settings are valid: " + ConfigLoader.howManyDiffer(diffs.size()) + ".", false, 0);
            return true;
        } catch (ConfigException e) {
            differences.clear();
            differenceKeys.clear();
            noDifferences.set("What differs from the built-in defaults shows once the problem below"
                    + (e.line() > 0 ? " (line " + e.line() + ")" : "") + " is fixed.");
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
        boolean recreated = false;
        if (absolute.equals(file.get()) && known != null) {
            OnDisk now = OnDisk.look(absolute);
            recreated = now.kind() == OnDisk.Kind.MISSING;
            if (!now.sameAs(known) && !recreated && !overwriteAllowed(now)) {
                return false;
            }
        }
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
        forgetDisk(OnDisk.look(absolute));
        savedText = text.get();
        dirty.set(false);
        main.setConfigFile(absolute);
        String checked = message.get();
        say("Saved " + absolute.getFileName() + (recreated ? " (it had been deleted on disk: written again)" : "")
                + "; its rules are now in effect for this folder, and stages whose rules "
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
        forgetDisk(null);
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
        OnDisk read = OnDisk.look(absolute);
        if (read.kind() != OnDisk.Kind.READ) {
            say(UiError.inTheAppsWords(read.problem()), true, 0);
            return false;
        }
        file.set(absolute);
        forgetDisk(read);
        load(read.text());
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
     * Looks whether the file changed on disk since it was read, written or kept (the window came back to the front).
     * Text without changes follows the file (reloaded, saying so); text with changes is kept and the bar offers
     * Reload from disk or Keep mine. A deleted file keeps the text for Save to write again; an unreadable one keeps
     * it too, and Save asks before writing over it. Then the header and the stages' freshness are read again from
     * disk, as when the main window comes back.
     */
    public DiskCheck checkDisk() {
        if (asking) {
            return DiskCheck.UNCHANGED;
        }
        DiskCheck found = compareWithDisk();
        main.recheckStatuses();
        return found;
    }

    private DiskCheck compareWithDisk() {
        Path path = file.get();
        if (path == null || known == null) {
            return DiskCheck.UNCHANGED;
        }
        OnDisk now = OnDisk.look(path);
        String name = String.valueOf(path.getFileName());
        if (now.sameAs(known)) {
            if (pending != null) {
                // Changed and changed back (an undo, a git checkout): nothing left to choose.
                pending = null;
                diskBar.set("");
            }
            return DiskCheck.UNCHANGED;
        }
        if (pending != null && now.sameAs(pending)) {
            return DiskCheck.CONFLICT;
        }
        switch (now.kind()) {
            case MISSING -> {
                forgetDisk(now);
                say(name + " was deleted on disk. The text here is kept: Save writes it again; closing leaves "
                        + "the file deleted.", true, 0);
                return DiskCheck.DELETED;
            }
            case UNREADABLE -> {
                // Not remembered as known: Save compares with the last version read, so it asks first.
                pending = null;
                diskBar.set("");
                say(UiError.inTheAppsWords(now.problem()) + " The text here is what was last read; Save asks before "
                        + "writing over the file.", true, 0);
                return DiskCheck.UNREADABLE;
            }
            default -> {
                if (dirty.get()) {
                    showConflict(now);
                    // The line under the text speaks of the text, not of an earlier reload.
                    check();
                    return DiskCheck.CONFLICT;
                }
                loadFromDisk(now);
                prefixMessage(name + " changed on disk; reloaded. ");
                return DiskCheck.RELOADED;
            }
        }
    }

    /** The bar's "Reload from disk" (and Save's): the version on disk replaces the text, changes here are dropped. */
    public boolean reloadFromDisk() {
        Path path = file.get();
        if (path == null) {
            return false;
        }
        OnDisk now = OnDisk.look(path);
        String name = String.valueOf(path.getFileName());
        if (now.kind() != OnDisk.Kind.READ) {
            say(now.kind() == OnDisk.Kind.MISSING ? name + " no longer exists on disk: nothing to reload; Save "
                    + "writes the text here to it." : UiError.inTheAppsWords(now.problem()), true, 0);
            return false;
        }
        loadFromDisk(now);
        prefixMessage("Reloaded " + name + " from disk; the changes made here were discarded. ");
        main.recheckStatuses();
        return true;
    }

    /** The bar's "Keep mine": the other version is acknowledged, and Save writes over it without asking again. */
    public void keepMine() {
        if (pending == null) {
            return;
        }
        known = pending;
        savedText = pending.text();
        pending = null;
        diskBar.set("");
        dirty.set(!text.get().equals(savedText));
        say("Kept the text here; Save writes it over the version on disk.", false, 0);
    }

    private void showConflict(OnDisk now) {
        pending = now;
        diskBar.set(file.get().getFileName() + " was changed on disk by another program, and the text here has "
                + "changes not saved. Reload from disk discards them; Keep mine keeps editing, and Save then writes "
                + "over the other version.");
    }

    private void loadFromDisk(OnDisk now) {
        forgetDisk(now);
        load(now.text());
        check();
    }

    private void prefixMessage(String prefix) {
        String verdict = message.get().replace("The settings are valid: ", "Valid: ");
        say(prefix + verdict, messageIsError.get(), errorLine.get());
    }

    /** Save found the file on disk is not what the text was based on: the user chooses; nothing is written unasked. */
    private boolean overwriteAllowed(OnDisk now) {
        String name = String.valueOf(file.get().getFileName());
        boolean readable = now.kind() == OnDisk.Kind.READ;
        String question = readable
                ? name + " was changed on disk since it was opened here (in another program, or by git). Overwrite "
                + "it with the text here, reload the version on disk (dropping the changes here), or cancel?"
                : UiError.inTheAppsWords(now.problem()) + " Whether it changed since it was opened here is unknown. "
                + "Overwrite it with the text here, or cancel?";
        SaveChoice choice;
        asking = true;
        try {
            choice = conflictAsker.apply(new SaveConflict(question, readable));
        } finally {
            asking = false;
        }
        if (choice == SaveChoice.OVERWRITE) {
            return true;
        }
        if (choice == SaveChoice.RELOAD && readable) {
            reloadFromDisk();
            return false;
        }
        if (readable && dirty.get()) {
            showConflict(now);
        }
        say("Not saved: " + name + (readable ? " changed on disk. Reload from disk, or Keep mine and save again."
                : " cannot be read now; the text here is kept."), true, 0);
        return false;
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
