package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help › Keyboard shortcuts lists exactly what the window binds, and the menus show every shortcut they act on. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainView view;
    Stage window;

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/sc-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        MainViewModel vm = new MainViewModel(new Pipeline(List.of(new FakeStages().stage(StageId.QUALITY))), threads,
                new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        view = StudioApp.build(vm, threads, null, prefs);
        window = stage;
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private List<MenuItem> menuItems() {
        MenuBar bar = (MenuBar) window.getScene().getRoot().lookup(".menu-bar");
        List<MenuItem> all = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, all);
        }
        return all;
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            into.add(item);
            if (item instanceof Menu sub) {
                collect(sub, into);
            }
        }
    }

    @Test
    void theHelpListsExactlyTheKeysTheMenusAndTheWindowBind() {
        Set<KeyCombination> bound = new HashSet<>(window.getScene().getAccelerators().keySet());
        for (MenuItem item : menuItems()) {
            if (item.getAccelerator() != null) {
                bound.add(item.getAccelerator());
            }
        }
        Set<KeyCombination> listed = new HashSet<>();
        for (Shortcuts.Shortcut shortcut : Shortcuts.all()) {
            listed.addAll(shortcut.keys());
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(bound);
    }

    @Test
    void everyListedWindowShortcutIsShownBesideItsCommandInAMenu() {
        Set<KeyCombination> inMenus = new HashSet<>();
        for (MenuItem item : menuItems()) {
            if (item.getAccelerator() != null) {
                inMenus.add(item.getAccelerator());
            }
        }
        for (Shortcuts.Shortcut shortcut : Shortcuts.all()) {
            if (!shortcut.keys().contains(Shortcuts.MENU_BAR)) {
                assertThat(inMenus).as(shortcut.keyText() + " (" + shortcut.what() + ") in a menu")
                        .containsAll(shortcut.keys());
            }
        }
    }

    @Test
    void everyMenuHasItsOwnAltLetterAndNoCommandShowsOneThatDoesNothing() {
        MenuBar bar = (MenuBar) window.getScene().getRoot().lookup(".menu-bar");
        // JavaFX opens a menu with Alt and its letter, but a letter typed in an open menu chooses nothing (the arrows
        // and Enter do): a command's underlined letter would promise a key that does not work.
        for (MenuItem item : menuItems()) {
            assertThat(item.getText() == null || !item.isMnemonicParsing() || !item.getText().contains("_"))
                    .as("'" + item.getText() + "' shows no letter").isTrue();
        }
        for (List<MenuItem> level : List.<List<MenuItem>>of(new ArrayList<>(bar.getMenus()))) {
            Set<Character> letters = new HashSet<>();
            for (MenuItem item : level) {
                if (item instanceof javafx.scene.control.SeparatorMenuItem || !item.isMnemonicParsing()) {
                    continue;
                }
                int underscore = item.getText().indexOf('_');
                assertThat(underscore).as("'" + item.getText() + "' has a mnemonic").isGreaterThanOrEqualTo(0);
                char letter = Character.toLowerCase(item.getText().charAt(underscore + 1));
                assertThat(letters.add(letter)).as("'" + item.getText() + "' shares its letter " + letter).isTrue();
            }
        }
    }

    @Test
    void f1ShowsTheListOfShortcutsAndSaysWhereTheMenusShowThem(FxRobot robot) throws Exception {
        robot.interact(() -> view.root().requestFocus());
        robot.push(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.GridPane list = robot.lookup("#shortcut-list").queryAs(javafx.scene.layout.GridPane.class);
        List<String> texts = list.getChildren().stream().map(n -> ((javafx.scene.control.Label) n).getText()).toList();
        for (Shortcuts.Shortcut shortcut : Shortcuts.all()) {
            assertThat(texts).contains(shortcut.keyText(), shortcut.what());
        }
        assertThat(texts).anyMatch(t -> t.contains("The menus show each command's shortcut"));
        assertThat(list.getAccessibleText()).contains("F5").contains("Ctrl+Tab").contains("Ctrl+1…4")
                .contains("Ctrl+Shift+1…4");
        javafx.stage.Window dialog = list.getScene().getWindow();
        assertThat(dialog.getHeight()).as("the dialog and its OK button fit on the screen")
                .isLessThanOrEqualTo(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight());
        Screenshots.save(list.getScene(), "keyboard-shortcuts");
        robot.interact(() -> ((Stage) list.getScene().getWindow()).close());
    }
}
