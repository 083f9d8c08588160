package com.puffy.pipeline.ui;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.UserFolders;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: builds the engine, the ViewModel and the window. Started by {@link StudioLauncher}. */
public final class StudioApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(StudioApp.class);

    @Override
    public void start(Stage window) {
        Path log = AppLogging.configure(UserFolders.logDir());
        LOG.info("Event Pipeline Studio starting; log at {}", log);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> LOG.error("Uncaught on {}", thread.getName(), error));
        Path folder = StudioLauncher.inputFolder(getParameters().getRaw());
        Preferences prefs = RecentFolders.appNode();
        UiThreads threads = UiThreads.javafx();
        Pipeline pipeline = StudioEngine.standardPipeline();
        MainViewModel vm = new MainViewModel(pipeline, threads, new RecentFolders(prefs), com.puffy.pipeline.generate.SampleData::ensure,
                Clock.systemUTC());
        MainView view = build(vm, threads, getHostServices(), prefs);
        Scene scene = view.createScene(1440, 900);
        window.setTitle("Event Pipeline Studio");
        try (var icon = StudioApp.class.getResourceAsStream("icon.png")) {
            if (icon != null) {
                window.getIcons().add(new javafx.scene.image.Image(icon));
            }
        } catch (java.io.IOException e) {
            LOG.warn("No window icon", e);
        }
        window.setScene(scene);
        window.setMinWidth(1000);
        window.setMinHeight(640);
        recheckWhenFocused(window.focusedProperty(), vm);
        window.show();
        vm.startup(folder);
    }

    /** Each time the window comes back to the front, the stages' badges are checked against the folder again. */
    static void recheckWhenFocused(javafx.beans.value.ObservableBooleanValue focused, MainViewModel vm) {
        focused.addListener((observable, was, now) -> {
            if (now) {
                vm.recheckStatuses();
            }
        });
    }

    /** The window for a ViewModel: also what the UI tests build, so they drive the same screens. */
    public static MainView build(MainViewModel vm, UiThreads threads, HostServices hostServices, Preferences prefs) {
        Map<StageId, Screen> screens = new EnumMap<>(StageId.class);
        screens.put(StageId.QUALITY, new com.puffy.pipeline.ui.quality.QualityScreen(vm, threads));
        screens.put(StageId.TRANSFORM, new com.puffy.pipeline.ui.transform.TransformScreen(vm, threads));
        screens.put(StageId.MONITOR, new com.puffy.pipeline.ui.monitor.MonitoringScreen(vm, threads));
        screens.put(StageId.ANALYSIS, new com.puffy.pipeline.ui.analysis.AnalysisScreen(vm, threads));
        return new MainView(vm, threads, hostServices, prefs, screens);
    }
}
