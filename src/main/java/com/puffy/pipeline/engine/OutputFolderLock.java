package com.puffy.pipeline.engine;

import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.OutputFiles;
import com.puffy.pipeline.core.OutputFolderInUseException;
import com.puffy.pipeline.core.PipelineException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One writer per output folder: a second run into the same folder fails fast instead of interleaving. The app also
 * asks whether a run holds a folder ({@link #heldByARun}), which tells a run writing from a leftover folder copied into
 * the outputs (decision 0830).
 */
public final class OutputFolderLock implements AutoCloseable {
    /**
     * How often a run tries the lock before it says another run holds the folder. The app's question takes the lock
     * for the few microseconds between trying it and letting it go: a run starting in that instant waits for it rather
     * than being refused (decision 0793 had kept the app off the lock for fear of that refusal).
     */
    static final int ATTEMPTS = 4;
    private static final long PAUSE_MILLIS = 25;

    /**
     * The lock files this JVM holds. Closing any channel on a file drops every lock the process holds on it (POSIX),
     * so the question is answered from here for a folder this JVM writes, and the channels are opened and closed
     * under this set's monitor.
     */
    private static final Set<Path> HELD_HERE = new HashSet<>();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path key;

    private OutputFolderLock(FileChannel channel, FileLock lock, Path key) {
        this.channel = channel;
        this.lock = lock;
        this.key = key;
    }

    static OutputFolderLock acquire(Path outputDir) {
        return acquire(outputDir, OutputFolderLock::pause);
    }

    /** As {@link #acquire(Path)}, {@code betweenAttempts} run after each attempt that found the lock taken. */
    static OutputFolderLock acquire(Path outputDir, Runnable betweenAttempts) {
        Path lockFile = outputDir.resolve(OutputFiles.LOCK_FILE);
        Path key = keyOf(lockFile);
        synchronized (HELD_HERE) {
            if (HELD_HERE.contains(key)) {
                throw new OutputFolderInUseException(outputDir);
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    FileLock lock = tryLock(channel, false);
                    if (lock != null) {
                        HELD_HERE.add(key);
                        return new OutputFolderLock(channel, lock, key);
                    }
                    if (attempt < ATTEMPTS) {
                        betweenAttempts.run();
                    }
                }
            } catch (IOException e) {
                closeQuietly(channel);
                throw new PipelineException(ExitCode.USAGE, "Cannot lock the output folder " + outputDir
                        + " (" + e.getMessage() + "): check that it is writable, or choose another with --output.", e);
            }
            closeQuietly(channel);
            throw new OutputFolderInUseException(outputDir);
        }
    }

    /**
     * Whether a run (of this process or another) holds {@code outputDir} now: true, false, or empty when the file
     * system cannot tell (a network drive without locks). Without a lock file no run has ever written there. When no
     * run holds it, the lock is taken for an instant to know it: a run starting then waits (see {@link #ATTEMPTS}).
     */
    public static Optional<Boolean> heldByARun(Path outputDir) {
        Path lockFile = outputDir.resolve(OutputFiles.LOCK_FILE);
        synchronized (HELD_HERE) {
            if (HELD_HERE.contains(keyOf(lockFile))) {
                return Optional.of(true);
            }
            if (!Files.isRegularFile(lockFile)) {
                return Optional.of(false);
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
                FileLock probe = tryLock(channel, true);
                if (probe == null) {
                    return Optional.of(true);
                }
                probe.release();
                return Optional.of(false);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            // Held by another channel of this JVM.
            return null;
        }
    }

    private static Path keyOf(Path lockFile) {
        return lockFile.toAbsolutePath().normalize();
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was locked through it.
        }
    }

    @Override
    public void close() {
        synchronized (HELD_HERE) {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // The lock dies with the channel anyway.
            } finally {
                HELD_HERE.remove(key);
            }
        }
    }
}
