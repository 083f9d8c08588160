package com.puffy.pipeline.quality;

import com.puffy.pipeline.config.QualityConfig;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.Futures;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.core.Words;
import com.puffy.pipeline.model.ReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Stage 1, Quality (SPEC §2–§4): discovers the event files, validates them in parallel (one per core), then runs
 * the cross-file steps in processing order (duplicates, collisions, schema and value drift) and writes the
 * quality/ files of docs/architecture.md. Progress is in bytes read; cancellation is checked in every loop.
 */
public final class QualityStage implements Stage {
    /** A folder of the wrong exports can hold hundreds: the first few reasons say what is wrong. */
    private static final int SKIPPED_REASONS_SHOWN = 5;
    private final int threads;

    public QualityStage() {
        this(Runtime.getRuntime().availableProcessors());
    }

    QualityStage(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public StageId id() {
        return StageId.QUALITY;
    }

    @Override
    public List<String> outputs() {
        return List.of(QualityWriter.VALIDATED, QualityWriter.FILE_SUMMARY, QualityWriter.SCHEMA_DRIFT,
                QualityWriter.FINDINGS, QualityWriter.QUARANTINE, QualityWriter.COLUMN_PROFILES);
    }

    /**
     * Whether a file's result came from the cache differs between a cached and an uncached run over the same files
     * (and after a setting changed and changed back); Transform, Monitoring and Analysis read the rows' counts, never
     * this column (docs/decisions/0799).
     */
    @Override
    public Map<String, Set<String>> bookkeepingColumns() {
        return Map.of(QualityWriter.FILE_SUMMARY, Set.of("from_cache"));
    }

    /** Every rule of the stage is in its own section: transform, monitoring and analysis settings change nothing here. */
    @Override
    public Object configUsed(com.puffy.pipeline.config.PipelineConfig config) {
        return config.quality();
    }

    /** Relative names, sizes and modification times of the candidate CSV files. */
    @Override
    public String inputFingerprint(RunSettings settings) {
        StringBuilder material = new StringBuilder();
        try {
            for (InputFile f : InputDiscovery.find(settings.inputDir(), settings.recursive(), settings.outputDir())) {
                material.append(f.name()).append('\t').append(f.size()).append('\t').append(f.modifiedMillis())
                        .append('\t').append(changeStamp(f.path())).append('\n');
            }
        } catch (IOException | RuntimeException e) {
            material.append("unlisted:").append(e.getClass().getSimpleName());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(material.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The inode's change time and number where the system has them (not on Windows). A file edited in place with its
     * size and modification time kept (a fix-up script, {@code touch -r}, a copy that preserves times) left the
     * stage "up to date" on its old rows, and the SHA-256 of the cache was never asked; the change time moves with
     * any write and cannot be set back. A needless rerun (after a chmod) costs a cache hit, not a wrong answer.
     */
    private static String changeStamp(Path file) {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:ctime,ino");
            return unix.get("ctime") + "/" + unix.get("ino");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public StageResult run(RunContext context, Progress progress, Cancellation cancellation) throws Exception {
        QualityConfig config = context.config().quality();
        Path input = context.inputDir();
        List<InputFile> files;
        try {
            files = InputDiscovery.find(input, context.settings().recursive(), context.settings().outputDir());
        } catch (IOException e) {
            throw PipelineException.unreadableInput("The input folder " + input + " cannot be listed ("
                    + e.getMessage() + "): check that it exists and that you may read it.", e);
        }
        Path spoolDir = Files.createDirectories(context.workDir().resolve(".spool"));
        List<String> cacheWarnings;
        try {
            long t0 = System.nanoTime();
            List<FileResult> results;
            try (CachedResults cache = CachedResults.open(context, config)) {
                results = validateAll(files, config, spoolDir, progress, cancellation, cache);
                cacheWarnings = cache.warnings();
            }
            long t1 = System.nanoTime();
            requireEventFiles(input, results);
            results.sort(Comparator.comparing((FileResult r) -> r.partitionDate == null ? LocalDate.MAX : r.partitionDate)
                    .thenComparing(FileResult::name));
            List<FileResult> eventFiles = results.stream().filter(FileResult::isEventFile).toList();
            progress.update(90, 100, "Finding duplicates");
            DuplicateResolver.resolve(eventFiles, threads);
            cancellation.throwIfCancelled();
            List<DriftEpisode> drift = new ArrayList<>(SchemaDrift.detect(results));
            drift.addAll(ValueDrift.detect(results, config.valueDrift()));
            long t2 = System.nanoTime();
            progress.update(92, 100, "Writing validated events");
            QualityWriter writer = new QualityWriter();
            writer.writeRows(context.workDir(), results, cancellation, threads);
            QualityWriter.writeFileSummary(context.workDir(), results);
            QualityWriter.writeSchemaDrift(context.workDir(), drift);
            QualityWriter.writeColumnProfiles(context.workDir(), results);
            long t3 = System.nanoTime();
            QualitySummary summary = new QualitySummary(results, drift, writer.flagged, cacheWarnings);
            // The last progress message carries the reconciliation, so it also appears on stderr (issue 3).
            progress.update(100, 100, summary.reconciliation());
            var figures = summary.figures();
            List<String> changed = changedWhileRead(results);
            figures.put("input_warnings", changed);
            List<String> lines = new ArrayList<>(summary.lines());
            changed.forEach(warning -> lines.add("Warning: " + warning));
            figures.put("timings_ms", java.util.Map.of("validate_files", (t1 - t0) / 1_000_000,
                    "cross_file_steps", (t2 - t1) / 1_000_000, "write_outputs", (t3 - t2) / 1_000_000));
            // A file whose rows are missing from every output is exit 3 for the whole run (decision 0200), even
            // though the other files' outputs are written: a job that reads only the exit code must learn of it.
            List<String> unreadable = results.stream().filter(r -> r.status == FileResult.Status.UNREADABLE)
                    .flatMap(r -> r.findings.stream().filter(f -> f.code() == ReasonCode.UNREADABLE_FILE).limit(1))
                    .map(FileFinding::message).toList();
            return new StageResult(figures, lines, 0, unreadable);
        } finally {
            deleteTree(spoolDir);
        }
    }

    /**
     * Files whose size or modification time moved since the folder was listed: a day still being copied or appended
     * to. The pipeline already runs the stage again next time (its inputs changed during the run), but the run said
     * nothing, and a scheduled job's outputs silently held part of the day.
     */
    static List<String> changedWhileRead(List<FileResult> results) {
        List<String> changed = new ArrayList<>();
        for (FileResult result : results) {
            InputFile file = result.input;
            if (file.size() < 0 || !Files.isRegularFile(file.path())) {
                continue; // listed as unreadable, or a folder named like a day (listed with size 0)
            }
            try {
                if (Files.size(file.path()) == file.size()
                        && Files.getLastModifiedTime(file.path()).toMillis() == file.modifiedMillis()) {
                    continue;
                }
            } catch (IOException e) {
                continue; // gone since: the next run's listing says so
            }
            changed.add(file.name() + " changed while it was being read (still being copied or written?): this "
                    + "run's outputs hold the " + String.format(java.util.Locale.ROOT, "%,d", result.rowsRead)
                    + (result.rowsRead == 1 ? " row" : " rows") + " read before the change; run again once the file "
                    + "is complete.");
        }
        return changed;
    }

    private List<FileResult> validateAll(List<InputFile> files, QualityConfig config, Path spoolDir,
                                         Progress progress, Cancellation cancellation, CachedResults cache)
            throws Exception {
        long totalBytes = Math.max(1, files.stream().mapToLong(f -> Math.max(0, f.size())).sum());
        AtomicLong done = new AtomicLong();
        Object progressLock = new Object();
        HeaderNormalizer headers = new HeaderNormalizer(config.headerAliases());
        int workers = Math.min(threads, Math.max(1, files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread t = new Thread(runnable, "quality-validate");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<FileValidator> validators = ThreadLocal.withInitial(() -> new FileValidator(
                new RowRule.Context(config), headers, cancellation, bytes -> {
                    long now = done.addAndGet(bytes);
                    synchronized (progressLock) {
                        // Reading is 90 % of the stage; the cross-file steps and writing take the rest.
                        progress.update(Math.min(90, now * 90 / totalBytes), 100, "Validating files");
                    }
                }));
        List<Integer> order = schedule(files, cache::mayHit);
        List<Future<FileResult>> futures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            futures.add(null);
        }
        try {
            for (int i : order) {
                InputFile file = files.get(i);
                Path spool = spoolDir.resolve(String.valueOf(i));
                futures.set(i, pool.submit(() -> {
                    FileResult cached = cache.lookup(file, spool, headers, validators.get().bytesRead(), cancellation);
                    if (cached != null) {
                        return cached;
                    }
                    FileResult fresh = validators.get().validate(file, spool);
                    cache.store(fresh, cancellation);
                    return fresh;
                }));
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<FileResult> future : futures) {
                results.add(Futures.await(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
            // A worker still storing into the cache after a failure or a cancellation would write behind the
            // back of whoever runs next; every loop checks for cancellation, so this wait is short.
            awaitWorkers(pool);
        }
    }

    /**
     * The order in which files are handed to the validating threads (results keep the discovery order). Files the
     * cache cannot answer come first: validating one takes several times as long as hashing a cached one, and
     * when they came last (a day added to a folder of cached days: its file is often the smallest) one thread
     * validated alone after both had hashed the rest. Within each group, biggest first keeps both cores busy to
     * the end.
     */
    static List<Integer> schedule(List<InputFile> files, java.util.function.Predicate<InputFile> mayHit) {
        boolean[] hit = new boolean[files.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            hit[i] = mayHit.test(files.get(i));
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> hit[i]).thenComparingLong(i -> -files.get(i).size())
                .thenComparing(i -> i));
        return order;
    }

    private static void awaitWorkers(ExecutorService pool) {
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireEventFiles(Path input, List<FileResult> results) {
        List<FileResult> eventFiles = results.stream().filter(r -> r.status != FileResult.Status.NOT_AN_EVENT_FILE)
                .toList();
        if (!eventFiles.isEmpty() && eventFiles.stream().allMatch(r -> r.status == FileResult.Status.UNREADABLE)) {
            // Outputs with no rows would read as "a quiet day" downstream; each reason says what to do instead.
            StringBuilder reasons = new StringBuilder();
            for (FileResult file : eventFiles) {
                file.findings.stream().filter(f -> f.code() == ReasonCode.UNREADABLE_FILE).findFirst()
                        .ifPresent(f -> reasons.append("\n  ").append(f.message()));
            }
            String which = eventFiles.size() == 1 ? "The only event file in " + input + " could not be read"
                    : "None of the " + eventFiles.size() + " event files in " + input + " could be read";
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, which + ", so there is nothing to validate:"
                    + reasons);
        }
        if (!eventFiles.isEmpty()) {
            return;
        }
        if (results.isEmpty()) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, "No event CSV files in " + input + " (it holds no"
                    + " CSV file): choose the folder that holds the daily event files (events_YYYYMMDD.csv).");
        }
        // Each file's own reason: "none has timestamp, event_name and client id columns" was said of a folder of
        // compressed days or of an unzipped day's folder too, and hid a likely renamed column's hint.
        StringBuilder reasons = new StringBuilder();
        results.stream().limit(SKIPPED_REASONS_SHOWN).forEach(file -> file.findings.stream()
                .filter(f -> f.code() == ReasonCode.NOT_AN_EVENT_FILE).findFirst()
                .ifPresent(f -> reasons.append("\n  ").append(f.message())));
        if (results.size() > SKIPPED_REASONS_SHOWN) {
            reasons.append("\n  … and ").append(results.size() - SKIPPED_REASONS_SHOWN).append(" more.");
        }
        throw new PipelineException(ExitCode.UNREADABLE_INPUT, "No event CSV files in " + input + ": "
                + Words.count(results.size(), "file was", "files were") + " examined and skipped. Fix "
                + (results.size() == 1 ? "it" : "them") + " as said below, or choose the folder that holds the daily"
                + " event files (events_YYYYMMDD.csv):" + reasons);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // A leftover spool lives in the work folder, which the pipeline removes on failure.
                }
            });
        } catch (IOException ignored) {
            // Same as above.
        }
    }
}
