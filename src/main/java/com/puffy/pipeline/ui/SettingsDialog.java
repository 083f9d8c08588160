package com.puffy.pipeline.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The settings editor (Ctrl+,): the configuration in effect as YAML text, with Check, Save, Save as…, Open file… and
 * Use built-in defaults, and the keys that differ from the built-in defaults beside it. It binds to
 * {@link SettingsViewModel}; it only places the cursor on the line a problem names. Decision 0630.
 */
public final class SettingsDialog {
    /** Asks for a file: to open ({@code save} false) or to save to; null when the user gives none. */
    @FunctionalInterface
    public interface FileAsker {
        Path ask(Window owner, boolean save, Path current);
    }

    private final SettingsViewModel vm;
    /** The name offered for settings saved for the first time. */
    static final String NEW_FILE_NAME = "eventpipe-config.yaml";
    private final MainViewModel main;
    private final Stage stage = new Stage();
    private final TextArea editor = new TextArea();
    private final FileAsker files;
    private final BooleanSupplier confirmDiscard;

    SettingsDialog(Window owner, MainViewModel main, Preferences prefs, FileAsker files, BooleanSupplier confirmDiscard) {
        this.main = main;
        this.vm = new SettingsViewModel(main);
        this.files = files;
        this.confirmDiscard = confirmDiscard == null ? this::askToDiscard : confirmDiscard;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Settings: rules and thresholds");
        Scene scene = new Scene(content(), 1000, 720);
        Theme.apply(scene, prefs != null && Theme.isDark(prefs), null);
        installKeys(scene);
        stage.setScene(scene);
        fitTo(owner);
        stage.setOnCloseRequest(e -> {
            if (!mayClose()) {
                e.consume();
            }
        });
        vm.setConflictAsker(this::askOnConflict);
        vm.open();
        editor.positionCaret(0);
        checkWhenFocused(stage.focusedProperty(), vm);
    }

    /**
     * Back from another program (an editor, a terminal running git), the file may have changed there: each time the
     * editor comes back to the front it looks. On focus rather than through a WatchService: see decision 0630.
     */
    static void checkWhenFocused(javafx.beans.value.ObservableBooleanValue focused, SettingsViewModel vm) {
        focused.addListener((obs, was, now) -> {
            if (now) {
                vm.checkDisk();
            }
        });
    }

    public SettingsViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        editor.requestFocus();
    }

    /** The editor takes 1000×720 where there is room, else the owner's screen less a margin (a 1024×768 laptop). */
    private void fitTo(Window owner) {
        Rectangle2D screen = (owner == null ? javafx.stage.Screen.getPrimary()
                : javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), 1, 1).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary())).getVisualBounds();
        stage.setWidth(Math.min(1000, screen.getWidth() - 24));
        stage.setHeight(Math.min(720, screen.getHeight() - 24));
        stage.setMinWidth(Math.min(640, screen.getWidth()));
        stage.setMinHeight(Math.min(420, screen.getHeight()));
    }

    private Region content() {
        Label sourceName = new Label("Rules in effect for this folder");
        sourceName.getStyleClass().add("field-name");
        sourceName.setMinWidth(Region.USE_PREF_SIZE);
        Label source = new Label();
        source.setId("settings-source");
        source.getStyleClass().add("path-line");
        source.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        source.setMinWidth(60);
        source.textProperty().bind(Bindings.createStringBinding(vm::sourceText, vm.fileProperty()));
        HBox.setHgrow(source, Priority.ALWAYS);
        source.setMaxWidth(Double.MAX_VALUE);
        Button open = button("Open file…", "settings-open", "mdi2f-folder-open-outline",
                "Use another configuration file (YAML) for this folder");
        open.setOnAction(e -> openFile());
        Button defaults = button("Use built-in defaults", "settings-defaults", "mdi2b-backup-restore",
                "Use the built-in rules for this folder again");
        defaults.setOnAction(e -> useDefaults());
        HBox top = new HBox(10, sourceName, source, open, defaults);
        top.setAlignment(Pos.CENTER_LEFT);

        Label hint = Hints.mutedLines("YAML with comments. Keys left out keep their built-in values; an unknown key is an error. "
                + "Tab indents by two spaces; Ctrl+Tab leaves the text.");

        editor.setId("settings-text");
        editor.getStyleClass().add("settings-editor");
        editor.setWrapText(false);
        editor.setAccessibleText("Configuration, YAML text");
        editor.setTooltip(null);
        editor.textProperty().bindBidirectional(vm.textProperty());
        Label editorLabel = new Label("_Configuration (YAML)");
        editorLabel.setMnemonicParsing(true);
        editorLabel.setLabelFor(editor);
        editorLabel.getStyleClass().add("field-name");
        VBox editorBox = new VBox(4, editorLabel, editor);
        VBox.setVgrow(editor, Priority.ALWAYS);

        ListView<String> diffs = new ListView<>(vm.differences());
        diffs.setId("settings-differences");
        diffs.getStyleClass().add("settings-differences");
        diffs.setAccessibleText("Keys that differ from the built-in defaults");
        Label none = Hints.muted(vm.noDifferencesProperty());
        none.setPadding(new Insets(8));
        diffs.setPlaceholder(none);
        // The key on a line of its own above what changed: one wrapped text of four lines or more
        // ("transform.channel_rules.click_id_rules[3].parameters: adds sccid (built-in: [...])") was drawn in two
        // with "…", as a list cell's height came from a single label's guess at its wrapping.
        // A long key is broken after its dots (NameBreaks), as JavaFX breaks a word wider than the column anywhere.
        diffs.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            private final Label key = new Label();
            private final Label change = new Label();
            private final VBox lines = new VBox(1, key, change);
            private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
            private String keyWritten = "";
            private String changeWritten = "";

            {
                lines.setPadding(new Insets(0, 0, 3, 0));
                list.widthProperty().addListener((o, was, is) -> breakLines());
                key.fontProperty().addListener((o, was, is) -> breakLines());
            }

            private void breakLines() {
                javafx.scene.text.Font font = key.getFont();
                javafx.scene.text.Font bold = javafx.scene.text.Font.font(font.getFamily(),
                        javafx.scene.text.FontWeight.BOLD, font.getSize());
                // A few pixels to spare: the label's own wrapping must never be the one that breaks the line.
                double room = list.getWidth() - 30 - 4;
                key.setText(NameBreaks.lines(keyWritten, room, text -> widthOf(text, bold)));
                change.setText(NameBreaks.lines(changeWritten, room, text -> widthOf(text, change.getFont())));
            }

            private double widthOf(String text, javafx.scene.text.Font font) {
                measure.setFont(font);
                measure.setText(text);
                return measure.getLayoutBounds().getWidth();
            }

            {
                for (Label label : List.of(key, change)) {
                    label.setWrapText(true);
                    label.setMinHeight(Region.USE_PREF_SIZE);
                    label.maxWidthProperty().bind(list.widthProperty().subtract(30));
                    label.textFillProperty().bind(textFillProperty());
                }
                key.setStyle("-fx-font-weight: bold;");
                prefWidthProperty().bind(list.widthProperty().subtract(20));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                int colon = item.indexOf(": ");
                keyWritten = colon < 0 ? item : item.substring(0, colon);
                changeWritten = colon < 0 ? "" : item.substring(colon + 2);
                breakLines();
                change.setManaged(colon >= 0);
                change.setVisible(colon >= 0);
                setGraphic(lines);
                setAccessibleText(item);
            }
        });
        // Enter or a double-click on a difference puts the cursor on its line in the text.
        diffs.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && diffs.getSelectionModel().getSelectedIndex() >= 0) {
                showLine(vm.lineOfDifference(diffs.getSelectionModel().getSelectedIndex()));
                e.consume();
            }
        });
        diffs.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && diffs.getSelectionModel().getSelectedIndex() >= 0) {
                showLine(vm.lineOfDifference(diffs.getSelectionModel().getSelectedIndex()));
            }
        });
        diffs.setTooltip(new Tooltip("Enter or a double-click shows the key in the text"));
        Label diffsLabel = new Label("_Differs from the built-in defaults");
        diffsLabel.setMnemonicParsing(true);
        diffsLabel.setLabelFor(diffs);
        diffsLabel.getStyleClass().add("field-name");
        diffsLabel.setWrapText(true);
        VBox diffsBox = new VBox(4, diffsLabel, diffs);
        VBox.setVgrow(diffs, Priority.ALWAYS);
        diffsBox.setMinWidth(180);

        Region diskBar = diskBar();

        SplitPane split = new SplitPane(editorBox, diffsBox);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(diffsBox, false);
        VBox.setVgrow(split, Priority.ALWAYS);

        FontIcon errorIcon = new FontIcon("mdi2a-alert-circle");
        FontIcon okIcon = new FontIcon("mdi2c-check-circle-outline");
        errorIcon.getStyleClass().add("settings-message-icon");
        okIcon.getStyleClass().add("settings-message-icon");
        Label message = new Label();
        message.setId("settings-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.graphicProperty().bind(Bindings.when(vm.messageIsErrorProperty())
                .then((javafx.scene.Node) errorIcon).otherwise(okIcon));
        message.setMaxWidth(Double.MAX_VALUE);
        message.getStyleClass().add("settings-message");
        vm.messageIsErrorProperty().addListener((obs, old, now) -> {
            message.getStyleClass().removeAll("settings-error", "settings-ok");
            message.getStyleClass().add(now ? "settings-error" : "settings-ok");
        });
        message.getStyleClass().add(vm.messageIsErrorProperty().get() ? "settings-error" : "settings-ok");
        vm.errorLineProperty().addListener((obs, old, now) -> showLine(now.intValue()));

        Label position = new Label();
        position.setId("settings-position");
        position.getStyleClass().add("muted");
        position.setMinWidth(Region.USE_PREF_SIZE);
        position.textProperty().bind(Bindings.createStringBinding(
                () -> SettingsViewModel.position(editor.getText(), editor.getCaretPosition()),
                editor.caretPositionProperty(), editor.textProperty()));
        Label unsaved = new Label("Not saved");
        unsaved.setId("settings-unsaved");
        unsaved.getStyleClass().add("muted");
        unsaved.visibleProperty().bind(vm.dirtyProperty());
        unsaved.setMinWidth(Region.USE_PREF_SIZE);

        Button check = button("Check", "settings-check", "mdi2c-check-all",
                "Check the text as a run would read it (" + Shortcuts.SETTINGS_CHECK.getDisplayText() + ")");
        check.setOnAction(e -> vm.check());
        Button save = button("Save", "settings-save", "mdi2c-content-save-outline",
                "Check, save to the file shown above and use it for this folder ("
                        + Shortcuts.SETTINGS_SAVE.getDisplayText() + ")");
        save.setOnAction(e -> save());
        save.getStyleClass().add("accent");
        Button saveAs = button("Save as…", "settings-save-as", null,
                "Check, save to a file you choose and use it for this folder ("
                        + Shortcuts.SETTINGS_SAVE_AS.getDisplayText() + ")");
        saveAs.setOnAction(e -> saveAs());
        Button close = button("Close", "settings-close", null, "Close the settings (Esc); asks first when not saved");
        close.setOnAction(e -> requestClose());
        for (Button b : List.of(open, defaults, save, saveAs)) {
            b.disableProperty().bind(main.runningProperty());
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(10, position, unsaved, grow, check, save, saveAs, close);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(8, top, hint, diskBar, split, message);
        body.setPadding(new Insets(14, 14, 8, 14));
        BorderPane root = new BorderPane(body);
        bottom.setPadding(new Insets(8, 14, 12, 14));
        root.setBottom(bottom);
        root.setId("settings");
        return root;
    }

    /**
     * The bar shown when the file changed on disk while the text has changes not saved: what happened, and the two
     * ways on. The text, Check and the differences keep working meanwhile.
     */
    private Region diskBar() {
        FontIcon icon = new FontIcon("mdi2a-alert-outline");
        icon.getStyleClass().add("settings-disk-bar-icon");
        Label words = new Label();
        words.setId("settings-disk-bar-text");
        words.textProperty().bind(vm.diskBarProperty());
        words.setWrapText(true);
        words.setMinHeight(Region.USE_PREF_SIZE);
        words.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button reload = button("_Reload from disk", "settings-reload", "mdi2r-refresh",
                "Load the version on disk; the changes made here are discarded (Alt+R)");
        reload.setMnemonicParsing(true);
        reload.setOnAction(e -> vm.reloadFromDisk());
        Button keep = button("_Keep mine", "settings-keep-mine", null,
                "Keep the text here; Save then writes it over the version on disk (Alt+K)");
        keep.setMnemonicParsing(true);
        keep.setOnAction(e -> {
            vm.keepMine();
            editor.requestFocus();
        });
        HBox bar = new HBox(10, icon, words, reload, keep);
        bar.setId("settings-disk-bar");
        bar.getStyleClass().add("settings-disk-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(vm.diskBarProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /**
     * Save's question when the file on disk is not the version the text was based on. A reflex Enter must neither
     * write over nor drop anybody's version: Enter cancels, as Esc does.
     */
    private SettingsViewModel.SaveChoice askOnConflict(SettingsViewModel.SaveConflict conflict) {
        if (conflict.canReload()) {
            return switch (Confirm.choose(stage, "Settings: the file changed on disk", conflict.question(),
                    2, "Overwrite", "Reload from disk", "Cancel")) {
                case 0 -> SettingsViewModel.SaveChoice.OVERWRITE;
                case 1 -> SettingsViewModel.SaveChoice.RELOAD;
                default -> SettingsViewModel.SaveChoice.CANCEL;
            };
        }
        int answer = Confirm.choose(stage, "Settings: the file cannot be read", conflict.question(), 1, "Overwrite",
                "Cancel");
        return answer == 0 ? SettingsViewModel.SaveChoice.OVERWRITE : SettingsViewModel.SaveChoice.CANCEL;
    }

    private static Button button(String text, String id, String icon, String tooltip) {
        Button button = icon == null ? new Button(text) : new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setMnemonicParsing(false);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private void installKeys(Scene scene) {
        scene.getAccelerators().put(Shortcuts.SETTINGS_SAVE, this::save);
        scene.getAccelerators().put(Shortcuts.SETTINGS_SAVE_AS, this::saveAs);
        scene.getAccelerators().put(Shortcuts.SETTINGS_CHECK, vm::check);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                requestClose();
            } else if (e.getTarget() == editor && e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isShiftDown()
                    && !e.isAltDown() && !e.isShortcutDown()) {
                // YAML forbids tab characters for indentation: a Tab typed in the text indents by two spaces.
                e.consume();
                editor.replaceSelection("  ");
            }
        });
    }

    /** Puts the cursor on the line a problem names and selects it, so the fix is where the eye already is. */
    private void showLine(int line) {
        if (line <= 0) {
            return;
        }
        String text = editor.getText();
        int start = SettingsViewModel.offsetOfLine(text, line);
        int end = text.indexOf('\n', start);
        editor.requestFocus();
        editor.selectRange(end < 0 ? text.length() : end, start);
    }

    private void save() {
        if (vm.fileProperty().get() == null) {
            saveAs();
        } else {
            vm.save();
        }
    }

    private void saveAs() {
        Path target = files.ask(stage, true, fileOrBesideTheFolder());
        if (target != null) {
            vm.saveAs(target);
        }
    }

    private void openFile() {
        if (vm.dirtyProperty().get() && !confirmDiscard.getAsBoolean()) {
            return;
        }
        Path chosen = files.ask(stage, false, fileOrBesideTheFolder());
        if (chosen != null) {
            vm.openFile(chosen);
        }
    }

    /**
     * Where the file dialogs start: the settings' own file, else a new one in the folder that is open. Without a file
     * they started in the app's working directory, wherever the launcher happened to run.
     */
    private Path fileOrBesideTheFolder() {
        Path file = vm.fileProperty().get();
        Path folder = main.inputDirProperty().get();
        return file != null || folder == null ? file : folder.resolve(NEW_FILE_NAME);
    }

    private void useDefaults() {
        if (vm.dirtyProperty().get() && !confirmDiscard.getAsBoolean()) {
            return;
        }
        vm.useDefaults();
    }

    /** Close, Esc and the window's close button: changes not saved are discarded only when the user says so. */
    public void requestClose() {
        if (mayClose()) {
            stage.close();
        }
    }

    private boolean mayClose() {
        return !vm.dirtyProperty().get() || confirmDiscard.getAsBoolean();
    }

    private boolean askToDiscard() {
        // Enter keeps the edits: a reflex Enter on "Discard them?" threw away work that cannot be had back.
        return Confirm.askEnterSaysNo(stage, "Settings", "The settings have changes that are not saved. Discard them?",
                "Discard the changes", "Keep editing");
    }

    /** The system's file dialogs, starting beside the current file. */
    static Path askWithFileChooser(Window owner, boolean save, Path current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? "Save the settings as (YAML)" : "Use a configuration file (YAML)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        chooser.setInitialFileName(current == null ? NEW_FILE_NAME : String.valueOf(current.getFileName()));
        java.io.File chosen = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
        return chosen == null ? null : chosen.toPath();
    }
}
