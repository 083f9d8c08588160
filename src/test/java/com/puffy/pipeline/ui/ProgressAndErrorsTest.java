package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ProgressAndErrorsTest {
    @TempDir
    Path dir;

    /** FX updates wait in a queue, as they do while the FX thread is busy drawing. */
    static final class QueuedThreads implements UiThreads {
        final Queue<Runnable> fxQueue = new ArrayDeque<>();

        @Override
        public void background(Runnable work) {
            work.run();
        }

        @Override
        public void fx(Runnable update) {
            fxQueue.add(update);
        }
    }

    @Test
    void aFloodOfEngineProgressBecomesOneScreenUpdateWithTheLatestFigures() {
        QueuedThreads threads = new QueuedThreads();
        StageViewModel stage = new StageViewModel(StageId.QUALITY, true);
        stage.started(System.nanoTime());
        for (long done = 1; done <= 1_000_000; done++) {
            stage.progressFromEngine(done, 2_000_000, "read " + done, threads);
        }
        assertThat(threads.fxQueue).hasSize(1);
        threads.fxQueue.poll().run();
        assertThat(stage.progressProperty().get()).isEqualTo(0.5);
        assertThat(stage.messageProperty().get()).isEqualTo("read 1000000");
        stage.progressFromEngine(2_000_000, 2_000_000, "done", threads);
        assertThat(threads.fxQueue).hasSize(1);
    }

    @Test
    void aRunningStageSaysAboutHowLongIsLeftOnceItsProgressCanTell() {
        StageViewModel stage = new StageViewModel(StageId.QUALITY, true);
        long start = 1_000_000_000L;
        stage.started(start);
        stage.progressFromEngine(25, 100, "Validating files", UiThreads.direct());
        stage.tick(start + 2_000_000_000L);
        assertThat(stage.remainingProperty().get()).as("too early to tell").isEmpty();
        stage.tick(start + 10_000_000_000L);
        assertThat(stage.remainingProperty().get()).isEqualTo("about 30 s left");
        stage.progressFromEngine(60, 100, "Validating files", UiThreads.direct());
        stage.tick(start + 90_000_000_000L);
        assertThat(stage.remainingProperty().get()).isEqualTo("about 1 min left");
        stage.progressFromEngine(95, 100, "Writing validated events", UiThreads.direct());
        stage.tick(start + 95_000_000_000L);
        assertThat(stage.remainingProperty().get()).isEqualTo("a few seconds left");
        stage.finished(StageState.CANCELLED, "Cancelled", null, null);
        assertThat(stage.remainingProperty().get()).isEmpty();
    }

    @Test
    void noTimeIsGuessedBeforeTheTotalIsKnown() {
        StageViewModel stage = new StageViewModel(StageId.TRANSFORM, true);
        stage.started(0);
        stage.progressFromEngine(10, 0, "sorting", UiThreads.direct());
        stage.tick(30_000_000_000L);
        assertThat(stage.remainingProperty().get()).isEmpty();
        assertThat(StageViewModel.remainingText(java.time.Duration.ofSeconds(30), 0.01)).isEmpty();
        assertThat(StageViewModel.remainingText(java.time.Duration.ofSeconds(200), 0.5)).isEqualTo("about 3 min left");
    }

    @Test
    void anUnknownTotalShowsAnIndeterminateBar() {
        StageViewModel stage = new StageViewModel(StageId.TRANSFORM, true);
        stage.started(System.nanoTime());
        stage.progressFromEngine(10, 0, "sorting", UiThreads.direct());
        assertThat(stage.progressProperty().get()).isEqualTo(-1.0);
    }

    @Test
    void theAppLogGoesToTheLogFolder() throws Exception {
        Path file = AppLogging.configure(dir.resolve("logs"));
        try {
            LoggerFactory.getLogger(ProgressAndErrorsTest.class).info("hello from the test");
            assertThat(file).isEqualTo(dir.resolve("logs").resolve("studio.log"));
            assertThat(Files.readString(file)).contains("hello from the test");
        } finally {
            var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
        }
    }

    @Test
    void aDropOpensTheFirstFolderAmongTheFiles() throws Exception {
        File plain = Files.writeString(dir.resolve("a.csv"), "x").toFile();
        File folder = Files.createDirectories(dir.resolve("events")).toFile();
        assertThat(MainView.firstFolder(List.of(plain, folder))).isEqualTo(folder);
        assertThat(MainView.firstFolder(List.of(plain))).isNull();
    }
}
