package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** New outputs are read by the screen in front at once and by the others only when they are shown. */
@ExtendWith(ApplicationExtension.class)
class LazyScreensFxTest {
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    final Map<StageId, Integer> reloads = new EnumMap<>(StageId.class);

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("eventpipe-test/lazy-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new Pipeline(List.of()), threads, new RecentFolders(prefs), d -> d, Clock.systemUTC());
        Map<StageId, Screen> screens = new EnumMap<>(StageId.class);
        for (StageId id : StageId.values()) {
            reloads.put(id, 0);
            Label label = new Label(id.title());
            screens.put(id, new Screen() {
                @Override
                public Node node() {
                    return label;
                }

                @Override
                public void reload() {
                    reloads.merge(id, 1, Integer::sum);
                }
            });
        }
        view = new MainView(vm, threads, null, prefs, screens);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @Test
    void onlyTheShownScreenReadsNewOutputsAndAHiddenOneReadsThemOnceWhenShown(FxRobot robot) {
        assertThat(reloads).as("no folder yet: the screen in front is read once, to say so")
                .containsEntry(StageId.QUALITY, 1).containsEntry(StageId.TRANSFORM, 0);
        reloads.replaceAll((id, n) -> 0);
        robot.interact(() -> vm.outputsVersionProperty().set(vm.outputsVersionProperty().get() + 1));
        assertThat(reloads).containsEntry(StageId.QUALITY, 1).containsEntry(StageId.TRANSFORM, 0)
                .containsEntry(StageId.ANALYSIS, 0).containsEntry(StageId.MONITOR, 0);

        robot.interact(() -> view.select(StageId.TRANSFORM));
        assertThat(reloads).containsEntry(StageId.TRANSFORM, 1);
        robot.interact(() -> view.select(StageId.QUALITY));
        robot.interact(() -> view.select(StageId.TRANSFORM));
        assertThat(reloads).as("shown again with nothing new: not read again")
                .containsEntry(StageId.QUALITY, 1).containsEntry(StageId.TRANSFORM, 1);

        robot.interact(() -> vm.outputsVersionProperty().set(vm.outputsVersionProperty().get() + 1));
        assertThat(reloads).containsEntry(StageId.TRANSFORM, 2).containsEntry(StageId.QUALITY, 1);
        robot.interact(() -> view.select(StageId.MONITOR));
        assertThat(reloads).containsEntry(StageId.MONITOR, 1).containsEntry(StageId.ANALYSIS, 0);
    }

    @Test
    void aStageThatFinishesWhileTheRunGoesOnIsReadByItsScreenInFrontAndByAHiddenOneWhenShown(FxRobot robot) {
        robot.interact(() -> view.select(StageId.TRANSFORM));
        reloads.replaceAll((id, n) -> 0);
        robot.interact(() -> {
            finish(StageId.QUALITY);
            finish(StageId.TRANSFORM);
            vm.stage(StageId.MONITOR).started(System.nanoTime());
        });
        assertThat(reloads).as("Transform in front reads its outputs; Quality, hidden, does not yet")
                .containsEntry(StageId.TRANSFORM, 1).containsEntry(StageId.QUALITY, 0);

        robot.interact(() -> finish(StageId.MONITOR));
        robot.interact(() -> vm.stage(StageId.ANALYSIS).started(System.nanoTime()));
        assertThat(reloads).as("hidden: nothing read while Analysis runs")
                .containsEntry(StageId.MONITOR, 0).containsEntry(StageId.ANALYSIS, 0);
        robot.interact(() -> view.select(StageId.MONITOR));
        assertThat(reloads).as("shown, it reads what its stage wrote").containsEntry(StageId.MONITOR, 1);
        robot.interact(() -> finish(StageId.ANALYSIS));
        assertThat(reloads).containsEntry(StageId.ANALYSIS, 0).containsEntry(StageId.MONITOR, 1);
        robot.interact(() -> view.select(StageId.QUALITY));
        assertThat(reloads).containsEntry(StageId.QUALITY, 1);
        robot.interact(() -> view.select(StageId.TRANSFORM));
        assertThat(reloads).as("read when its stage finished, nothing new since").containsEntry(StageId.TRANSFORM, 1);
    }

    private void finish(StageId id) {
        StageViewModel stage = vm.stage(id);
        stage.started(System.nanoTime());
        stage.finished(StageState.FRESH, "Finished.", List.of(), java.time.Duration.ofSeconds(1));
    }
}
