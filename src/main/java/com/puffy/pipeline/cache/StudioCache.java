package com.puffy.pipeline.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The product's SQLite cache (SPEC §8): per-file validation results (opaque payloads owned by the quality stage)
 * and daily metric history for monitoring baselines.
 * <p>
 * The cache is an optimization, never a reason to fail a run: a file that is not a database, belongs to another
 * application or was written by a newer version is moved aside as {@code <name>.corrupt-<timestamp>} and rebuilt
 * (a locked file, or a text file given by mistake, is left in place and the run works without it); if it cannot be moved (or the folder cannot be written) the run goes on with an in-memory cache.
 * Each such event adds a sentence to {@link #warnings()}. Errors while reading or writing later are also turned
 * into warnings: a failed lookup is a miss, a failed store is skipped. See docs/decisions/0400-cache.md.
 * <p>
 * Methods are synchronized: one instance may be shared by threads that validate files in parallel.
 */
public final class StudioCache implements AutoCloseable {
    /** "EPST" in ASCII: marks a database as ours ({@code PRAGMA application_id}). */
    static final int APPLICATION_ID = 0x45505354;

    /**
     * Schema migrations, in order: entry {@code i} takes a database from version {@code i} to {@code i + 1}.
     * Never edit a released step; append a new one.
     */
    static final List<List<String>> MIGRATIONS = List.of(
            // v1: per-file validation results.
            List.of("CREATE TABLE file_result (file_key TEXT PRIMARY KEY, file_name TEXT NOT NULL, "
                    + "payload BLOB NOT NULL, stored_at TEXT NOT NULL)"),
            // v2: daily metric history, and a lookup of results by file name to keep only the latest per file.
            List.of("CREATE INDEX file_result_by_name ON file_result (file_name)",
                    "CREATE TABLE daily_metric (dataset_key TEXT NOT NULL, day TEXT NOT NULL, metric TEXT NOT NULL, "
                            + "value REAL NOT NULL, PRIMARY KEY (dataset_key, day, metric)) WITHOUT ROWID"));

    public static final int SCHEMA_VERSION = MIGRATIONS.size();

    /**
     * Columns of {@code file_result} added in place without raising {@link #SCHEMA_VERSION}, so that an older build
     * still opens the file instead of setting it aside as "newer" with the metric history in it: it never names
     * them, and the rows it stores leave them null, which this version treats as another build's results.
     * {@code build}/{@code variant}: the build and the rules (configuration, build, payload format) a result was
     * made under; {@code used_at}: when it was last stored or reused, for {@link #storeFileResult}'s bound per file.
     */
    static final List<String> ADDED_FILE_RESULT_COLUMNS = List.of("build TEXT", "variant TEXT", "used_at TEXT");

    static final String FILES_FOLDER_SUFFIX = ".spools";

    /** Long enough to wait out another run's short write transactions, short enough not to hang a run. */
    static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Whole seconds that replace {@link #DEFAULT_BUSY_TIMEOUT} for {@link #open(Path)}: a test of a whole run that
     * finds the file locked waited the 10 s out at each run (decision 0835). Not an option for users.
     */
    public static final String BUSY_TIMEOUT_PROPERTY = "eventpipe.cache.busyTimeoutSeconds";

    private static final DateTimeFormatter ASIDE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'",
            Locale.ROOT);

    private final Connection connection;
    private final Path file;
    private final List<String> warnings;
    private boolean lockedOut;

    private StudioCache(Connection connection, Path file, List<String> warnings) {
        this.connection = connection;
        this.file = file;
        this.warnings = warnings;
    }

    /** Opens (creating folders and the file as needed) the cache at {@code file}. Never throws for a bad file. */
    public static StudioCache open(Path file) {
        return open(file, busyTimeout());
    }

    /** {@link #DEFAULT_BUSY_TIMEOUT}, or a positive whole number of seconds set as {@link #BUSY_TIMEOUT_PROPERTY}. */
    static Duration busyTimeout() {
        Long seconds = Long.getLong(BUSY_TIMEOUT_PROPERTY);
        return seconds == null || seconds < 1 ? DEFAULT_BUSY_TIMEOUT : Duration.ofSeconds(seconds);
    }

    static StudioCache open(Path file, Duration busyTimeout) {
        return open(file, busyTimeout, false);
    }

    /**
     * The JDK's reason for a folder that cannot be made is often only a path again: "cannot be created
     * (/srv/ep.db)" for --cache /srv/ep.db/cache.sqlite, where /srv/ep.db is a file.
     */
    private static String whyNoFolder(Path target, Exception e) {
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing + " is a file, not a folder";
        }
        return e instanceof AccessDeniedException && existing != null ? "permission denied in " + existing
                : e.getMessage();
    }

    /**
     * {@code readOnlyConnection} opens the file as SQLite does one this user may not write (it falls back to reading
     * it): tests run as root, who may write any file, so a write-protected file cannot show it there.
     */
    static StudioCache open(Path file, Duration busyTimeout, boolean readOnlyConnection) {
        List<String> warnings = new ArrayList<>();
        Path target = file.toAbsolutePath().normalize();
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException | SecurityException e) {
            warnings.add("The cache folder " + target.getParent() + " cannot be created (" + whyNoFolder(target, e)
                    + "); this run works without a saved cache: choose a writable place with --cache.");
            return inMemory(warnings, busyTimeout);
        }
        if (Files.isDirectory(target)) {
            // SQLite's "unable to open database file" and "delete the file" said nothing useful about a folder.
            warnings.add("The cache path " + target + " is a folder, not a file; this run works without a saved "
                    + "cache: give --cache a file name, such as " + target.resolve("eventpipe-cache.db") + ".");
            return inMemory(warnings, busyTimeout);
        }
        try {
            StudioCache cache = new StudioCache(openChecked(target, busyTimeout, readOnlyConnection), target,
                    warnings);
            if (!Files.isWritable(target)) {
                cache.warnReadOnly();
            }
            return cache;
        } catch (Unusable first) {
            if (!Files.exists(target)) {
                // Nothing there to move aside: the place itself refuses a new file.
                warnings.add("The cache file " + target + " cannot be created there (" + first.getMessage()
                        + "); this run works without a saved cache: choose a writable place with --cache.");
                return inMemory(warnings, busyTimeout);
            }
            if (first.locked) {
                // A lock is held by a live process (SQLite's locks die with their holder), so the file is in use,
                // not damaged: moving it aside threw away every result and the metric history, which may be the
                // only copy of days whose files were archived.
                warnings.add("The cache file " + target + " " + first.getMessage() + " for longer than "
                        + busyTimeout.toSeconds() + " s; this run works without it (nothing is read from or saved to "
                        + "it): wait for the other run to finish, or choose another file with --cache.");
                StudioCache memory = inMemory(warnings, busyTimeout);
                memory.lockedOut = true;
                return memory;
            }
            if (isText(target)) {
                // A CSV or a note given as --cache by mistake (arguments swapped) was never a cache: renaming it to
                // .corrupt-* took an event file out of its folder.
                warnings.add("The cache path " + target + " is a text file, not a cache; it was left as it is and "
                        + "this run works without a saved cache: give --cache a new file name, such as "
                        + target.resolveSibling("eventpipe-cache.db") + ".");
                return inMemory(warnings, busyTimeout);
            }
            Optional<Path> aside = moveAside(target);
            if (aside.isEmpty()) {
                warnings.add("The cache file " + target + " " + first.getMessage() + " and cannot be moved aside; "
                        + "this run works without a saved cache: delete the file or choose another with --cache.");
                return inMemory(warnings, busyTimeout);
            }
            warnings.add("The cache file " + target + " " + first.getMessage() + "; it was moved to " + aside.get()
                    + " and a new cache was started (earlier results will be computed again).");
            try {
                return new StudioCache(openChecked(target, busyTimeout, false), target, warnings);
            } catch (Unusable second) {
                warnings.add("The new cache file " + target + " " + second.getMessage()
                        + "; this run works without a saved cache: choose a writable place with --cache.");
                return inMemory(warnings, busyTimeout);
            }
        }
    }

    /** Sentences describing what went wrong with the cache file, for the run summary; empty when all is well. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * True when the file stayed locked by another program for the whole busy timeout and this instance works in
     * memory: the caller's run should not open it again (and wait again) in its later stages.
     */
    public boolean lockedOut() {
        return lockedOut;
    }

    /** The file in use, or empty when this run works with an in-memory cache only. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The folder beside the cache file ({@code <name>.spools}) where callers keep values too big for the database
     * as plain files, referred to from their payloads; empty with an in-memory cache. It is moved aside together
     * with a damaged cache file, whose payloads were the only references to its files.
     */
    public Optional<Path> filesFolder() {
        return file().map(StudioCache::filesFolderOf);
    }

    static Path filesFolderOf(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName() + FILES_FOLDER_SUFFIX);
    }

    // ---- per-file results ------------------------------------------------------------------------------------

    /**
     * Whether a result is stored under this key, without reading its payload (megabytes for a large file): a hint
     * for ordering work, not a promise of a hit. False when the table cannot be read; {@link #loadFileResult} then
     * reports the problem.
     */
    public synchronized boolean hasFileResult(String fileKey) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM file_result WHERE file_key = ?")) {
            select.setString(1, fileKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    public synchronized Optional<byte[]> loadFileResult(String fileKey) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT payload FROM file_result WHERE file_key = ?")) {
            select.setString(1, fileKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            warn("could not be read (" + e.getMessage() + "); the file is validated again");
            return Optional.empty();
        }
    }

    /**
     * What {@link #storeFileResult} did: whether the result was saved, the payloads it removed (replaced or evicted),
     * so that the caller can release what they refer to (files kept beside the cache), and the first bytes of the
     * payloads kept for the same file name under other variants, whose files the caller must leave alone.
     */
    public record Stored(boolean saved, List<byte[]> replaced, List<byte[]> keptHeads) {
        public Stored(boolean saved, List<byte[]> replaced) {
            this(saved, replaced, List.of());
        }
    }

    /** How many bytes of each kept payload {@link Stored#keptHeads} holds. */
    public static final int PAYLOAD_HEAD_BYTES = 128;

    /**
     * Stores the result for one file version, replacing any older result for the same file name (or key): one result
     * per file. Never throws: a failure becomes a warning and {@code saved} is false.
     */
    public synchronized Stored storeFileResult(String fileKey, String fileName, byte[] payload) {
        return storeFileResult(fileKey, fileName, "", "", payload, 1);
    }

    /**
     * Stores the result for one file version made under {@code variant} (the rules it was validated with) by
     * {@code build}, keeping at most {@code perFile} results for the file name: it replaces the result under the
     * same key, the file's older versions under the same variant, and every result of the file made by another build
     * (or by a version that did not record its build); then, beyond {@code perFile}, the least recently used ones
     * ({@link #touchFileResults}). Never throws: a failure becomes a warning and {@code saved} is false.
     */
    public synchronized Stored storeFileResult(String fileKey, String fileName, String build, String variant,
                                               byte[] payload, int perFile) {
        List<byte[]> replaced = new ArrayList<>();
        List<byte[]> kept = new ArrayList<>();
        String now = usedAt();
        boolean saved = inTransaction("store a file result", () -> {
            replaced.clear();
            kept.clear();
            String stale = "file_key = ? OR (file_name = ? AND (build IS NULL OR build <> ? OR variant IS NULL "
                    + "OR variant = ?))";
            try (PreparedStatement old = connection.prepareStatement("SELECT payload FROM file_result WHERE " + stale);
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM file_result WHERE " + stale);
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO file_result (file_key, "
                         + "file_name, payload, stored_at, build, variant, used_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (PreparedStatement statement : List.of(old, delete)) {
                    statement.setString(1, fileKey);
                    statement.setString(2, fileName);
                    statement.setString(3, build);
                    statement.setString(4, variant);
                }
                collectPayloads(old, replaced);
                delete.executeUpdate();
                insert.setString(1, fileKey);
                insert.setString(2, fileName);
                insert.setBytes(3, payload);
                insert.setString(4, now);
                insert.setString(5, build);
                insert.setString(6, variant);
                insert.setString(7, now);
                insert.executeUpdate();
            }
            // Beyond the bound, least recently used first; ties (same instant) by key, so the outcome is fixed.
            String others = "FROM file_result WHERE file_name = ? AND file_key <> ?";
            String beyond = " AND file_key IN (SELECT file_key " + others + " ORDER BY used_at DESC, file_key "
                    + "LIMIT -1 OFFSET ?)";
            try (PreparedStatement old = connection.prepareStatement("SELECT payload " + others + beyond);
                 PreparedStatement delete = connection.prepareStatement("DELETE " + others + beyond);
                 PreparedStatement rest = connection.prepareStatement(
                         "SELECT substr(payload, 1, " + PAYLOAD_HEAD_BYTES + ") " + others)) {
                for (PreparedStatement statement : List.of(old, delete)) {
                    statement.setString(1, fileName);
                    statement.setString(2, fileKey);
                    statement.setString(3, fileName);
                    statement.setString(4, fileKey);
                    statement.setInt(5, Math.max(0, perFile - 1));
                }
                collectPayloads(old, replaced);
                delete.executeUpdate();
                rest.setString(1, fileName);
                rest.setString(2, fileKey);
                collectPayloads(rest, kept);
            }
        });
        return saved ? new Stored(true, List.copyOf(replaced), List.copyOf(kept)) : new Stored(false, List.of());
    }

    private static final java.time.format.DateTimeFormatter USED_AT = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** Fixed width, so that text order is time order (Instant.toString drops a zero fraction). */
    private static String usedAt() {
        return USED_AT.format(java.time.Instant.now());
    }

    private static void collectPayloads(PreparedStatement select, List<byte[]> into) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byte[] bytes = rows.getBytes(1);
                if (bytes != null) {
                    into.add(bytes);
                }
            }
        }
    }

    /**
     * Records that these results were reused now, for the bound per file of {@link #storeFileResult}. Only the
     * order of eviction depends on it, so a failure (a read-only file, another run writing) is not reported.
     */
    public synchronized void touchFileResults(java.util.Collection<String> fileKeys) {
        if (fileKeys.isEmpty()) {
            return;
        }
        String now = usedAt();
        try {
            transaction(connection, () -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE file_result SET used_at = ? WHERE file_key = ?")) {
                    for (String key : new java.util.TreeSet<>(fileKeys)) {
                        update.setString(1, now);
                        update.setString(2, key);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            });
        } catch (SQLException e) {
            // See above.
        }
    }

    // ---- metric history --------------------------------------------------------------------------------------

    /** Replaces the metrics of one day of one dataset (non-finite values are not stored). */
    public synchronized void storeDailyMetrics(String datasetKey, LocalDate day, Map<String, Double> metrics) {
        inTransaction("store daily metrics", () -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM daily_metric WHERE dataset_key = ? AND day = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO daily_metric (dataset_key, day, metric, value) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, datasetKey);
                delete.setString(2, day.toString());
                delete.executeUpdate();
                for (Map.Entry<String, Double> metric : new TreeMap<>(metrics).entrySet()) {
                    Double value = metric.getValue();
                    if (value == null || !Double.isFinite(value)) {
                        continue;
                    }
                    insert.setString(1, datasetKey);
                    insert.setString(2, day.toString());
                    insert.setString(3, metric.getKey());
                    insert.setDouble(4, value);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Makes the history of a dataset agree with a run over its folder, in one transaction: every stored day from the
     * first to the last of {@code days} is replaced by {@code days}, so a day whose file left the folder (or no
     * longer has event rows) is dropped, while days outside that span (earlier files archived away) are kept.
     */
    /**
     * Moves the days stored under {@code fromKey} to {@code toKey} (a day already under {@code toKey} keeps its own
     * values) and forgets {@code fromKey}: for history kept under an older spelling of the same dataset. Moved, not
     * copied, so it happens once: copying again later would bring back days a later store had dropped.
     */
    public synchronized void adoptDailyMetrics(String fromKey, String toKey) {
        inTransaction("move daily metrics to the folder's real path", () -> {
            try (PreparedStatement copy = connection.prepareStatement(
                    "INSERT INTO daily_metric (dataset_key, day, metric, value) SELECT ?, day, metric, value "
                            + "FROM daily_metric WHERE dataset_key = ? AND day NOT IN "
                            + "(SELECT day FROM daily_metric WHERE dataset_key = ?)");
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM daily_metric WHERE dataset_key = ?")) {
                copy.setString(1, toKey);
                copy.setString(2, fromKey);
                copy.setString(3, toKey);
                copy.executeUpdate();
                delete.setString(1, fromKey);
                delete.executeUpdate();
            }
        });
    }

    public synchronized void replaceDailyMetrics(String datasetKey, java.util.SortedMap<LocalDate, Map<String, Double>> days) {
        if (days.isEmpty()) {
            return;
        }
        inTransaction("store daily metrics", () -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM daily_metric WHERE dataset_key = ? AND day >= ? AND day <= ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO daily_metric (dataset_key, day, metric, value) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, datasetKey);
                delete.setString(2, days.firstKey().toString());
                delete.setString(3, days.lastKey().toString());
                delete.executeUpdate();
                for (Map.Entry<LocalDate, Map<String, Double>> day : days.entrySet()) {
                    for (Map.Entry<String, Double> metric : new TreeMap<>(day.getValue()).entrySet()) {
                        Double value = metric.getValue();
                        if (value == null || !Double.isFinite(value)) {
                            continue;
                        }
                        insert.setString(1, datasetKey);
                        insert.setString(2, day.getKey().toString());
                        insert.setString(3, metric.getKey());
                        insert.setDouble(4, value);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Every stored day of a dataset, in date order, each with its metrics in name order. */
    public synchronized Map<LocalDate, Map<String, Double>> dailyMetrics(String datasetKey) {
        Map<LocalDate, Map<String, Double>> days = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT day, metric, value FROM daily_metric WHERE dataset_key = ? ORDER BY day, metric")) {
            select.setString(1, datasetKey);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDate day;
                    try {
                        day = LocalDate.parse(rows.getString(1));
                    } catch (DateTimeParseException e) {
                        continue;
                    }
                    days.computeIfAbsent(day, d -> new TreeMap<>()).put(rows.getString(2), rows.getDouble(3));
                }
            }
        } catch (SQLException e) {
            warn("could not be read (" + e.getMessage() + "); monitoring uses only the days in the folder");
            return Map.of();
        }
        Map<LocalDate, Map<String, Double>> frozen = new TreeMap<>();
        days.forEach((day, metrics) -> frozen.put(day, Collections.unmodifiableMap(metrics)));
        return Collections.unmodifiableMap(frozen);
    }

    /** {@link HistoryPeek#problem} of a file that is not there. */
    public static final String NOT_THERE = "is not there";
    /** What follows the file's path in {@link #peekStamp}. */
    public static final String STAMP_SIZE = ";size=";

    /**
     * What {@link #peekDailyMetrics} found: the stored days, and when the file could not be read, why, in words that
     * complete "The cache file X …" ({@code problem} null when it was read; {@code days} then empty otherwise).
     */
    public record HistoryPeek(Map<LocalDate, Map<String, Double>> days, String problem) {
        public boolean read() {
            return problem == null;
        }
    }

    /**
     * The stored days from {@code from} (inclusive) to {@code before} (exclusive) of the first of {@code datasetKeys}
     * that has the day, read without using the file: for a status check, which must never create, change, move aside
     * or lock it, nor wait on another program's lock (docs/decisions/0818). The file is opened read-only and, while
     * it has no write-ahead log, immutable: SQLite takes no lock and makes no -wal or -shm file beside it. While a -wal
     * holds commits not yet checkpointed (another run writing, one that closed while a third connection held the file,
     * or one killed), it is read with them, read-only with its -shm read-only: nothing is written or made, only shared
     * locks are taken, and busy answers at once (0823); a file held exclusively is read as its main file alone. A file
     * that is not there, not ours, newer, damaged or a text file gives no days and says why: the run that opens it
     * would start without those days as well ({@link #open}).
     */
    public static HistoryPeek peekDailyMetrics(Path file, List<String> datasetKeys, LocalDate from, LocalDate before) {
        Path target = file.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            return new HistoryPeek(Map.of(), NOT_THERE);
        }
        if (Files.isDirectory(target)) {
            return new HistoryPeek(Map.of(), "is a folder, not a file");
        }
        try {
            if (Files.size(target) == 0) {
                // SQLite takes an empty file for an empty database: the next run prepares it and finds no history.
                return new HistoryPeek(Map.of(), null);
            }
        } catch (IOException | SecurityException e) {
            return new HistoryPeek(Map.of(), "cannot be read (" + e.getMessage() + ")");
        }
        if (isText(target)) {
            return new HistoryPeek(Map.of(), "is a text file, not a cache");
        }
        if (hasWriteAheadLog(target)) {
            try {
                // Another run's commits still in the -wal (it is writing, it closed while a third connection held the
                // file, or it was killed) are the history the next run reads: immutable would not see them, and the
                // fingerprint kept by a run that read them disagreed with every later check (docs/decisions/0823).
                // Read-only with a read-only -shm: nothing is written or made; a busy timeout of 0 never waits.
                return peekDailyMetrics(target, "?readonly_shm=1", datasetKeys, from, before);
            } catch (SQLException e) {
                // Busy (another program holds it exclusively, or the log is being recovered), or no -shm to read
                // it by: the main file alone, as before.
            }
        }
        try {
            return peekDailyMetrics(target, "?immutable=1", datasetKeys, from, before);
        } catch (SQLException e) {
            return new HistoryPeek(Map.of(), describe(e));
        }
    }

    /** Whether {@code database}'s write-ahead log holds anything (it is deleted, or emptied, once checkpointed). */
    private static boolean hasWriteAheadLog(Path database) {
        try {
            Path log = writeAheadLogOf(database);
            return Files.isRegularFile(log) && Files.size(log) > 0;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Path writeAheadLogOf(Path database) {
        return database.resolveSibling(database.getFileName() + "-wal");
    }

    private static HistoryPeek peekDailyMetrics(Path target, String how, List<String> datasetKeys, LocalDate from,
                                                LocalDate before) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(0);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + target.toUri() + how)) {
            int applicationId = intPragma(connection, "application_id");
            int version = intPragma(connection, "user_version");
            List<String> tables = userTables(connection);
            if (applicationId != APPLICATION_ID) {
                return tables.isEmpty() ? new HistoryPeek(Map.of(), null) : new HistoryPeek(Map.of(),
                        "belongs to another application");
            }
            if (version > SCHEMA_VERSION) {
                return new HistoryPeek(Map.of(), "was written by a newer version of the product");
            }
            if (!tables.contains("daily_metric")) {
                return new HistoryPeek(Map.of(), null);
            }
            return new HistoryPeek(storedDays(connection, datasetKeys, from, before), null);
        }
    }

    /**
     * How long a write may go on showing the modification time of the one before it, on a filesystem that records
     * nanoseconds: the kernel stamps files from a clock that moves one tick (1 to 10 ms) at a time.
     */
    private static final Duration FINE_TIMESTAMP_TICK = Duration.ofMillis(50);
    /** The same where times are whole seconds (FAT keeps even seconds). */
    private static final Duration COARSE_TIMESTAMP_TICK = Duration.ofSeconds(2);

    /**
     * What {@link #peekDailyMetrics} reads of {@code file}, told without opening it: while this is the same, the peek
     * returns the same for the same arguments (docs/decisions/0820). The peek reads the main file and, when there is
     * one, its {@code -wal} (0823), so their sizes, modification and change times, devices and inodes say it: another
     * file moved or copied in (even with its time kept) has another inode or change time, and every write, a commit in
     * the log or a checkpoint, moves a modification time. Two writes in one clock tick can share a time, so a file
     * written less than a tick ago is waited out (at most 50 ms) before it is looked at: a write after the look then
     * has a later time. Empty when there is no such file or its times are too coarse to
     * rely on yet; the peek itself is then what tells.
     */
    public static String peekStamp(Path file) {
        Path target = file.toAbsolutePath().normalize();
        try {
            for (int look = 0; look < 2; look++) {
                Instant before = Instant.now();
                Map<String, Object> seen = attributes(target);
                if (!(seen.get("lastModifiedTime") instanceof FileTime modified)
                        || !Boolean.TRUE.equals(seen.get("isRegularFile"))) {
                    return "";
                }
                // A commit in the -wal leaves the main file as it was, and the peek reads it (0823): the log's own
                // size and times say it, and the later of the two times is the one waited out.
                Map<String, Object> log = hasWriteAheadLog(target) ? attributes(writeAheadLogOf(target)) : Map.of();
                Instant latest = modified.toInstant();
                if (log.get("lastModifiedTime") instanceof FileTime logModified
                        && logModified.toInstant().isAfter(latest)) {
                    latest = logModified.toInstant();
                }
                Duration tick = latest.getNano() == 0 ? COARSE_TIMESTAMP_TICK : FINE_TIMESTAMP_TICK;
                Duration wait = tick.minus(Duration.between(latest, before));
                if (wait.isNegative() || wait.isZero()) {
                    return target + STAMP_SIZE + seen.get("size") + ";modified=" + modified
                            + ";changed=" + seen.getOrDefault("ctime", seen.getOrDefault("creationTime", ""))
                            + ";file=" + seen.getOrDefault("fileKey", "") + ";ino=" + seen.getOrDefault("ino", "")
                            + ";dev=" + seen.getOrDefault("dev", "")
                            + (log.isEmpty() ? "" : ";wal=" + log.get("size") + ":" + log.get("lastModifiedTime") + ":"
                            + log.getOrDefault("ctime", log.getOrDefault("creationTime", "")) + ":"
                            + log.getOrDefault("fileKey", ""));
                }
                if (wait.compareTo(FINE_TIMESTAMP_TICK) > 0) {
                    // Whole-second times, or a time ahead of this clock (a network drive): not worth waiting for.
                    return "";
                }
                Thread.sleep(wait.toMillis() + 1);
            }
            return "";
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** One look at the file's attributes, with the change time, inode and device where the system has them. */
    private static Map<String, Object> attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev,isRegularFile,fileKey");
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return Files.readAttributes(file, "basic:size,lastModifiedTime,creationTime,isRegularFile,fileKey");
        }
    }

    private static Map<LocalDate, Map<String, Double>> storedDays(Connection connection, List<String> datasetKeys,
                                                                  LocalDate from, LocalDate before)
            throws SQLException {
        Map<LocalDate, Map<String, Double>> days = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT day, metric, value FROM daily_metric "
                + "WHERE dataset_key = ? AND day >= ? AND day < ? ORDER BY day, metric")) {
            for (String key : datasetKeys) {
                Map<LocalDate, Map<String, Double>> ofKey = new TreeMap<>();
                select.setString(1, key);
                select.setString(2, from.toString());
                select.setString(3, before.toString());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        try {
                            ofKey.computeIfAbsent(LocalDate.parse(rows.getString(1)), d -> new TreeMap<>())
                                    .put(rows.getString(2), rows.getDouble(3));
                        } catch (DateTimeParseException e) {
                            // Skipped, as dailyMetrics skips it.
                        }
                    }
                }
                // A day under an earlier key keeps its own values, as adoptDailyMetrics keeps them.
                ofKey.forEach(days::putIfAbsent);
            }
        }
        Map<LocalDate, Map<String, Double>> frozen = new TreeMap<>();
        days.forEach((day, metrics) -> frozen.put(day, Collections.unmodifiableMap(metrics)));
        return Collections.unmodifiableMap(frozen);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            warn("could not be closed cleanly (" + e.getMessage() + ")");
        }
    }

    // ---- internals -------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private boolean inTransaction(String what, SqlWork work) {
        try {
            transaction(connection, work);
            return true;
        } catch (SQLException e) {
            if (isReadOnly(e)) {
                warnReadOnly();
            } else {
                warn("could not " + what + " (" + e.getMessage() + "); the result was not saved for the next run");
            }
            return false;
        }
    }

    /** Runs work as one transaction: committed whole, or rolled back and the failure passed on. */
    private static void transaction(Connection connection, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * A file this user may not write (or on a read-only disk) is still read: results and history in it are used,
     * nothing new is saved. The SQLite error said "attempt to write a readonly database" and what was not saved, but
     * not what to do; one sentence for the whole run, however many writes fail.
     */
    private void warnReadOnly() {
        warn("is read-only for this user, so this run uses the results and history it holds but saves nothing new "
                + "to it: make the file and its folder writable, or choose another file with --cache, or run with "
                + "--no-cache");
    }

    private static boolean isReadOnly(SQLException e) {
        return e instanceof SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code;
    }

    private void warn(String problem) {
        String where = file == null ? "The in-memory cache" : "The cache file " + file;
        String sentence = where + " " + problem + ".";
        if (!warnings.contains(sentence)) {
            warnings.add(sentence);
        }
    }

    /** Why a cache file cannot be used; the message completes "The cache file X ...". */
    private static final class Unusable extends Exception {
        /** Another connection holds a lock: the file is in use, not damaged. */
        final boolean locked;

        Unusable(String message, Throwable cause) {
            this(message, cause, false);
        }

        Unusable(String message, Throwable cause, boolean locked) {
            super(message, cause);
            this.locked = locked;
        }
    }

    private static Connection connect(String url, Duration busyTimeout) throws SQLException {
        return connect(url, busyTimeout, false);
    }

    private static Connection connect(String url, Duration busyTimeout, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        // Writers take the write lock when their transaction starts, so the busy timeout applies; a deferred
        // transaction that upgrades from read to write in WAL mode fails at once instead of waiting.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection(url);
    }

    /**
     * Opens and prepares the file, trying again while it answers "busy" within the busy timeout: SQLite answers at
     * once, without waiting, where waiting could deadlock, and did so for about one in 180 runs opening a new file
     * at the same moment as two others (each then worked without its cache, "locked for longer than 10 s").
     */
    private static Connection openChecked(Path target, Duration busyTimeout, boolean readOnly) throws Unusable {
        long giveUpAt = System.nanoTime() + busyTimeout.toNanos();
        while (true) {
            try {
                return openCheckedOnce(target, busyTimeout, readOnly);
            } catch (Unusable e) {
                if (!e.locked || System.nanoTime() >= giveUpAt) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static Connection openCheckedOnce(Path target, Duration busyTimeout, boolean readOnly) throws Unusable {
        Connection connection = null;
        try {
            connection = connect("jdbc:sqlite:" + target, busyTimeout, readOnly);
            prepare(connection);
            addColumns(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new Unusable(describe(e), e, isLock(e));
        } catch (Unusable e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Checks that the database is ours (or empty) and migrates it, all under the write lock so that two runs opening
     * the same new or old file at once cannot see each other half-way; then switches it to WAL.
     */
    private static void prepare(Connection connection) throws SQLException, Unusable {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            int applicationId = intPragma(connection, "application_id");
            int version = intPragma(connection, "user_version");
            List<String> tables = userTables(connection);
            if (applicationId != APPLICATION_ID && !(applicationId == 0 && tables.isEmpty())) {
                throw new Unusable("belongs to another application (" + (applicationId == 0
                        ? "tables " + tables : "application id " + applicationId) + ")", null);
            }
            if (applicationId == APPLICATION_ID && version > SCHEMA_VERSION) {
                throw new Unusable("was written by a newer version of the product (schema " + version
                        + ", this version reads up to " + SCHEMA_VERSION + ")", null);
            }
            if (applicationId != APPLICATION_ID) {
                statement.execute("PRAGMA application_id=" + APPLICATION_ID);
                version = 0;
            }
            if (version < SCHEMA_VERSION) {
                for (int step = version; step < SCHEMA_VERSION; step++) {
                    for (String sql : MIGRATIONS.get(step)) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            }
            connection.commit();
        } catch (SQLException | Unusable | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            // WAL lets one run read while another writes; NORMAL sync keeps a WAL database consistent after a
            // crash (the last commits may be lost, which a cache can afford). Set only once the file is known to
            // be ours, so a foreign database is moved aside unchanged.
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            try (ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
                String verdict = check.next() ? check.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(verdict)) {
                    throw new Unusable("is damaged (" + verdict + ")", null);
                }
            }
        }
    }

    /**
     * Adds {@link #ADDED_FILE_RESULT_COLUMNS} that the table lacks, checked again under the write lock so that two
     * runs opening an older file at once add each column once. A file this user may not write keeps its columns:
     * lookups by key still work, and stores fail with the read-only warning as they would anyway.
     */
    private static void addColumns(Connection connection) {
        try {
            if (fileResultColumns(connection).containsAll(addedColumnNames())) {
                return;
            }
            transaction(connection, () -> {
                try (Statement statement = connection.createStatement()) {
                    List<String> present = fileResultColumns(connection);
                    for (String column : ADDED_FILE_RESULT_COLUMNS) {
                        if (!present.contains(columnName(column))) {
                            statement.execute("ALTER TABLE file_result ADD COLUMN " + column);
                        }
                    }
                }
            });
        } catch (SQLException e) {
            // Read-only or busy: see above; the next run that can write adds them.
        }
    }

    private static List<String> addedColumnNames() {
        return ADDED_FILE_RESULT_COLUMNS.stream().map(StudioCache::columnName).toList();
    }

    /** "build TEXT" → "build". */
    private static String columnName(String definition) {
        return definition.substring(0, definition.indexOf(' '));
    }

    private static List<String> fileResultColumns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA table_info(file_result)")) {
            while (result.next()) {
                columns.add(result.getString("name"));
            }
        }
        return columns;
    }

    private static int intPragma(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static List<String> userTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    private static String describe(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return "is not a database";
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return "is damaged";
            }
            if (isLock(e)) {
                return "stayed locked by another program";
            }
        }
        return "cannot be used (" + e.getMessage() + ")";
    }

    private static boolean isLock(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) {
            return false;
        }
        int primary = sqlite.getResultCode().code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    /** Moves the file and its WAL companions aside; empty if there was nothing to move or it could not be moved. */
    /** True for a file whose first 4 KiB are UTF-8 text without control characters; SQLite files and damage are not. */
    static boolean isText(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            return false;
        }
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                return false;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // Not at the end of input: a character cut by the 4 KiB boundary is not an error.
        return !utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
    }

    private static Optional<Path> moveAside(Path target) {
        // Only a regular file is ours to move: a folder given as the cache path is left alone and bypassed.
        if (!Files.isRegularFile(target)) {
            return Optional.empty();
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(ASIDE_STAMP);
        Path aside = target.resolveSibling(target.getFileName() + ".corrupt-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = target.resolveSibling(target.getFileName() + ".corrupt-" + stamp + "-" + n);
        }
        try {
            move(target, aside);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        for (String suffix : List.of("-wal", "-shm", "-journal", FILES_FOLDER_SUFFIX)) {
            Path companion = target.resolveSibling(target.getFileName() + suffix);
            if (Files.exists(companion)) {
                try {
                    move(companion, aside.resolveSibling(aside.getFileName() + suffix));
                } catch (IOException | SecurityException ignored) {
                    // A companion left next to the new file could be mistaken for its journal: remove it instead.
                    try {
                        Files.deleteIfExists(companion);
                    } catch (IOException | SecurityException alsoIgnored) {
                        // A files folder that is not empty stays: its file names are never reused, so it only
                        // wastes space. For a journal, openChecked of the new file will report it as unusable and we fall back to memory.
                    }
                }
            }
        }
        return Optional.of(aside);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static StudioCache inMemory(List<String> warnings, Duration busyTimeout) {
        try {
            Connection connection = connect("jdbc:sqlite::memory:", busyTimeout);
            prepare(connection);
            addColumns(connection);
            return new StudioCache(connection, null, warnings);
        } catch (SQLException | Unusable e) {
            throw new IllegalStateException("SQLite cannot open even an in-memory database (" + e.getMessage()
                    + "): check that the temporary folder is writable for its native library.", e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The transaction ends with the connection anyway.
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing more to release.
        }
    }
}
