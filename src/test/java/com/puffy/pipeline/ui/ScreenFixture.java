package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The app's view model over an input folder, for TestFX tests of one screen over stage outputs that are already
 * there, mostly written by hand ({@link UiFixtures}, {@link #write}): it has no stages to run, so a screen shows only
 * what the test wrote; it uses the app's own threads ({@link UiThreads#javafx()}) and the machine's clock. Its recent
 * folders go to a throwaway preferences node so that a test never touches the user's list: make it in the test's
 * {@code @Start} and call {@link #removePreferences()} in {@code @AfterEach}. A test that needs another pipeline,
 * clock or threads builds its {@link MainViewModel} itself.
 */
final class ScreenFixture {
    private final Preferences prefs;
    private final MainViewModel vm;

    private ScreenFixture(Preferences prefs, MainViewModel vm) {
        this.prefs = prefs;
        this.vm = vm;
    }

    /**
     * Opens a new, empty input folder under {@code dir}. A folder per call: {@code @Start} runs before every test
     * while {@code dir} is the class's, and one test's outputs must not show in the next.
     */
    static ScreenFixture overNewFolder(Path dir) throws IOException {
        return over(Files.createDirectories(dir.resolve("events-" + System.nanoTime())));
    }

    /** Opens {@code input}, whose outputs are already there (from a run in {@code @BeforeAll}, say). */
    static ScreenFixture over(Path input) {
        Preferences prefs = Preferences.userRoot().node("eventpipe-test/screen-" + System.nanoTime());
        MainViewModel vm = new MainViewModel(new Pipeline(List.of()), UiThreads.javafx(), new RecentFolders(prefs),
                d -> d, Clock.systemUTC());
        vm.openFolder(input);
        return new ScreenFixture(prefs, vm);
    }

    MainViewModel vm() {
        return vm;
    }

    /** The output folder of the open input folder, where the screens read the stages' files. */
    Path output() {
        return vm.outputDirProperty().get();
    }

    /** Writes {@code text} as {@code file} in the output folder of {@code stage}, making the folder if need be. */
    Path write(StageId stage, String file, CharSequence text) throws IOException {
        Path folder = Files.createDirectories(output().resolve(stage.outputFolder()));
        return Files.writeString(folder.resolve(file), text);
    }

    /**
     * Shows {@code node} in {@code stage} in the light theme, in a window of the given size; in a StackPane so that
     * a screen stretches to the window's size, as the tests' sizes intend.
     */
    static Scene show(Stage stage, Node node, double width, double height) {
        Scene scene = new Scene(new StackPane(node), width, height);
        Theme.apply(scene, false, null);
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    void removePreferences() throws Exception {
        prefs.removeNode();
    }
}
