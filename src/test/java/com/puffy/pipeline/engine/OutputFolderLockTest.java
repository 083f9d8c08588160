package com.puffy.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.core.OutputFiles;
import com.puffy.pipeline.core.OutputFolderInUseException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's lock, as a run takes it and as the app asks about it (decision 0830). */
class OutputFolderLockTest {
    @TempDir
    Path out;

    @Test
    void theAppIsToldWhetherARunHoldsTheFolder() {
        assertThat(OutputFolderLock.heldByARun(out)).as("never run there").isEqualTo(Optional.of(false));
        try (OutputFolderLock held = OutputFolderLock.acquire(out)) {
            assertThat(OutputFolderLock.heldByARun(out)).isEqualTo(Optional.of(true));
            assertThat(OutputFolderLock.heldByARun(out)).as("asking does not let it go").isEqualTo(Optional.of(true));
        }
        assertThat(OutputFolderLock.heldByARun(out)).as("that run ended").isEqualTo(Optional.of(false));
        try (OutputFolderLock again = OutputFolderLock.acquire(out)) {
            assertThat(again).as("asking left nothing held").isNotNull();
        }
    }

    /**
     * Another process (the app asking) holds the lock for an instant as a run starts: the run waits for it. Here that
     * process is a channel of the test's own, let go after the run's first attempt.
     */
    @Test
    void aRunStartingWhileTheLockIsHeldForAnInstantWaitsForIt() throws Exception {
        try (FileChannel other = FileChannel.open(out.resolve(OutputFiles.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock instant = other.lock();
            AtomicInteger waits = new AtomicInteger();
            try (OutputFolderLock run = OutputFolderLock.acquire(out, () -> {
                waits.incrementAndGet();
                try {
                    instant.release();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })) {
                assertThat(run).isNotNull();
                assertThat(waits.get()).isEqualTo(1);
            }
        }
    }

    @Test
    void aRunFindingTheLockHeldThroughoutIsRefused() throws Exception {
        try (FileChannel other = FileChannel.open(out.resolve(OutputFiles.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = other.lock()) {
            AtomicInteger waits = new AtomicInteger();
            assertThatThrownBy(() -> OutputFolderLock.acquire(out, waits::incrementAndGet))
                    .isInstanceOf(OutputFolderInUseException.class);
            assertThat(waits.get()).isEqualTo(OutputFolderLock.ATTEMPTS - 1);
            assertThat(held.isValid()).isTrue();
        }
    }
}
