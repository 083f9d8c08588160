package com.puffy.pipeline.quality;

import com.puffy.pipeline.cache.StudioCache;
import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.QualityConfig;
import com.puffy.pipeline.core.AppVersion;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.RunSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * SPEC §8 for the quality stage: a file whose name, size, modification time and SHA-256 are unchanged, under
 * unchanged quality rules and the same application version, is not validated again. The lookup key holds what can
 * be known without reading the file; the payload holds the SHA-256, which is checked against the file's bytes
 * before the result is reused. Without a cache file (`--no-cache`) every method is a no-op.
 */
final class CachedResults implements AutoCloseable {
    /**
     * Files whose spool is bigger (about 1.4 million rows, five times a large real daily export) are not stored:
     * the payload is built in memory, so this bounds the heap a store can take. The cache keeps one result per
     * file path, so its size follows the folders the user works on (about a quarter of their bytes, deflated).
     * An earlier limit of 32 MB left the 10M-event benchmark folders (700,000-row days) without any cache hit.
     */
    static final long MAX_SPOOL_BYTES = 512L << 20;

    private final StudioCache cache;
    private final String rules;

    private CachedResults(StudioCache cache, String rules) {
        this.cache = cache;
        this.rules = rules;
    }

    static CachedResults open(RunSettings settings, QualityConfig config) {
        if (settings.cacheFile() == null) {
            return new CachedResults(null, "");
        }
        String rules = ConfigLoader.fingerprint(config) + "|" + AppVersion.version() + "|" + ResultCodec.FORMAT;
        return new CachedResults(StudioCache.open(settings.cacheFile()), rules);
    }

    List<String> warnings() {
        return cache == null ? List.of() : cache.warnings();
    }

    private String key(InputFile file) {
        return sha256Hex((file.path().toAbsolutePath().normalize() + "|" + file.size() + "|" + file.modifiedMillis()
                + "|" + rules).getBytes(StandardCharsets.UTF_8));
    }

    /** The reused result, or null when the file must be validated (no cache, no entry, or changed bytes). */
    FileResult lookup(InputFile file, Path spool, HeaderNormalizer headers, LongConsumer bytesRead,
                      Cancellation cancellation) throws IOException {
        if (cache == null || file.size() < 0) {
            return null;
        }
        var payload = cache.loadFileResult(key(file));
        if (payload.isEmpty()) {
            return null;
        }
        FileResult restored = ResultCodec.decode(payload.get(), file, spool, headers);
        if (restored == null) {
            return null;
        }
        String actual;
        try {
            actual = sha256Of(file.path(), bytesRead, cancellation);
        } catch (IOException e) {
            // Unreadable now: validating it again reports the problem.
            return null;
        }
        return actual.equals(restored.sha256) ? restored : null;
    }

    void store(FileResult result) throws IOException {
        if (cache == null || result.status == FileResult.Status.UNREADABLE || result.input.size() < 0) {
            return;
        }
        if (Spool.exists(result.spool) && Spool.size(result.spool) > MAX_SPOOL_BYTES) {
            return;
        }
        cache.storeFileResult(key(result.input), result.input.path().toAbsolutePath().normalize().toString(),
                ResultCodec.encode(result));
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
        if (cache != null) {
            cache.close();
        }
    }
}
