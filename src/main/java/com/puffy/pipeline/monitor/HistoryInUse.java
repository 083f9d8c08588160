package com.puffy.pipeline.monitor;

import com.puffy.pipeline.cache.StudioCache;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.Words;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The part of the cache's metric history a monitoring run over the folder reads: the stored days of the folder's
 * dataset from {@code baseline_days} before its first day with data up to that day (the only history any baseline
 * takes, {@link MonitorData#history()}), read without using the cache (docs/decisions/0818). Its fingerprint is of
 * those rows, not of the cache's path: a deleted, replaced or other cache that no longer holds them makes monitoring
 * out of date, and the same rows under another path (another HOME's default cache) leave it up to date.
 */
final class HistoryInUse {
    /** Monitoring without a cache (--no-cache, or a cache another program held): no history, nothing saved. */
    private static final String NO_CACHE = "none";
    private static final String CACHE_IN_STAMP = "cache=";

    private HistoryInUse() {
    }

    /**
     * "none", or "days:N" with, when N > 0, the first and last day and a SHA-256 of the rows
     * ({@code days:5:2025-02-23:2025-02-27:9f…}). A cache that is not there or cannot be read gives the history a run
     * would then start from: none ("days:0").
     */
    static String fingerprint(RunSettings settings) {
        if (settings.cacheFile() == null) {
            return NO_CACHE;
        }
        NavigableMap<LocalDate, Map<String, Double>> days = peek(settings).days;
        if (days.isEmpty()) {
            return "days:0";
        }
        return "days:" + days.size() + ":" + days.firstKey() + ":" + days.lastKey() + ":" + digest(days);
    }

    /**
     * What {@link #fingerprint} reads, told without opening the cache: the cache file as the peek reads it
     * ({@link StudioCache#peekStamp}) and the rows asked for (dataset keys, days). While it is the same, so is the
     * fingerprint, and a run where every stage is up to date loads no SQLite (docs/decisions/0820). Empty when the
     * fingerprint opens no database anyway (no cache, no file, no day with data) or the file cannot be told yet.
     */
    static String stamp(RunSettings settings) {
        if (settings.cacheFile() == null) {
            return "";
        }
        Optional<LocalDate> firstDay = firstDayWithData(settings);
        if (firstDay.isEmpty()) {
            return "";
        }
        String cacheFile = StudioCache.peekStamp(settings.cacheFile());
        return cacheFile.isEmpty() ? "" : CACHE_IN_STAMP + cacheFile + "|keys=" + String.join(",", datasetKeys(settings))
                + "|from=" + firstBaselineDay(settings, firstDay.get()) + "|before=" + firstDay.get();
    }

    /** What {@link #fingerprint} read, and why the cache could not be read (null when it was). */
    private record Peeked(NavigableMap<LocalDate, Map<String, Double>> days, String problem) {
    }

    private static Peeked peek(RunSettings settings) {
        Optional<LocalDate> firstDay = firstDayWithData(settings);
        if (firstDay.isEmpty()) {
            // No day with data: no check takes a baseline, so no history is used.
            return new Peeked(new TreeMap<>(), null);
        }
        StudioCache.HistoryPeek peek = StudioCache.peekDailyMetrics(settings.cacheFile(), datasetKeys(settings),
                firstBaselineDay(settings, firstDay.get()), firstDay.get());
        return new Peeked(new TreeMap<>(peek.days()), peek.problem());
    }

    /** The folder's dataset key, then the older one when it differs (as the run adopts it). */
    private static List<String> datasetKeys(RunSettings settings) {
        return MonitorStage.legacyDatasetKey(settings).equals(MonitorStage.datasetKey(settings))
                ? List.of(MonitorStage.datasetKey(settings))
                : List.of(MonitorStage.datasetKey(settings), MonitorStage.legacyDatasetKey(settings));
    }

    private static LocalDate firstBaselineDay(RunSettings settings, LocalDate firstDay) {
        return firstDay.minusDays(settings.config().monitoring().baselineDays());
    }

    /** The first day of Transform's daily metrics with event rows, as {@link MonitorInputs} reads it. */
    private static Optional<LocalDate> firstDayWithData(RunSettings settings) {
        Path dailyMetrics = settings.outputDir().resolve(StageId.TRANSFORM.outputFolder())
                .resolve(MonitorInputs.DAILY_METRICS);
        try {
            NavigableMap<LocalDate, Map<String, Double>> days =
                    MonitorInputs.readDailyMetrics(dailyMetrics, new LinkedHashSet<>());
            return days.isEmpty() ? Optional.empty() : Optional.of(days.firstKey());
        } catch (IOException | RuntimeException e) {
            // Transform's outputs are missing or unreadable: it is out of date then, and monitoring with it.
            return Optional.empty();
        }
    }

    private static String digest(NavigableMap<LocalDate, Map<String, Double>> days) {
        StringBuilder rows = new StringBuilder();
        days.forEach((day, metrics) -> new TreeMap<>(metrics).forEach((metric, value) ->
                rows.append(day).append('\t').append(metric).append('\t').append(value).append('\n')));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(rows.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why the history a run would read differs from the one monitoring's outputs were made with, as an analyst on
     * call needs it: how many earlier days the baselines used, and what became of them. Empty when {@code madeWith}
     * and {@code now} agree, or one is not a history fingerprint (a manifest of an older build). {@code madeWithFile}:
     * the cache file the outputs were made with, when its stamp was kept ({@link #cacheFileStamped}).
     */
    static Optional<String> whyChanged(RunSettings settings, String madeWith, String now,
                                       Optional<Path> madeWithFile) {
        if (madeWith.equals(now) || !isFingerprint(madeWith) || !isFingerprint(now)) {
            return Optional.empty();
        }
        Path file = settings.cacheFile() == null ? null : settings.cacheFile().toAbsolutePath().normalize();
        if (madeWith.equals(NO_CACHE)) {
            Summary after = Summary.of(now);
            return Optional.of("It last ran without the cache's metric history (with --no-cache, or while another "
                    + "program held the cache file)" + (after.days == 0 ? "; a run now uses the cache file " + file
                    + "." : ", and the cache file " + file + " now holds " + after.describe()
                    + " its baselines would use."));
        }
        Summary before = Summary.of(madeWith);
        String used = "Its baselines used " + before.describe() + " from the cache's metric history";
        if (now.equals(NO_CACHE)) {
            return Optional.of(used + "; without a cache they have only the folder's own days.");
        }
        Summary after = Summary.of(now);
        if (before.days == 0) {
            return Optional.of("The cache file " + file + " now holds " + after.describe() + " of this folder's "
                    + "metric history that its baselines did not have when it last ran.");
        }
        if (after.days == 0) {
            String problem = peek(settings).problem;
            String onlyOwnDays = ": its alerts are not those a run gives now, with only the folder's own days for "
                    + "baselines.";
            if (StudioCache.NOT_THERE.equals(problem) && madeWithFile.isPresent() && !madeWithFile.get().equals(file)) {
                // A cache file just named (--cache NEW.sqlite) is not there until a run makes it: "is not there"
                // read as an error to the analyst who had chosen it.
                return Optional.of(used + " in " + madeWithFile.get() + ", and the cache file named now, " + file
                        + ", is not there yet: a run starts it new, with no earlier days, so its alerts are not those "
                        + "a run gives now, with only the folder's own days for baselines.");
            }
            return Optional.of(used + ", and the cache file " + file + (problem == null
                    ? " no longer holds them (deleted and started again, replaced, or another cache file)"
                    : !problem.equals(StudioCache.NOT_THERE) ? " " + problem
                    : madeWithFile.isEmpty() ? " is not there (a new cache file, or one deleted since it last ran)"
                    : " is not there") + onlyOwnDays);
        }
        if (before.first.equals(after.first) && before.last.equals(after.last) && before.days == after.days) {
            return Optional.of(used + "; the cache file " + file + " now holds other values for them (replaced, or "
                    + "another cache file).");
        }
        return Optional.of(used + "; the cache file " + file + " now holds " + after.describe() + " instead.");
    }

    /**
     * The cache file named in a stamp {@link #stamp} took (kept in the manifest as the stage's {@code inputs_stamp}):
     * the file monitoring's outputs were made with. Empty when no stamp was kept (no file then, or its times too
     * coarse to rely on, or a run that bypassed the cache).
     */
    static Optional<Path> cacheFileStamped(String inputsStamp) {
        int from = inputsStamp.indexOf(CACHE_IN_STAMP);
        int to = from < 0 ? -1 : inputsStamp.indexOf(StudioCache.STAMP_SIZE, from);
        if (to < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(inputsStamp.substring(from + CACHE_IN_STAMP.length(), to)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isFingerprint(String history) {
        return history.equals(NO_CACHE) || history.matches("days:\\d{1,9}(:[^:]+:[^:]+:[0-9a-f]+)?");
    }

    /** A history fingerprint read back: how many days, from when to when. */
    private record Summary(int days, String first, String last) {
        static Summary of(String fingerprint) {
            String[] parts = fingerprint.split(":");
            int days = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return new Summary(days, parts.length > 3 ? parts[2] : "", parts.length > 3 ? parts[3] : "");
        }

        String describe() {
            if (days == 0) {
                return "no earlier days";
            }
            return Words.count(days, "earlier day", "earlier days")
                    + (days == 1 ? " (" + first + ")" : " (" + first + " to " + last + ")");
        }
    }

    /** The fields of monitoring's input fingerprint, "as_of=…|history=…". */
    static Map<String, String> fields(String inputFingerprint) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : inputFingerprint.split("\\|")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }
}
