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
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: builds the engine, the ViewModel and the window. Started by {@link StudioLauncher}. */
public final class StudioApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(StudioApp.class);
    private static final double WIDTH = 1440;
    private static final double HEIGHT = 900;
    private static final double MIN_WIDTH = 1000;
    private static final double MIN_HEIGHT = 640;
    /** Room for a window manager's borders and title bar around the scene. */
    private static final double FRAME = 16;
    private static final double FRAME_TOP = 40;

    @Override
    public void start(Stage window) {
        Path log = AppLogging.configure(UserFolders.logDir());
        LOG.info("Event Pipeline Studio starting; log at {}", log);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> LOG.error("Uncaught on {}", thread.getName(), error));
        Path folder = StudioLauncher.inputFolder(getParameters().getRaw());
        Preferences prefs = RecentFolders.appNode();
        FxLatencyProbe probe = FxLatencyProbe.startIfEnabled();
        UiThreads threads = UiThreads.javafx();
        Pipeline pipeline = StudioEngine.standardPipeline();
        MainViewModel vm = new MainViewModel(pipeline, threads, new RecentFolders(prefs), com.puffy.pipeline.generate.SampleData::ensure,
                Clock.systemUTC());
        MainView view = build(vm, threads, getHostServices(), prefs);
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Rectangle2D size = windowSize(screen);
        Scene scene = view.createScene(size.getWidth(), size.getHeight());
        window.setTitle("Event Pipeline Studio");
        try (var icon = StudioApp.class.getResourceAsStream("icon.png")) {
            if (icon != null) {
                window.getIcons().add(new javafx.scene.image.Image(icon));
            }
        } catch (java.io.IOException e) {
            LOG.warn("No window icon", e);
        }
        if (probe != null) {
            probe.watchPulses(scene);
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> FxLatencyProbe.mark("key " + e.getCode()));
            if (scene.lookup("#stage-tabs") instanceof javafx.scene.control.TabPane tabs) {
                tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
                    FxLatencyProbe.mark("screen selected " + is.getText());
                    scene.addPostLayoutPulseListener(new Runnable() {
                        @Override
                        public void run() {
                            scene.removePostLayoutPulseListener(this);
                            FxLatencyProbe.mark("screen laid out " + is.getText());
                        }
                    });
                });
            }
        }
        window.setScene(scene);
        window.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        window.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        recheckWhenFocused(window.focusedProperty(), vm);
        window.show();
        vm.startup(folder);
    }

    /**
     * The scene's first size: 1440×900 where the screen has room, else the screen's visible part (less the window
     * frame). A fixed 1440×900 on a 1366×768 or 1280×720 laptop put the menu, Run all and the status bar off screen.
     */
    static Rectangle2D windowSize(Rectangle2D visible) {
        double width = visible.getWidth() >= WIDTH + FRAME ? WIDTH : Math.max(MIN_WIDTH, visible.getWidth() - FRAME);
        double height = visible.getHeight() >= HEIGHT + FRAME_TOP ? HEIGHT
                : Math.max(MIN_HEIGHT, visible.getHeight() - FRAME_TOP);
        return new Rectangle2D(0, 0, Math.min(width, visible.getWidth()), Math.min(height, visible.getHeight()));
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
        TextMenus.inEveryWindow();
        Map<StageId, Screen> screens = new EnumMap<>(StageId.class);
        screens.put(StageId.QUALITY, new com.puffy.pipeline.ui.quality.QualityScreen(vm, threads));
        screens.put(StageId.TRANSFORM, new com.puffy.pipeline.ui.transform.TransformScreen(vm, threads));
        screens.put(StageId.MONITOR, new com.puffy.pipeline.ui.monitor.MonitoringScreen(vm, threads));
        screens.put(StageId.ANALYSIS, new com.puffy.pipeline.ui.analysis.AnalysisScreen(vm, threads));
        return new MainView(vm, threads, hostServices, prefs, screens);
    }
}
