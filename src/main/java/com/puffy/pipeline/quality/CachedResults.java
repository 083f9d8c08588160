package com.puffy.pipeline.quality;

import com.puffy.pipeline.cache.StudioCache;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.QualityConfig;
import com.puffy.pipeline.core.AppVersion;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * SPEC §8 for the quality stage: a file whose name, size, modification time and SHA-256 are unchanged, under
 * unchanged quality rules and the same build of the application ({@link AppVersion#identity()}), is not validated again. The lookup key holds what can
 * be known without reading the file; the payload holds the SHA-256, which is checked against the file's bytes
 * before the result is reused. Without a cache file (`--no-cache`, or the in-memory cache of an unusable file)
 * nothing is looked up or stored.
 * <p>
 * The payload in SQLite is small; the spool streams (the rendered output rows, about as big as the input) are kept
 * as plain files in the cache's files folder, hard-linked from the run's spool (copied when linking is not
 * possible), named {@code <hash of the input's path>-<random>.<stream>}. A name is never reused and is published
 * only by the commit of the payload that refers to it, after its files are complete, so a run never sees a
 * half-written set; a set is deleted when its payload is replaced. See docs/decisions/0400-cache.md.
 */
final class CachedResults implements AutoCloseable {
    /** Makes {@code existing} appear also as {@code link}. */
    @FunctionalInterface
    interface Linker {
        void link(Path link, Path existing) throws IOException;
    }

    static final Linker HARD_LINK = Files::createLink;

    /** How stream files are linked; tests replace it with one that fails, to exercise the copy path. */
    static volatile Linker linker = HARD_LINK;

    private static final Pattern STREAMS_NAME = Pattern.compile("[0-9a-f]{16}-[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofHours(1);
    /**
     * Beyond this many bytes of stream files the least recently used sets are deleted at the end of a run (their
     * files are then validated again when next seen). 16 GiB holds about 100 days of a large real export
     * (300,000 events a day); tests lower it.
     */
    static volatile long maxStreamBytes = 16L << 30;
    /**
     * Part of every key: a result validated by another build (other code, same version number) is never reused
     * (docs/decisions/0410-build-identity.md). Tests set another one to play a different build.
     */
    static volatile String build = AppVersion.identity();
    /**
     * Results kept per input file, one per set of rules (docs/decisions/0400-cache.md, "several results per file"):
     * alternating two quality configurations reuses both, a third one used since evicts the least recently used.
     */
    static volatile int resultsPerFile = 3;
    /** Bytes copied between two cancellation checks. */
    private static final long COPY_CHUNK = 64L << 20;

    private final StudioCache cache;
    /** Where the spool streams are kept; null when nothing is looked up or stored. */
    private final Path folder;
    private final String rules;
    private final String buildOfRules;
    private final List<String> warnings = new ArrayList<>();
    /** Keys of the results this run reused: marked used when the run ends, in one write. */
    private final java.util.Set<String> reused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The stream sets this run stored or reused: never evicted by its own size check. */
    private final java.util.Set<String> inUse = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private CachedResults(StudioCache cache, Path folder, String rules, String buildOfRules) {
        this.cache = cache;
        this.folder = folder;
        this.rules = rules;
        this.buildOfRules = buildOfRules;
    }

    static CachedResults open(RunContext context, QualityConfig config) {
        Path cacheFile = context.cacheFile();
        if (cacheFile == null) {
            return new CachedResults(null, null, "", "");
        }
        String buildOfRules = build;
        String rules = ConfigLoader.fingerprint(config) + "|" + buildOfRules + "|" + ResultCodec.FORMAT;
        StudioCache cache = StudioCache.open(cacheFile);
        if (cache.lockedOut()) {
            context.bypassCache(cache.warnings().get(cache.warnings().size() - 1));
        }
        // An in-memory cache dies with the run: storing into it would only cost time.
        return new CachedResults(cache, cache.filesFolder().orElse(null), rules, buildOfRules);
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>(cache == null ? List.of() : cache.warnings());
        synchronized (warnings) {
            all.addAll(warnings);
        }
        return List.copyOf(all);
    }

    private String key(InputFile file) {
        return sha256Hex((file.path().toAbsolutePath().normalize() + "|" + file.size() + "|" + file.modifiedMillis()
                + "|" + rules).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@link #lookup} may reuse a result for this file: false when it certainly will not (no cache, or no
     * result under the file's current name, size and modification time), so the stage can start validating that
     * file before the others are hashed. A true answer still needs the SHA-256 and the stream checks of lookup.
     */
    boolean mayHit(InputFile file) {
        return folder != null && file.size() >= 0 && cache.hasFileResult(key(file));
    }

    /**
     * The reused result with its spool restored at {@code spool}, or null when the file must be validated (no
     * cache, no entry, changed bytes, or stream files missing or of another size).
     */
    FileResult lookup(InputFile file, Path spool, HeaderNormalizer headers, LongConsumer bytesRead,
                      Cancellation cancellation) throws IOException {
        if (folder == null || file.size() < 0) {
            return null;
        }
        var payload = cache.loadFileResult(key(file));
        if (payload.isEmpty()) {
            return null;
        }
        ResultCodec.Decoded decoded = ResultCodec.decode(payload.get(), file, headers);
        if (decoded == null || (decoded.streams() != null && !intact(decoded))) {
            return null;
        }
        String actual;
        try {
            actual = sha256Of(file.path(), bytesRead, cancellation);
        } catch (IOException e) {
            // Unreadable now: validating it again reports the problem.
            return null;
        }
        if (!actual.equals(decoded.result().sha256)) {
            return null;
        }
        if (decoded.streams() != null) {
            if (!restore(decoded, spool, cancellation)) {
                return null;
            }
            decoded.result().spool = spool;
            inUse.add(decoded.streams());
            markUsed(decoded.streams());
        }
        reused.add(key(file));
        return decoded.result();
    }

    /** Checked before hashing the input, so that a result whose streams are gone costs no read of the file. */
    private boolean intact(ResultCodec.Decoded decoded) {
        if (!STREAMS_NAME.matcher(decoded.streams()).matches()) {
            return false;
        }
        try {
            for (int i = 0; i < Spool.STREAMS.size(); i++) {
                if (Files.size(streamFile(decoded.streams(), Spool.STREAMS.get(i))) != decoded.sizes()[i]) {
                    return false;
                }
            }
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Links (or copies) the kept streams to the run's spool path: the writer deletes the spool when done, which
     * then removes only its own link. False, with nothing left at {@code spool}, when a stream went missing or
     * changed size since {@link #intact} (another run replaced it).
     */
    private boolean restore(ResultCodec.Decoded decoded, Path spool, Cancellation cancellation) {
        boolean restored = false;
        try {
            for (int i = 0; i < Spool.STREAMS.size(); i++) {
                String stream = Spool.STREAMS.get(i);
                Path target = Spool.stream(spool, stream);
                Files.deleteIfExists(target);
                place(streamFile(decoded.streams(), stream), target, cancellation);
                if (Files.size(target) != decoded.sizes()[i]) {
                    return false;
                }
            }
            restored = true;
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        } finally {
            if (!restored) {
                deleteQuietly(spool);
            }
        }
    }

    void store(FileResult result, Cancellation cancellation) {
        if (folder == null || result.status == FileResult.Status.UNREADABLE || result.input.size() < 0) {
            return;
        }
        String name = null;
        boolean saved = false;
        try {
            long[] sizes = null;
            if (Spool.exists(result.spool)) {
                name = newStreamsName(result.input);
                sizes = keep(result.spool, name, cancellation);
            }
            StudioCache.Stored stored = cache.storeFileResult(key(result.input),
                    result.input.path().toAbsolutePath().normalize().toString(), buildOfRules,
                    sha256Hex(rules.getBytes(StandardCharsets.UTF_8)), ResultCodec.encode(result, name, sizes),
                    resultsPerFile);
            saved = stored.saved();
            if (saved && name != null) {
                inUse.add(name);
            }
            for (byte[] old : stored.replaced()) {
                String oldName = ResultCodec.streamsOf(old);
                if (oldName != null && !oldName.equals(name)) {
                    release(oldName);
                }
            }
            if (saved) {
                java.util.Set<String> keep = new java.util.HashSet<>();
                keep.add(name);
                for (byte[] head : stored.keptHeads()) {
                    keep.add(ResultCodec.streamsOf(head));
                }
                releaseAbandoned(result.input, keep);
            }
        } catch (IOException | SecurityException e) {
            synchronized (warnings) {
                // Once per run: the cause is almost always the folder, the same for every file.
                if (warnings.isEmpty()) {
                    warnings.add("The cache folder " + folder + " could not keep the results of "
                            + result.input.path() + " (" + reason(e) + "); files whose results were not kept are "
                            + "validated again next run: check the free space and permissions there.");
                }
            }
        } finally {
            if (!saved && name != null) {
                release(name);
            }
        }
    }

    /**
     * The system's reason, without the exception's class: stderr of a scheduled run read "(java.io.IOException: No
     * space left on device)".
     */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().strip();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Puts the spool's streams into the files folder under temporary names, then renames them, so a final name
     * only ever holds a complete stream; returns their sizes.
     */
    private long[] keep(Path spool, String name, Cancellation cancellation) throws IOException {
        Files.createDirectories(folder);
        long[] sizes = new long[Spool.STREAMS.size()];
        for (int i = 0; i < sizes.length; i++) {
            String stream = Spool.STREAMS.get(i);
            Path source = Spool.stream(spool, stream);
            Path temporary = folder.resolve(name + "." + stream + ".tmp");
            sizes[i] = Files.size(source);
            place(source, temporary, cancellation);
            if (Files.size(temporary) != sizes[i]) {
                throw new IOException("the copy of " + source + " has another size than the spool");
            }
            try {
                Files.move(temporary, streamFile(name, stream), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, streamFile(name, stream), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return sizes;
    }

    /** Hard-links {@code source} as {@code target}, or copies it when the file system refuses the link. */
    private static void place(Path source, Path target, Cancellation cancellation) throws IOException {
        try {
            linker.link(target, source);
            return;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Another file system, or a file system without hard links (Files.createLink throws
            // UnsupportedOperationException there): copying still beats validating again.
        }
        Files.deleteIfExists(target);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long position = 0;
            do {
                cancellation.throwIfCancelled();
                position += in.transferTo(position, Math.min(COPY_CHUNK, size - position), out);
            } while (position < size);
        }
    }

    private Path streamFile(String name, String stream) {
        return folder.resolve(name + "." + stream);
    }

    private static String newStreamsName(InputFile input) {
        return pathPrefix(input) + "-" + String.format(Locale.ROOT, "%016x", RANDOM.nextLong());
    }

    private static String pathPrefix(InputFile input) {
        return sha256Hex(input.path().toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }

    /**
     * Deletes a set of stream files. A failure is not reported: another run may still be copying the file on a
     * system that refuses to delete open files, and a left-over set only takes space.
     */
    private void release(String name) {
        if (!STREAMS_NAME.matcher(name).matches()) {
            return;
        }
        for (String stream : Spool.STREAMS) {
            try {
                Files.deleteIfExists(streamFile(name, stream));
                Files.deleteIfExists(folder.resolve(name + "." + stream + ".tmp"));
            } catch (IOException | SecurityException ignored) {
                // See above.
            }
        }
    }

    /**
     * Deletes the stream sets of the same input that no kept result refers to ({@code keep}: the one just stored and
     * those of the input's results under other rules) and that are older than {@link #ABANDONED_AFTER}: they are left
     * by a run that stopped between keeping streams and committing their payload (a crash, a killed process). The age
     * guard spares a set another run is keeping right now; were it deleted anyway, that run's result would fail the
     * size check of its next lookup and be validated again.
     */
    private void releaseAbandoned(InputFile input, java.util.Set<String> keep) {
        String prefix = pathPrefix(input) + "-";
        long cutoff = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        try (var entries = Files.newDirectoryStream(folder, prefix + "*")) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                String name = file.substring(0, Math.min(file.length(), prefix.length() + 16));
                if (!keep.contains(name) && Files.getLastModifiedTime(entry).toMillis() < cutoff) {
                    release(name);
                }
            }
        } catch (IOException | SecurityException | java.nio.file.DirectoryIteratorException ignored) {
            // Left-over sets only take space; the next store of this file tries again.
        }
    }

    /** The modification time of a set's files is its last use, for {@link #evictLeastRecentlyUsed}. */
    private void markUsed(String name) {
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        for (String stream : Spool.STREAMS) {
            try {
                Files.setLastModifiedTime(streamFile(name, stream), now);
            } catch (IOException | SecurityException ignored) {
                // Only the eviction order suffers.
            }
        }
    }

    /**
     * Keeps the stream files under {@link #maxStreamBytes} by deleting whole sets, least recently used first, other
     * than those of this run. Their payloads stay: a lookup finds the streams missing and validates the file again.
     */
    void evictLeastRecentlyUsed() {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        Map<String, long[]> sets = new HashMap<>(); // name -> {bytes, last use}
        long total = 0;
        try (var entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                if (file.endsWith(".tmp")) {
                    continue; // another run keeping a set right now
                }
                int dot = file.indexOf('.');
                String name = dot < 0 ? file : file.substring(0, dot);
                if (!STREAMS_NAME.matcher(name).matches()) {
                    continue;
                }
                long size = Files.size(entry);
                long used = Files.getLastModifiedTime(entry).toMillis();
                long[] set = sets.computeIfAbsent(name, n -> new long[2]);
                set[0] += size;
                set[1] = Math.max(set[1], used);
                total += size;
            }
        } catch (IOException | SecurityException | java.nio.file.DirectoryIteratorException e) {
            return;
        }
        if (total <= maxStreamBytes) {
            return;
        }
        List<Map.Entry<String, long[]>> oldestFirst = new ArrayList<>(sets.entrySet());
        oldestFirst.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1])
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, long[]> set : oldestFirst) {
            if (total <= maxStreamBytes) {
                break;
            }
            if (!inUse.contains(set.getKey())) {
                release(set.getKey());
                total -= set.getValue()[0];
            }
        }
    }

    private static void deleteQuietly(Path spool) {
        try {
            Spool.delete(spool);
        } catch (IOException | SecurityException ignored) {
            // The validator writes the spool afresh (deleting each file first).
        }
    }

    private static String sha256Of(Path file, LongConsumer bytesRead, Cancellation cancellation) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            long unreported = 0;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
                unreported += n;
                if (unreported >= (4 << 20)) {
                    bytesRead.accept(unreported);
                    unreported = 0;
                    cancellation.throwIfCancelled();
                }
            }
            bytesRead.accept(unreported);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (cache != null && folder != null) {
            cache.touchFileResults(reused);
        }
        evictLeastRecentlyUsed();
        if (cache != null) {
            cache.close();
        }
    }
}
