package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.quality.QualityViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reopening a folder whose Quality outputs are up to date: while file_summary.csv was read (2 s for 14 days on a busy
 * machine, longer at millions of rows) the screen said "Run the Quality stage to see how every row read is accounted
 * for" above "Nothing to show yet: Open a folder of daily event files", beside a card saying "Up to date".
 */
class ReopenedResultsWhileReadTest {
    @TempDir
    Path dir;

    @Test
    void whileTheLastRunsResultsAreReadTheScreenSaysSoNotRunOrOpenAFolder() throws Exception {
        List<Runnable> held = new ArrayList<>();
        QualityViewModel quality = new QualityViewModel(UiThreads.holding(held));
        quality.reload(null);
        assertThat(quality.files().emptyReasonProperty().get()).startsWith("Open a folder");

        UiFixtures.quality(dir);
        quality.reload(dir.resolve("quality"));

        assertThat(held).as("the reading is under way").isNotEmpty();
        assertThat(quality.noResultsProperty().get()).isEqualTo("Reading the results of the last Quality run…");
        assertThat(quality.files().emptyReasonProperty().get()).isEmpty();
        assertThat(quality.files().placeholderProperty().get()).isEqualTo("Loading file_summary.csv…");

        while (!held.isEmpty()) {
            held.remove(0).run();
        }
        assertThat(quality.hasResultsProperty().get()).isTrue();
        assertThat(quality.files().emptyReasonProperty().get()).isEmpty();
    }

    @Test
    void aSummaryThatCannotBeReadSaysSoRatherThanReadingForGood() throws Exception {
        List<Runnable> held = new ArrayList<>();
        QualityViewModel quality = new QualityViewModel(UiThreads.holding(held));
        Path out = Files.createDirectories(dir.resolve("quality"));
        Files.write(out.resolve("file_summary.csv"), new byte[] {(byte) 0xff, 0, (byte) 0xfe, '"', '\n', '"'});
        quality.reload(out);
        while (!held.isEmpty()) {
            held.remove(0).run();
        }
        assertThat(quality.hasResultsProperty().get()).isFalse();
        assertThat(quality.noResultsProperty().get()).startsWith("Could not read ");
    }
}
