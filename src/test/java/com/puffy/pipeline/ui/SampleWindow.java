package com.puffy.pipeline.ui;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.generate.EventGenerator;
import com.puffy.pipeline.generate.FaultKind;
import com.puffy.pipeline.generate.GenerateSettings;
import com.puffy.pipeline.generate.SampleData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The whole app on the real engine, its "sample data" a small generated folder (6 days of 300 events with the common
 * faults), in a home and preferences of its own: for TestFX classes that drive one window through a day's work, so
 * the pipeline runs once per class. Errors go to {@link #errors} rather than to a modal dialog.
 */
final class SampleWindow {
    final Path home;
    final Preferences prefs;
    final MainViewModel vm;
    final MainView view;
    final List<UiError> errors = new CopyOnWriteArrayList<>();
    private final Scene scene;
    private final String oldHome;

    private SampleWindow(String name) throws IOException {
        home = Files.createTempDirectory("eventpipe-" + name);
        oldHome = System.getProperty("eventpipe.home");
        System.setProperty("eventpipe.home", home.toString());
        prefs = Preferences.userRoot().node("eventpipe-test/" + name + "-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        SampleDataSource small = dir -> {
            EventGenerator.generate(new GenerateSettings(dir, 6, 300, SampleData.START, SampleData.SEED,
                    FaultKind.common()), Progress.NONE, Cancellation.none());
            return dir;
        };
        vm = new MainViewModel(StudioEngine.standardPipeline(), threads, new RecentFolders(prefs), small,
                Clock.systemUTC());
        vm.setCacheFile(home.resolve("cache.sqlite"));
        view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(errors::add);
        vm.onError(errors::add);
        scene = view.createScene(1440, 900);
    }

    /** Call from {@code @Start}: the first call builds the window, later ones show the same one on the new stage. */
    static SampleWindow showOn(SampleWindow existing, String name, Stage stage) throws IOException {
        SampleWindow app = existing != null ? existing : new SampleWindow(name);
        stage.setScene(app.scene);
        stage.show();
        return app;
    }

    /** Call from {@code @AfterAll}: removes the home, the preferences and the home property. */
    void close() throws IOException, BackingStoreException {
        prefs.removeNode();
        try (Stream<Path> walk = Files.walk(home)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (oldHome == null) {
            System.clearProperty("eventpipe.home");
        } else {
            System.setProperty("eventpipe.home", oldHome);
        }
    }
}
