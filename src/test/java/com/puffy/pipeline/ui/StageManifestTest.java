package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StageManifestTest {
    @TempDir
    Path dir;

    /** A manifest that cannot be read still reads as none, and the log says which and why: it said nothing. */
    @Test
    void anUnreadableManifestReadsAsNoneAndIsLogged() throws Exception {
        Files.writeString(dir.resolve(Pipeline.STAGE_MANIFEST), "{\"summary\": [\"cut off");
        Logger logger = (Logger) LoggerFactory.getLogger(StageManifest.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            StageManifest manifest = StageManifest.read(dir);
            assertThat(manifest.summary()).isEmpty();
            assertThat(manifest.finishedAt()).isEmpty();
            assertThat(manifest.elapsed()).isNull();
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(event.getFormattedMessage()).contains(dir.resolve(Pipeline.STAGE_MANIFEST).toString());
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }
}
