package com.puffy.pipeline.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.AppVersion;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.CancelledException;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.OutputFiles;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.RunContext;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.Stage;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs stages in dependency order. A stage runs only when its outputs are missing or stale (its own inputs,
 * the configuration, the build or an upstream stage changed); otherwise its previous result is reused.
 * Each stage writes into a private work folder that is promoted into place only when the stage succeeds, so a
 * cancelled or failed stage leaves the previous good outputs untouched.
 */
public final class Pipeline {
    /** Marks the fingerprint of outputs whose inputs changed while the stage ran: never equal to a fresh one. */
    static final String INPUTS_CHANGED_DURING_RUN = "inputs-changed-during-run:";

    /** Written into a stage's output folder last; its fingerprint says what the outputs were made from. */
    public static final String STAGE_MANIFEST = com.puffy.pipeline.core.OutputFiles.STAGE_MANIFEST;
    public static final String RUN_MANIFEST = com.puffy.pipeline.core.OutputFiles.RUN_MANIFEST;

    /** run.json's "product": how a run knows the run.json it replaces is its own. */
    private static final String PRODUCT = "Event Pipeline Studio";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<StageId, Stage> stages = new EnumMap<>(StageId.class);
    /** Part of every stage fingerprint: outputs made by another build are stale (docs/decisions/0410). */
    private final String build;

    public Pipeline(Collection<? extends Stage> stages) {
        this(stages, AppVersion.identity());
    }

    /** With another build identity than this build's: for tests of what another build's outputs are worth. */
    Pipeline(Collection<? extends Stage> stages, String build) {
        for (Stage stage : stages) {
            this.stages.put(stage.id(), stage);
        }
        this.build = build;
    }

    /** The stages this build provides, in presentation order. */
    public Set<StageId> availableStages() {
        return EnumSet.copyOf(stages.keySet().isEmpty() ? EnumSet.noneOf(StageId.class) : stages.keySet());
    }

    public StageStatus status(RunSettings settings, StageId id) {
        return status(settings, id, new EnumMap<>(StageId.class));
    }

    /**
     * Why a stage is out of date, in an analyst's words, when the engine can say more than "something changed": what
     * the stage reads besides the folder's files changed (monitoring's history in the cache, in the stage's own words),
     * or a stage before it is out of date for such a reason. Empty for a stage that is fresh or never ran, and when
     * only the folder, the settings or the build changed (the faces word those themselves).
     */
    public Optional<String> whyOutOfDate(RunSettings settings, StageId id) {
        Map<StageId, StageStatus> known = new EnumMap<>(StageId.class);
        if (status(settings, id, known) != StageStatus.STALE) {
            return Optional.empty();
        }
        for (StageId up : id.upstream()) {
            if (known.get(up) != StageStatus.FRESH) {
                // Out of date behind it (the folder or the settings changed, said by the faces), or for its reason.
                return whyOutOfDate(settings, up)
                        .map(reason -> up.title() + ", whose outputs it reads, is out of date. " + reason);
            }
        }
        return whyOwnInputsChanged(settings, id);
    }

    /** The stage's words for its own inputs having changed since its outputs were made, if they did and it has any. */
    private Optional<String> whyOwnInputsChanged(RunSettings settings, StageId id) {
        Stage stage = stages.get(id);
        Optional<StoredStage> stored = readManifest(settings, id);
        if (stage == null || stored.isEmpty() || stored.get().inputs().isEmpty()) {
            return Optional.empty();
        }
        String now = currentInputs(settings, stage, stored);
        return now.equals(stored.get().inputs()) ? Optional.empty()
                : stage.whyInputsChanged(settings, stored.get().inputs(), stored.get().inputsStamp(), now);
    }

    /**
     * A stage is fresh when its own inputs, the settings it reads and the build are those its outputs were made from,
     * every upstream stage is fresh, and the upstream outputs on disk are the very ones it read ({@code outputs_id}).
     * An upstream stage that is out of date leaves this one out of date too until it has run: only then is it known
     * whether its outputs came out the same (docs/decisions/0789).
     */
    private StageStatus status(RunSettings settings, StageId id, Map<StageId, StageStatus> known) {
        StageStatus judged = known.get(id);
        if (judged != null) {
            return judged;
        }
        judged = judge(settings, id, known);
        known.put(id, judged);
        return judged;
    }

    private StageStatus judge(RunSettings settings, StageId id, Map<StageId, StageStatus> known) {
        Optional<StoredStage> stored = readManifest(settings, id);
        if (stored.isEmpty()) {
            return StageStatus.NEVER_RUN;
        }
        Stage stage = stages.get(id);
        if (stage == null) {
            return StageStatus.STALE;
        }
        for (StageId up : id.upstream()) {
            if (status(settings, up, known) != StageStatus.FRESH) {
                return StageStatus.STALE;
            }
        }
        boolean outputsPresent = stage.outputs().stream()
                .allMatch(file -> Files.exists(settings.outputDir().resolve(id.outputFolder()).resolve(file)));
        // A manifest written before unreadable_inputs was recorded cannot say whether every input file was read: a
        // rerun reused it and exited 0 on a folder with an unreadable day. Running the stage once more tells.
        return outputsPresent && stored.get().knowsUnreadableInputs()
                && stored.get().fingerprint().equals(fingerprint(settings, id))
                ? StageStatus.FRESH : StageStatus.STALE;
    }

    /**
     * Runs the requested stages and every upstream stage they need that is not fresh. With {@code force}, the
     * requested stages run even when fresh.
     */
    public PipelineReport run(RunSettings settings, Set<StageId> requested, boolean force,
                              PipelineListener listener, Cancellation cancellation) {
        for (StageId id : requested) {
            requireAvailable(id);
            id.allUpstream().forEach(this::requireAvailable);
        }
        requireInputFolder(settings.inputDir());
        boolean newOutputFolder = !Files.exists(settings.outputDir());
        createOutputFolder(settings.outputDir());
        if (!newOutputFolder) {
            refuseForeignFiles(settings.outputDir(), knownOutputs());
        }
        try {
            return runLocked(settings, requested, force, listener, cancellation);
        } catch (RuntimeException e) {
            if (newOutputFolder) {
                removeIfOnlyLock(settings.outputDir());
            }
            throw e;
        }
    }

    /**
     * A first run that fails before any output (a folder without event files, say) left {@code <input>-pipeline}
     * holding only its lock file beside the user's folder; that folder is removed again. Public for the command
     * line, which does the same after Ctrl+C in a first run (the app keeps the folder it shows).
     */
    public static void removeIfOnlyLock(Path outputDir) {
        try {
            try (var entries = Files.list(outputDir)) {
                if (entries.anyMatch(p -> !p.getFileName().toString().equals(OutputFiles.LOCK_FILE))) {
                    return;
                }
            }
            Files.deleteIfExists(outputDir.resolve(OutputFiles.LOCK_FILE));
            Files.deleteIfExists(outputDir);
        } catch (IOException ignored) {
            // Only tidiness is lost; the run's own error is what the user needs.
        }
    }

    private PipelineReport runLocked(RunSettings settings, Set<StageId> requested, boolean force,
                                     PipelineListener listener, Cancellation cancellation) {
        Instant started = Instant.now();
        List<StageRun> runs = new ArrayList<>();
        RunContext.CacheBypass cacheBypass = new RunContext.CacheBypass();
        try (OutputFolderLock ignored = OutputFolderLock.acquire(settings.outputDir())) {
            removeLeftovers(settings.outputDir()).forEach(listener::leftoverNotRemoved);
            Set<StageId> needed = EnumSet.noneOf(StageId.class);
            for (StageId id : requested) {
                needed.add(id);
                needed.addAll(id.allUpstream());
            }
            Map<StageId, StageStatus> atStart = new EnumMap<>(StageId.class);
            needed.forEach(id -> status(settings, id, atStart));
            Set<StageId> ranUnchanged = EnumSet.noneOf(StageId.class);
            for (StageId id : executionOrder(needed)) {
                boolean mustRun = (force && requested.contains(id)) || status(settings, id) != StageStatus.FRESH;
                // Only for a stage that was out of date on its own: behind a stale stage, the folder or the settings
                // changed, and its history moving with the folder's first day is no news.
                if (mustRun && atStart.get(id) == StageStatus.STALE
                        && id.upstream().stream().allMatch(up -> atStart.get(up) == StageStatus.FRESH)) {
                    whyOwnInputsChanged(settings, id).ifPresent(reason -> listener.runsBecause(id, reason));
                }
                StageRun run = mustRun
                        ? runStage(settings, stages.get(id), listener, cancellation, cacheBypass)
                        : reuse(settings, id, listener, atStart.get(id) == StageStatus.FRESH
                                ? EnumSet.noneOf(StageId.class) : intersect(id.upstream(), ranUnchanged));
                if (run.outputsUnchanged()) {
                    ranUnchanged.add(id);
                }
                runs.add(run);
                if (run.outcome() == StageOutcome.FAILED || run.outcome() == StageOutcome.CANCELLED) {
                    break;
                }
            }
            // A cancelled run (Ctrl+C in a terminal, Cancel in the app) keeps every previous output, and run.json
            // is one of them: replaced, it described a run that made none of the files beside it.
            boolean cancelled = runs.stream().anyMatch(run -> run.outcome() == StageOutcome.CANCELLED);
            Path manifest = cancelled ? settings.outputDir().resolve(RUN_MANIFEST)
                    : writeRunManifest(settings, runs, started);
            return new PipelineReport(runs, settings.outputDir(), manifest);
        }
    }

    /** Dependency order: a stage after every stage it reads. */
    static List<StageId> executionOrder(Set<StageId> needed) {
        List<StageId> order = new ArrayList<>();
        Set<StageId> placed = EnumSet.noneOf(StageId.class);
        while (placed.size() < needed.size()) {
            for (StageId id : StageId.values()) {
                if (needed.contains(id) && !placed.contains(id) && placed.containsAll(intersect(id.upstream(), needed))) {
                    order.add(id);
                    placed.add(id);
                }
            }
        }
        return order;
    }

    private static Set<StageId> intersect(Set<StageId> a, Set<StageId> b) {
        Set<StageId> result = EnumSet.noneOf(StageId.class);
        result.addAll(a);
        result.retainAll(b);
        return result;
    }

    private StageRun runStage(RunSettings settings, Stage stage, PipelineListener listener, Cancellation cancellation,
                              RunContext.CacheBypass cacheBypass) {
        StageId id = stage.id();
        Path finalDir = settings.outputDir().resolve(id.outputFolder());
        Path workDir = settings.outputDir()
                .resolve(OutputFiles.WORK_FOLDER_PREFIX + id.outputFolder() + "-" + UUID.randomUUID());
        long startNanos = System.nanoTime();
        listener.stageStarted(id);
        try {
            refuseUnremovableOutputs(id, finalDir);
            String inputsAtStart = stage.inputFingerprint(settings);
            Files.createDirectories(workDir);
            StageResult result = stage.run(new RunContext(settings, workDir, cacheBypass),
                    (done, total, message) -> listener.stageProgress(id, done, total, message), cancellation);
            cancellation.throwIfCancelled();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            // Taken before the fingerprint it vouches for: a change between the two leaves it older, so the next check
            // computes the fingerprint again rather than reuse one that no longer holds.
            String stampAfter = stage.inputsStamp(settings);
            String inputsAfter = stage.inputFingerprint(settings);
            // What the stage read of its own inputs: a stage finishing after the cache was bypassed worked as with
            // --no-cache (see madeFrom).
            String inputsUsed = cacheBypass.bypassed() ? stage.inputFingerprint(settings.withCacheFile(null))
                    : inputsAfter;
            String madeFrom = madeFrom(settings, id, cacheBypass.bypassed(), inputsUsed);
            if (!inputsAtStart.equals(inputsAfter)) {
                // A day's file overwritten or truncated while the stage read it: the outputs match neither its old
                // nor its new content, yet the manifest, fingerprinted after the run, called them up to date.
                madeFrom = INPUTS_CHANGED_DURING_RUN + madeFrom;
            }
            long compareStarted = System.nanoTime();
            Optional<String> previousOutputs = madeFrom.startsWith(INPUTS_CHANGED_DURING_RUN) ? Optional.empty()
                    : readManifest(settings, id).map(StoredStage::outputsId).filter(previous -> !previous.isEmpty())
                            .filter(previous -> SameOutputs.sameFiles(workDir, finalDir, STAGE_MANIFEST,
                                    stage.bookkeepingColumns()));
            long compareMillis = (System.nanoTime() - compareStarted) / 1_000_000;
            // A bypassed cache: the fingerprint kept is not the one the stamp vouches for (history "none").
            String stampKept = !cacheBypass.bypassed() && inputsAtStart.equals(inputsAfter) ? stampAfter : "";
            writeManifest(workDir.resolve(STAGE_MANIFEST), new StoredStage(id, madeFrom,
                    Instant.now().toString(), elapsed.toMillis(), result, true,
                    previousOutputs.orElseGet(() -> UUID.randomUUID().toString()), inputsUsed, stampKept),
                    previousOutputs.isPresent(), compareMillis);
            // Again: the folder may have been made read-only while the stage ran.
            refuseUnremovableOutputs(id, finalDir);
            promote(workDir, finalDir);
            listener.stageFinished(id, StageOutcome.RAN, result, elapsed);
            return new StageRun(id, StageOutcome.RAN, result, elapsed, previousOutputs.isPresent(),
                    EnumSet.noneOf(StageId.class));
        } catch (CancelledException e) {
            deleteQuietly(workDir);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            listener.stageFinished(id, StageOutcome.CANCELLED, null, elapsed);
            return new StageRun(id, StageOutcome.CANCELLED, null, elapsed);
        } catch (PipelineException e) {
            deleteQuietly(workDir);
            listener.stageFinished(id, StageOutcome.FAILED, null, Duration.ofNanos(System.nanoTime() - startNanos));
            throw e;
        } catch (IOException e) {
            deleteQuietly(workDir);
            listener.stageFinished(id, StageOutcome.FAILED, null, Duration.ofNanos(System.nanoTime() - startNanos));
            throw ioFailure(id, settings.outputDir(), e);
        } catch (Exception | Error e) {
            deleteQuietly(workDir);
            listener.stageFinished(id, StageOutcome.FAILED, null, Duration.ofNanos(System.nanoTime() - startNanos));
            throw new PipelineException(ExitCode.INTERNAL, "The " + id.title() + " stage failed unexpectedly ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ")" + keptOrNothing(id, settings.outputDir()) + " Please report it with the log.", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + " (not found)";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null) {
            return fse.getFile() + (fse.getReason() == null ? "" : " (" + fse.getReason().strip() + ")");
        }
        // A bare IOException names no file: "could not read or write No space left on device" read as nonsense.
        return "a file (" + e.getMessage() + ")";
    }

    /**
     * An I/O failure of a stage as the user can act on it. A full disk (or quota) is the output's problem, not the
     * input's: it was reported as exit 3, "unreadable input", with the advice to check that the folder exists. Like
     * an output folder that cannot be written (exit 2), the fix is space or another --output.
     */
    static PipelineException ioFailure(StageId id, Path outputDir, IOException e) {
        if (isDiskFull(e)) {
            return new PipelineException(ExitCode.USAGE, "The " + id.title() + " stage ran out of disk space writing "
                    + "to " + outputDir + " (" + reasonOf(e) + "): free some space there, or choose another folder "
                    + "with --output, then run again" + keptOrNothing(id, outputDir), e);
        }
        return new PipelineException(ExitCode.UNREADABLE_INPUT, "The " + id.title() + " stage could not read or "
                + "write " + describe(e) + ": check that the file exists and can be read, and that you may write to "
                + outputDir + ".", e);
    }

    /**
     * What became of the stage's outputs. A full disk or an internal error on the first run into a folder said "the
     * previous outputs were kept" when there had never been any, so the user went looking for them.
     */
    private static String keptOrNothing(StageId id, Path outputDir) {
        return Files.isDirectory(outputDir.resolve(id.outputFolder())) ? "; the previous outputs were kept."
                : "; this stage had no earlier outputs, and wrote none.";
    }

    /** No space or no quota left, as Linux, macOS and Windows word it, anywhere in the cause chain. */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = (t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                    ? fse.getReason() : String.valueOf(t.getMessage())).toLowerCase(java.util.Locale.ROOT);
            if (text.contains("no space left") || text.contains("not enough space")
                    || text.contains("disk quota exceeded") || text.contains("disk full")) {
                return true;
            }
        }
        return false;
    }

    private static String reasonOf(IOException e) {
        return e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                ? fse.getReason().strip() : String.valueOf(e.getMessage());
    }

    /**
     * {@code unchangedUpstream}: the upstream stages that ran again in this run and wrote the same bytes as before,
     * when they are why a stage out of date at the start of the run did not need to run.
     */
    private StageRun reuse(RunSettings settings, StageId id, PipelineListener listener,
                           Set<StageId> unchangedUpstream) {
        StoredStage stored = readManifest(settings, id).orElseThrow();
        StageResult result = stored.result();
        if (!unchangedUpstream.isEmpty()) {
            listener.upstreamCameOutTheSame(id, unchangedUpstream);
        }
        listener.stageFinished(id, StageOutcome.UP_TO_DATE, result, Duration.ZERO);
        return new StageRun(id, StageOutcome.UP_TO_DATE, result, Duration.ofMillis(stored.elapsedMillis()), false,
                unchangedUpstream);
    }

    /**
     * Refuses to replace a stage's previous outputs that this process could not delete once set aside: a folder in
     * them made read-only (to keep those outputs?) or another user's. Renaming the stage folder needs only the output
     * folder's permission, so such outputs were replaced all the same and their set-aside copy,
     * {@code .old-<stage>-<uuid>}, stayed behind with the old files, one more after each run that met them again
     * (decision 0801). Exit 2, as for an output folder that is not writable; nothing is moved.
     */
    static void refuseUnremovableOutputs(StageId id, Path finalDir) {
        Path blocking = unremovableFolder(finalDir);
        if (blocking == null) {
            return;
        }
        throw new PipelineException(ExitCode.USAGE, "The " + id.title() + " outputs in " + finalDir + " cannot be "
                + "replaced: " + (blocking.equals(finalDir) ? "the folder" : blocking) + " is read-only to this user "
                + "(made so to keep these outputs?), so they could not be removed once replaced. Make it writable "
                + "again (chmod -R u+w " + finalDir + ") or choose another folder with --output; the previous outputs "
                + "were kept.");
    }

    /** The first folder in {@code stageFolder} (itself included) whose entries this process may not delete, or null. */
    static Path unremovableFolder(Path stageFolder) {
        if (!Files.isDirectory(stageFolder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (var walk = Files.walk(stageFolder)) {
            return walk.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(folder -> !Files.isWritable(folder) || !Files.isExecutable(folder))
                    .findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            // A folder inside that cannot even be listed cannot be emptied either.
            return e instanceof UncheckedIOException u && u.getCause() instanceof java.nio.file.FileSystemException f
                    && f.getFile() != null ? Path.of(f.getFile()) : stageFolder;
        }
    }

    /** Swaps the work folder into place: the old outputs move aside first and are deleted only after. */
    private static void promote(Path workDir, Path finalDir) throws IOException {
        Path aside = null;
        if (Files.exists(finalDir)) {
            aside = finalDir.resolveSibling(
                    OutputFiles.SET_ASIDE_PREFIX + finalDir.getFileName() + "-" + UUID.randomUUID());
            Files.move(finalDir, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(workDir, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                Files.move(aside, finalDir, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (aside != null) {
            deleteQuietly(aside);
        }
    }

    /**
     * What a stage's outputs depend on: build, the settings it reads, its own inputs, and which outputs of its upstream
     * stages it reads ({@code outputs_id} of their manifests, kept when a rerun wrote the same bytes): an upstream
     * stage that ran again and came out the same leaves this one fresh.
     */
    String fingerprint(RunSettings settings, StageId id) {
        Stage stage = stages.get(id);
        return madeFrom(settings, id, false, stage == null ? "" : currentInputs(settings, stage,
                readManifest(settings, id)));
    }

    /**
     * The stage's own inputs as fingerprinted now: the one its manifest keeps while the stage's stamp of them is the
     * one kept beside it (an up-to-date run then opens no SQLite, docs/decisions/0820), else computed.
     */
    private static String currentInputs(RunSettings settings, Stage stage, Optional<StoredStage> stored) {
        String stamp = stage.inputsStamp(settings);
        if (!stamp.isEmpty() && stored.isPresent() && !stored.get().inputs().isEmpty()
                && stamp.equals(stored.get().inputsStamp())) {
            return stored.get().inputs();
        }
        return stage.inputFingerprint(settings);
    }

    /**
     * The fingerprint of what a stage that just ran really read, stored in its manifest: the run's settings, except
     * that a stage finishing after the cache was bypassed (found locked by another program) worked as with
     * {@code --no-cache}. Monitoring computed without the cache's metric history then no longer matches a later run
     * that has the cache, so that run computes it again, and the analysis that summarized those alerts with it
     * (docs/decisions/0400-cache.md). {@code inputs}: the stage's own, fingerprinted as it read them.
     */
    private String madeFrom(RunSettings settings, StageId id, boolean cacheBypassed, String inputs) {
        StringBuilder material = ownMaterial(cacheBypassed ? settings.withCacheFile(null) : settings, id, inputs);
        for (StageId up : id.upstream()) {
            String outputs = readManifest(settings, up).map(StoredStage::outputsId).orElse("");
            material.append('|').append(up.name()).append('=').append(outputs.isEmpty() ? "none" : outputs);
        }
        return sha256(material.toString());
    }

    private StringBuilder ownMaterial(RunSettings settings, StageId id, String inputs) {
        Stage stage = stages.get(id);
        StringBuilder material = new StringBuilder()
                .append(id.name()).append('|').append(build)
                .append('|').append(ConfigLoader.fingerprint(stage == null ? settings.config()
                        : stage.configUsed(settings.config())));
        if (stage != null) {
            material.append('|').append(inputs);
        }
        return material;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireAvailable(StageId id) {
        if (!stages.containsKey(id)) {
            throw PipelineException.usage("The " + id.title() + " stage is not available in this build; run "
                    + "`eventpipe --help` to see the commands it has.");
        }
    }

    private static void requireInputFolder(Path inputDir) {
        if (inputDir == null) {
            throw PipelineException.usage("No input folder was given: pass --input DIR with the folder of daily event CSV files.");
        }
        if (!Files.exists(inputDir)) {
            throw PipelineException.unreadableInput("The input folder " + inputDir
                    + " does not exist: check the path passed with --input.", null);
        }
        if (!Files.isDirectory(inputDir)) {
            throw PipelineException.unreadableInput(inputDir + " is a file, not a folder: pass the folder that holds "
                    + "the daily event CSV files.", null);
        }
        if (!Files.isReadable(inputDir)) {
            throw PipelineException.unreadableInput("The input folder " + inputDir
                    + " cannot be read: check its permissions.", null);
        }
    }

    /**
     * An output folder that cannot be made or written is a usage error (exit 2), not unreadable input (3): the input
     * is fine, and the fix is another --output.
     */
    private static void createOutputFolder(Path outputDir) {
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            // createDirectories' message is only the path again: "cannot be created (out.csv)".
            throw new PipelineException(ExitCode.USAGE, "The output folder " + outputDir
                    + " is a file, not a folder: choose another with --output.");
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new PipelineException(ExitCode.USAGE, "The output folder " + outputDir
                    + " cannot be created (" + whyNotCreated(outputDir, e) + "): choose another with --output.", e);
        }
        if (!Files.isWritable(outputDir)) {
            throw new PipelineException(ExitCode.USAGE, "The output folder " + outputDir
                    + " is not writable: choose another with --output, or ask for write permission on it.");
        }
    }

    /**
     * A stage replaces its whole folder ({@code quality/}, {@code report/} …) and every run replaces {@code run.json}:
     * in a folder that holds someone else's {@code report/notes.txt} (--output pointed at a working folder), the run
     * deleted it without a word. A stage folder is ours when it holds a stage manifest, one of the files the stage
     * writes, or nothing; run.json when it names the product; anything else stops the run before a file is touched.
     */
    static void refuseForeignFiles(Path outputDir, Map<StageId, List<String>> knownOutputs) {
        for (StageId id : StageId.values()) {
            Path folder = outputDir.resolve(id.outputFolder());
            if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.isRegularFile(folder.resolve(STAGE_MANIFEST))
                    || knownOutputs.getOrDefault(id, List.of()).stream()
                            .anyMatch(file -> Files.isRegularFile(folder.resolve(file)))) {
                continue;
            }
            String example = null;
            if (Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (var entries = Files.list(folder)) {
                    example = entries.map(p -> p.getFileName().toString()).sorted().findFirst().orElse(null);
                } catch (IOException | UncheckedIOException e) {
                    example = "files that cannot be listed";
                }
                if (example == null) {
                    continue;
                }
            }
            throw new PipelineException(ExitCode.USAGE, "The output folder " + outputDir + " already holds "
                    + (example == null ? "a file named " + id.outputFolder()
                            : "a " + id.outputFolder() + " folder (with " + example + ")")
                    + " that was not written by eventpipe and would be replaced: choose another folder with --output, "
                    + "or move it out of the way.");
        }
        Path runJson = outputDir.resolve(RUN_MANIFEST);
        if (Files.exists(runJson, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isOurRunManifest(runJson)) {
            throw new PipelineException(ExitCode.USAGE, "The output folder " + outputDir + " already holds a "
                    + RUN_MANIFEST + " that was not written by eventpipe and would be replaced: choose another folder "
                    + "with --output, or move it out of the way.");
        }
    }

    /** The files each stage folder holds by SPEC §7 and docs/architecture.md, and those this build's stages name. */
    private Map<StageId, List<String>> knownOutputs() {
        Map<StageId, List<String>> known = new EnumMap<>(StageId.class);
        known.put(StageId.QUALITY, List.of("file_summary.csv", "validated_events.csv", "findings.csv",
                "quarantine.csv", "schema_drift.csv"));
        known.put(StageId.TRANSFORM, List.of("sessions.csv", "users.csv", "conversions.csv", "attribution.csv",
                "daily_metrics.csv", "funnel.csv", "channel_performance.csv"));
        known.put(StageId.MONITOR, List.of("alerts.csv", "incidents.csv", "metrics.csv"));
        known.put(StageId.ANALYSIS, List.of("report.html", "kpis.csv", "overview.csv"));
        stages.forEach((id, stage) -> {
            List<String> names = new ArrayList<>(known.get(id));
            names.addAll(stage.outputs());
            known.put(id, names);
        });
        return known;
    }

    /**
     * The input folder of the run whose run.json lies in {@code folder}, when eventpipe wrote it: {@code folder} is then
     * an output folder, not one of event files. Null for any other folder.
     */
    public static Path inputOfRunIn(Path folder) {
        String input = runManifestField(folder, "settings", "input");
        try {
            return input == null || input.isEmpty() ? null : Path.of(input);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The build that wrote the run.json in {@code folder} ({@link AppVersion#build()}); null without one of ours. */
    public static String buildOfRunIn(Path folder) {
        String build = runManifestField(folder, "build");
        return build == null || build.isEmpty() ? null : build;
    }

    private static String runManifestField(Path folder, String... path) {
        Path manifest = folder.resolve(RUN_MANIFEST);
        if (!isOurRunManifest(manifest)) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(manifest.toFile());
            for (String name : path) {
                node = node.path(name);
            }
            return node.asText("");
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isOurRunManifest(Path file) {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return PRODUCT.equals(JSON.readTree(file.toFile()).path("product").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What stopped the folder from being made, in words: the JDK's message is often only the path again
     * (AccessDeniedException) or a bare "Not a directory" without saying which part of the path is the file.
     */
    static String whyNotCreated(Path outputDir, IOException e) {
        Path existing = outputDir.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing + " is a file, not a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException || existing != null && !Files.isWritable(existing)) {
            return "permission denied in " + existing;
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().strip();
        }
        if (existing != null && e instanceof java.nio.file.FileSystemException fse && fse.getReason() == null) {
            // /proc and /sys answer "no such file" for a folder in a folder that exists: the message was the path
            // again, "cannot be created (/proc/out)".
            return existing + " does not accept new folders";
        }
        return String.valueOf(e.getMessage());
    }

    // ---- manifests ------------------------------------------------------------------------------------------

    /**
     * A finished stage as recorded in its output folder; {@code inputs}: the stage's own
     * {@link Stage#inputFingerprint} its outputs were made from ("" before 0818); {@code inputsStamp}: the stage's
     * {@link Stage#inputsStamp} taken just before {@code inputs} ("" when none, or none to trust).
     */
    record StoredStage(StageId stage, String fingerprint, String finishedAt, long elapsedMillis, StageResult result,
                       boolean knowsUnreadableInputs, String outputsId, String inputs, String inputsStamp) {
    }

    /**
     * {@code outputsUnchanged}: the outputs are byte for byte those they replaced, so they keep their
     * {@code outputs_id} and the stages that read them stay fresh; {@code compareMillis} is what finding that out
     * cost.
     */
    private static void writeManifest(Path file, StoredStage stored, boolean outputsUnchanged, long compareMillis)
            throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("stage", stored.stage().cliName());
        node.put("fingerprint", stored.fingerprint());
        node.put("outputs_id", stored.outputsId());
        // What the stage read besides the folder, as it fingerprints it: lets the engine say why it went out of date.
        node.put("inputs", stored.inputs());
        // Not part of the fingerprint: while it matches, "inputs" still holds and need not be computed (0820).
        node.put("inputs_stamp", stored.inputsStamp());
        node.put("outputs_unchanged", outputsUnchanged);
        node.put("outputs_compare_ms", compareMillis);
        node.put("finished_at", stored.finishedAt());
        // Which build made these outputs, as run.json says for the last run: after a run of one stage by a new
        // build, run.json no longer tells which build made the stages it did not run.
        node.put("build", AppVersion.build());
        node.put("elapsed_ms", stored.elapsedMillis());
        node.set("figures", JSON.valueToTree(stored.result().figures()));
        node.set("summary", JSON.valueToTree(stored.result().summary()));
        node.put("critical_alerts", stored.result().criticalAlerts());
        node.set("unreadable_inputs", JSON.valueToTree(stored.result().unreadableInputs()));
        AtomicFiles.writeString(file, JSON.writeValueAsString(node));
    }

    @SuppressWarnings("unchecked")
    private static Optional<StoredStage> readManifest(RunSettings settings, StageId id) {
        Path file = settings.outputDir().resolve(id.outputFolder()).resolve(STAGE_MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var node = JSON.readTree(file.toFile());
            Map<String, Object> figures = JSON.convertValue(node.path("figures"), Map.class);
            List<String> summary = JSON.convertValue(node.path("summary"), List.class);
            List<String> unreadable = JSON.convertValue(node.path("unreadable_inputs"), List.class);
            StageResult result = new StageResult(figures == null ? Map.of() : figures,
                    summary == null ? List.of() : summary, node.path("critical_alerts").asInt(0),
                    unreadable == null ? List.of() : unreadable);
            return Optional.of(new StoredStage(id, node.path("fingerprint").asText(""),
                    node.path("finished_at").asText(""), node.path("elapsed_ms").asLong(0), result,
                    node.has("unreadable_inputs"), node.path("outputs_id").asText(""), node.path("inputs").asText(""),
                    node.path("inputs_stamp").asText("")));
        } catch (IOException | IllegalArgumentException e) {
            // A damaged manifest only means the stage must run again.
            return Optional.empty();
        }
    }

    private Path writeRunManifest(RunSettings settings, List<StageRun> runs, Instant started) {
        ObjectNode root = JSON.createObjectNode();
        root.put("product", PRODUCT);
        root.put("version", AppVersion.version());
        // Not in SPEC §7's list, which welcomes more: which code made these outputs (the version stays 0.1.0).
        root.put("build", AppVersion.build());
        root.put("java", System.getProperty("java.version"));
        root.put("started_at", started.toString());
        root.put("finished_at", Instant.now().toString());
        ObjectNode settingsNode = root.putObject("settings");
        settingsNode.put("input", settings.inputDir().toAbsolutePath().toString());
        settingsNode.put("output", settings.outputDir().toAbsolutePath().toString());
        settingsNode.put("config_file", settings.configFile() == null ? null : settings.configFile().toString());
        settingsNode.put("config_fingerprint", ConfigLoader.fingerprint(settings.config()));
        settingsNode.put("as_of", settings.asOf() == null ? null : settings.asOf().toString());
        settingsNode.put("recursive", settings.recursive());
        // Absolute like input and output: a relative --cache named a file only from the folder the run started in.
        settingsNode.put("cache", settings.cacheFile() == null ? null
                : settings.cacheFile().toAbsolutePath().normalize().toString());
        settingsNode.set("config", ConfigLoader.asTree(settings.config()));
        ArrayNode stagesNode = root.putArray("stages");
        for (StageRun run : runs) {
            ObjectNode s = stagesNode.addObject();
            s.put("stage", run.stage().cliName());
            s.put("outcome", run.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (run.outcome() == StageOutcome.UP_TO_DATE) {
                // This run spent nothing on the stage; its figures (cache hits, rows, timings) are those of the run
                // that made the outputs, which says when, so an unchanged rerun does not read as "17 files revalidated
                // in 4.7 s".
                s.put("elapsed_ms", 0);
                ObjectNode from = s.putObject("figures_from_run");
                readManifest(settings, run.stage()).ifPresent(stored -> from.put("finished_at", stored.finishedAt()));
                from.put("elapsed_ms", run.elapsed().toMillis());
                if (!run.unchangedUpstream().isEmpty()) {
                    // Out of date when the run began, and kept: say which rerun came out the same, or the stage reads
                    // as if nothing had changed for it.
                    ArrayNode same = s.putArray("upstream_came_out_the_same");
                    run.unchangedUpstream().forEach(up -> same.add(up.cliName()));
                }
            } else {
                s.put("elapsed_ms", run.elapsed().toMillis());
                if (run.outcome() == StageOutcome.RAN) {
                    s.put("outputs_unchanged", run.outputsUnchanged());
                }
            }
            if (run.result() != null) {
                s.set("figures", JSON.valueToTree(run.result().figures()));
                s.set("summary", JSON.valueToTree(run.result().summary()));
                s.put("critical_alerts", run.result().criticalAlerts());
                s.set("unreadable_inputs", JSON.valueToTree(run.result().unreadableInputs()));
            }
        }
        Path file = settings.outputDir().resolve(RUN_MANIFEST);
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(root));
        } catch (IOException e) {
            // The input was read; what failed is the output folder (full, or not writable): exit 2, as for an
            // output folder that cannot be created, not 3 ("unreadable input").
            throw new PipelineException(ExitCode.USAGE, "Cannot write " + file + " (" + reasonOf(e) + "): "
                    + (isDiskFull(e) ? "free some space there" : "check that the output folder is writable")
                    + ", or choose another folder with --output.", e);
        }
        return file;
    }

    /**
     * Work and set-aside folders of runs that died (killed, closed terminal, power cut) before cleaning up: with the
     * folder's lock held no other run is writing, so they are garbage (a killed 5M run leaves 2 GB), except a stage's
     * previous outputs set aside by {@link #promote} when the run died before putting the new ones in their place:
     * those go back.
     */
    private static List<Path> removeLeftovers(Path outputDir) {
        List<Path> notRemoved = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(outputDir, entry -> {
            String name = entry.getFileName().toString();
            return (name.startsWith(OutputFiles.WORK_FOLDER_PREFIX) || name.startsWith(OutputFiles.SET_ASIDE_PREFIX))
                    && Files.isDirectory(entry);
        })) {
            for (Path leftover : entries) {
                String name = leftover.getFileName().toString();
                // ".old-<stage folder>-<36-character UUID>"
                int prefix = OutputFiles.SET_ASIDE_PREFIX.length();
                Path stageFolder = name.startsWith(OutputFiles.SET_ASIDE_PREFIX) && name.length() > prefix + 37
                        ? outputDir.resolve(name.substring(prefix, name.length() - 37)) : null;
                if (stageFolder == null || Files.exists(stageFolder)) {
                    deleteQuietly(leftover);
                    if (Files.exists(leftover, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        notRemoved.add(leftover);
                    }
                    continue;
                }
                try {
                    Files.move(leftover, stageFolder, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // Kept as it is: the outputs are still there for a person to move back.
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Left for the next run; never a reason to refuse this one.
        }
        return notRemoved;
    }

    private static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Left for the next run to clean; the work folder is never read.
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Same as above.
        }
    }
}
