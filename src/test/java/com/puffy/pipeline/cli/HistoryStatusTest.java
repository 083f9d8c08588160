package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.cache.StudioCache;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageStatus;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring's status follows the metric history it would read from the cache, not the cache's path
 * (docs/decisions/0818): a deleted, replaced or other cache without the days its baselines used makes it out of date,
 * said in words; the same history under another path (the app's and the command line's default caches under two
 * HOMEs) leaves it up to date; and the status check never creates, writes or waits on the file.
 */
class HistoryStatusTest {
    private static final LocalDate DAY = LocalDate.of(2025, 2, 23);

    @TempDir
    Path dir;

    private final Pipeline pipeline = StudioEngine.standardPipeline();

    private Path input() throws Exception {
        Path input = dir.resolve("events");
        if (!Files.isDirectory(input)) {
            Files.createDirectories(input);
            Files.writeString(input.resolve("events_20250223.csv"), """
                    client_id,page_url,referrer,timestamp,event_name,event_data,user_agent
                    1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Mozilla/5.0
                    """);
        }
        return input;
    }

    /** A cache holding 7 days of 1,000 events before the folder's only day (of 1 event): a VOLUME_ANOMALY with it. */
    private Path cacheWithAWeekBefore(String name, double events) throws Exception {
        Path cacheFile = dir.resolve(name);
        try (StudioCache cache = StudioCache.open(cacheFile)) {
            for (int back = 1; back <= 7; back++) {
                cache.storeDailyMetrics(input().toRealPath().toString(), DAY.minusDays(back),
                        Map.of("events", events, "sessions", events));
            }
        }
        return cacheFile;
    }

    private RunSettings settings(Path cacheFile) throws Exception {
        return new RunSettings(input(), dir.resolve("out"), ConfigLoader.defaults(), null, DAY.plusDays(1), false,
                cacheFile);
    }

    private PipelineReport runAll(RunSettings settings, PipelineListener listener) {
        return pipeline.run(settings, EnumSet.allOf(StageId.class), false, listener, Cancellation.none());
    }

    private Map<StageId, StageStatus> statuses(RunSettings settings) {
        Map<StageId, StageStatus> statuses = new EnumMap<>(StageId.class);
        for (StageId id : StageId.values()) {
            statuses.put(id, pipeline.status(settings, id));
        }
        return statuses;
    }

    private static Map<StageId, StageOutcome> outcomes(PipelineReport report) {
        Map<StageId, StageOutcome> outcomes = new EnumMap<>(StageId.class);
        report.stages().forEach(run -> outcomes.put(run.stage(), run.outcome()));
        return outcomes;
    }

    private String alerts(RunSettings settings) throws Exception {
        return Files.readString(settings.outputDir().resolve("monitoring/alerts.csv"));
    }

    private List<String> filesBeside(Path cacheFile) throws Exception {
        try (Stream<Path> files = Files.list(cacheFile.getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(cacheFile.getFileName()
                    .toString())).sorted().toList();
        }
    }

    /** Each file beside (and of) the cache: its modification time and a digest of its bytes. */
    private Map<String, String> timesAndDigestsBeside(Path cacheFile) throws Exception {
        Map<String, String> seen = new java.util.TreeMap<>();
        for (String name : filesBeside(cacheFile)) {
            Path path = dir.resolve(name);
            if (Files.isRegularFile(path)) {
                seen.put(name, Files.getLastModifiedTime(path) + " " + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
            }
        }
        return seen;
    }

    @Test
    void aDeletedCacheLeavesMonitoringOutOfDateSaysWhyAndIsNotCreatedByTheCheck() throws Exception {
        Path cacheFile = cacheWithAWeekBefore("cache.sqlite", 1000);
        RunSettings settings = settings(cacheFile);
        runAll(settings, PipelineListener.NONE);
        assertThat(alerts(settings)).contains("VOLUME_ANOMALY");
        assertThat(statuses(settings)).containsOnly(Map.entry(StageId.QUALITY, StageStatus.FRESH),
                Map.entry(StageId.TRANSFORM, StageStatus.FRESH), Map.entry(StageId.MONITOR, StageStatus.FRESH),
                Map.entry(StageId.ANALYSIS, StageStatus.FRESH));

        for (String file : filesBeside(cacheFile)) {
            Path path = dir.resolve(file);
            if (Files.isDirectory(path)) {
                continue;
            }
            Files.delete(path);
        }
        Map<StageId, StageStatus> afterDelete = statuses(settings);

        assertThat(afterDelete).containsEntry(StageId.QUALITY, StageStatus.FRESH)
                .containsEntry(StageId.TRANSFORM, StageStatus.FRESH).containsEntry(StageId.MONITOR, StageStatus.STALE)
                .containsEntry(StageId.ANALYSIS, StageStatus.STALE);
        assertThat(filesBeside(cacheFile)).as("the status check made no file").doesNotContain("cache.sqlite",
                "cache.sqlite-wal", "cache.sqlite-shm");
        String why = "Its baselines used 7 earlier days (2025-02-16 to 2025-02-22) from the cache's metric history, "
                + "and the cache file " + cacheFile.toAbsolutePath() + " is not there: its alerts are not those a "
                + "run gives now, with only the folder's own days for baselines.";
        assertThat(pipeline.whyOutOfDate(settings, StageId.MONITOR)).contains(why);
        assertThat(pipeline.whyOutOfDate(settings, StageId.ANALYSIS))
                .contains("Monitoring, whose outputs it reads, is out of date. " + why);
        assertThat(pipeline.whyOutOfDate(settings, StageId.QUALITY)).isEmpty();

        List<String> told = new ArrayList<>();
        PipelineReport rerun = runAll(settings, new PipelineListener() {
            @Override
            public void runsBecause(StageId stage, String reason) {
                told.add(stage.cliName() + ": " + reason);
            }
        });
        assertThat(outcomes(rerun)).containsEntry(StageId.QUALITY, StageOutcome.UP_TO_DATE)
                .containsEntry(StageId.MONITOR, StageOutcome.RAN).containsEntry(StageId.ANALYSIS, StageOutcome.RAN);
        assertThat(told).containsExactly("monitor: " + why);
        assertThat(alerts(settings)).as("what a run now gives").doesNotContain("VOLUME_ANOMALY");
        assertThat(statuses(settings)).doesNotContainValue(StageStatus.STALE);
    }

    @Test
    void aReplacedCacheOrAnotherCacheFileWithoutThoseDaysLeavesMonitoringOutOfDate() throws Exception {
        Path cacheFile = cacheWithAWeekBefore("cache.sqlite", 1000);
        RunSettings settings = settings(cacheFile);
        runAll(settings, PipelineListener.NONE);

        Path other = dir.resolve("other.sqlite");
        StudioCache.open(other).close();
        assertThat(pipeline.status(settings.withCacheFile(other), StageId.MONITOR)).isEqualTo(StageStatus.STALE);
        assertThat(pipeline.whyOutOfDate(settings.withCacheFile(other), StageId.MONITOR).orElseThrow())
                .contains("and the cache file " + other.toAbsolutePath() + " no longer holds them");

        Files.delete(cacheFile);
        Files.move(cacheWithAWeekBefore("replacement.sqlite", 1002), cacheFile);
        assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.STALE);
        assertThat(pipeline.whyOutOfDate(settings, StageId.MONITOR).orElseThrow())
                .endsWith("the cache file " + cacheFile.toAbsolutePath() + " now holds other values for them "
                        + "(replaced, or another cache file).");
    }

    /**
     * A cache file named for the first time ({@code --cache NEW.sqlite}) is not there until the run makes it: said as
     * one a run starts new, with no earlier days, not as a missing one, which read as an error to the analyst who had
     * just chosen it. The file the outputs were made with is the one in the stamp kept beside their fingerprint; with
     * no stamp kept, both readings are said.
     */
    @Test
    void aCacheFileNamedForTheFirstTimeIsSaidToBeNewNotMissing() throws Exception {
        Path cacheFile = cacheWithAWeekBefore("cache.sqlite", 1000);
        RunSettings settings = settings(cacheFile);
        runAll(settings, PipelineListener.NONE);
        Path named = dir.resolve("new.sqlite");

        assertThat(pipeline.whyOutOfDate(settings.withCacheFile(named), StageId.MONITOR)).contains("Its baselines "
                + "used 7 earlier days (2025-02-16 to 2025-02-22) from the cache's metric history in "
                + cacheFile.toAbsolutePath() + ", and the cache file named now, " + named.toAbsolutePath() + ", is "
                + "not there yet: a run starts it new, with no earlier days, so its alerts are not those a run gives "
                + "now, with only the folder's own days for baselines.");

        Path manifest = settings.outputDir().resolve("monitoring").resolve(Pipeline.STAGE_MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replaceAll("\"inputs_stamp\" *: *\"[^\"]*\"",
                "\"inputs_stamp\" : \"\""));
        assertThat(pipeline.whyOutOfDate(settings.withCacheFile(named), StageId.MONITOR).orElseThrow())
                .contains("the cache file " + named.toAbsolutePath() + " is not there (a new cache file, or one "
                        + "deleted since it last ran): its alerts");
    }

    /**
     * The app and the command line under two HOMEs use two default caches; over the same history (none before the
     * folder's first day, or a copy) one's outputs are up to date for the other, as a rerun would come out the same.
     */
    @Test
    void theSameHistoryUnderAnotherPathLeavesEveryStageUpToDate() throws Exception {
        Path appHome = Files.createDirectories(dir.resolve("app-home/.local/share/EventPipelineStudio"));
        Path cliHome = Files.createDirectories(dir.resolve("cli-home/.local/share/EventPipelineStudio"));
        RunSettings app = settings(appHome.resolve("cache.sqlite"));
        RunSettings commandLine = settings(cliHome.resolve("cache.sqlite"));
        runAll(app, PipelineListener.NONE);
        assertThat(statuses(commandLine)).containsOnly(Map.entry(StageId.QUALITY, StageStatus.FRESH),
                Map.entry(StageId.TRANSFORM, StageStatus.FRESH), Map.entry(StageId.MONITOR, StageStatus.FRESH),
                Map.entry(StageId.ANALYSIS, StageStatus.FRESH));
        assertThat(Files.exists(cliHome.resolve("cache.sqlite"))).isFalse();
        assertThat(outcomes(runAll(commandLine, PipelineListener.NONE))).doesNotContainValue(StageOutcome.RAN);
        assertThat(statuses(app)).doesNotContainValue(StageStatus.STALE);

        Path withWeek = cacheWithAWeekBefore("week.sqlite", 1000);
        runAll(settings(withWeek), PipelineListener.NONE);
        Path copy = Files.copy(withWeek, dir.resolve("copy-of-week.sqlite"));
        assertThat(statuses(settings(copy))).doesNotContainValue(StageStatus.STALE);
    }

    @Test
    void aLockedOrDamagedCacheNeitherFailsNorDelaysTheCheckAndIsLeftAsItIs() throws Exception {
        Path cacheFile = cacheWithAWeekBefore("cache.sqlite", 1000);
        RunSettings settings = settings(cacheFile);
        runAll(settings, PipelineListener.NONE);

        Connection holder = DriverManager.getConnection("jdbc:sqlite:" + cacheFile);
        Statement lock = holder.createStatement();
        lock.execute("PRAGMA locking_mode=EXCLUSIVE");
        lock.execute("BEGIN EXCLUSIVE");
        long started = System.nanoTime();
        try {
            assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.FRESH);
        } finally {
            lock.execute("ROLLBACK");
            holder.close();
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("no wait on the lock (busy timeout 10 s)")
                .isLessThan(3_000);

        byte[] damaged = ("\0\1not a database" + "x".repeat(5000)).getBytes();
        Files.write(cacheFile, damaged);
        Files.setLastModifiedTime(cacheFile, FileTime.fromMillis(1_000_000_000_000L));
        List<String> before = filesBeside(cacheFile);

        assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.STALE);
        assertThat(pipeline.whyOutOfDate(settings, StageId.MONITOR).orElseThrow())
                .contains("and the cache file " + cacheFile.toAbsolutePath() + " is not a database: its alerts");
        assertThat(Files.readAllBytes(cacheFile)).isEqualTo(damaged);
        assertThat(Files.getLastModifiedTime(cacheFile)).isEqualTo(FileTime.fromMillis(1_000_000_000_000L));
        assertThat(filesBeside(cacheFile)).as("nothing moved aside or made beside it").isEqualTo(before);
    }

    /**
     * A class loader of its own over the test's class path, as a new {@code eventpipe} process starts: which classes
     * a status check loads there tells whether it opened SQLite ({@code NativeDB} loads its native library).
     */
    private static final class NewProcessLoader extends URLClassLoader {
        NewProcessLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank()).map(entry -> {
                        try {
                            return Path.of(entry).toUri().toURL();
                        } catch (MalformedURLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toArray(URL[]::new);
        }

        boolean openedSqlite() {
            return findLoadedClass("org.sqlite.core.NativeDB") != null;
        }

        String monitoringStatus(RunSettings settings) throws Exception {
            var check = Class.forName(HistoryStatusTest.class.getName(), true, this).getDeclaredMethod(
                    "monitoringStatus", String.class, String.class, String.class, String.class);
            check.setAccessible(true);
            return (String) check.invoke(null, settings.inputDir().toString(), settings.outputDir().toString(),
                    settings.cacheFile().toString(), settings.asOf().toString());
        }
    }

    /** Called in a {@link NewProcessLoader}, with only strings crossing over. */
    @SuppressWarnings("unused")
    private static String monitoringStatus(String input, String output, String cacheFile, String asOf) {
        RunSettings settings = new RunSettings(Path.of(input), Path.of(output), ConfigLoader.defaults(), null,
                LocalDate.parse(asOf), false, Path.of(cacheFile));
        return StudioEngine.standardPipeline().status(settings, StageId.MONITOR).name();
    }

    /**
     * A run where every stage is up to date loaded SQLite's native library to read the history again (decision 0818),
     * a second or more of every "reopen" on the command line: while the cache file is as the run left it, the history
     * fingerprint kept in the manifest holds (decision 0820). A file written since is read again.
     */
    @Test
    void anUpToDateCheckOpensNoSqliteWhileTheCacheFileIsAsTheRunLeftIt() throws Exception {
        Path cacheFile = cacheWithAWeekBefore("cache.sqlite", 1000);
        RunSettings settings = settings(cacheFile);
        runAll(settings, PipelineListener.NONE);

        try (NewProcessLoader untouched = new NewProcessLoader()) {
            assertThat(untouched.monitoringStatus(settings)).isEqualTo("FRESH");
            assertThat(untouched.openedSqlite()).as("SQLite opened by an up-to-date check").isFalse();
        }

        Files.setLastModifiedTime(cacheFile, FileTime.from(Files.getLastModifiedTime(cacheFile).toInstant()
                .minus(Duration.ofHours(1))));
        try (NewProcessLoader touched = new NewProcessLoader()) {
            assertThat(touched.monitoringStatus(settings)).as("the same rows, read again").isEqualTo("FRESH");
            assertThat(touched.openedSqlite()).isTrue();
        }
    }

    /**
     * A commit still in another connection's {@code -wal} is seen at once, the main file untouched (decision 0823;
     * before, only once checkpointed); checkpointed into the main file it still is, even when the file keeps its
     * size. The same file rewritten in place with its size and modification time set back is told by its change time.
     */
    @Test
    void theKeptFingerprintGivesWayToAWriteCheckpointedOrPutInPlaceWithItsSizeAndTimeKept() throws Exception {
        Path cacheFile = cacheWithAWeekBefore("cache.sqlite", 1000);
        RunSettings settings = settings(cacheFile);
        runAll(settings, PipelineListener.NONE);
        long size = Files.size(cacheFile);
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + cacheFile);
             Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint=0");
            statement.executeUpdate("UPDATE daily_metric SET value = value + 1 WHERE day = '"
                    + DAY.minusDays(1) + "' AND metric = 'events'");
            assertThat(pipeline.status(settings, StageId.MONITOR)).as("in the -wal only").isEqualTo(StageStatus.STALE);
            assertThat(pipeline.whyOutOfDate(settings, StageId.MONITOR).orElseThrow())
                    .endsWith("now holds other values for them (replaced, or another cache file).");

            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            assertThat(Files.size(cacheFile)).isEqualTo(size);
            assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.STALE);
            assertThat(pipeline.whyOutOfDate(settings, StageId.MONITOR).orElseThrow())
                    .endsWith("now holds other values for them (replaced, or another cache file).");
        }

        runAll(settings, PipelineListener.NONE);
        assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.FRESH);
        Path edited = Files.copy(cacheFile, dir.resolve("edited.sqlite"));
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + edited);
             Statement statement = writer.createStatement()) {
            statement.executeUpdate("UPDATE daily_metric SET value = 7 WHERE day = '" + DAY.minusDays(2) + "'");
        }
        assertThat(Files.size(edited)).isEqualTo(Files.size(cacheFile));
        FileTime modified = Files.getLastModifiedTime(cacheFile);
        Object inode = Files.getAttribute(cacheFile, "unix:ino");
        Files.write(cacheFile, Files.readAllBytes(edited), StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(cacheFile, modified);
        assertThat(Files.getAttribute(cacheFile, "unix:ino")).isEqualTo(inode);

        assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.STALE);
        assertThat(pipeline.whyOutOfDate(settings, StageId.MONITOR).orElseThrow())
                .endsWith("now holds other values for them (replaced, or another cache file).");
    }

    /**
     * History written while another connection held the cache stays in the {@code -wal} after that run closes (only
     * the last connection checkpoints): the run after it read those days, but the status check, reading the main file
     * alone, kept a fingerprint without them, and once the holder closed and the log was checkpointed called
     * Monitoring out of date: "now holds 7 earlier days … that its baselines did not have" (decision 0823). The check
     * reads the log read-only and leaves the database, its log and index as they were, and makes no file.
     */
    @Test
    void historyStillInTheWriteAheadLogIsWhatTheCheckReadsAsTheRunDoes() throws Exception {
        Path cacheFile = dir.resolve("cache.sqlite");
        StudioCache.open(cacheFile).close();
        RunSettings settings = settings(cacheFile);
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + cacheFile);
             Statement statement = holder.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM daily_metric").close();
            cacheWithAWeekBefore("cache.sqlite", 1000);
            assertThat(Files.size(dir.resolve("cache.sqlite-wal"))).as("the week, still in the log").isPositive();

            runAll(settings, PipelineListener.NONE);
            assertThat(alerts(settings)).as("the run read the week").contains("VOLUME_ANOMALY");
            assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.FRESH);

            Map<String, String> before = timesAndDigestsBeside(cacheFile);
            Files.writeString(settings.outputDir().resolve("monitoring").resolve(Pipeline.STAGE_MANIFEST),
                    Files.readString(settings.outputDir().resolve("monitoring").resolve(Pipeline.STAGE_MANIFEST))
                            .replaceAll("\"inputs_stamp\" *: *\"[^\"]*\"", "\"inputs_stamp\" : \"\""));
            assertThat(pipeline.status(settings, StageId.MONITOR)).as("read again, from the log")
                    .isEqualTo(StageStatus.FRESH);
            Map<String, String> after = timesAndDigestsBeside(cacheFile);
            assertThat(after).as("nothing written or made beside the cache").isEqualTo(before);

            // What a run killed before it closed the cache leaves: the log and its index, with no connection.
            Path leftover = dir.resolve("killed.sqlite");
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.copy(dir.resolve("cache.sqlite" + suffix), dir.resolve("killed.sqlite" + suffix));
            }
            assertThat(pipeline.status(settings.withCacheFile(leftover), StageId.MONITOR)).as("a killed run's log")
                    .isEqualTo(StageStatus.FRESH);
            assertThat(filesBeside(leftover)).containsExactly("killed.sqlite", "killed.sqlite-shm",
                    "killed.sqlite-wal");
            assertThat(Files.size(leftover)).isEqualTo(Files.size(cacheFile));
            statement.executeUpdate("INSERT INTO daily_metric (dataset_key, day, metric, value) VALUES ('x', "
                    + "'2025-01-01', 'events', 1)");
        }
        assertThat(Files.exists(dir.resolve("cache.sqlite-wal"))).as("checkpointed by the last to close").isFalse();

        assertThat(pipeline.status(settings, StageId.MONITOR)).isEqualTo(StageStatus.FRESH);
        assertThat(pipeline.whyOutOfDate(settings, StageId.MONITOR)).isEmpty();
    }

    /**
     * Two writes in one tick of the clock that stamps files can share a modification time (kernels before 6.13 on
     * every filesystem): the stamp of a file written this tick is taken only once the tick is over, so a write after
     * it has another time; whole-second times are not relied on for two seconds.
     */
    @Test
    void aFileWrittenThisTickIsStampedOnlyOnceTheTickIsOverAndWholeSecondTimesNotForTwoSeconds() throws Exception {
        Path file = dir.resolve("busy.sqlite");
        Files.writeString(file, "a".repeat(100));
        Instant now = Instant.now();
        Files.setLastModifiedTime(file, FileTime.from(now.getNano() == 0 ? now.plusNanos(1) : now));
        long started = System.nanoTime();
        String stamp = StudioCache.peekStamp(file);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        assertThat(stamp).contains(";size=100;");

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(StudioCache.peekStamp(file)).isEmpty();
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(StudioCache.peekStamp(file)).isNotEmpty();

        for (int round = 0; round < 5; round++) {
            Files.writeString(file, "b".repeat(100));
            String before = StudioCache.peekStamp(file);
            Files.writeString(file, "c".repeat(100));
            assertThat(StudioCache.peekStamp(file)).as("round " + round).isNotEqualTo(before);
        }
    }

    /** The command line says why Monitoring runs again, on stderr where a scheduled job's log keeps it. */
    @Test
    void theCommandLineSaysWhyMonitoringRunsAgain() throws Exception {
        Path cacheFile = cacheWithAWeekBefore("cache.sqlite", 1000);
        String[] args = {"run", "--input", input().toString(), "--output", dir.resolve("out").toString(), "--cache",
                cacheFile.toString(), "--as-of", DAY.plusDays(1).toString()};
        EventPipeCli.execute(pipeline, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), args);
        Files.delete(cacheFile);
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();

        EventPipeCli.execute(pipeline, new PrintWriter(out, true), new PrintWriter(err, true), args);

        assertThat(err.toString()).contains("Monitoring: out of date, runs again. Its baselines used 7 earlier days "
                + "(2025-02-16 to 2025-02-22) from the cache's metric history, and the cache file "
                + cacheFile.toAbsolutePath() + " is not there")
                .contains("Quality: up to date").contains("Monitoring: done in");
        // The summary says what the outputs now hold, as after a day added (decision 0820): why a stage ran is said
        // once, on stderr with the other progress lines.
        assertThat(out.toString()).contains(System.lineSeparator() + "Monitoring:" + System.lineSeparator())
                .doesNotContain("runs again").doesNotContain("earlier days (2025-02-16 to 2025-02-22)");
    }
}
