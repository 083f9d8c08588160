package com.puffy.pipeline.ui;

import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.quality.QualityStage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;

/**
 * A whole window on the real Quality stage alone, the cache off, its errors recorded in a list rather than shown, on
 * the app's threads counted ({@link CountedThreads}). Register it as a field ({@code @RegisterExtension final
 * QualityWindowFixture window = new QualityWindowFixture();}) and {@link #show} it in the test's {@code @Start}; its
 * recent folders go to a throwaway preferences node that the fixture removes after each test.
 */
final class QualityWindowFixture implements AfterEachCallback {
    private final List<UiError> errors = new CopyOnWriteArrayList<>();
    private final CountedThreads threads = new CountedThreads();
    private Preferences prefs;
    private MainViewModel vm;
    private MainView view;

    void show(Stage stage, double width, double height) {
        show(stage, width, height, Clock.systemUTC());
    }

    /** With a clock the test moves (the window's tick still runs on its own). */
    void show(Stage stage, double width, double height, Clock clock) {
        prefs = Preferences.userRoot().node("eventpipe-test/quality-window-" + System.nanoTime());
        vm = new MainViewModel(new Pipeline(List.of(new QualityStage())), threads, new RecentFolders(prefs), d -> d,
                clock);
        vm.cacheEnabledProperty().set(false);
        view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(errors::add);
        stage.setScene(view.createScene(width, height));
        stage.show();
    }

    MainViewModel vm() {
        return vm;
    }

    MainView view() {
        return view;
    }

    /** The errors the window would have shown in a dialog, in order. */
    List<UiError> errors() {
        return errors;
    }

    /** Waits until the window has nothing left to read or show: a run, the statuses read after it, the screens. */
    void waitUntilIdle() throws Exception {
        threads.waitUntilIdle();
    }

    /** Run all, as F5, and wait until the run, the statuses read after it and the screens' readings are over. */
    void runAll(FxRobot robot) throws Exception {
        robot.interact(vm::runAll);
        threads.waitUntilIdle();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (prefs != null) {
            prefs.removeNode();
        }
    }
}
