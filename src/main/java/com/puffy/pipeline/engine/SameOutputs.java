package com.puffy.pipeline.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Whether a stage's new outputs are byte for byte the ones they replace. Compared, not hashed: a run whose outputs
 * changed nearly always changes a file's size, which costs nothing to see, while hashing every output (3 GB at 5M
 * events) would cost every run seconds of SHA-256 (docs/decisions/0789). Only outputs of equal sizes are read, and
 * only up to their first difference. Read, not memory-mapped (twice as fast): on Windows a mapped file cannot be moved
 * or deleted until the mapping is garbage-collected, and the previous outputs are moved aside and deleted right after.
 * <p>
 * A stage's bookkeeping columns ({@code Stage.bookkeepingColumns}: quality's {@code from_cache}) are left out: their
 * files are read as CSV and compared cell by cell without them, whatever their sizes (docs/decisions/0799).
 */
final class SameOutputs {
    private static final int CHUNK = 1 << 20;
    /** Stands for a file's size where the size says nothing: one with bookkeeping columns. */
    private static final long SIZE_NOT_COMPARED = -2L;
    /** As the product's CSV files are written (io.CsvOutput); no header handling, so a header is compared as a row. */
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private SameOutputs() {
    }

    /**
     * True when both folders hold the same files (by relative path, {@code except} the top-level file of that name)
     * with the same bytes. Anything that cannot be read counts as different: a needless rerun downstream costs time,
     * a wrong "the same" costs correct results.
     */
    static boolean sameFiles(Path fresh, Path previous, String except) {
        return sameFiles(fresh, previous, except, Map.of());
    }

    /**
     * As {@link #sameFiles(Path, Path, String)}, except that the files named in {@code bookkeeping} (relative paths)
     * are compared as CSV without the columns it names for them.
     */
    static boolean sameFiles(Path fresh, Path previous, String except, Map<String, Set<String>> bookkeeping) {
        try {
            if (!Files.isDirectory(previous)) {
                return false;
            }
            Map<String, Long> freshSizes = sizes(fresh, except, bookkeeping.keySet());
            Map<String, Long> previousSizes = sizes(previous, except, bookkeeping.keySet());
            if (!freshSizes.equals(previousSizes)) {
                return false;
            }
            // Smallest first: a difference in a summary file is found before a gigabyte of events is read.
            List<String> bySize = freshSizes.keySet().stream()
                    .sorted(Comparator.comparing((String file) -> freshSizes.get(file)).thenComparing(file -> file)).toList();
            for (String file : bySize) {
                Set<String> skipped = bookkeeping.get(file);
                if (skipped != null && !skipped.isEmpty()
                        ? !sameCsvWithout(fresh.resolve(file), previous.resolve(file), skipped)
                        : !sameBytes(fresh.resolve(file), previous.resolve(file))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UncheckedIOException | SecurityException | IllegalStateException e) {
            // IllegalStateException: commons-csv's word for a file that is not well-formed CSV.
            return false;
        }
    }

    private static Map<String, Long> sizes(Path folder, String except, Set<String> sizeNotCompared)
            throws IOException {
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
                sizes.put(relative, Files.isDirectory(file) ? -1L
                        : sizeNotCompared.contains(relative) ? SIZE_NOT_COMPARED : Files.size(file));
            }
        }
        return sizes;
    }

    /**
     * The same rows, header included, with the same cells outside the {@code skipped} columns (named by the header).
     * Cells are compared as parsed: the writer quotes a cell the same way every time, so equal cells are equal bytes
     * outside those columns, and every stage reads them as cells.
     */
    private static boolean sameCsvWithout(Path a, Path b, Set<String> skipped) throws IOException {
        if (Files.isDirectory(a) || Files.isDirectory(b)) {
            return Files.isDirectory(a) && Files.isDirectory(b);
        }
        try (Reader left = Files.newBufferedReader(a, StandardCharsets.UTF_8);
             Reader right = Files.newBufferedReader(b, StandardCharsets.UTF_8);
             CSVParser leftRows = CSVParser.builder().setReader(left).setFormat(CSV).get();
             CSVParser rightRows = CSVParser.builder().setReader(right).setFormat(CSV).get()) {
            Iterator<CSVRecord> leftIt = leftRows.iterator();
            Iterator<CSVRecord> rightIt = rightRows.iterator();
            boolean[] compared = null;
            while (leftIt.hasNext() && rightIt.hasNext()) {
                CSVRecord leftRow = leftIt.next();
                CSVRecord rightRow = rightIt.next();
                if (compared == null) {
                    // The header: the same names in the same order, the skipped ones too.
                    if (!leftRow.toList().equals(rightRow.toList())) {
                        return false;
                    }
                    compared = new boolean[leftRow.size()];
                    for (int i = 0; i < compared.length; i++) {
                        compared[i] = !skipped.contains(leftRow.get(i));
                    }
                    continue;
                }
                if (leftRow.size() != rightRow.size()) {
                    return false;
                }
                for (int i = 0; i < leftRow.size(); i++) {
                    boolean bookkeeping = i < compared.length && !compared[i];
                    if (!bookkeeping && !leftRow.get(i).equals(rightRow.get(i))) {
                        return false;
                    }
                }
            }
            return leftIt.hasNext() == rightIt.hasNext();
        }
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
