package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.CID2;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.purchase;
import static com.puffy.pipeline.quality.QualityHarness.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.config.QualityConfig;
import com.puffy.pipeline.core.CancelledException;
import com.puffy.pipeline.core.Cancellation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §8: unchanged files are not validated again, and the outputs are the same with or without the cache. */
class CacheTest {
    @TempDir
    Path dir;

    private QualityHarness folder() throws Exception {
        String order = "{\"transaction_id\":\"ORD-1\",\"revenue\":20,\"items\":[{\"item_price\":20}]}";
        return new QualityHarness(dir)
                .file("events_20250223.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"),
                        view(CID, "2025-02-23T10:00:00.000Z"), ",x,,2025-02-23T10:00:00.000Z,page_viewed,,ua",
                        purchase(CID, "2025-02-23T11:00:00.000Z", order), CID + ",\"broken,,t,e,,u")
                .file("events_20250224.csv", HEADER.replace("client_id", "clientId") + ",Extra Col",
                        view(CID2, "2025-02-24T10:00:00.000Z") + ",x",
                        purchase(CID2, "2025-02-24T11:00:00.000Z", order.replace("20", "30")) + ",y")
                .file("notes.csv", "a,b", "1,2")
                .file("dump.csv", HEADER, view(CID2, "2025-02-25T10:00:00.000Z"));
    }

    private static Map<String, String> outputs(QualityHarness h) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String f : new QualityStage().outputs()) {
            String text = new String(h.bytes(f), StandardCharsets.UTF_8);
            files.put(f, f.equals("file_summary.csv") ? text.replace(",true,", ",X,").replace(",false,", ",X,") : text);
        }
        return files;
    }

    @Test
    void secondRunReusesEveryFileAndWritesTheSameBytes() throws Exception {
        QualityHarness h = folder().withCache(dir.resolve("cache/cache.sqlite")).run();
        Map<String, String> first = outputs(h);
        assertThat(h.result.figures()).containsEntry("cache_hits", 0L).containsEntry("cache_misses", 4L);
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L).containsEntry("cache_misses", 0L);
        assertThat(h.summary()).extracting(s -> s.get("from_cache")).containsOnly("true");
        assertThat(outputs(h)).isEqualTo(first);
        assertThat(h.result.summary()).contains("Cache: 4 of 4 files unchanged, their results reused.");
    }

    @Test
    void outputsWithoutCacheEqualOutputsFromCache() throws Exception {
        QualityHarness h = folder().run();
        Map<String, String> plain = outputs(h);
        h.withCache(dir.resolve("c.sqlite")).run();
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
        assertThat(outputs(h)).isEqualTo(plain);
    }

    @Test
    void changingOneFileRevalidatesOnlyThatFile() throws Exception {
        QualityHarness h = folder().withCache(dir.resolve("c.sqlite")).run();
        Path changed = h.input.resolve("events_20250224.csv");
        Files.writeString(changed, HEADER + "\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\n");
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 3L).containsEntry("cache_misses", 1L);
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("from_cache", "false").containsEntry("rows_read", "1");
        assertThat(h.result.summary()).contains("Cache: 3 of 4 files unchanged, their results reused; validated: "
                + "events_20250224.csv.");
        // The cross-file steps still run over all files: the unchanged first day's row is now an earlier duplicate.
        assertThat(h.findingKeys("INFO")).contains("events_20250224.csv:2:DUPLICATE_EVENT");
    }

    @Test
    void aDayAddedToACachedFolderWritesTheSameBytesAsARunWithoutCache() throws Exception {
        QualityHarness h = folder().withCache(dir.resolve("c.sqlite")).run();
        h.file("events_20250226.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"),
                view(CID2, "2025-02-26T09:00:00.000Z"));
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L).containsEntry("cache_misses", 1L);
        Map<String, String> cached = outputs(h);
        h.withCache(null).run();
        assertThat(outputs(h)).isEqualTo(cached);
    }

    @Test
    void onlyFilesWithAStoredResultUnderTheirCurrentKeyMayHit() throws Exception {
        QualityHarness h = folder().withCache(dir.resolve("c.sqlite")).run();
        Path added = h.input.resolve("events_20250226.csv");
        Files.writeString(added, HEADER + "\n" + view(CID, "2025-02-26T10:00:00.000Z") + "\n");
        Path kept = h.input.resolve("events_20250223.csv");
        PipelineConfig defaults = ConfigLoader.defaults();
        var context = new com.puffy.pipeline.core.RunContext(new com.puffy.pipeline.core.RunSettings(h.input,
                dir.resolve("out"), defaults, null, java.time.LocalDate.of(2025, 3, 10), false,
                dir.resolve("c.sqlite")), dir.resolve("w"));
        try (CachedResults cache = CachedResults.open(context, defaults.quality())) {
            assertThat(cache.mayHit(inputFile(kept))).isTrue();
            assertThat(cache.mayHit(inputFile(added))).isFalse();
            Files.setLastModifiedTime(kept, FileTime.fromMillis(Files.getLastModifiedTime(kept).toMillis() - 60_000));
            assertThat(cache.mayHit(inputFile(kept))).isFalse();
        }
        var noCache = new com.puffy.pipeline.core.RunContext(new com.puffy.pipeline.core.RunSettings(h.input,
                dir.resolve("out"), defaults, null, java.time.LocalDate.of(2025, 3, 10), false, null),
                dir.resolve("w"));
        try (CachedResults cache = CachedResults.open(noCache, defaults.quality())) {
            assertThat(cache.mayHit(inputFile(added))).isFalse();
        }
    }

    private static InputFile inputFile(Path file) throws Exception {
        return new InputFile(file, file.getFileName().toString(), Files.size(file),
                Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void filesTheCacheCannotAnswerAreValidatedFirstThenBiggestFirst() {
        List<InputFile> files = List.of(new InputFile(Path.of("a"), "a", 500, 0),
                new InputFile(Path.of("b"), "b", 100, 0), new InputFile(Path.of("c"), "c", 900, 0),
                new InputFile(Path.of("d"), "d", 200, 0), new InputFile(Path.of("e"), "e", 200, 0));
        List<String> misses = List.of("b", "d", "e");
        assertThat(QualityStage.schedule(files, f -> !misses.contains(f.name()))).containsExactly(3, 4, 1, 2, 0);
        assertThat(QualityStage.schedule(files, f -> false)).containsExactly(2, 0, 3, 4, 1);
    }

    @Test
    void sameSizeAndTimeButOtherBytesIsValidatedAgain() throws Exception {
        QualityHarness h = folder().withCache(dir.resolve("c.sqlite")).run();
        Path file = h.input.resolve("events_20250224.csv");
        FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] = (byte) (bytes[bytes.length - 3] == 'y' ? 'z' : 'y');
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);
        h.run();
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("from_cache", "false");
        assertThat(h.result.figures()).containsEntry("cache_hits", 3L);
    }

    @Test
    void changedRulesInvalidateTheCachedResults() throws Exception {
        QualityHarness h = folder().withCache(dir.resolve("c.sqlite")).run();
        PipelineConfig defaults = ConfigLoader.defaults();
        QualityConfig q = defaults.quality();
        QualityConfig stricter = new QualityConfig(q.eventNames(), q.purchaseEventNames(), q.botPattern() + "|mozilla",
                q.clientIdPattern(), q.revenueTolerance(), q.headerAliases(), q.valueDrift());
        h.run(new PipelineConfig(stricter, defaults.transform(), defaults.monitoring()), 2);
        assertThat(h.result.figures()).containsEntry("cache_hits", 0L);
        assertThat(h.valid()).allSatisfy(v -> assertThat(v.get("is_bot")).isEqualTo("true"));
    }

    private static PipelineConfig withBotPattern(String extra) {
        PipelineConfig defaults = ConfigLoader.defaults();
        QualityConfig q = defaults.quality();
        return new PipelineConfig(new QualityConfig(q.eventNames(), q.purchaseEventNames(), q.botPattern() + extra,
                q.clientIdPattern(), q.revenueTolerance(), q.headerAliases(), q.valueDrift()), defaults.transform(),
                defaults.monitoring());
    }

    /** Makes every kept stream set look older than the guard for abandoned sets, as after a day of other work. */
    private void ageKeptStreams() throws Exception {
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - CachedResults.ABANDONED_AFTER.toMillis()
                - 60_000);
        try (Stream<Path> files = Files.list(streamsFolder())) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, old);
            }
        }
    }

    @Test
    void alternatingTwoQualityConfigurationsReusesTheResultsOfBoth() throws Exception {
        PipelineConfig a = ConfigLoader.defaults();
        PipelineConfig b = withBotPattern("|mozilla");
        QualityHarness h = folder().withCache(cache());
        h.run(a, 2);
        Map<String, String> outputsA = outputs(h);
        ageKeptStreams();
        h.run(b, 2);
        assertThat(h.result.figures()).containsEntry("cache_hits", 0L);
        Map<String, String> outputsB = outputs(h);
        for (int round = 0; round < 2; round++) {
            ageKeptStreams();
            h.run(a, 2);
            assertThat(h.result.figures()).as("A, round %d", round).containsEntry("cache_hits", 4L);
            assertThat(outputs(h)).isEqualTo(outputsA);
            ageKeptStreams();
            h.run(b, 2);
            assertThat(h.result.figures()).as("B, round %d", round).containsEntry("cache_hits", 4L);
            assertThat(outputs(h)).isEqualTo(outputsB);
        }
        // Two stream sets per event file with a spool: one per configuration, none left over.
        assertThat(streamsOf("events_20250223.csv")).hasSize(2 * Spool.STREAMS.size());
    }

    @Test
    void aThirdConfigurationEvictsTheLeastRecentlyUsedResultOfEachFile() throws Exception {
        int bound = CachedResults.resultsPerFile;
        CachedResults.resultsPerFile = 2;
        try {
            PipelineConfig a = ConfigLoader.defaults();
            PipelineConfig b = withBotPattern("|mozilla");
            PipelineConfig c = withBotPattern("|curl");
            QualityHarness h = folder().withCache(cache());
            h.run(a, 2);
            h.run(b, 2);
            h.run(a, 2);
            assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
            // A was used after B: the third configuration takes B's place.
            h.run(c, 2);
            assertThat(h.result.figures()).containsEntry("cache_hits", 0L);
            h.run(a, 2);
            assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
            h.run(b, 2);
            assertThat(h.result.figures()).containsEntry("cache_hits", 0L);
            assertThat(streamsOf("events_20250223.csv")).hasSize(2 * Spool.STREAMS.size());
        } finally {
            CachedResults.resultsPerFile = bound;
        }
    }

    @Test
    void resultsValidatedByAnotherBuildOfTheSameVersionAreNotReused() throws Exception {
        String thisBuild = CachedResults.build;
        try {
            CachedResults.build = "0.1.0+" + "a".repeat(64);
            QualityHarness h = folder().withCache(cache()).run();
            h.run();
            assertThat(h.result.figures()).containsEntry("cache_hits", 4L);

            CachedResults.build = "0.1.0+" + "b".repeat(64);
            h.run();
            assertThat(h.result.figures()).containsEntry("cache_hits", 0L).containsEntry("cache_misses", 4L);
            assertThat(h.summary()).extracting(s -> s.get("from_cache")).containsOnly("false");
            h.run();
            assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
        } finally {
            CachedResults.build = thisBuild;
        }
    }

    @Test
    void aDamagedCacheFileIsSetAsideWithAWarningAndTheRunSucceeds() throws Exception {
        Path cache = dir.resolve("c.sqlite");
        Files.write(cache, "this is not a database\0\1".getBytes());
        QualityHarness h = folder().withCache(cache).run();
        assertThat(h.result.summary()).anyMatch(l -> l.startsWith("Cache warning: ") && l.contains("moved"));
        assertThat(h.valid()).isNotEmpty();
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
    }

    private Path cache() {
        return dir.resolve("c.sqlite");
    }

    private Path streamsFolder() {
        return dir.resolve("c.sqlite.spools");
    }

    /** The stream files kept beside the cache, by name. */
    private List<String> keptStreams() throws Exception {
        if (!Files.exists(streamsFolder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(streamsFolder())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Names of the stream sets kept for the input file whose path hashes to the given prefix. */
    private List<String> streamsOf(String inputName) throws Exception {
        String prefix = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                dir.resolve("events").resolve(inputName).toAbsolutePath().normalize().toString()
                        .getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        return keptStreams().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    @AfterEach
    void restoreLinks() {
        CachedResults.linker = CachedResults.HARD_LINK;
        CachedResults.maxStreamBytes = 16L << 30;
    }

    @Test
    void spoolStreamsAreKeptAsLinkedFilesBesideTheCacheNotInIt() throws Exception {
        AtomicInteger links = new AtomicInteger();
        CachedResults.linker = (link, existing) -> {
            CachedResults.HARD_LINK.link(link, existing);
            links.incrementAndGet();
        };
        QualityHarness h = folder().run();
        Map<String, String> plain = outputs(h);
        h.withCache(cache()).run();
        // Four files with a spool (notes.csv's is empty), four streams each.
        assertThat(keptStreams()).hasSize(16).allSatisfy(n -> assertThat(n).matches("[0-9a-f]{16}-[0-9a-f]{16}\\.[vqfc]"));
        assertThat(links.get()).isEqualTo(16);
        // The rendered rows are in the stream files only: the database holds no page address of any row.
        assertThat(new String(Files.readAllBytes(cache()), StandardCharsets.ISO_8859_1)).doesNotContain("puffy.com");
        assertThat(keptStreams().stream().filter(n -> n.endsWith(".v")).map(n -> streamsFolder().resolve(n)))
                .anySatisfy(v -> assertThat(Files.readString(v)).contains("https://puffy.com/"));
        h.run();
        assertThat(links.get()).isEqualTo(32);
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
        assertThat(outputs(h)).isEqualTo(plain);
        // The writer deleted its spool links; the cache's own files are untouched.
        assertThat(keptStreams()).hasSize(16);
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
        assertThat(outputs(h)).isEqualTo(plain);
    }

    @Test
    void whereLinksAreRefusedTheStreamsAreCopiedAndStillReused() throws Exception {
        QualityHarness h = folder().run();
        Map<String, String> plain = outputs(h);
        CachedResults.linker = (link, existing) -> {
            throw new java.nio.file.FileSystemException(link.toString(), existing.toString(), "Invalid cross-device link");
        };
        h.withCache(cache()).run();
        assertThat(keptStreams()).hasSize(16);
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
        assertThat(h.result.summary()).noneMatch(l -> l.startsWith("Cache warning"));
        assertThat(outputs(h)).isEqualTo(plain);
    }

    @Test
    void aMissingStreamFileMeansTheFileIsValidatedAgainWithTheSameOutputs() throws Exception {
        QualityHarness h = folder().withCache(cache()).run();
        Map<String, String> first = outputs(h);
        List<String> day = streamsOf("events_20250224.csv");
        assertThat(day).hasSize(4);
        Files.delete(streamsFolder().resolve(day.get(0)));
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 3L).containsEntry("cache_misses", 1L);
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("from_cache", "false");
        assertThat(outputs(h)).isEqualTo(first);
        // Stored again, under a new name; the broken set is gone.
        assertThat(streamsOf("events_20250224.csv")).hasSize(4).doesNotContainAnyElementsOf(day);
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
        assertThat(outputs(h)).isEqualTo(first);
    }

    @Test
    void aTruncatedStreamFileMeansTheFileIsValidatedAgainWithTheSameOutputs() throws Exception {
        QualityHarness h = folder().withCache(cache()).run();
        Map<String, String> first = outputs(h);
        for (String name : streamsOf("events_20250223.csv")) {
            if (name.endsWith(".v")) {
                Path v = streamsFolder().resolve(name);
                byte[] bytes = Files.readAllBytes(v);
                Files.write(v, java.util.Arrays.copyOf(bytes, bytes.length - 1));
            }
        }
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 3L).containsEntry("cache_misses", 1L);
        assertThat(h.summaryOf("events_20250223.csv")).containsEntry("from_cache", "false");
        assertThat(outputs(h)).isEqualTo(first);
    }

    @Test
    void aStreamThatChangesSizeWhileBeingRestoredIsAMissWithTheSameOutputs() throws Exception {
        QualityHarness h = folder().withCache(cache()).run();
        Map<String, String> first = outputs(h);
        Path spools = h.work.resolve(".spool");
        // Stands for another run replacing the stream between the size check and the link.
        CachedResults.linker = (link, existing) -> {
            if (link.startsWith(spools) && link.getFileName().toString().endsWith(".c")) {
                Files.write(link, new byte[] {1});
            } else {
                CachedResults.HARD_LINK.link(link, existing);
            }
        };
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 0L).containsEntry("cache_misses", 4L);
        assertThat(h.result.summary()).noneMatch(l -> l.startsWith("Cache warning"));
        assertThat(outputs(h)).isEqualTo(first);
        CachedResults.linker = CachedResults.HARD_LINK;
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
        assertThat(outputs(h)).isEqualTo(first);
    }

    @Test
    void setsAbandonedByAnInterruptedRunAreRemovedWhenTheFileIsStoredAgainButFreshOnesAreSpared() throws Exception {
        QualityHarness h = folder().withCache(cache()).run();
        String prefix = streamsOf("events_20250224.csv").get(0).substring(0, 16);
        // What a run killed between keeping its streams and committing leaves behind: an hour and more ago ...
        Path abandoned = streamsFolder().resolve(prefix + "-00000000000000aa.v");
        Files.writeString(abandoned, "rows");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis()
                - CachedResults.ABANDONED_AFTER.toMillis() - 60_000));
        // ... and what another run may be keeping right now.
        Path inFlight = streamsFolder().resolve(prefix + "-00000000000000bb.v.tmp");
        Files.writeString(inFlight, "rows");
        Files.writeString(h.input.resolve("events_20250224.csv"), HEADER + "\n"
                + view(CID2, "2025-02-24T12:00:00.000Z") + "\n");
        h.run();
        assertThat(abandoned).doesNotExist();
        assertThat(inFlight).exists();
        assertThat(streamsOf("events_20250224.csv")).hasSize(5);
    }

    @Test
    void beyondTheSizeLimitTheLeastRecentlyUsedFoldersStreamsGoAndThoseFilesAreValidatedAgain() throws Exception {
        QualityHarness first = folder().withCache(cache()).run();
        Map<String, String> firstOutputs = outputs(first);
        long oneFolder = keptBytes();
        List<String> firstSets = keptStreams();
        QualityHarness second = new QualityHarness(dir.resolve("second"), dir.resolve("other-events"))
                .file("events_20250301.csv", HEADER, view(CID, "2025-03-01T10:00:00.000Z"),
                        view(CID2, "2025-03-01T11:00:00.000Z"))
                .withCache(cache());
        second.run();
        // The first folder is used again, so the second one's streams are now the least recently used.
        first.run();
        assertThat(first.result.figures()).containsEntry("cache_hits", 4L);
        long secondFolder = keptBytes() - oneFolder;
        // Room for the first folder and a set smaller than the second folder's: the third run's one row.
        CachedResults.maxStreamBytes = oneFolder + secondFolder - 1;
        QualityHarness third = new QualityHarness(dir.resolve("third"), dir.resolve("third-events"))
                .file("events_20250302.csv", HEADER, view(CID, "2025-03-02T10:00:00.000Z"))
                .withCache(cache());
        third.run();
        List<String> kept = keptStreams();
        assertThat(kept).containsAll(firstSets.stream().filter(n -> !n.endsWith(".tmp")).toList());
        assertThat(kept.stream().filter(n -> !firstSets.contains(n))).hasSize(4); // the third run's own set stays
        second.run();
        assertThat(second.result.figures()).containsEntry("cache_hits", 0L);
        CachedResults.maxStreamBytes = Long.MAX_VALUE;
        first.run();
        assertThat(outputs(first)).isEqualTo(firstOutputs);
    }

    private long keptBytes() throws Exception {
        long total = 0;
        for (String name : keptStreams()) {
            total += Files.size(streamsFolder().resolve(name));
        }
        return total;
    }

    @Test
    void aReplacedResultTakesItsStreamFilesAlong() throws Exception {
        QualityHarness h = folder().withCache(cache()).run();
        List<String> before = streamsOf("events_20250224.csv");
        List<String> all = keptStreams();
        Path changed = h.input.resolve("events_20250224.csv");
        Files.writeString(changed, HEADER + "\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\n"
                + view(CID2, "2025-02-24T12:00:00.000Z") + "\n");
        h.run();
        List<String> after = streamsOf("events_20250224.csv");
        assertThat(after).hasSize(4).doesNotContainAnyElementsOf(before);
        assertThat(keptStreams()).hasSize(all.size()).doesNotContainAnyElementsOf(before);
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
    }

    @Test
    void withoutACacheFileNothingIsWritten() throws Exception {
        QualityHarness h = folder().run();
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 0L);
        Path folderAsCache = Files.createDirectories(dir.resolve("not-a-file"));
        h.withCache(folderAsCache).run();
        assertThat(h.result.summary()).anyMatch(l -> l.startsWith("Cache warning: "));
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 0L);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "events", "work", "not-a-file");
        }
        assertThat(folderAsCache).isEmptyDirectory();
    }

    @Test
    void streamsThatCannotBeKeptAreNotStoredAndTheRunWarns() throws Exception {
        Files.writeString(streamsFolder(), "a file where the folder should be");
        QualityHarness h = folder().withCache(cache()).run();
        Map<String, String> first = outputs(h);
        assertThat(h.result.summary()).filteredOn(l -> l.startsWith("Cache warning: ")).singleElement().asString()
                .contains("could not keep").contains(streamsFolder().toString()).contains("free space")
                .doesNotContain("java.", "Exception");
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 0L).containsEntry("cache_misses", 4L);
        assertThat(outputs(h)).isEqualTo(first);
    }

    @Test
    void cancellingWhileStreamsAreCopiedLeavesNoPartialSetAndTheNextRunIsWhole() throws Exception {
        QualityHarness h = folder().run();
        Map<String, String> plain = outputs(h);
        Cancellation cancel = new Cancellation();
        CachedResults.linker = (link, existing) -> {
            cancel.cancel();
            throw new java.nio.file.FileSystemException(link.toString(), existing.toString(), "no links");
        };
        h.withCache(cache());
        assertThatThrownBy(() -> h.run(cancel)).isInstanceOf(CancelledException.class);
        assertThat(keptStreams()).isEmpty();
        CachedResults.linker = CachedResults.HARD_LINK;
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 0L);
        assertThat(keptStreams()).hasSize(16);
        Cancellation cancelOnRestore = new Cancellation();
        CachedResults.linker = (link, existing) -> {
            cancelOnRestore.cancel();
            throw new java.nio.file.FileSystemException(link.toString(), existing.toString(), "no links");
        };
        assertThatThrownBy(() -> h.run(cancelOnRestore)).isInstanceOf(CancelledException.class);
        assertThat(keptStreams()).hasSize(16);
        CachedResults.linker = CachedResults.HARD_LINK;
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
        assertThat(outputs(h)).isEqualTo(plain);
    }

    @Test
    void twoRunsSharingACacheAndAFolderAlwaysWriteTheSameBytes() throws Exception {
        QualityHarness plain = folder().run();
        Map<String, String> expected = outputs(plain);
        Path input = plain.input;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                QualityHarness h = new QualityHarness(dir.resolve("run" + r), input).withCache(cache());
                int runner = r;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        if (runner == 0 && i % 2 == 1) {
                            // A new modification time: a new key, so results are stored and replaced again.
                            Path file = input.resolve("events_20250223.csv");
                            Files.setLastModifiedTime(file, FileTime.fromMillis(
                                    Files.getLastModifiedTime(file).toMillis() + 2000));
                        }
                        h.run();
                        assertThat(outputs(h)).isEqualTo(expected);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(keptStreams()).hasSize(16).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void aCorruptPayloadIsAMissNotACrash() throws Exception {
        assertThat(ResultCodec.decode(new byte[] {1, 2, 3}, new InputFile(dir.resolve("x.csv"), "x.csv", 1, 1),
                new HeaderNormalizer(Map.of()))).isNull();
        assertThat(ResultCodec.streamsOf(new byte[] {1, 2, 3})).isNull();
    }
}
