package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.quality.QualityStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status bar after a run names the files Quality read and says the others came from the cache: after a day was
 * added it said "Finished 1 stage in 0.6 s", as after the first run (decision 0794). The real Quality stage and cache.
 */
class FilesReadThisRunTest {
    private static final String HEADER = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n";
    private static final String ROW = "c%1$d,https://shop.example/p,,2025-11-0%1$dT10:00:00Z,page_viewed,,Mozilla/5.0\n";

    @TempDir
    Path dir;
    Path input;
    Preferences prefs;
    final List<UiError> errors = new ArrayList<>();
    MainViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20251101.csv"), HEADER + ROW.formatted(1));
        Files.writeString(input.resolve("events_20251102.csv"), HEADER + ROW.formatted(2));
        prefs = Preferences.userRoot().node("eventpipe-test/read-" + System.nanoTime());
        vm = new MainViewModel(new Pipeline(List.of(new QualityStage())), UiThreads.direct(),
                new RecentFolders(prefs), d -> d, java.time.Clock.systemUTC());
        vm.onError(errors::add);
        vm.cacheFileProperty().set(dir.resolve("cache.sqlite"));
        vm.cacheEnabledProperty().set(true);
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
        assertThat(errors).isEmpty();
    }

    @Test
    void aDayAddedIsNamedAsReadAndTheOthersAsTakenFromTheCache() throws Exception {
        vm.runAll();
        assertThat(vm.statusMessageProperty().get()).as("a first run: every file read, nothing to tell apart")
                .startsWith("Finished 1 stage in ").doesNotContain("cache");

        Files.writeString(input.resolve("events_20251103.csv"), HEADER + ROW.formatted(3));
        vm.runAll();
        assertThat(vm.statusMessageProperty().get()).startsWith("Finished 1 stage in ")
                .endsWith(". This run read events_20251103.csv; the 2 other files were unchanged and came from the "
                        + "cache.");

        Files.writeString(input.resolve("events_20251104.csv"), HEADER + ROW.formatted(4));
        Files.writeString(input.resolve("events_20251105.csv"), HEADER + ROW.formatted(5));
        vm.runAll();
        assertThat(vm.statusMessageProperty().get()).endsWith(" This run read events_20251104.csv and "
                + "events_20251105.csv; the 3 other files were unchanged and came from the cache.");

        Files.delete(input.resolve("events_20251105.csv"));
        vm.runAll();
        assertThat(vm.statusMessageProperty().get()).endsWith(" Every file was unchanged and came from the cache.");
    }
}
