package com.puffy.pipeline.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioCacheTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> asideFiles(String name) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + ".corrupt-")
                    && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm")
                    && !p.getFileName().toString().endsWith(StudioCache.FILES_FOLDER_SUFFIX))
                    .toList();
        }
    }

    private static void assertUsable(StudioCache cache) {
        cache.storeFileResult("k-check", "check.csv", bytes("ok"));
        assertThat(cache.loadFileResult("k-check")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("ok")));
    }

    @Test
    void aMissingEntryIsAMiss() {
        try (StudioCache cache = StudioCache.open(dir.resolve("cache.sqlite"))) {
            assertThat(cache.loadFileResult("nope")).isEmpty();
            assertThat(cache.warnings()).isEmpty();
            assertThat(cache.file()).contains(dir.resolve("cache.sqlite").toAbsolutePath());
        }
    }

    @Test
    void aStoredResultIsAHitAfterReopening() {
        Path file = dir.resolve("nested/folders/cache.sqlite");
        try (StudioCache cache = StudioCache.open(file)) {
            cache.storeFileResult("key-1", "events_20250301.csv", bytes("payload one"));
        }
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.loadFileResult("key-1")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("payload one")));
            assertThat(cache.warnings()).isEmpty();
        }
    }

    @Test
    void aNewVersionOfAFileReplacesTheOlderResultOfThatFileOnly() {
        try (StudioCache cache = StudioCache.open(dir.resolve("cache.sqlite"))) {
            cache.storeFileResult("old", "events_20250301.csv", bytes("v1"));
            cache.storeFileResult("other", "events_20250302.csv", bytes("kept"));
            cache.storeFileResult("new", "events_20250301.csv", bytes("v2"));
            assertThat(cache.loadFileResult("old")).isEmpty();
            assertThat(cache.loadFileResult("new")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v2")));
            assertThat(cache.loadFileResult("other")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("kept")));
            cache.storeFileResult("new", "events_20250301.csv", bytes("v2 again"));
            assertThat(cache.loadFileResult("new")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v2 again")));
        }
    }

    @Test
    void resultsOfOneFileUnderOtherRulesAreKeptUpToTheBoundLeastRecentlyUsedEvictedFirst() throws Exception {
        try (StudioCache cache = StudioCache.open(dir.resolve("cache.sqlite"))) {
            String f = "/data/events_20250301.csv";
            assertThat(cache.storeFileResult("a", f, "B1", "rulesA", bytes("A"), 2).replaced()).isEmpty();
            Thread.sleep(2);
            StudioCache.Stored b = cache.storeFileResult("b", f, "B1", "rulesB", bytes("B"), 2);
            assertThat(b.replaced()).isEmpty();
            assertThat(b.keptHeads()).singleElement().isEqualTo(bytes("A"));
            Thread.sleep(2);
            cache.touchFileResults(List.of("a"));
            Thread.sleep(2);
            // A third set of rules: B, used least recently, goes; A stays.
            StudioCache.Stored c = cache.storeFileResult("c", f, "B1", "rulesC", bytes("C"), 2);
            assertThat(c.replaced()).singleElement().isEqualTo(bytes("B"));
            assertThat(c.keptHeads()).singleElement().isEqualTo(bytes("A"));
            assertThat(cache.loadFileResult("a")).isPresent();
            assertThat(cache.loadFileResult("b")).isEmpty();
            assertThat(cache.loadFileResult("c")).isPresent();
            // A changed file under rules A replaces A's older version, not C's result.
            StudioCache.Stored a2 = cache.storeFileResult("a2", f, "B1", "rulesA", bytes("A2"), 2);
            assertThat(a2.replaced()).singleElement().isEqualTo(bytes("A"));
            assertThat(cache.loadFileResult("c")).isPresent();
            // Other files are never touched.
            cache.storeFileResult("x", "/data/events_20250302.csv", "B1", "rulesA", bytes("X"), 2);
            assertThat(cache.loadFileResult("a2")).isPresent();
            assertThat(cache.loadFileResult("c")).isPresent();
        }
    }

    @Test
    void storingAResultDropsEveryResultOfThatFileMadeByAnotherBuild() {
        try (StudioCache cache = StudioCache.open(dir.resolve("cache.sqlite"))) {
            String f = "/data/events_20250301.csv";
            cache.storeFileResult("old-a", f, "B1", "rulesA", bytes("1A"), 3);
            cache.storeFileResult("old-b", f, "B1", "rulesB", bytes("1B"), 3);
            StudioCache.Stored fixed = cache.storeFileResult("new-a", f, "B2", "rulesA2", bytes("2A"), 3);
            assertThat(fixed.replaced()).containsExactlyInAnyOrder(bytes("1A"), bytes("1B"));
            assertThat(fixed.keptHeads()).isEmpty();
            assertThat(cache.loadFileResult("old-a")).isEmpty();
            assertThat(cache.loadFileResult("old-b")).isEmpty();
        }
    }

    @Test
    void aResultStoredByAnOlderBuildWithoutTheNewColumnsIsReplacedAndTheOlderBuildCanStillOpenTheFile()
            throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (StudioCache cache = StudioCache.open(file)) {
            cache.storeDailyMetrics("/data", DAY, Map.of("events", 5.0));
        }
        // What an older build does with the file: its own INSERT, naming only the columns it knows.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO file_result (file_key, file_name, payload, stored_at) "
                    + "VALUES ('legacy', '/data/events_20250301.csv', X'01', '2026-01-01T00:00:00Z')");
            try (ResultSet version = s.executeQuery("PRAGMA user_version")) {
                // Not raised by the added columns: an older build does not set the file aside as "newer".
                assertThat(version.getInt(1)).isEqualTo(2);
            }
        }
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).isEmpty();
            assertThat(cache.loadFileResult("legacy")).isPresent();
            StudioCache.Stored stored = cache.storeFileResult("new", "/data/events_20250301.csv", "B1", "rulesA",
                    bytes("N"), 3);
            assertThat(stored.replaced()).singleElement().isEqualTo(new byte[] {1});
            assertThat(cache.dailyMetrics("/data")).containsKey(DAY);
        }
    }

    @Test
    void aVersionTwoFileGetsTheNewColumnsWhenOpened() throws Exception {
        Path file = cacheOfAnEarlierBuild(2, "/data/a.csv");
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).isEmpty();
            assertThat(cache.loadFileResult("k1")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
            assertThat(cache.storeFileResult("k2", "/data/a.csv", "B1", "r", bytes("two"), 3).saved()).isTrue();
            cache.touchFileResults(List.of("k2", "missing"));
            assertThat(cache.loadFileResult("k1")).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT build, variant, used_at FROM file_result WHERE file_key = 'k2'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("B1");
            assertThat(row.getString(2)).isEqualTo("r");
            assertThat(row.getString(3)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }

    @Test
    void storingReturnsThePayloadsItReplaced() {
        try (StudioCache cache = StudioCache.open(dir.resolve("cache.sqlite"))) {
            StudioCache.Stored first = cache.storeFileResult("old", "events_20250301.csv", bytes("v1"));
            assertThat(first.saved()).isTrue();
            assertThat(first.replaced()).isEmpty();
            cache.storeFileResult("other", "events_20250302.csv", bytes("kept"));
            StudioCache.Stored newer = cache.storeFileResult("new", "events_20250301.csv", bytes("v2"));
            assertThat(newer.saved()).isTrue();
            assertThat(newer.replaced()).singleElement().isEqualTo(bytes("v1"));
            assertThat(cache.storeFileResult("new", "events_20250301.csv", bytes("v2 again")).replaced())
                    .singleElement().isEqualTo(bytes("v2"));
        }
    }

    @Test
    void aStoreThatCannotGetTheWriteLockIsNotSavedAndWarns() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (StudioCache cache = StudioCache.open(file, Duration.ofMillis(200))) {
            cache.storeFileResult("k1", "a.csv", bytes("one"));
            try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = holder.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                StudioCache.Stored stored = cache.storeFileResult("k2", "a.csv", bytes("two"));
                assertThat(stored.saved()).isFalse();
                assertThat(stored.replaced()).isEmpty();
                s.execute("ROLLBACK");
            }
            assertThat(cache.warnings()).singleElement().asString().contains("could not store a file result");
            assertThat(cache.loadFileResult("k1")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("one")));
        }
    }

    @Test
    void theFilesFolderIsBesideTheCacheFileAndAbsentForAMemoryCache() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.filesFolder()).contains(dir.resolve("cache.sqlite.spools").toAbsolutePath());
        }
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        try (StudioCache cache = StudioCache.open(notAFolder.resolve("cache.sqlite"))) {
            assertThat(cache.filesFolder()).isEmpty();
        }
    }

    @Test
    void theFilesFolderIsMovedAsideWithADamagedCacheFile() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        Files.write(file, "not a database\0\1".getBytes());
        Path folder = Files.createDirectories(dir.resolve("cache.sqlite.spools"));
        Files.writeString(folder.resolve("abc.v"), "rows");
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).singleElement().asString().contains("moved to");
        }
        List<Path> aside = asideFiles("cache.sqlite");
        assertThat(aside).hasSize(1);
        assertThat(folder).doesNotExist();
        assertThat(Files.readString(aside.get(0).resolveSibling(aside.get(0).getFileName() + ".spools")
                .resolve("abc.v"))).isEqualTo("rows");
    }

    @Test
    void dailyMetricsAreKeptPerDatasetAndDayAndReplacedOnUpdate() {
        Path file = dir.resolve("cache.sqlite");
        try (StudioCache cache = StudioCache.open(file)) {
            cache.storeDailyMetrics("/data/a", DAY, Map.of("events", 100.0, "revenue", 2000.5, "broken", Double.NaN));
            cache.storeDailyMetrics("/data/a", DAY.plusDays(1), Map.of("events", 120.0));
            cache.storeDailyMetrics("/data/b", DAY, Map.of("events", 7.0));
            cache.storeDailyMetrics("/data/a", DAY, Map.of("events", 101.0));
        }
        try (StudioCache cache = StudioCache.open(file)) {
            Map<LocalDate, Map<String, Double>> a = cache.dailyMetrics("/data/a");
            assertThat(a.keySet()).containsExactly(DAY, DAY.plusDays(1));
            assertThat(a.get(DAY)).containsExactly(Map.entry("events", 101.0));
            assertThat(a.get(DAY.plusDays(1))).containsExactly(Map.entry("events", 120.0));
            assertThat(cache.dailyMetrics("/data/b").get(DAY)).containsEntry("events", 7.0);
            assertThat(cache.dailyMetrics("/data/none")).isEmpty();
        }
    }

    @Test
    void replacingDailyMetricsReplacesTheWholeSpanAndKeepsDaysOutsideIt() {
        Path file = dir.resolve("cache.sqlite");
        try (StudioCache cache = StudioCache.open(file)) {
            for (int i = 0; i < 6; i++) {
                cache.storeDailyMetrics("/data/a", DAY.plusDays(i), Map.of("events", 100.0 + i));
            }
            cache.storeDailyMetrics("/data/b", DAY.plusDays(3), Map.of("events", 7.0));
            java.util.TreeMap<LocalDate, Map<String, Double>> run = new java.util.TreeMap<>();
            run.put(DAY.plusDays(2), Map.of("events", 202.0));
            run.put(DAY.plusDays(4), Map.of("events", 204.0, "broken", Double.NaN));
            cache.replaceDailyMetrics("/data/a", run);
        }
        try (StudioCache cache = StudioCache.open(file)) {
            Map<LocalDate, Map<String, Double>> a = cache.dailyMetrics("/data/a");
            assertThat(a.keySet()).containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(2), DAY.plusDays(4),
                    DAY.plusDays(5));
            assertThat(a.get(DAY.plusDays(2))).containsExactly(Map.entry("events", 202.0));
            assertThat(a.get(DAY.plusDays(4))).containsExactly(Map.entry("events", 204.0));
            assertThat(a.get(DAY.plusDays(5))).containsExactly(Map.entry("events", 105.0));
            assertThat(cache.dailyMetrics("/data/b")).containsKey(DAY.plusDays(3));
            assertThat(cache.warnings()).isEmpty();
        }
    }

    @Test
    void aCacheFileThatCannotBeCreatedDoesNotTalkOfMovingItAside() throws Exception {
        // /proc refuses new files even to root, which a read-only folder does not.
        Path file = Path.of("/proc/eventpipe-test-cache.db");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(file.getParent()) && !Files.exists(file));
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).singleElement().asString()
                    .startsWith("The cache file " + file + " cannot be created there (")
                    .endsWith("); this run works without a saved cache: choose a writable place with --cache.")
                    .doesNotContain("moved aside");
            assertUsable(cache);
        }
    }

    @Test
    void aTextFileGivenAsTheCacheIsLeftInPlaceAndBypassed() throws Exception {
        Path events = dir.resolve("events_20250301.csv");
        String text = "client_id,page_url,referrer,timestamp,event_name,event_data,user_agent\n"
                + "1740268798-lvfV1k5nHCN8,https://puffy.com/,,2025-03-01T10:00:00.000Z,page_viewed,,Mozilla/5.0 ü\n";
        Files.writeString(events, text.repeat(40));
        try (StudioCache cache = StudioCache.open(events)) {
            assertThat(cache.warnings()).singleElement().asString()
                    .contains(events.toString(), "is a text file, not a cache", "left as it is", "--cache");
            assertThat(cache.file()).isEmpty();
            assertUsable(cache);
        }
        assertThat(Files.readString(events)).isEqualTo(text.repeat(40));
        assertThat(asideFiles("events_20250301.csv")).isEmpty();
    }

    @Test
    void onlyPlainUtf8TextCountsAsText() throws Exception {
        Path file = dir.resolve("f");
        Files.write(file, new byte[0]);
        assertThat(StudioCache.isText(file)).isFalse();
        Files.write(file, "SQLite format 3\0".getBytes());
        assertThat(StudioCache.isText(file)).isFalse();
        Files.write(file, new byte[] {'a', 'b', (byte) 0xC3, 0x28});
        assertThat(StudioCache.isText(file)).isFalse();
        // A two-byte character cut by the 4 KiB read is still text.
        Files.write(file, ("a".repeat(4095) + "é").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(StudioCache.isText(file)).isTrue();
    }

    @Test
    void aFileOfRandomBytesIsMovedAsideAndRebuiltWithAWarning() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        byte[] junk = new byte[8192];
        new Random(42).nextBytes(junk);
        Files.write(file, junk);
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).singleElement().asString()
                    .contains("is not a database").contains("moved to").contains(".corrupt-");
            assertThat(cache.file()).isPresent();
            assertUsable(cache);
        }
        List<Path> aside = asideFiles("cache.sqlite");
        assertThat(aside).hasSize(1);
        assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(junk);
        try (StudioCache again = StudioCache.open(file)) {
            assertThat(again.warnings()).isEmpty();
            assertThat(again.loadFileResult("k-check")).isPresent();
        }
    }

    @Test
    void aDatabaseOfAnotherApplicationIsMovedAsideUntouched() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO customers (name) VALUES ('Ada')");
        }
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).singleElement().asString()
                    .contains("belongs to another application").contains("customers");
            assertUsable(cache);
        }
        Path aside = asideFiles("cache.sqlite").get(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + aside);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT name FROM customers")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Ada");
        }
    }

    @Test
    void aDatabaseWithAnotherApplicationIdIsForeignEvenWithoutTables() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("PRAGMA application_id=1234");
        }
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).singleElement().asString().contains("application id 1234");
            assertUsable(cache);
        }
    }

    @Test
    void aCacheWrittenByANewerVersionIsMovedAside() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        StudioCache.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=" + (StudioCache.SCHEMA_VERSION + 5));
        }
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).singleElement().asString().contains("newer version");
            assertUsable(cache);
        }
    }

    @Test
    void aVersionOneCacheIsMigratedKeepingItsResults() throws Exception {
        Path file = cacheOfAnEarlierBuild(1, "events_20250301.csv");
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.warnings()).isEmpty();
            assertThat(cache.loadFileResult("k1")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
            cache.storeDailyMetrics("/data", DAY, Map.of("events", 5.0));
            assertThat(cache.dailyMetrics("/data")).containsKey(DAY);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet version = s.executeQuery("PRAGMA user_version")) {
            assertThat(version.getInt(1)).isEqualTo(StudioCache.SCHEMA_VERSION);
        }
    }

    @Test
    void aCacheLockedByAnotherConnectionIsLeftInPlaceAndBypassedForThisRun() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (StudioCache first = StudioCache.open(file)) {
            first.storeFileResult("k1", "a.csv", bytes("one"));
        }
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = holder.createStatement()) {
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("INSERT INTO file_result (file_key, file_name, payload, stored_at) "
                    + "VALUES ('k2', 'b.csv', X'00', 'now')");
            try (StudioCache cache = StudioCache.open(file, Duration.ofMillis(200))) {
                assertThat(cache.warnings()).singleElement().asString()
                        .contains("The cache file " + file.toAbsolutePath(), "locked by another program",
                                "works without it", "wait for the other run to finish")
                        .doesNotContain("moved");
                assertThat(cache.file()).isEmpty();
                assertThat(cache.loadFileResult("k1")).isEmpty();
                assertUsable(cache);
            }
            s.execute("ROLLBACK");
        }
        assertThat(asideFiles("cache.sqlite")).isEmpty();
        try (StudioCache cache = StudioCache.open(file)) {
            // Once the other program lets go, this run's predecessors' results are all still there.
            assertThat(cache.warnings()).isEmpty();
            assertThat(cache.loadFileResult("k1")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("one")));
        }
    }

    @Test
    void theBusyTimeoutIsTenSecondsUnlessATestGivesAPositiveWholeNumberOfSeconds() {
        String before = System.clearProperty(StudioCache.BUSY_TIMEOUT_PROPERTY);
        try {
            assertThat(StudioCache.busyTimeout()).isEqualTo(Duration.ofSeconds(10));
            System.setProperty(StudioCache.BUSY_TIMEOUT_PROPERTY, "1");
            assertThat(StudioCache.busyTimeout()).isEqualTo(Duration.ofSeconds(1));
            for (String refused : List.of("0", "-3", "1.5", "ten", "")) {
                System.setProperty(StudioCache.BUSY_TIMEOUT_PROPERTY, refused);
                assertThat(StudioCache.busyTimeout()).as(refused).isEqualTo(Duration.ofSeconds(10));
            }
        } finally {
            if (before == null) {
                System.clearProperty(StudioCache.BUSY_TIMEOUT_PROPERTY);
            } else {
                System.setProperty(StudioCache.BUSY_TIMEOUT_PROPERTY, before);
            }
        }
    }

    @Test
    void threeRunsOpeningANewCacheFileAtOnceAllUseIt() throws Exception {
        // SQLite answers "busy" at once, without its busy timeout, where waiting could deadlock: one opening in about
        // 180 worked without its cache, "locked for longer than 10 s", and failed the test below once in a full build.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<String> warnings = new ArrayList<>();
            for (int round = 0; round < 300; round++) {
                Path file = dir.resolve("cache-" + round + ".sqlite");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<String>>> opens = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    opens.add(pool.submit(() -> {
                        start.await();
                        try (StudioCache cache = StudioCache.open(file)) {
                            return cache.warnings();
                        }
                    }));
                }
                start.countDown();
                for (Future<List<String>> open : opens) {
                    warnings.addAll(open.get());
                }
            }
            assertThat(warnings).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoInstancesWritingAtOnceLoseNothingAndKeepTheFileIntact() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    try (StudioCache cache = StudioCache.open(file)) {
                        start.await();
                        for (int i = 0; i < perWriter; i++) {
                            cache.storeFileResult("w" + writer + "-" + i, "w" + writer + "-" + i + ".csv",
                                    bytes("payload " + i));
                            cache.storeDailyMetrics("/data/w" + writer, DAY.plusDays(i), Map.of("events", (double) i));
                        }
                        return cache.warnings();
                    }
                }));
            }
            // A third thread shares one instance with the fourth, as parallel file validation does.
            StudioCache shared = StudioCache.open(file);
            for (int t = 0; t < 2; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        shared.storeFileResult("s" + thread + "-" + i, "s" + thread + "-" + i + ".csv", bytes("s"));
                        shared.loadFileResult("w0-" + i);
                    }
                    return shared.warnings();
                }));
            }
            start.countDown();
            for (Future<List<String>> writer : writers) {
                assertThat(writer.get()).isEmpty();
            }
            shared.close();
        } finally {
            pool.shutdownNow();
        }
        try (StudioCache cache = StudioCache.open(file)) {
            for (String prefix : List.of("w0-", "w1-", "s0-", "s1-")) {
                for (int i = 0; i < perWriter; i++) {
                    assertThat(cache.loadFileResult(prefix + i)).as(prefix + i).isPresent();
                }
            }
            assertThat(cache.dailyMetrics("/data/w0")).hasSize(perWriter);
            assertThat(cache.dailyMetrics("/data/w1")).hasSize(perWriter);
            assertThat(cache.warnings()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet check = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(check.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void aLocationThatCannotBeCreatedFallsBackToAMemoryCacheWithAWarning() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "I am a file, not a folder");
        try (StudioCache cache = StudioCache.open(notAFolder.resolve("cache.sqlite"))) {
            assertThat(cache.warnings()).singleElement().asString().contains("cannot be created").contains("--cache")
                    // Was "cannot be created (<the path again>)".
                    .contains("cannot be created (" + notAFolder.toAbsolutePath() + " is a file, not a folder);");
            assertThat(cache.file()).isEmpty();
            assertUsable(cache);
        }
        assertThat(Files.readString(notAFolder)).isEqualTo("I am a file, not a folder");
    }

    @Test
    void aFolderGivenAsTheCacheFileIsLeftAloneAndBypassed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cache.sqlite"));
        Files.writeString(folder.resolve("keep.txt"), "mine");
        try (StudioCache cache = StudioCache.open(folder)) {
            // SQLite's "unable to open" and "delete the file" said nothing useful about a folder.
            assertThat(cache.warnings()).containsExactly("The cache path " + folder + " is a folder, not a file; this "
                    + "run works without a saved cache: give --cache a file name, such as "
                    + folder.resolve("eventpipe-cache.db") + ".");
            assertThat(cache.file()).isEmpty();
            assertUsable(cache);
        }
        assertThat(folder.resolve("keep.txt")).hasContent("mine");
    }

    private static final String READ_ONLY = " is read-only for this user, so this run uses the results and history "
            + "it holds but saves nothing new to it: make the file and its folder writable, or choose another file "
            + "with --cache, or run with --no-cache.";

    @Test
    void aReadOnlyCacheFileIsStillReadAndItsOneWarningSaysWhatToDo() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (StudioCache cache = StudioCache.open(file)) {
            cache.storeFileResult("k1", "a.csv", bytes("one"));
            cache.storeDailyMetrics("/data/a", DAY, Map.of("events", 5.0));
        }
        // Opened as SQLite opens a file this user may not write: root may write any file, so chmod cannot show it.
        try (StudioCache cache = StudioCache.open(file, Duration.ofSeconds(10), true)) {
            assertThat(cache.loadFileResult("k1")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("one")));
            assertThat(cache.dailyMetrics("/data/a")).containsKey(DAY);
            assertThat(cache.storeFileResult("k2", "b.csv", bytes("two")).saved()).isFalse();
            cache.storeDailyMetrics("/data/a", DAY.plusDays(1), Map.of("events", 6.0));
            assertThat(cache.warnings()).containsExactly("The cache file " + file.toAbsolutePath() + READ_ONLY);
        }
        try (StudioCache cache = StudioCache.open(file)) {
            assertThat(cache.loadFileResult("k2")).isEmpty();
            assertThat(cache.warnings()).isEmpty();
        }
    }

    @Test
    void aCacheFileThisUserMayNotWriteSaysSoWhenOpened() throws Exception {
        Path file = dir.resolve("cache.sqlite");
        StudioCache.open(file).close();
        boolean changed = file.toFile().setWritable(false, false);
        try {
            org.junit.jupiter.api.Assumptions.assumeTrue(changed && !Files.isWritable(file),
                    "this user can write read-only files (root): see the test above");
            try (StudioCache cache = StudioCache.open(file)) {
                assertThat(cache.warnings()).containsExactly("The cache file " + file.toAbsolutePath() + READ_ONLY);
                assertUsable(cache);
            }
        } finally {
            file.toFile().setWritable(true, false);
        }
    }

    @Test
    void aReadOnlyCacheFolderIsBypassedWithAWarning() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path file = folder.resolve("cache.sqlite");
        StudioCache.open(file).close();
        boolean changed = folder.toFile().setWritable(false, false) && file.toFile().setWritable(false, false);
        try {
            org.junit.jupiter.api.Assumptions.assumeTrue(changed && !Files.isWritable(file),
                    "this user can write read-only files (root), so read-only cannot be simulated");
            try (StudioCache cache = StudioCache.open(file)) {
                assertThat(cache.warnings()).isNotEmpty();
                assertUsable(cache);
            }
        } finally {
            folder.toFile().setWritable(true, false);
            file.toFile().setWritable(true, false);
        }
    }

    /**
     * A cache file as a build of schema {@code version} left it: that version's tables only (none of the columns
     * added in place since), holding one result, key k1, payload 1 2 3, for {@code fileName}.
     */
    private Path cacheOfAnEarlierBuild(int version, String fileName) throws Exception {
        Path file = dir.resolve("cache.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id=" + StudioCache.APPLICATION_ID);
            for (List<String> step : StudioCache.MIGRATIONS.subList(0, version)) {
                for (String sql : step) {
                    s.execute(sql);
                }
            }
            s.execute("INSERT INTO file_result VALUES ('k1', '" + fileName + "', X'010203', '2025-03-01T00:00:00Z')");
            s.execute("PRAGMA user_version=" + version);
        }
        return file;
    }
}
