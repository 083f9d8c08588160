package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.UserFolders;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help › About on a 1024×768 screen: the folders it names can be copied, each path on a line of its own. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    Stage window;

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/about-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        MainViewModel vm = new MainViewModel(new Pipeline(List.of(new FakeStages().stage(StageId.QUALITY))), threads,
                new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        MainView view = StudioApp.build(vm, threads, null, prefs);
        window = stage;
        stage.setScene(view.createScene(1024, 768));
        stage.show();
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @Test
    void theFoldersCanBeSelectedAndEachPathStaysOnOneLine(FxRobot robot) throws Exception {
        MenuBar bar = (MenuBar) window.getScene().getRoot().lookup(".menu-bar");
        Menu help = bar.getMenus().stream().filter(m -> m.getText().equals("_Help")).findFirst().orElseThrow();
        MenuItem about = help.getItems().stream().filter(i -> "About".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(about::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = Window.getWindows().stream().filter(w -> w != window && w.isShowing()
                && w.getScene().getRoot() instanceof DialogPane).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        Screenshots.save(dialog.getScene(), "about-dialog");
        assertThat(pane.lookup("#about-text")).as("the text is selectable, so a path can be copied")
                .isInstanceOf(TextArea.class);
        TextArea text = (TextArea) pane.lookup("#about-text");
        assertThat(text.isEditable()).isFalse();
        assertThat(text.getText()).contains(UserFolders.logDir().toString());
        ScrollPane inner = (ScrollPane) text.lookup(".scroll-pane");
        Text lines = (Text) text.lookup(".text");
        assertThat(lines.getBoundsInParent().getMaxX()).as("every line in view without scrolling sideways")
                .isLessThanOrEqualTo(inner.getViewportBounds().getWidth());
        assertThat(lines.getBoundsInParent().getMaxY()).as("every line in view without scrolling down")
                .isLessThanOrEqualTo(inner.getViewportBounds().getHeight());
        assertThat(dialog.getWidth()).as("on a 1024-wide screen").isLessThanOrEqualTo(1000);
        assertThat(dialog.getHeight()).as("on a 768-high screen").isLessThanOrEqualTo(700);
        robot.interact(dialog::hide);
    }
}
