package com.puffy.pipeline.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Whether a stage's new outputs are byte for byte the ones they replace. Compared, not hashed: a run whose outputs
 * changed nearly always changes a file's size, which costs nothing to see, while hashing every output (3 GB at 5M
 * events) would cost every run seconds of SHA-256 (docs/decisions/0789). Only outputs of equal sizes are read, and
 * only up to their first difference. Read, not memory-mapped (twice as fast): on Windows a mapped file cannot be moved
 * or deleted until the mapping is garbage-collected, and the previous outputs are moved aside and deleted right after.
 */
final class SameOutputs {
    private static final int CHUNK = 1 << 20;

    private SameOutputs() {
    }

    /**
     * True when both folders hold the same files (by relative path, {@code except} the top-level file of that name)
     * with the same bytes. Anything that cannot be read counts as different: a needless rerun downstream costs time,
     * a wrong "the same" costs correct results.
     */
    static boolean sameFiles(Path fresh, Path previous, String except) {
        try {
            if (!Files.isDirectory(previous)) {
                return false;
            }
            Map<String, Long> freshSizes = sizes(fresh, except);
            Map<String, Long> previousSizes = sizes(previous, except);
            if (!freshSizes.equals(previousSizes)) {
                return false;
            }
            // Smallest first: a difference in a summary file is found before a gigabyte of events is read.
            List<String> bySize = freshSizes.keySet().stream()
                    .sorted(Comparator.comparing((String file) -> freshSizes.get(file)).thenComparing(file -> file)).toList();
            for (String file : bySize) {
                if (!sameBytes(fresh.resolve(file), previous.resolve(file))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
    }

    private static Map<String, Long> sizes(Path folder, String except) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (file.equals(folder)) {
                    continue;
                }
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (relative.equals(except)) {
                    continue;
                }
                // A folder counts as an entry of its own: an empty one added or gone is a difference too.
                sizes.put(relative, Files.isDirectory(file) ? -1L : Files.size(file));
            }
        }
        return sizes;
    }

    private static boolean sameBytes(Path a, Path b) throws IOException {
        if (Files.isDirectory(a) || Files.isDirectory(b)) {
            return Files.isDirectory(a) && Files.isDirectory(b);
        }
        try (FileChannel left = FileChannel.open(a); FileChannel right = FileChannel.open(b)) {
            ByteBuffer leftBuffer = ByteBuffer.allocateDirect(CHUNK);
            ByteBuffer rightBuffer = ByteBuffer.allocateDirect(CHUNK);
            while (true) {
                int leftRead = fill(left, leftBuffer);
                int rightRead = fill(right, rightBuffer);
                if (leftRead != rightRead) {
                    return false;
                }
                if (leftRead == 0) {
                    return true;
                }
                if (leftBuffer.flip().mismatch(rightBuffer.flip()) >= 0) {
                    return false;
                }
                leftBuffer.clear();
                rightBuffer.clear();
            }
        }
    }

    /** Reads until the buffer is full or the file ends; the number of bytes read. */
    private static int fill(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        return buffer.position();
    }
}
