package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRowsTest {
    @TempDir
    Path dir;

    @Test
    void doubledQuotesAreUndone() {
        byte[] field = "xa\"\"b\"\"\"\"c\"\"y".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(SessionRows.unescape(field, 1, field.length - 2), StandardCharsets.UTF_8))
                .isEqualTo("a\"b\"\"c\"");
    }

    @Test
    void theWindowReturnsTheBytesAtAnyOffsetForwardsBackwardsAndLongerThanItself() throws Exception {
        byte[] content = new byte[3 << 20];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + (i >>> 11));
        }
        Path file = dir.resolve("big.bin");
        Files.write(file, content);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            SessionRows.PageWindow window = new SessionRows.PageWindow(channel);
            long[][] asks = {{10, 100}, {200, 50}, {(1 << 20) - 5, 20}, {5, 5}, {content.length - 7, 7},
                    {100, (2 << 20) + 3}, {(1 << 20) + 1, 1}};
            for (long[] ask : asks) {
                int at = window.locate(ask[0], (int) ask[1]);
                assertThat(Arrays.copyOfRange(window.bytes(), at, at + (int) ask[1])).as("%d+%d", ask[0], ask[1])
                        .isEqualTo(Arrays.copyOfRange(content, (int) ask[0], (int) (ask[0] + ask[1])));
            }
            assertThatThrownBy(() -> window.locate(content.length - 3, 10))
                    .isInstanceOf(PipelineException.class).hasMessageContaining("changed meanwhile");
        }
    }

    @Test
    void aValidatedFileChangedAfterThePassIsRefusedByName() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.view("c1", "2025-02-23T10:00:00.000Z");
        q.write();
        Path quality = q.outputDir().resolve("quality");
        ValidatedEventsReader reader = new ValidatedEventsReader(quality, Set.of("checkout_completed"));
        reader.load(Progress.NONE, Cancellation.none());
        try (FileChannel unchanged = reader.reopen()) {
            assertThat(unchanged.size()).isEqualTo(Files.size(reader.file()));
        }
        FileTime modified = Files.getLastModifiedTime(reader.file());
        Files.writeString(reader.file(), "x", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(reader.file(), modified);
        assertThatThrownBy(reader::reopen).isInstanceOf(PipelineException.class)
                .hasMessageContaining(reader.file().toString())
                .hasMessageContaining("changed while the transform stage was reading it");
        Files.delete(reader.file());
        assertThatThrownBy(reader::reopen).isInstanceOf(PipelineException.class)
                .hasMessageContaining("run the transform stage again");
    }
}
