package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.CID2;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.purchase;
import static com.puffy.pipeline.quality.QualityHarness.view;
import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.PipelineConfig;
import com.puffy.pipeline.config.QualityConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
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
        // The cross-file steps still run over all files: the unchanged first day's row is now an earlier duplicate.
        assertThat(h.findingKeys("INFO")).contains("events_20250224.csv:2:DUPLICATE_EVENT");
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

    @Test
    void aDamagedCacheFileIsSetAsideWithAWarningAndTheRunSucceeds() throws Exception {
        Path cache = dir.resolve("c.sqlite");
        Files.writeString(cache, "this is not a database");
        QualityHarness h = folder().withCache(cache).run();
        assertThat(h.result.summary()).anyMatch(l -> l.startsWith("Cache warning: ") && l.contains("moved"));
        assertThat(h.valid()).isNotEmpty();
        h.run();
        assertThat(h.result.figures()).containsEntry("cache_hits", 4L);
    }

    @Test
    void aCorruptPayloadIsAMissNotACrash() throws Exception {
        assertThat(ResultCodec.decode(new byte[] {1, 2, 3}, new InputFile(dir.resolve("x.csv"), "x.csv", 1, 1),
                dir.resolve("s"), new HeaderNormalizer(Map.of()))).isNull();
    }
}
