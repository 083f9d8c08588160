package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;
import javafx.stage.Stage;

/**
 * The window on quick fake stages ({@link FakeStages}), for tests of the shell's wiring rather than of any stage's
 * work: a view model on the stages given, caching off, preferences of its own, its errors collected, a 1280×800 scene
 * shown on a folder holding one header-only day. Call {@link #close} after each test.
 */
final class FakeStagesWindow {
    final Path input;
    final Preferences prefs;
    final MainViewModel vm;
    final MainView view;
    final List<UiError> errors = new CopyOnWriteArrayList<>();

    private FakeStagesWindow(Path input, Preferences prefs, MainViewModel vm, MainView view) {
        this.input = input;
        this.prefs = prefs;
        this.vm = vm;
        this.view = view;
    }

    /** Shows the window on {@code stage} and opens a new one-day folder under {@code dir}; {@code name} names the prefs. */
    static FakeStagesWindow open(Stage stage, Path dir, String name, StageId... stages) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        Preferences prefs = Preferences.userRoot().node("eventpipe-test/" + name + "-" + System.nanoTime());
        FakeStages fakes = new FakeStages();
        UiThreads threads = UiThreads.javafx();
        MainViewModel vm = new MainViewModel(new Pipeline(Arrays.stream(stages).map(fakes::stage).toList()),
                threads, new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        FakeStagesWindow window = new FakeStagesWindow(input, prefs, vm, StudioApp.build(vm, threads, null, prefs));
        window.view.setErrorPresenter(window.errors::add);
        stage.setScene(window.view.createScene(1280, 800));
        stage.show();
        vm.openFolder(input);
        return window;
    }

    void close() throws Exception {
        prefs.removeNode();
    }
}
