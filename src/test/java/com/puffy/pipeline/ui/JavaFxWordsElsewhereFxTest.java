package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ElsewhereDefaults;
import com.puffy.pipeline.engine.Pipeline;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.event.Event;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * JavaFX's own words in the app on a German machine (decision 0829): a text field's right-click menu and the error
 * dialog's details link said "Kopieren" and "Details anzeigen" under English screens. Both are made under the
 * machine's locale (a field's menu when its skin is made), so the window is built inside it.
 */
@ExtendWith(ApplicationExtension.class)
class JavaFxWordsElsewhereFxTest {
    private static final ElsewhereDefaults.Machine GERMANY = new ElsewhereDefaults.Machine(Locale.GERMANY,
            "Europe/Berlin");
    Stage window;
    Preferences prefs;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
        window = stage;
    }

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("eventpipe-test/fx-words-" + System.nanoTime());
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        robot.interact(() -> Window.getWindows().stream().filter(ContextMenu.class::isInstance).toList()
                .forEach(Window::hide));
        prefs.removeNode();
    }

    @Test
    void aTextFieldsMenuOnTheMainWindowAndInADialogSaysCopyAndPaste(FxRobot robot) throws Exception {
        List<List<String>> menus = ElsewhereDefaults.on(GERMANY, () -> WaitForAsyncUtils.asyncFx(() -> {
            UiThreads threads = UiThreads.javafx();
            MainViewModel vm = new MainViewModel(new Pipeline(List.of()), threads, new RecentFolders(prefs), d -> d,
                    Clock.systemUTC());
            vm.cacheEnabledProperty().set(false);
            Stage main = new Stage();
            main.setScene(StudioApp.build(vm, threads, null, prefs).createScene(1280, 800));
            main.show();
            main.getScene().getRoot().applyCss();
            main.getScene().getRoot().layout();
            TextField asOf = ((DatePicker) main.getScene().lookup("#as-of")).getEditor();
            asOf.setText("2025-03-09");
            asOf.selectAll();
            List<String> field = menuOf(asOf);
            main.hide();

            Alert error = ErrorDialog.create(window, UiError.of("read the file", new java.io.IOException("gone")));
            error.show();
            TextArea details = (TextArea) error.getDialogPane().getExpandableContent();
            error.getDialogPane().setExpanded(true);
            error.getDialogPane().applyCss();
            error.getDialogPane().layout();
            assertThat(details.getSkin()).as("the details' skin, made on " + GERMANY).isNotNull();
            details.selectRange(0, 4);
            List<String> readOnly = menuOf(details);
            error.setResult(DialogButtons.OK);
            error.close();
            return List.of(field, readOnly);
        }).get());

        assertThat(menus.get(0)).as("the As of field's menu on " + GERMANY)
                .containsExactly("Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "-", "Select All");
        assertThat(menus.get(1)).as("the error details' menu on " + GERMANY).containsExactly("Copy", "-", "Select All");
    }

    @Test
    void theErrorDialogsDetailsLinkSaysShowAndHideDetails(FxRobot robot) throws Exception {
        List<String> texts = ElsewhereDefaults.on(GERMANY, () -> WaitForAsyncUtils.asyncFx(() -> {
            Alert error = ErrorDialog.create(window, UiError.of("read the file", new java.io.IOException("gone")));
            assertThat(error.getDialogPane().getExpandableContent()).as("details to show").isNotNull();
            error.show();
            Hyperlink link = (Hyperlink) error.getDialogPane().lookup(".details-button");
            String shown = link.getText();
            link.fire();
            String hidden = link.getText();
            boolean expanded = error.getDialogPane().isExpanded();
            error.setResult(DialogButtons.OK);
            error.close();
            return List.of(shown, hidden, Boolean.toString(expanded));
        }).get());
        assertThat(texts).as("the details link on " + GERMANY).containsExactly("Show Details", "Hide Details", "true");
    }

    /** The texts of the menu a right-click on {@code field} shows ("-" for a separator). */
    private static List<String> menuOf(TextInputControl field) {
        Event.fireEvent(field, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 4, 4, 100, 100, false,
                null));
        ContextMenu menu = Window.getWindows().stream().filter(ContextMenu.class::isInstance)
                .map(ContextMenu.class::cast).filter(Window::isShowing).findFirst().orElseThrow();
        List<String> texts = menu.getItems().stream()
                .map(item -> item instanceof SeparatorMenuItem ? "-" : item.getText()).toList();
        menu.hide();
        return texts;
    }
}
