package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.UserFolders;
import com.puffy.pipeline.core.Words;
import com.puffy.pipeline.ui.table.TableExport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window: menu, folder header, stage rail, one tab per stage, status bar. It binds to {@link MainViewModel}
 * and holds no state of its own beyond what is on screen.
 */
public final class MainView {
    private final MainViewModel vm;
    private final UiThreads threads;
    private final HostServices hostServices;
    private final Preferences prefs;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<StageId, Screen> screens = new EnumMap<>(StageId.class);
    private final Map<StageId, Tab> tabsById = new EnumMap<>(StageId.class);
    /** Screens whose outputs changed while they were hidden: they read them when next shown. */
    private final java.util.Set<StageId> outdatedScreens = java.util.EnumSet.noneOf(StageId.class);
    private final ToggleButton darkToggle = new ToggleButton();
    private final MenuButton recentButton = new MenuButton("Recent", new FontIcon("mdi2h-history"));
    private Consumer<UiError> errorPresenter;
    /** Asks whether to stop a run to close the window; tests answer without a modal dialog. */
    private java.util.function.BooleanSupplier confirmStopToClose = this::askToStopToClose;
    private Scene scene;
    /** File › Export …, whose words follow what the screen in view would export (a table, a chart). */
    private MenuItem exportItem;
    /** Asks where to save; tests answer with a file instead of the system dialog. */
    private java.util.function.Function<FileChooser, File> saveDialog = chooser -> chooser.showSaveDialog(window());

    public MainView(MainViewModel vm, UiThreads threads, HostServices hostServices, Preferences prefs,
                    Map<StageId, Screen> stageScreens) {
        this.vm = vm;
        this.threads = threads;
        this.hostServices = hostServices;
        this.prefs = prefs;
        screens.putAll(stageScreens);
        root.setId("main");
        root.setTop(new VBox(menuBar(), header()));
        root.setLeft(rail());
        root.setCenter(tabs());
        root.setBottom(statusBar());
        errorPresenter = error -> ErrorDialog.create(window(), error).show();
        vm.onError(error -> errorPresenter.accept(error));
        // Only the screen in front reads its outputs at once: at 5M events, reading every screen's tables on
        // opening a folder held 2.2 GB (the sessions table alone 1.6 GB) before the user had looked at any.
        vm.outputsVersionProperty().addListener((obs, old, now) -> {
            outdatedScreens.addAll(screens.keySet());
            reloadShownScreen();
        });
        // A stage's outputs are final once it has run, while the stages after it still run: at 5M events the
        // Transform screen said "Run the Transform stage" for the 13-17 s Monitoring and Analysis took. The screen in
        // front reads them then; a hidden one when it is shown, not in the background while the next stage runs.
        for (StageViewModel stage : vm.stages()) {
            stage.stateProperty().addListener((obs, was, is) -> {
                if (was == StageState.RUNNING && is == StageState.FRESH && screens.containsKey(stage.id())) {
                    outdatedScreens.add(stage.id());
                    reloadShownScreen();
                }
                // A screen with nothing yet says that its stage waits or runs now (decision 0811): on a folder never
                // run it said "Run the Quality stage" while Quality ran. Screens showing outputs keep them meanwhile.
                if ((is == StageState.WAITING || is == StageState.RUNNING) && screens.containsKey(stage.id())
                        && vm.writesFirstOutputs(stage.id())) {
                    outdatedScreens.add(stage.id());
                    reloadShownScreen();
                }
            });
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> reloadShownScreen());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> followExportNoun());
        followExportNoun();
        // Before any folder opens (the one given could not be opened), the screens say so rather than show a bare
        // table under an enabled search.
        if (vm.inputDirProperty().get() == null) {
            outdatedScreens.addAll(screens.keySet());
            reloadShownScreen();
        }

        UiClock clock = new UiClock(250, vm::tick, Platform::runLater);
        // Only while the window shows: the clock's thread holds vm.tick and so the model, whose listeners hold every
        // screen and table; a window no longer shown could never be collected.
        javafx.beans.value.ObservableValue<Boolean> shown = root.sceneProperty()
                .flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        // The open folder is looked at from the same tick, so only while the window shows (FolderPoll).
        shown.addListener((obs, was, is) -> {
            vm.windowShowingProperty().set(is);
            if (is) {
                clock.start();
            } else {
                clock.stop();
            }
        });
        if (shown.getValue()) {
            vm.windowShowingProperty().set(true);
            clock.start();
        }
    }

    /** Tests replace the dialog with a recorder so they can read the sentence without a modal window. */
    public void setErrorPresenter(Consumer<UiError> presenter) {
        this.errorPresenter = presenter;
    }

    public Scene createScene(double width, double height) {
        scene = new Scene(root, width, height);
        Theme.apply(scene, Theme.isDark(prefs), prefs);
        darkToggle.setSelected(Theme.isDark(prefs));
        installShortcuts(scene);
        installDragAndDrop(scene);
        FocusKeeper.install(scene, vm.runningProperty());
        scene.windowProperty().addListener((obs, old, now) -> {
            if (old != null) {
                // The window may go on showing another scene; its handler must not hold this one.
                old.setOnCloseRequest(null);
            }
            if (now != null) {
                now.setOnCloseRequest(e -> {
                    if (vm.runningProperty().get()) {
                        e.consume();
                        requestClose();
                    }
                });
            }
        });
        return scene;
    }

    /** Tests choose the file Export writes to without the system's save dialog. */
    void setSaveDialog(java.util.function.Function<FileChooser, File> dialog) {
        this.saveDialog = dialog;
    }

    /** Tests replace the "stop the run and close?" question with a fixed answer. */
    public void setConfirmStopToClose(java.util.function.BooleanSupplier confirm) {
        this.confirmStopToClose = confirm;
    }

    /**
     * Ctrl+Q and the window's close button: during a run, ask, then cancel the run and close once it has stopped.
     * Closing used to end the app mid-stage, leaving its work folder in the output folder until the next run.
     */
    public void requestClose() {
        Window window = window();
        if (window == null) {
            return;
        }
        if (!vm.runningProperty().get()) {
            window.hide();
        } else if (confirmStopToClose.getAsBoolean()) {
            vm.closeWhenStopped(window::hide);
        }
    }

    private boolean askToStopToClose() {
        return Confirm.ask(window(), "Close Event Pipeline Studio", "A run is in progress. Stop it and close? The stage "
                + "in progress keeps its previous outputs; finished stages keep their new ones.",
                "Stop the run and close", "Keep running");
    }

    public BorderPane root() {
        return root;
    }

    public void select(StageId id) {
        tabs.getSelectionModel().select(tabsById.get(id));
    }

    private Window window() {
        return scene == null ? null : scene.getWindow();
    }

    // ---- menu and header ---------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open folder…", new FontIcon("mdi2f-folder-open-outline"));
        open.setAccelerator(Shortcuts.OPEN);
        open.setOnAction(e -> chooseFolder());
        Menu recent = new Menu("Open recent");
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path folder : vm.recentFolders()) {
                MenuItem item = new MenuItem(folder.toString());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> vm.openFolder(folder));
                recent.getItems().add(item);
            }
            recent.setDisable(vm.recentFolders().isEmpty());
        };
        vm.recentFolders().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem chooseRecent = new MenuItem("Choose a recent folder…");
        chooseRecent.setAccelerator(Shortcuts.RECENT);
        chooseRecent.setOnAction(e -> showRecentFolders());
        chooseRecent.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.recentFolders()));
        MenuItem sample = new MenuItem("Open sample data", new FontIcon("mdi2f-flask-outline"));
        sample.setOnAction(e -> vm.openSampleData());
        MenuItem output = new MenuItem("Change output folder…");
        output.setOnAction(e -> chooseOutput());
        MenuItem cache = new MenuItem("Change cache file…");
        cache.setOnAction(e -> chooseCache());
        CheckMenuItem useCache = new CheckMenuItem("Use the cache");
        useCache.selectedProperty().bindBidirectional(vm.cacheEnabledProperty());
        MenuItem settings = new MenuItem("Settings (rules and thresholds)…", new FontIcon("mdi2c-cog-outline"));
        settings.setAccelerator(Shortcuts.SETTINGS);
        settings.setOnAction(e -> showSettings());
        MenuItem config = new MenuItem("Use a configuration file…");
        config.setOnAction(e -> chooseConfig());
        MenuItem builtIn = new MenuItem("Use the built-in rules");
        builtIn.setOnAction(e -> vm.useDefaultConfig());
        builtIn.disableProperty().bind(vm.configFileProperty().isNull().or(vm.runningProperty()));
        config.disableProperty().bind(vm.runningProperty());
        MenuItem exportTable = new MenuItem(exportLabel(Screen.Export.TABLE), new FontIcon("mdi2f-file-export-outline"));
        exportItem = exportTable;
        exportTable.setId("menu-export");
        exportTable.setAccelerator(Shortcuts.EXPORT);
        exportTable.setOnAction(e -> exportVisibleTable());
        MenuItem exportReport = new MenuItem("Export report (HTML)…");
        exportReport.setAccelerator(Shortcuts.EXPORT_REPORT);
        exportReport.setOnAction(e -> exportReport());
        MenuItem openReport = new MenuItem("Open report in browser");
        openReport.setOnAction(e -> openReport());
        MenuItem showOutputs = new MenuItem("Show output folder");
        showOutputs.setOnAction(e -> showFolder(vm.outputDirProperty().get()));
        MenuItem showLogs = new MenuItem("Show log folder");
        showLogs.setOnAction(e -> showFolder(UserFolders.logDir()));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(Shortcuts.QUIT);
        quit.setOnAction(e -> requestClose());
        Menu file = new Menu("_File", null, open, recent, chooseRecent, sample, new SeparatorMenuItem(), output, cache, useCache,
                new SeparatorMenuItem(), settings, config, builtIn, new SeparatorMenuItem(), exportTable, exportReport, openReport, new SeparatorMenuItem(),
                showOutputs, showLogs, new SeparatorMenuItem(), quit);

        MenuItem runAll = new MenuItem("Run all", new FontIcon("mdi2p-play-circle-outline"));
        runAll.setAccelerator(Shortcuts.RUN_ALL);
        runAll.setOnAction(e -> vm.runAll());
        MenuItem rerun = new MenuItem("Run all again, even fresh stages");
        rerun.setAccelerator(Shortcuts.RERUN_ALL);
        rerun.setOnAction(e -> vm.rerunAll());
        MenuItem cancel = new MenuItem("Cancel run");
        cancel.setAccelerator(Shortcuts.CANCEL);
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        Menu run = new Menu("_Run", null, runAll, rerun, cancel);
        for (StageId id : StageId.values()) {
            MenuItem one = new MenuItem("Run " + id.title());
            one.setAccelerator(Shortcuts.runStage(id.ordinal()));
            one.disableProperty().bind(vm.stage(id).availableProperty().not().or(vm.runningProperty()));
            one.setOnAction(e -> vm.runStage(id));
            run.getItems().add(one);
        }

        Menu view = new Menu("_View");
        for (StageId id : StageId.values()) {
            MenuItem show = new MenuItem(id.title());
            show.setAccelerator(Shortcuts.showStage(id.ordinal()));
            show.setOnAction(e -> showStage(id));
            view.getItems().add(show);
        }
        MenuItem next = new MenuItem("Next tab");
        next.setAccelerator(Shortcuts.NEXT_TAB);
        next.setOnAction(e -> moveSubTab(1));
        MenuItem previous = new MenuItem("Previous tab");
        previous.setAccelerator(Shortcuts.PREVIOUS_TAB);
        previous.setOnAction(e -> moveSubTab(-1));
        MenuItem search = new MenuItem("Search the table");
        search.setAccelerator(Shortcuts.SEARCH);
        search.setOnAction(e -> focusTableSearch());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark");
        dark.setAccelerator(Shortcuts.THEME);
        dark.selectedProperty().bindBidirectional(darkToggle.selectedProperty());
        view.getItems().addAll(new SeparatorMenuItem(), next, previous, search, new SeparatorMenuItem(), dark);

        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId("menu-shortcuts");
        shortcuts.setAccelerator(Shortcuts.HELP);
        shortcuts.setOnAction(e -> showShortcuts());
        MenuItem about = new MenuItem("About");
        about.setOnAction(e -> AboutDialog.create(window(),
                aboutText(UserFolders.dataDir(), UserFolders.logDir(), System.getProperty("os.name", ""))).show());
        Menu help = new Menu("_Help", null, shortcuts, about);

        MenuBar bar = new MenuBar(file, run, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /**
     * Ctrl+1…4: shows a stage's screen and puts the focus on its tab, where the focus ring is seen. The focus used to
     * stay on a control of the screen just hidden: the next key went to a table nobody could see.
     */
    public void showStage(StageId id) {
        select(id);
        tabs.requestFocus();
    }

    /**
     * Ctrl+Tab and Ctrl+Shift+Tab: the next or previous tab inside the screen in view (Files, Schema drift, …), wherever
     * the focus is, the focus going to that tab. JavaFX's own Ctrl+Tab only worked with the focus inside the tabs, and
     * from a table it moved between the stages or left the table instead.
     */
    void moveSubTab(int delta) {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        TabPane inner = shown == null ? null : innerTabs(shown.getContent());
        if (inner == null || inner.getTabs().isEmpty()) {
            return;
        }
        int size = inner.getTabs().size();
        int index = inner.getSelectionModel().getSelectedIndex();
        inner.getSelectionModel().select(Math.floorMod(index + delta, size));
        inner.requestFocus();
    }

    private static TabPane innerTabs(Node content) {
        if (content instanceof TabPane pane) {
            return pane;
        }
        return content == null ? null : (TabPane) content.lookup(".tab-pane");
    }

    /** Ctrl+Shift+O: the header's list of recent folders, open and in focus, to pick one with the arrows and Enter. */
    private void showRecentFolders() {
        if (!recentButton.isDisabled()) {
            recentButton.requestFocus();
            recentButton.show();
        }
    }

    /**
     * Help › About: the version and build, then where the app keeps what it writes outside the user's folders. It
     * named the log folder only; the sample data, the cache and the remembered folders (which install, upgrade and
     * uninstall leave in place) were nowhere to be found from the app.
     */
    static String aboutText(Path dataDir, Path logDir, String osName) {
        boolean linux = osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux");
        String prefs = linux ? "~/.java/.userPrefs/com/puffy/eventpipe/studio" : "the Java preferences of your account";
        return "Event Pipeline Studio " + com.puffy.pipeline.core.AppVersion.version() + " (build "
                + com.puffy.pipeline.core.AppVersion.shortBuild() + ")\n\n"
                + "Outputs: beside each folder, in <folder>-pipeline (or where Output says).\n"
                + "Sample data and cache: " + dataDir + "\n"
                + "Logs: " + logDir + " (File → Show log folder)\n"
                + "Recent folders and each folder's choices: " + prefs + "\n"
                + "Uninstalling the app leaves these in place; delete them to remove everything.\n\n"
                + "Keyboard shortcuts: F1." + (linux ? " The command line: eventpipe --help." : "");
    }

    /** Help › Keyboard shortcuts (F1): {@link Shortcuts#all()}, the list the menus and the window bind. */
    private void showShortcuts() {
        javafx.scene.control.Alert alert = DialogButtons.alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        if (window() != null) {
            alert.initOwner(window());
        }
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText(null);
        // On a 768 px screen the list was taller than the screen and its OK button fell off the bottom.
        Node list = shortcutList();
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportWidth(620);
        double screen = window() == null ? 900 : javafx.stage.Screen.getScreensForRectangle(window().getX(),
                window().getY(), 1, 1).stream().findFirst().orElse(javafx.stage.Screen.getPrimary())
                .getVisualBounds().getHeight();
        double room = screen - 180;
        scroll.setPrefViewportHeight(room);
        // The list's height is known once it is styled, in the shown dialog: the dialog then takes what it needs.
        alert.setOnShown(e -> {
            scroll.setPrefViewportHeight(Math.min(((Region) list).prefHeight(scroll.getViewportBounds().getWidth()), room));
            alert.getDialogPane().getScene().getWindow().sizeToScene();
        });
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setMinWidth(660);
        alert.show();
    }

    /** The shortcuts as two columns, keys and what they do; also what a screen reader reads. */
    static Node shortcutList() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("shortcut-list");
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (Shortcuts.Shortcut shortcut : Shortcuts.all()) {
            Label keys = new Label(shortcut.keyText());
            keys.getStyleClass().add("field-name");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(shortcut.what());
            what.setWrapText(true);
            grid.addRow(row++, keys, what);
        }
        Label where = Hints.muted("The menus show each command's shortcut beside it.");
        grid.add(where, 0, row, 2, 1);
        grid.setAccessibleText(Shortcuts.helpText());
        return grid;
    }

    private Node header() {
        FontIcon folderIcon = new FontIcon("mdi2f-folder-table-outline");
        folderIcon.getStyleClass().add("header-icon");
        Label folder = new Label();
        folder.setId("input-folder");
        folder.getStyleClass().add("folder-label");
        // Without a folder the title is short and the line under it says what to do: cut from its start like a
        // path, the sentence read "... one, drop one here, or open the sample data" at 1024 px.
        folder.textProperty().bind(Bindings.createStringBinding(() -> vm.inputDirProperty().get() == null
                ? "No folder open" : vm.inputDirProperty().get().toString(), vm.inputDirProperty()));
        folder.setMinWidth(120);
        // A long path keeps its end, the folder's own name, in view; the tooltip shows it whole.
        folder.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        Tooltip wholeFolder = new Tooltip();
        wholeFolder.textProperty().bind(folder.textProperty());
        folder.setTooltip(wholeFolder);
        Label hint = Hints.mutedLines(Bindings.createStringBinding(() -> vm.inputDirProperty().get() == null
                ? "Choose the folder of daily event CSV files (Ctrl+O), drop one anywhere on the window, or open the "
                        + "sample data"
                : "Daily event CSV files · drop another folder on the window to switch", vm.inputDirProperty()));
        hint.setId("input-folder-hint");
        VBox folderBox = new VBox(2, folder, hint);
        HBox.setHgrow(folderBox, Priority.ALWAYS);

        Button open = new Button("Open folder…", new FontIcon("mdi2f-folder-open-outline"));
        open.setId("open-folder");
        open.setTooltip(new Tooltip("Choose the folder of daily event files (Ctrl+O)"));
        open.setOnAction(e -> chooseFolder());
        MenuButton recent = recentButton;
        recent.setId("recent-folders");
        recent.setTooltip(new Tooltip("Open a folder opened before (" + Shortcuts.RECENT.getDisplayText() + ")"));
        Runnable fill = () -> {
            recent.getItems().clear();
            for (Path path : vm.recentFolders()) {
                MenuItem item = new MenuItem(path.toString());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> vm.openFolder(path));
                recent.getItems().add(item);
            }
            recent.setDisable(vm.recentFolders().isEmpty());
        };
        vm.recentFolders().addListener((javafx.collections.ListChangeListener<Path>) c -> fill.run());
        fill.run();
        Button sample = new Button("Open sample data", new FontIcon("mdi2f-flask-outline"));
        sample.setId("open-sample");
        sample.setTooltip(new Tooltip("Open the bundled sample: 14 days of events with known faults"));
        sample.setOnAction(e -> vm.openSampleData());
        sample.disableProperty().bind(vm.busyProperty().or(vm.runningProperty()));
        open.disableProperty().bind(vm.runningProperty());

        darkToggle.setGraphic(new FontIcon("mdi2t-theme-light-dark"));
        darkToggle.setId("dark-toggle");
        // Icon only: a screen reader read "toggle button" and nothing else.
        darkToggle.setAccessibleText("Dark theme");
        darkToggle.setTooltip(new Tooltip("Dark theme (" + Shortcuts.THEME.getDisplayText() + ")"));
        darkToggle.selectedProperty().addListener((obs, old, now) -> {
            if (scene != null) {
                Theme.apply(scene, now, prefs);
            }
        });

        // The buttons keep their words on a small screen ("Open fol…", "R…" at 1000 px); the path gives way.
        for (Region button : List.of(open, recent, sample, darkToggle)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox top = new HBox(10, folderIcon, folderBox, open, recent, sample, darkToggle);
        top.setAlignment(Pos.CENTER_LEFT);

        Label outLabel = pathLine("output-folder");
        HeaderSettingsLine.PathSlot outSlot = new HeaderSettingsLine.PathSlot(outLabel,
                Bindings.createStringBinding(() -> vm.outputDirProperty().get() == null ? "—"
                        : vm.outputDirProperty().get().toString(), vm.outputDirProperty()),
                Bindings.createStringBinding(() -> vm.outputDirProperty().get() == null ? "—"
                        : name(vm.outputDirProperty().get()), vm.outputDirProperty()));
        Button changeOut = changeButton("change-output", e -> chooseOutput());
        // Two buttons read "Change…": each says what it changes.
        changeOut.setAccessibleText("Change the output folder");
        changeOut.setTooltip(new Tooltip("Choose where the outputs go"));
        Label cacheLabel = pathLine("cache-file");
        HeaderSettingsLine.PathSlot cacheSlot = new HeaderSettingsLine.PathSlot(cacheLabel,
                Bindings.createStringBinding(() -> vm.cacheEnabledProperty().get()
                        ? String.valueOf(vm.cacheFileProperty().get()) : "off (every file is checked again)",
                        vm.cacheFileProperty(), vm.cacheEnabledProperty()),
                Bindings.createStringBinding(() -> !vm.cacheEnabledProperty().get() ? "off"
                        : vm.cacheFileProperty().get() == null ? "—" : name(vm.cacheFileProperty().get()),
                        vm.cacheFileProperty(), vm.cacheEnabledProperty()));
        Button changeCache = changeButton("change-cache", e -> chooseCache());
        changeCache.setAccessibleText("Change the cache file");
        changeCache.setTooltip(new Tooltip("Choose the cache file (SQLite), or switch the cache off in the File menu"));
        HBox paths = new HBox(8) {
            @Override
            protected void layoutChildren() {
                // At each layout, with the line's real width and its other controls' real sizes: computed on width
                // or text changes only, the first start on the sample data kept a share made before the header's
                // controls had their sizes, and read "Output ...eline" beside the whole cache path at 1440 px.
                HeaderSettingsLine.sharePathRoom(this, outSlot, cacheSlot);
                super.layoutChildren();
            }
        };
        paths.getChildren().addAll(pathName("Output"), outLabel, changeOut, spacer(16), pathName("Cache"), cacheLabel,
                changeCache, spacer(16));
        HBox runLine = new HBox(8);
        runLine.setId("run-settings-line");
        runLine.setAlignment(Pos.CENTER_LEFT);
        runLine.getChildren().addAll(rulesControls());
        runLine.getChildren().add(spacer(16));
        runLine.getChildren().addAll(asOfControls());
        runLine.setMinWidth(Region.USE_PREF_SIZE);
        paths.setAlignment(Pos.CENTER_LEFT);
        // Output and Cache, then Rules and As of: one line, with words or compact, else Rules and As of wrap to a
        // line of their own. The flow wraps; nothing is moved between parents, which would lose the As of label's
        // Alt+A.
        HeaderSettingsLine settingsLines = new HeaderSettingsLine(paths, runLine, List.of(outSlot, cacheSlot),
                List.of(changeOut, changeCache, (Button) runLine.lookup("#change-rules")),
                (javafx.scene.control.DatePicker) runLine.lookup("#as-of"));
        settingsLines.setId("run-settings");

        VBox header = new VBox(8, top, settingsLines);
        header.setId("header");
        header.getStyleClass().add("header");
        header.setPadding(new Insets(10, 14, 10, 14));
        return header;
    }

    /**
     * "Rules  built-in defaults  Change…": which configuration the stages run under, always in view (decision 0630).
     * A chosen file shows its name (its path in the tooltip); one that no longer loads is marked in the danger color
     * and its tooltip says why and what to do. Change… opens the settings editor.
     */
    private List<Node> rulesControls() {
        Label rules = new Label();
        rules.setId("rules-in-effect");
        rules.getStyleClass().add("path-line");
        rules.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        rules.setMaxWidth(220);
        rules.setMinWidth(Region.USE_PREF_SIZE);
        rules.textProperty().bind(Bindings.createStringBinding(vm::rulesName, vm.configFileProperty()));
        FontIcon problemIcon = new FontIcon("mdi2a-alert-circle");
        problemIcon.getStyleClass().add("stage-warning-icon");
        rules.graphicProperty().bind(Bindings.when(vm.configProblemProperty().isEmpty())
                .then((Node) null).otherwise(problemIcon));
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        tip.textProperty().bind(Bindings.createStringBinding(() -> {
            Path file = vm.configFileProperty().get();
            String where = file == null ? "The built-in rules, thresholds, event list and bot pattern." : file.toString();
            return vm.configProblemProperty().get().isEmpty() ? where : where + "\n\n" + vm.configProblemProperty().get();
        }, vm.configFileProperty(), vm.configProblemProperty()));
        rules.setTooltip(tip);
        rules.accessibleTextProperty().bind(Bindings.createStringBinding(() -> "Rules: " + vm.rulesName()
                + (vm.configProblemProperty().get().isEmpty() ? "" : ". " + vm.configProblemProperty().get()),
                vm.configFileProperty(), vm.configProblemProperty()));
        vm.configProblemProperty().addListener((obs, old, now) -> {
            rules.getStyleClass().remove("rules-problem");
            if (!now.isEmpty()) {
                rules.getStyleClass().add("rules-problem");
            }
        });
        Button change = changeButton("change-rules", e -> showSettings());
        change.setAccessibleText("Change the rules (settings editor)");
        change.setTooltip(new Tooltip("See and edit the rules and thresholds, choose another configuration file, or go "
                + "back to the built-in defaults (" + Shortcuts.SETTINGS.getDisplayText() + ")"));
        change.disableProperty().bind(vm.inputDirProperty().isNull());
        return List.of(pathName("Rules"), rules, change);
    }

    /** The settings editor over the window; tests give their own file answers and discard confirmation. */
    private SettingsDialog.FileAsker settingsFiles = SettingsDialog::askWithFileChooser;
    private java.util.function.BooleanSupplier settingsDiscard;
    private SettingsDialog settingsDialog;

    public void setSettingsFileAsker(SettingsDialog.FileAsker asker, java.util.function.BooleanSupplier discard) {
        this.settingsFiles = asker;
        this.settingsDiscard = discard;
    }

    /** The settings editor last opened (tests read it), or null. */
    public SettingsDialog settingsDialog() {
        return settingsDialog;
    }

    /** Ctrl+, and Change… beside Rules. */
    public void showSettings() {
        if (vm.inputDirProperty().get() == null) {
            vm.statusMessageProperty().set("Open a folder first (Ctrl+O): the rules are chosen per folder.");
            return;
        }
        if (settingsDialog != null && settingsDialog.stage().isShowing()) {
            settingsDialog.stage().toFront();
            return;
        }
        settingsDialog = new SettingsDialog(window(), vm, prefs, settingsFiles, settingsDiscard);
        // Back where the user was when it closes (the window otherwise put the focus on its first control).
        Node before = scene == null ? null : scene.getFocusOwner();
        settingsDialog.stage().setOnHidden(e -> {
            if (before != null && before.getScene() == scene && !before.isDisabled() && before.isVisible()) {
                before.requestFocus();
            }
        });
        settingsDialog.show();
    }

    /**
     * "As of [date] Today": the date FRESHNESS measures the latest partition against, as the CLI's --as-of. Empty
     * shows the default ("today"); typing a date or picking one sets it, clearing the field or Today resets it.
     */
    private List<Node> asOfControls() {
        javafx.scene.control.DatePicker picker = new javafx.scene.control.DatePicker();
        picker.setId("as-of");
        picker.setEditable(true);
        picker.setPrefWidth(225);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        picker.getStyleClass().add("small");
        picker.promptTextProperty().bind(vm.asOfDefaultProperty());
        // Dates as the files and alerts write them, whatever the machine's locale ("11/26/26" in the US).
        picker.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public java.time.LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return java.time.LocalDate.parse(text.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    vm.statusMessageProperty().set("“" + text.strip() + "” is not a date: type it as YYYY-MM-DD, "
                            + "e.g. 2025-03-09, or clear the field to judge freshness as of "
                            + vm.asOfDefaultProperty().get() + ".");
                    return picker.getValue();
                }
            }
        });
        utcCalendar(picker);
        picker.setValue(vm.asOfProperty().get());
        picker.valueProperty().addListener((obs, old, now) -> vm.setAsOf(now));
        vm.asOfProperty().addListener((obs, old, now) -> {
            if (!java.util.Objects.equals(picker.getValue(), now)) {
                picker.setValue(now);
            }
            // Clearing the field resets the date; the editor then shows the default as its prompt.
            if (now == null) {
                picker.getEditor().clear();
            }
        });
        picker.disableProperty().bind(vm.runningProperty().or(vm.inputDirProperty().isNull()));
        picker.setTooltip(new Tooltip("The date Monitoring's FRESHNESS check measures the latest file against. Leave it "
                + "at today for a folder that still receives files; set the last day of an older folder you analyse on "
                + "purpose. Remembered for this folder. (The command line's --as-of)"));
        Label label = new Label("_As of");
        label.setMnemonicParsing(true);
        label.setLabelFor(picker);
        label.getStyleClass().add("path-line");
        label.setMinWidth(Region.USE_PREF_SIZE);
        Button today = smallButton("Today", "as-of-today", e -> vm.resetAsOf());
        today.setAccessibleText("As of today: judge freshness as of the default date again");
        today.setTooltip(new Tooltip("Judge freshness as of the default again: today, or the sample data's own date"));
        today.disableProperty().bind(vm.asOfProperty().isNull().or(vm.runningProperty()));
        return List.of(label, picker, today);
    }

    /**
     * The picker's calendar counts days as the product does, in UTC: JavaFX marks the machine's local today and, with
     * no date set, opens on it, so an American evening showed tomorrow (UTC) as not today, and the sample folder's
     * default (2025-03-09) opened on this month. Today is marked in UTC; an empty picker opens on the default As of.
     */
    private void utcCalendar(javafx.scene.control.DatePicker picker) {
        IsoCalendar.apply(picker, vm::todayUtc);
        picker.setOnShown(e -> {
            // JavaFX's calendar (an internal class) is the only way to its month and focus; another JavaFX keeps
            // its own behaviour (the local today), nothing breaks.
            if (picker.getSkin() instanceof javafx.scene.control.skin.DatePickerSkin skin
                    && skin.getPopupContent() instanceof com.sun.javafx.scene.control.DatePickerContent calendar) {
                if (picker.getValue() == null) {
                    calendar.goToDate(vm.effectiveAsOf(), true);
                }
                if (calendar.getProperties().putIfAbsent("utc-home", Boolean.TRUE) == null) {
                    // Home goes to today, the UTC one.
                    calendar.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, k -> {
                        if (k.getCode() == KeyCode.HOME) {
                            calendar.goToDate(vm.todayUtc(), true);
                            k.consume();
                        }
                    });
                }
            }
        });
    }

    private static Region spacer(double width) {
        Region region = new Region();
        region.setMinWidth(width);
        return region;
    }

    /**
     * A path that gives way from its start on a narrow window, so the folder and file names stay in view; its text,
     * tooltip and accessible text come from {@link HeaderSettingsLine}.
     */
    private static Label pathLine(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("path-line");
        label.setMinWidth(HeaderSettingsLine.PATH_MIN);
        label.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        return label;
    }

    /**
     * "Output" and "Cache" apart from their paths: as one label a long path's ellipsis ate the name, and the two
     * paths on the line no longer said which was which.
     */
    private static Label pathName(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("path-line");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * "Change…" beside a setting; on a narrow header its pencil alone ({@link HeaderSettingsLine}), so each caller gives
     * it an accessible text and a tooltip that say what it changes.
     */
    private static Button changeButton(String id, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button button = smallButton("Change…", id, action);
        button.setGraphic(new FontIcon("mdi2p-pencil-outline"));
        return button;
    }

    private static Button smallButton(String text, String id, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().addAll("small", "flat");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(action);
        return button;
    }

    // ---- stage rail and tabs -------------------------------------------------------------------------------------

    /** Below this window width the stage rail is compact. */
    static final double COMPACT_RAIL_BELOW = 1200;
    static final double COMPACT_RAIL_WIDTH = 216;

    private Node rail() {
        Button runAll = new Button("Run all", new FontIcon("mdi2p-play-circle-outline"));
        runAll.setId("run-all");
        runAll.getStyleClass().add("accent");
        runAll.setMaxWidth(Double.MAX_VALUE);
        runAll.setTooltip(new Tooltip("Run every stage that is not fresh (F5)"));
        runAll.disableProperty().bind(vm.runningProperty().or(vm.inputDirProperty().isNull()));
        runAll.setOnAction(e -> vm.runAll());
        Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop-circle-outline"));
        cancel.setId("cancel-run");
        cancel.getStyleClass().add("danger");
        cancel.setTooltip(new Tooltip("Stop the run; finished stages keep their outputs (Esc)"));
        // On a narrow window only its icon shows.
        cancel.setAccessibleText("Cancel the run");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox.setHgrow(runAll, Priority.ALWAYS);
        HBox buttons = new HBox(8, runAll, cancel);

        // On a narrow window (a 1024 px screen) the rail keeps each stage's title, status, progress, what it is
        // doing and Run, and moves what it reads and its last summary into the card's tooltip: at 300 px it took
        // almost a third of the window from the tables.
        javafx.beans.binding.BooleanBinding compact = root.widthProperty().greaterThan(0)
                .and(root.widthProperty().lessThan(COMPACT_RAIL_BELOW));
        cancel.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(compact)
                .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
                .otherwise(javafx.scene.control.ContentDisplay.LEFT));
        VBox cards = new VBox(10, buttons);
        cards.setPadding(new Insets(12));
        for (StageViewModel stage : vm.stages()) {
            cards.getChildren().add(new StageCard(stage, vm, () -> select(stage.id()), compact));
        }
        Label order = Hints.muted("Runs in the order Quality → Transform → Monitoring → Analysis: the report "
                + "summarizes Monitoring's alerts.");
        order.visibleProperty().bind(compact.not());
        order.managedProperty().bind(order.visibleProperty());
        cards.getChildren().add(order);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setId("rail");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.prefWidthProperty().bind(javafx.beans.binding.Bindings.when(compact).then(COMPACT_RAIL_WIDTH)
                .otherwise(300.0));
        scroll.minWidthProperty().bind(javafx.beans.binding.Bindings.when(compact).then(COMPACT_RAIL_WIDTH)
                .otherwise(260.0));
        scroll.getStyleClass().add("rail");
        return scroll;
    }

    private Node tabs() {
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("stage-tabs");
        for (StageId id : StageId.values()) {
            Screen screen = screens.get(id);
            Tab tab = new Tab(id.title(), screen.node());
            tab.setId("tab-" + id.cliName());
            tabsById.put(id, tab);
            tabs.getTabs().add(tab);
        }
        BorderPane box = new BorderPane(tabs);
        box.setTop(new VBox(nothingToShowLine(), outdatedLine()));
        box.setPadding(new Insets(6, 10, 0, 6));
        return box;
    }

    /**
     * Above the four screens, while the folder gives them nothing to show: why, and what to do. The error dialog of a
     * run on an empty folder was gone once closed, and a folder of header-only files ran "fine" into zeros.
     */
    private Node nothingToShowLine() {
        return noticeLine("nothing-to-show", "mdi2f-folder-alert-outline", vm.nothingToShowProperty());
    }

    /**
     * Above the four screens while what they show is from before the folder, the settings or what else a stage reads
     * (Monitoring's history in the cache) changed.
     */
    private Node outdatedLine() {
        return noticeLine("outdated", "mdi2u-update", vm.outdatedNoticeProperty());
    }

    /** A line with an icon and {@code words}, there only while they are not empty; its text is {@code id}-text. */
    private static Node noticeLine(String id, String iconCode, StringProperty words) {
        FontIcon icon = new FontIcon(iconCode);
        icon.getStyleClass().add("notice-icon");
        Label text = new Label();
        text.setId(id + "-text");
        text.getStyleClass().add("notice-text");
        text.textProperty().bind(words);
        AccessibleWords.tellChanges(text);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(8, icon, text);
        line.setId(id);
        line.getStyleClass().add("notice-line");
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(6, 10, 6, 10));
        VBox.setMargin(line, new Insets(0, 0, 6, 0));
        line.managedProperty().bind(words.isNotEmpty());
        line.visibleProperty().bind(line.managedProperty());
        return line;
    }

    /** A long status message wraps inside this width rather than be cut. */
    private static final double MESSAGE_MIN_WIDTH = 200;

    private Node statusBar() {
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.statusMessageProperty());
        // "The run failed…", "Ran Quality…": what a sighted user sees change at the foot of the window.
        AccessibleWords.tellChanges(message);
        message.setMinWidth(MESSAGE_MIN_WIDTH);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Label last = new Label();
        last.setId("last-run");
        last.textProperty().bind(vm.lastRunProperty());
        AccessibleWords.tellChanges(last);
        last.setMinWidth(Region.USE_PREF_SIZE);
        Label where = new Label();
        where.setId("status-paths");
        where.getStyleClass().add("muted");
        // The folder names repeat the header: on a small screen they give way to the message, not the reverse.
        where.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip paths = new Tooltip();
        where.setTooltip(paths);
        Runnable describe = () -> {
            Path input = vm.inputDirProperty().get();
            Path output = vm.outputDirProperty().get();
            String asOf = vm.asOfProperty().get() == null ? vm.asOfDefaultProperty().get()
                    : vm.asOfProperty().get().toString();
            where.setText("Folder " + name(input) + " · Output " + name(output) + " · Cache "
                    + (vm.cacheEnabledProperty().get() ? name(vm.cacheFileProperty().get()) : "off") + " · As of " + asOf);
            paths.setText("Folder: " + input + "\nOutput: " + output + "\nCache: "
                    + (vm.cacheEnabledProperty().get() ? vm.cacheFileProperty().get() : "off") + "\nAs of: " + asOf);
        };
        vm.inputDirProperty().addListener((o, a, b) -> describe.run());
        vm.outputDirProperty().addListener((o, a, b) -> describe.run());
        vm.cacheFileProperty().addListener((o, a, b) -> describe.run());
        vm.cacheEnabledProperty().addListener((o, a, b) -> describe.run());
        vm.asOfProperty().addListener((o, a, b) -> describe.run());
        vm.asOfDefaultProperty().addListener((o, a, b) -> describe.run());
        describe.run();
        FontIcon icon = new FontIcon("mdi2i-information-outline");
        HBox bar = new HBox(16, icon, message, where, last);
        // Shrinking together, the message wrapped over three lines mid-path at 1024 px ("…/sa" "mple-data.") beside
        // the folder line, and later the line itself read "Folde…": the names are shown whole, and only while the
        // message beside them fits on one line.
        InvalidationListener fit = o -> {
            // Measured from the texts: a label's own preferred width still holds its previous text in a listener. A
            // short message asks for no more than its text: with a fixed least width of 200 px the names beside
            // "Ready." pushed the window past the screen, and the wider bar then made them seem to fit.
            double messageWidth = oneLineWidth(message);
            message.setMinWidth(Math.min(MESSAGE_MIN_WIDTH, messageWidth));
            double needed = icon.prefWidth(-1) + messageWidth + oneLineWidth(where) + oneLineWidth(last)
                    + 3 * bar.getSpacing() + bar.getInsets().getLeft() + bar.getInsets().getRight();
            boolean fits = needed <= bar.getWidth();
            where.setVisible(fits);
            where.setManaged(fits);
        };
        bar.widthProperty().addListener(fit);
        message.textProperty().addListener(fit);
        where.textProperty().addListener(fit);
        last.textProperty().addListener(fit);
        message.fontProperty().addListener(fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        // Above the run's message, and kept when a later message replaces it: a day missing from the numbers
        // matters until the file is fixed and Quality runs again.
        UnreadableLine unreadable = new UnreadableLine(vm, "status-unreadable", true, this::showUnreadableFindings);
        // The Quality screen has its own copy, whole and with the same link: one copy of the words on a screen.
        unreadable.hideWhile(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> tabs.getSelectionModel().getSelectedItem() != null
                        && tabs.getSelectionModel().getSelectedItem() == tabsById.get(StageId.QUALITY),
                tabs.getSelectionModel().selectedItemProperty()));
        VBox box = new VBox(unreadable, bar);
        box.getStyleClass().add("status-bar");
        return box;
    }

    private static double oneLineWidth(Label label) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(label.getText());
        text.setFont(label.getFont());
        return Math.ceil(text.getLayoutBounds().getWidth()) + label.getPadding().getLeft() + label.getPadding().getRight();
    }

    private void showUnreadableFindings() {
        Tab quality = tabsById.get(StageId.QUALITY);
        if (quality != null && screens.get(StageId.QUALITY) instanceof com.puffy.pipeline.ui.quality.QualityScreen screen) {
            tabs.getSelectionModel().select(quality);
            screen.showUnreadableFindings();
        }
    }

    private static String name(Path path) {
        return path == null || path.getFileName() == null ? "—" : path.getFileName().toString();
    }

    /** The first folder among dropped files: what a drop onto the window opens. */
    static File firstFolder(List<File> dropped) {
        for (File file : dropped) {
            if (file.isDirectory()) {
                return file;
            }
        }
        return null;
    }

    // ---- actions ---------------------------------------------------------------------------------------------------

    private void installShortcuts(Scene target) {
        target.getAccelerators().put(Shortcuts.RUN_ALL, vm::runAll);
        target.getAccelerators().put(Shortcuts.CANCEL, vm::cancel);
        // Before the focused control sees it: a table or a tab header took Ctrl+Tab for its own moves.
        target.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (Shortcuts.NEXT_TAB.match(e) || Shortcuts.PREVIOUS_TAB.match(e)) {
                moveSubTab(Shortcuts.PREVIOUS_TAB.match(e) ? -1 : 1);
                e.consume();
            }
        });
        // Accelerators only see keys the focused control left alone, and a text field, a combo box or a menu button
        // takes Escape for itself: after typing in a table's search, Escape did not stop a run. During a run it
        // cancels wherever the focus is, unless it is closing an open list.
        target.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.runningProperty().get() && !closesAPopup(target.getFocusOwner())) {
                vm.cancel();
                e.consume();
            }
        });
        target.getAccelerators().put(Shortcuts.OPEN, this::chooseFolder);
        target.getAccelerators().put(Shortcuts.EXPORT, this::exportVisibleTable);
        // The search of the table in view was a dozen Tab presses away for a keyboard user.
        target.getAccelerators().put(Shortcuts.SEARCH, this::focusTableSearch);
    }

    /**
     * Whether Escape on this control closes its open list or menu, or empties a table's search, which come before
     * cancelling a run: the nearest thing goes first, and a second Escape cancels.
     */
    static boolean closesAPopup(Node focused) {
        return focused instanceof javafx.scene.control.ComboBoxBase<?> combo && combo.isShowing()
                || com.puffy.pipeline.ui.table.DataTableView.clearsOnEscape(focused)
                || focused instanceof MenuButton menu && menu.isShowing()
                // A value filter's list (opened with Space or Alt+Down) lives in a combo box inside the control.
                || focused instanceof org.controlsfx.control.CheckComboBox<?> facet
                        && facet.getChildrenUnmodifiable().stream().anyMatch(
                                n -> n instanceof javafx.scene.control.ComboBoxBase<?> inner && inner.isShowing());
    }

    private void installDragAndDrop(Scene target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(File::isDirectory)) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            File folder = e.getDragboard().hasFiles() ? firstFolder(e.getDragboard().getFiles()) : null;
            if (folder != null) {
                vm.openFolder(folder.toPath());
            }
            e.setDropCompleted(folder != null);
            e.consume();
        });
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the folder of daily event CSV files");
        Path start = vm.folderChooserStart();
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            vm.openFolder(chosen.toPath());
        }
    }

    private void chooseOutput() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose where the outputs go");
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            vm.setOutputDir(chosen.toPath());
        }
    }

    private void chooseCache() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the cache file (SQLite)");
        chooser.setInitialFileName("cache.sqlite");
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            vm.setCacheFile(chosen.toPath());
        }
    }

    private void chooseConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a configuration file (YAML)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        File chosen = chooser.showOpenDialog(window());
        if (chosen != null) {
            vm.setConfigFile(chosen.toPath());
        }
    }

    private void reloadShownScreen() {
        StageId shown = shownStage();
        if (shown != null && outdatedScreens.remove(shown)) {
            FxLatencyProbe.mark("screen reloaded " + shown);
            screens.get(shown).reload();
        }
    }

    private StageId shownStage() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        for (Map.Entry<StageId, Tab> entry : tabsById.entrySet()) {
            if (entry.getValue() == tab) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The table of the selected tab, or null. */
    public TableView<String[]> visibleTable() {
        StageId shown = shownStage();
        return shown == null ? null : screens.get(shown).visibleTable();
    }

    private void focusTableSearch() {
        TableView<String[]> table = visibleTable();
        com.puffy.pipeline.ui.table.DataTableView view = table == null ? null
                : com.puffy.pipeline.ui.table.DataTableView.of(table);
        if (view != null) {
            view.focusSearch();
        }
    }

    static String exportLabel(String noun) {
        return "Export " + noun + " as CSV…";
    }

    /** The File menu names what Ctrl+E writes from the screen in view: "Export chart as CSV…" over a chart. */
    private void followExportNoun() {
        StageId shown = shownStage();
        Screen screen = shown == null ? null : screens.get(shown);
        javafx.beans.value.ObservableStringValue noun = screen == null ? null : screen.exportNoun();
        if (noun == null) {
            exportItem.textProperty().unbind();
            exportItem.setText(exportLabel(Screen.Export.TABLE));
        } else {
            exportItem.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> exportLabel(noun.get()), noun));
        }
    }

    /** The export of the screen in view, or null. */
    Screen.Export export() {
        StageId shown = shownStage();
        Screen screen = shown == null ? null : screens.get(shown);
        return screen == null ? null : screen.export();
    }

    /** Ctrl+E: what the user is looking at, the table's rows or a chart's figures. */
    private void exportVisibleTable() {
        Screen.Export export = export();
        if (export instanceof Screen.Export.Figures figures) {
            exportFigures(figures);
            return;
        }
        TableView<String[]> table = export instanceof Screen.Export.Rows rows ? rows.table() : null;
        if (table == null || table.getItems() == null || table.getColumns().isEmpty()) {
            // On the Analysis overview the tables hide behind each chart's Table button, and the report is likely
            // what was meant: the message only said "open a table first".
            errorPresenter.accept(new UiError(shownStage() == StageId.ANALYSIS
                    ? "There is no table in view to export: show a chart as a table (its Table button), then press "
                    + "Ctrl+E; or export the whole report with Ctrl+Shift+E (File → Export report (HTML)…)."
                    : "There is no table on this screen to export: open a table first, then press Ctrl+E.", ""));
            return;
        }
        File chosen = chooseExportFile("Export the table as CSV", suggestedExportName(table));
        if (chosen != null) {
            exportTable(table, chosen.toPath());
        }
    }

    private File chooseExportFile(String title, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName(name);
        chooser.setInitialDirectory(exportFolder());
        File chosen = saveDialog.apply(chooser);
        if (chosen != null) {
            rememberExportFolder(chosen);
        }
        return chosen;
    }

    /** A chart's figures: a few rows, written on the FX thread by the chart's own Save code. */
    private void exportFigures(Screen.Export.Figures figures) {
        if (figures.missing() != null) {
            errorPresenter.accept(new UiError(figures.missing(), ""));
            return;
        }
        File chosen = chooseExportFile("Export the " + figures.noun() + " as CSV", figures.fileName());
        if (chosen == null) {
            return;
        }
        try {
            figures.write(chosen.toPath());
            vm.statusMessageProperty().set("Exported " + figures.what() + " to " + chosen + ".");
        } catch (java.io.IOException e) {
            errorPresenter.accept(UiError.of("export to " + chosen + ": choose a folder you may write to", e));
        }
    }

    private static final String EXPORT_FOLDER_KEY = "exportFolder";

    /**
     * Where Save opens: the folder of the last export, else the user's home. With none set, the system dialog opened
     * in the app's working folder (wherever it was started from: the install folder, "/"), and the second export
     * of a session started over from there.
     */
    private File exportFolder() {
        return exportFolder(prefs == null ? null : prefs.get(EXPORT_FOLDER_KEY, null),
                Path.of(System.getProperty("user.home")));
    }

    static File exportFolder(String remembered, Path home) {
        if (remembered != null && Files.isDirectory(Path.of(remembered))) {
            return new File(remembered);
        }
        return home != null && Files.isDirectory(home) ? home.toFile() : null;
    }

    private void rememberExportFolder(File chosen) {
        if (prefs != null && chosen.getParentFile() != null) {
            prefs.put(EXPORT_FOLDER_KEY, chosen.getParentFile().getAbsolutePath());
        }
    }

    /**
     * The file a table is read from, with "-filtered" when filters leave rows out: "validated_events-filtered.csv".
     * The table's id ("quality-files.csv") said nothing of what the All files tab was showing.
     */
    static String suggestedExportName(TableView<String[]> table) {
        com.puffy.pipeline.ui.table.DataTableView view = com.puffy.pipeline.ui.table.DataTableView.of(table);
        Path source = view == null ? null : view.source();
        if (source == null) {
            return table.getId() == null ? "table.csv" : table.getId().replace("-table", "") + ".csv";
        }
        String name = source.getFileName().toString().replaceFirst("\\.csv$", "");
        com.puffy.pipeline.ui.table.DataTableModel.Scope scope = view.scope();
        if (scope != null) {
            // "alerts-I-20250301-CLIENT_ID_NULL_RATE.csv": "alerts-filtered.csv" did not say whose alerts.
            return name + "-" + scope.fileName() + (view.filtersInUse() ? "-filtered" : "") + ".csv";
        }
        boolean filtered = view.rowsBeforeFilters() > view.shownRows().size();
        return name + (filtered ? "-filtered" : "") + ".csv";
    }

    /** Writes what the table shows (columns in their order, rows filtered and sorted) off the FX thread. */
    public void exportTable(TableView<String[]> table, Path file) {
        List<String> columns = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (TableColumn<String[], ?> column : table.getColumns()) {
            if (column.isVisible() && column.getUserData() instanceof String name) {
                columns.add(name);
                indexes.add(indexOf(table, column));
            }
        }
        // Say when filters left rows out: an analyst who filtered findings an hour ago expects the whole table.
        com.puffy.pipeline.ui.table.DataTableView view = com.puffy.pipeline.ui.table.DataTableView.of(table);
        // A data table's rows read from its file a batch at a time; copying them first held them all.
        List<String[]> rows = view != null ? view.shownRows() : new ArrayList<>(table.getItems());
        int before = view == null ? -1 : view.rowsBeforeFilters();
        com.puffy.pipeline.ui.table.DataTableModel.Scope scope = view == null ? null : view.scope();
        String what = scope != null ? "the " + Words.count(rows.size(), "row", "rows") + " of " + scope.words()
                + (!view.filtersInUse() ? "" : rows.size() == 1 ? " that passes the filters" : " that pass the filters")
                : before > rows.size()
                ? "the " + Words.count(rows.size(), "row", "rows") + " that pass the filters (of "
                        + Formats.count(before) + ")"
                : Words.count(rows.size(), "row", "rows");
        vm.statusMessageProperty().set("Exporting " + what + " to " + file + "…");
        int[] cells = indexes.stream().mapToInt(Integer::intValue).toArray();
        threads.background(() -> {
            try {
                TableExport.write(columns, cells, rows, file);
                threads.fx(() -> vm.statusMessageProperty().set("Exported " + what + " to " + file + "."));
            } catch (Exception e) {
                threads.fx(() -> errorPresenter.accept(UiError.of("export to " + file + ": choose a folder you may write to", e)));
            }
        });
    }

    /** The column's position in the rows, which stays fixed when the user drags columns around. */
    private static int indexOf(TableView<String[]> table, TableColumn<String[], ?> column) {
        Object data = column.getProperties().get("row-index");
        if (data instanceof Integer index) {
            return index;
        }
        return table.getColumns().indexOf(column);
    }

    private Path reportFile() {
        Path folder = vm.stageOutput(StageId.ANALYSIS);
        return folder == null ? null : folder.resolve("report.html");
    }

    private void exportReport() {
        Path report = reportFile();
        if (report == null || !Files.isRegularFile(report)) {
            errorPresenter.accept(new UiError("There is no report yet: run the Analysis stage first.", ""));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report");
        chooser.setInitialFileName("event-report.html");
        chooser.setInitialDirectory(exportFolder());
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            rememberExportFolder(chosen);
            threads.background(() -> {
                try {
                    Files.copy(report, chosen.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    threads.fx(() -> vm.statusMessageProperty().set("Saved the report to " + chosen + "."));
                } catch (Exception e) {
                    threads.fx(() -> errorPresenter.accept(UiError.of("save the report to " + chosen, e)));
                }
            });
        }
    }

    private void openReport() {
        Path report = reportFile();
        if (report == null || !Files.isRegularFile(report)) {
            errorPresenter.accept(new UiError("There is no report yet: run the Analysis stage first.", ""));
            return;
        }
        if (hostServices != null) {
            hostServices.showDocument(report.toUri().toString());
        }
    }

    private void showFolder(Path folder) {
        if (folder != null && hostServices != null && Files.isDirectory(folder)) {
            hostServices.showDocument(folder.toUri().toString());
        }
    }
}
