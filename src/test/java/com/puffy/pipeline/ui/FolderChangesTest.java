package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.quality.QualityStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderChangesTest {
    private static final String DAY = "client_id,timestamp,event_name\nc-1,2025-03-01T10:00:00Z,page_view\n";

    @TempDir
    Path dir;

    @Test
    void theRealQualityManifestListsTheFilesItReadSoANewDayIsNamed() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250301.csv"), DAY);
        Files.writeString(input.resolve("products.csv"), "sku,name\nA,apple\n");
        Files.write(input.resolve("events_20250228.csv.gz"), new byte[] {0x1f, (byte) 0x8b});
        Files.writeString(input.resolve("readme.txt"), "exports of the shop");
        RunSettings settings = new RunSettings(input, dir.resolve("out"), ConfigLoader.load(null), null,
                LocalDate.of(2025, 3, 2), false, null);
        new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, new Cancellation());
        StageManifest quality = StageManifest.read(settings.outputDir().resolve(StageId.QUALITY.outputFolder()));
        // The compressed day is listed (Quality names it as skipped), so it is neither new nor gone the next time.
        assertThat(quality.inputFiles())
                .containsExactly("events_20250228.csv.gz", "events_20250301.csv", "products.csv");
        assertThat(FolderChanges.since(input, quality.inputFiles()).isEmpty()).isTrue();

        Files.writeString(input.resolve("events_20250302.csv"), DAY);
        Files.writeString(input.resolve("notes.txt"), "not a CSV, not read\n");
        Files.delete(input.resolve("products.csv"));
        assertThat(FolderChanges.since(input, quality.inputFiles()).sentence())
                .isEqualTo("events_20250302.csv is new and products.csv is gone since the last run");
    }

    @Test
    void aCorrectedFilePutInUnderTheSameNameIsNamedAsChanged() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250301.csv"), DAY);
        Files.writeString(input.resolve("events_20250302.csv"), DAY);
        Files.writeString(input.resolve("events_20250303.csv"), DAY);
        RunSettings settings = new RunSettings(input, dir.resolve("out"), ConfigLoader.load(null), null,
                LocalDate.of(2025, 3, 4), false, null);
        new Pipeline(List.of(new QualityStage())).run(settings, EnumSet.of(StageId.QUALITY), false,
                PipelineListener.NONE, new Cancellation());
        StageManifest quality = StageManifest.read(settings.outputDir().resolve(StageId.QUALITY.outputFolder()));
        assertThat(FolderChanges.since(input, quality.inputFiles(), quality.inputStamps()).isEmpty()).isTrue();

        // The export owner resends the day with the missing client ids filled in: same name, other bytes.
        Path corrected = dir.resolve("corrected.csv");
        Files.writeString(corrected, DAY + "c-2,2025-03-02T11:00:00Z,page_view\n");
        Files.move(corrected, input.resolve("events_20250302.csv"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(FolderChanges.since(input, quality.inputFiles(), quality.inputStamps()).sentence())
                .isEqualTo("events_20250302.csv changed since the last run");

        Files.writeString(input.resolve("events_20250304.csv"), DAY);
        Files.delete(input.resolve("events_20250301.csv"));
        assertThat(FolderChanges.since(input, quality.inputFiles(), quality.inputStamps()).sentence())
                .isEqualTo("events_20250304.csv is new, events_20250302.csv changed and events_20250301.csv is gone "
                        + "since the last run");
    }

    @Test
    void manyFilesAreCountedAndTheFirstThreeNamed() throws Exception {
        for (int day = 1; day <= 5; day++) {
            Files.writeString(dir.resolve("events_2025030" + day + ".CSV"), DAY);
        }
        FolderChanges changes = FolderChanges.since(dir, List.of("events_20250301.CSV"));
        assertThat(changes.sentence()).isEqualTo("4 files (events_20250302.CSV, events_20250303.CSV, "
                + "events_20250304.CSV, …) are new since the last run");
    }

    @Test
    void anUnknownLastReadOrAFolderGoneSaysNothing() throws Exception {
        Files.writeString(dir.resolve("events_20250301.csv"), DAY);
        assertThat(FolderChanges.since(dir, List.of()).isEmpty()).isTrue();
        assertThat(FolderChanges.since(dir.resolve("gone"), List.of("events_20250301.csv")).sentence()).isEmpty();
    }
}
