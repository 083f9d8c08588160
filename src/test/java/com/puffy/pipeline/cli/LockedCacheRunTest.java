package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.cache.StudioCache;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache file locked by another program: the first stage that opens it waits the busy timeout and works without
 * it; the rest of the run bypasses it without opening it again, and the WARNING is said once.
 */
class LockedCacheRunTest {
    @TempDir
    Path dir;
    private String busyTimeoutBefore;

    /** The cache's busy timeout shortened from 10 s to 1 s: each run that finds the file locked waits it out. */
    @BeforeEach
    void waitOneSecondForALockedCache() {
        busyTimeoutBefore = System.setProperty(StudioCache.BUSY_TIMEOUT_PROPERTY, "1");
    }

    @AfterEach
    void restoreTheBusyTimeout() {
        if (busyTimeoutBefore == null) {
            System.clearProperty(StudioCache.BUSY_TIMEOUT_PROPERTY);
        } else {
            System.setProperty(StudioCache.BUSY_TIMEOUT_PROPERTY, busyTimeoutBefore);
        }
    }

    @Test
    void afterQualityFindsTheCacheLockedMonitoringDoesNotOpenItAndTheWarningIsSaidOnce() throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250223.csv"), """
                client_id,page_url,referrer,timestamp,event_name,event_data,user_agent
                1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Mozilla/5.0
                """);
        Path cacheFile = dir.resolve("cache.sqlite");
        StudioCache.open(cacheFile).close();
        RunSettings settings = new RunSettings(input, dir.resolve("out"), ConfigLoader.defaults(), null,
                LocalDate.of(2025, 2, 24), false, cacheFile);
        StringWriter err = new StringWriter();
        ConsoleProgress console = new ConsoleProgress(new PrintWriter(err, true), false, settings.outputDir());
        Connection holder = DriverManager.getConnection("jdbc:sqlite:" + cacheFile);
        Statement lock = holder.createStatement();
        lock.execute("PRAGMA locking_mode=EXCLUSIVE");
        lock.execute("BEGIN EXCLUSIVE");
        // The other program lets go as soon as quality has given up: a monitoring stage that opened the file again
        // would now find it free and save the metric history into it.
        PipelineListener releaseAfterQuality = new PipelineListener() {
            @Override
            public void stageFinished(StageId stage, StageOutcome outcome, StageResult result, Duration elapsed) {
                console.stageFinished(stage, outcome, result, elapsed);
                if (stage == StageId.QUALITY) {
                    release(holder, lock);
                }
            }
        };
        PipelineReport report;
        try {
            report = StudioEngine.standardPipeline().run(settings, EnumSet.allOf(StageId.class), false,
                    releaseAfterQuality, Cancellation.none());
        } finally {
            release(holder, lock);
        }

        assertThat(report.stages()).extracting(StageRun::outcome).containsOnly(StageOutcome.RAN).hasSize(4);
        String warning = "The cache file " + cacheFile.toAbsolutePath() + " stayed locked by another program for "
                + "longer than 1 s; this run works without it (nothing is read from or saved to it): wait for the "
                + "other run to finish, or choose another file with --cache.";
        StageResult monitoring = report.stages().stream().filter(s -> s.stage() == StageId.MONITOR).findFirst()
                .orElseThrow().result();
        assertThat(monitoring.figures().get("history_from_cache")).isEqualTo(false);
        assertThat(monitoring.figures().get("cache_warnings")).isEqualTo(List.of(warning));
        assertThat(monitoring.summary()).contains(warning);
        try (StudioCache cache = StudioCache.open(cacheFile)) {
            assertThat(cache.dailyMetrics(input.toAbsolutePath().normalize().toString()))
                    .as("monitoring never opened the file it was told was locked").isEmpty();
        }
        assertThat(err.toString().lines().filter(line -> line.startsWith("WARNING"))).containsExactly(
                "WARNING: " + warning);
    }

    /** One day of 1 event, after 7 days of 1,000 in the cache's history: a VOLUME_ANOMALY only with that history. */
    private RunSettings oneDayAfterAWeekOfHistory(Path cacheFile) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250223.csv"), """
                client_id,page_url,referrer,timestamp,event_name,event_data,user_agent
                1740268806-eZQEpM832bnh,https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,Mozilla/5.0
                """);
        try (StudioCache cache = StudioCache.open(cacheFile)) {
            for (int back = 1; back <= 7; back++) {
                cache.storeDailyMetrics(input.toRealPath().toString(), LocalDate.of(2025, 2, 23).minusDays(back),
                        Map.of("events", 1000.0, "sessions", 1000.0));
            }
        }
        return new RunSettings(input, dir.resolve("out"), ConfigLoader.defaults(), null, LocalDate.of(2025, 2, 24),
                false, cacheFile);
    }

    private static PipelineReport runAll(RunSettings settings) {
        return StudioEngine.standardPipeline().run(settings, EnumSet.allOf(StageId.class), false,
                PipelineListener.NONE, Cancellation.none());
    }

    private static Map<StageId, StageOutcome> outcomes(PipelineReport report) {
        Map<StageId, StageOutcome> outcomes = new EnumMap<>(StageId.class);
        report.stages().forEach(run -> outcomes.put(run.stage(), run.outcome()));
        return outcomes;
    }

    private static String alerts(RunSettings settings) throws Exception {
        return Files.readString(settings.outputDir().resolve("monitoring/alerts.csv"));
    }

    @Test
    void monitoringComputedWhileTheCacheWasLockedIsComputedAgainWithItsHistoryOnceTheCacheIsFree() throws Exception {
        Path cacheFile = dir.resolve("cache.sqlite");
        RunSettings settings = oneDayAfterAWeekOfHistory(cacheFile);
        Connection holder = DriverManager.getConnection("jdbc:sqlite:" + cacheFile);
        Statement lock = holder.createStatement();
        lock.execute("PRAGMA locking_mode=EXCLUSIVE");
        lock.execute("BEGIN EXCLUSIVE");
        try {
            assertThat(outcomes(runAll(settings))).containsOnlyKeys(StageId.values()).containsValues(StageOutcome.RAN)
                    .doesNotContainValue(StageOutcome.UP_TO_DATE);
        } finally {
            release(holder, lock);
        }
        assertThat(alerts(settings)).as("no history while the file was locked").doesNotContain("VOLUME_ANOMALY");

        PipelineReport free = runAll(settings);

        assertThat(outcomes(free)).containsEntry(StageId.QUALITY, StageOutcome.UP_TO_DATE)
                .containsEntry(StageId.TRANSFORM, StageOutcome.UP_TO_DATE)
                .containsEntry(StageId.MONITOR, StageOutcome.RAN)
                .containsEntry(StageId.ANALYSIS, StageOutcome.RAN);
        StageResult monitoring = free.stages().stream().filter(s -> s.stage() == StageId.MONITOR).findFirst()
                .orElseThrow().result();
        assertThat(monitoring.figures()).containsEntry("history_from_cache", true)
                .containsEntry("baseline_days_from_cache", 7);
        assertThat(alerts(settings)).contains("VOLUME_ANOMALY");
        assertThat(Files.readString(settings.outputDir().resolve("report/report.html"))).contains("VOLUME_ANOMALY");
        assertThat(outcomes(runAll(settings))).as("and then it is up to date").containsOnlyKeys(StageId.values())
                .doesNotContainValue(StageOutcome.RAN);
    }

    @Test
    void monitoringOfANoCacheRunIsComputedAgainByACachedRunAndTheOtherWayRound() throws Exception {
        Path cacheFile = dir.resolve("cache.sqlite");
        RunSettings cached = oneDayAfterAWeekOfHistory(cacheFile);
        RunSettings noCache = cached.withCacheFile(null);

        runAll(noCache);
        assertThat(alerts(noCache)).doesNotContain("VOLUME_ANOMALY");
        assertThat(outcomes(runAll(cached))).containsEntry(StageId.QUALITY, StageOutcome.UP_TO_DATE)
                .containsEntry(StageId.MONITOR, StageOutcome.RAN).containsEntry(StageId.ANALYSIS, StageOutcome.RAN);
        assertThat(alerts(cached)).contains("VOLUME_ANOMALY");
        assertThat(outcomes(runAll(noCache))).containsEntry(StageId.MONITOR, StageOutcome.RAN)
                .containsEntry(StageId.ANALYSIS, StageOutcome.RAN);
        assertThat(alerts(noCache)).doesNotContain("VOLUME_ANOMALY");
    }

    private static void release(Connection holder, Statement lock) {
        try {
            if (!holder.isClosed()) {
                lock.execute("ROLLBACK");
                holder.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
