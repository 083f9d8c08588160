package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The app's view model over an input folder, for TestFX tests of one screen over stage outputs that are already
 * there, mostly written by hand ({@link UiFixtures}, {@link #write}): it has no stages to run, so a screen shows only
 * what the test wrote; it uses the app's own threads, counted ({@link CountedThreads}, so that a test can wait until
 * the screen has read and shown them), and the machine's clock. A test that needs another pipeline, clock or threads
 * builds its {@link MainViewModel} itself.
 *
 * <p>Register it as a field ({@code @RegisterExtension final ScreenFixture fixture = new ScreenFixture();}) and open
 * a folder in the test's {@code @Start}. Its recent folders go to a throwaway preferences node, removed after each
 * test by the fixture itself, so that no test can forget to and leave its folders in the user's list.
 */
final class ScreenFixture implements AfterEachCallback {
    private final CountedThreads threads = new CountedThreads();
    private Preferences prefs;
    private MainViewModel vm;

    /**
     * Opens a new, empty input folder under {@code dir}. A folder per call: {@code @Start} runs before every test
     * while {@code dir} is the class's, and one test's outputs must not show in the next.
     */
    MainViewModel openNewFolder(Path dir) throws IOException {
        return openNewFolder(dir, threads);
    }

    /** As {@link #openNewFolder(Path)}, the view model working on {@code threads}. */
    MainViewModel openNewFolder(Path dir, UiThreads threads) throws IOException {
        return open(Files.createDirectories(dir.resolve("events-" + System.nanoTime())), threads);
    }

    /** Opens {@code input}, whose outputs are already there (from a run in {@code @BeforeAll}, say). */
    MainViewModel open(Path input) {
        return open(input, threads);
    }

    private MainViewModel open(Path input, UiThreads threads) {
        prefs = Preferences.userRoot().node("eventpipe-test/screen-" + System.nanoTime());
        vm = new MainViewModel(new Pipeline(List.of()), threads, new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.openFolder(input);
        return vm;
    }

    MainViewModel vm() {
        return vm;
    }

    /** The threads of the view model and of the screens the fixture shows, for another screen over the same model. */
    UiThreads threads() {
        return threads;
    }

    /** Waits until the screens have nothing left to read or show (a {@code reload()}, say). */
    void waitUntilIdle() throws Exception {
        threads.waitUntilIdle();
    }

    /** The throwaway preferences node of the open folder, for a whole window ({@link StudioApp#build}). */
    Preferences prefs() {
        return prefs;
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
     * Makes a screen over the view model ({@code QualityScreen::new}), shows it in {@code stage} in the light theme in
     * a window of the given size, and has it read the outputs. The StackPane stretches the screen to the window, so
     * the size is the screen's, as the tests' sizes intend.
     */
    <S extends Screen> S showScreen(Stage stage, BiFunction<MainViewModel, UiThreads, S> screen, double width,
                                    double height) {
        S shown = screen.apply(vm, threads);
        Scene scene = new Scene(new StackPane(shown.node()), width, height);
        Theme.apply(scene, false, null);
        stage.setScene(scene);
        // TestFX hands every test the same window: one a test before resized keeps that size over a new scene.
        stage.sizeToScene();
        stage.show();
        shown.reload();
        return shown;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (prefs != null) {
            prefs.removeNode();
        }
    }
}
