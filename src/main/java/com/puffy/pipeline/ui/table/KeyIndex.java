package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.io.AtomicFiles;
import com.puffy.pipeline.io.CsvColumnReader;
import com.puffy.pipeline.io.CsvInput;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Where the rows of each value of one column start in a CSV output file, kept in a file of its own (decision 0735).
 * One client's journey at 5M events read 2.9 GB of outputs for a few hundred rows (14-22 s); with this index it reads
 * those rows. The index is built by one pass over the file the first time it is asked for, and is trusted only while
 * the file has the size, modification time and first and last bytes it had then; every row read through it must
 * still start after a line break and hold a value of the hash it was indexed under. Anything else (a rerun, an edit,
 * a missing, truncated or corrupt index) rebuilds it, and a folder the index cannot be written to is scanned as before.
 *
 * <p>File layout: magic, header length, header (source path, column, size, modified, edge checksum), the start of
 * each row and the end of the last ({@code rows + 1} longs), the keys {@code hash << 32 | row} sorted, row count,
 * CRC32C of all before it, magic. Building holds only the keys (8 bytes a row: 40 MB for 5M events); the starts stream to disk.
 */
public final class KeyIndex {
    private static final long MAGIC = 0x4550_4B45_5949_4458L;
    private static final int EDGE_BYTES = 64 * 1024;
    private static final int TRAILER_BYTES = Integer.BYTES + 2 * Long.BYTES;
    /** A row longer than this is not one the product wrote: the index is taken as corrupt. */
    private static final long LONGEST_ROW = 64L << 20;
    /** Index files kept per folder of indexes: each output folder looked into uses up to five. */
    private static final int KEPT_INDEXES = 40;
    /** And no more than this on disk together: the five indexes of a 5M-event folder take 175 MB. */
    private static final long KEPT_BYTES = 1L << 30;
    private static final Object BUILDING = new Object();
    /** Index files whose checksum was found right, by path, with the size and time they had then. */
    private static final Map<Path, String> CHECKED = new java.util.concurrent.ConcurrentHashMap<>();

    private KeyIndex() {
    }

    /**
     * The rows of {@code file} whose {@code column} is one of {@code values}, in file order, as
     * {@link CsvTable#read(Path, String, Set)} gives them; through the index in {@code indexDir}, built first when it is
     * missing or out of date.
     */
    public static CsvTable rows(Path file, String column, Set<String> values, Path indexDir) throws IOException {
        Path index = indexFile(indexDir, file, column);
        CsvTable found = lookUpOrNull(index, file, column, values);
        if (found != null) {
            return found;
        }
        boolean built;
        try {
            built = build(file, column, index);
        } catch (IOException cannotIndex) {
            built = false;
        }
        found = built ? lookUpOrNull(index, file, column, values) : null;
        return found != null ? found : CsvTable.read(file, column, values);
    }

    /** Builds the index of {@code file} by {@code column} unless an index that holds for the file is there already. */
    public static void prepare(Path file, String column, Path indexDir) throws IOException {
        Path index = indexFile(indexDir, file, column);
        if (Files.isRegularFile(file) && lookUpOrNull(index, file, column, Set.of()) == null) {
            build(file, column, index);
        }
    }

    /** The index's answer, or null when it is missing, out of date or unreadable. */
    static CsvTable lookUpOrNull(Path index, Path file, String column, Set<String> values) {
        try {
            return lookUp(index, file, column, values);
        } catch (IOException | RuntimeException unusable) {
            return null;
        }
    }

    static Path indexFile(Path indexDir, Path file, String column) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((file.toAbsolutePath().normalize() + "\0" + column)
                    .getBytes(StandardCharsets.UTF_8));
            return indexDir.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".idx");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Writes the index of {@code file} by {@code column}; false when the file cannot be indexed (a repeated name). */
    static boolean build(Path file, String column, Path index) throws IOException {
        synchronized (BUILDING) {
            if (lookUpOrNull(index, file, column, Set.of()) != null) {
                // Built while this caller waited (the journey opened during the warm-up after a run).
                return true;
            }
            Stamp stamp = Stamp.of(file);
            try (CsvColumnReader reader = CsvColumnReader.open(file)) {
                List<String> header = header(reader.header());
                if (header == null) {
                    return false;
                }
                int key = CsvTable.withoutBom(header).indexOf(column);
                if (key < 0) {
                    return false;
                }
                reader.select(List.of(header.get(key)));
                AtomicFiles.writeBytes(index, out -> {
                    CheckedOutputStream summed = new CheckedOutputStream(out, new CRC32C());
                    DataOutputStream data = new DataOutputStream(summed);
                    byte[] head = stamp.header(file, column);
                    data.writeLong(MAGIC);
                    data.writeInt(head.length);
                    data.write(head);
                    long[] keys = new long[1 << 16];
                    int rows = 0;
                    data.writeLong(reader.offset());
                    while (reader.next()) {
                        if (rows == keys.length) {
                            keys = Arrays.copyOf(keys, keys.length + (keys.length >> 1));
                        }
                        keys[rows] = key(hash(CsvInput.unprotect(reader.get(0))), rows);
                        rows++;
                        data.writeLong(reader.offset());
                    }
                    Arrays.sort(keys, 0, rows);
                    for (int i = 0; i < rows; i++) {
                        data.writeLong(keys[i]);
                    }
                    data.writeInt(rows);
                    data.flush();
                    data.writeLong(summed.getChecksum().getValue());
                    data.writeLong(MAGIC);
                    data.flush();
                });
            }
            pruneOldIndexes(index.getParent(), index);
            return true;
        }
    }

    private static CsvTable lookUp(Path index, Path file, String column, Set<String> values) throws IOException {
        if (!Files.isRegularFile(index) || !Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel idx = FileChannel.open(index, StandardOpenOption.READ);
             FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = idx.size();
            ByteBuffer front = read(idx, 0, Long.BYTES + Integer.BYTES);
            if (front.getLong() != MAGIC) {
                return null;
            }
            int headLength = front.getInt();
            if (headLength < 0 || headLength > length) {
                return null;
            }
            ByteBuffer trailer = read(idx, length - TRAILER_BYTES, TRAILER_BYTES);
            long rows = trailer.getInt();
            long checksum = trailer.getLong();
            if (trailer.getLong() != MAGIC || rows < 0 || !checksumHolds(idx, index, length, checksum)) {
                return null;
            }
            long startsAt = Long.BYTES + Integer.BYTES + headLength;
            long keysAt = startsAt + (rows + 1) * Long.BYTES;
            if (keysAt + rows * Long.BYTES + TRAILER_BYTES != length) {
                return null;
            }
            byte[] head = read(idx, Long.BYTES + Integer.BYTES, headLength).array();
            if (!Arrays.equals(head, Stamp.of(file).header(file, column))) {
                return null;
            }
            List<String> header;
            try (CsvColumnReader reader = CsvColumnReader.open(file, 1 << 16)) {
                header = header(reader.header());
            }
            if (header == null) {
                return null;
            }
            int width = header.size();
            int key = CsvTable.withoutBom(header).indexOf(column);
            if (key < 0) {
                return null;
            }
            long fileSize = source.size();
            List<Integer> matches = new ArrayList<>();
            for (String value : values) {
                int hash = hash(value);
                long first = firstAtLeast(idx, keysAt, rows, key(hash, 0));
                for (long i = first; i < rows; i++) {
                    long entry = read(idx, keysAt + i * Long.BYTES, Long.BYTES).getLong();
                    if ((int) (entry >>> 32) != hash) {
                        break;
                    }
                    int row = (int) entry;
                    if (row < 0 || row >= rows) {
                        return null;
                    }
                    matches.add(row);
                }
            }
            matches.sort(Comparator.naturalOrder());
            List<String[]> found = new ArrayList<>();
            int previous = -1;
            for (int row : matches) {
                if (row == previous) {
                    continue;
                }
                previous = row;
                ByteBuffer bounds = read(idx, startsAt + (long) row * Long.BYTES, 2 * Long.BYTES);
                long start = bounds.getLong();
                long end = bounds.getLong();
                if (start < 1 || end <= start || end > fileSize || end - start > LONGEST_ROW) {
                    return null;
                }
                // One byte before the row: it must follow a line break, or the file moved under the index.
                byte[] bytes = read(source, start - 1, (int) (end - start + 1)).array();
                if (bytes[0] != '\n' && bytes[0] != '\r') {
                    return null;
                }
                String[] cells = FileTable.parse(bytes, 1, bytes.length, width);
                String value = cells[key];
                if (!values.contains(value)) {
                    // Another value of the same hash is expected; a row of a hash asked for is not.
                    if (!isHashOfAny(hash(value), values)) {
                        return null;
                    }
                    continue;
                }
                found.add(cells);
            }
            return new CsvTable(header, found, file);
        }
    }

    /**
     * Whether the index's bytes are the ones written: a flipped byte among the keys would otherwise answer "no rows".
     * Checked once per index file as it is on disk (about 100 MB at 5M events, read at memory speed), known by its size,
     * modification time and stored checksum: an in-place change within the same tick of the file system's clock as a
     * check goes unseen until the next process, which is fine because the app writes these files only whole, by rename.
     */
    private static boolean checksumHolds(FileChannel idx, Path index, long length, long expected) throws IOException {
        String asOnDisk = length + " " + Files.getLastModifiedTime(index).toMillis() + " " + expected;
        if (asOnDisk.equals(CHECKED.get(index))) {
            return true;
        }
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long summed = length - 2 * Long.BYTES;
        for (long at = 0; at < summed; ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), summed - at));
            int read = idx.read(buffer, at);
            if (read < 0) {
                return false;
            }
            buffer.flip();
            crc.update(buffer);
            at += read;
        }
        if (crc.getValue() != expected) {
            return false;
        }
        CHECKED.put(index, asOnDisk);
        return true;
    }

    private static boolean isHashOfAny(int hash, Set<String> values) {
        for (String value : values) {
            if (hash(value) == hash) {
                return true;
            }
        }
        return false;
    }

    /** The first position of the sorted keys not below {@code target}. */
    private static long firstAtLeast(FileChannel idx, long keysAt, long rows, long target) throws IOException {
        long low = 0;
        long high = rows;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (read(idx, keysAt + middle * Long.BYTES, Long.BYTES).getLong() < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        if (at < 0 || length < 0) {
            throw new IOException("outside the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the file ends early");
            }
        }
        return buffer.flip();
    }

    /** The header in column order; null when a name is given twice (such a file is read whole by CsvTable). */
    private static List<String> header(Map<String, Integer> positions) {
        List<String> names = new ArrayList<>(positions.keySet());
        names.sort(Comparator.comparing(positions::get));
        int widest = positions.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        return widest == names.size() ? names : null;
    }

    private static long key(int hash, int row) {
        return ((long) hash << 32) | (row & 0xFFFF_FFFFL);
    }

    /** String's hash mixed (Murmur3's finalizer), so ids differing in their last characters spread over the keys. */
    static int hash(String value) {
        int h = value.hashCode();
        h ^= h >>> 16;
        h *= 0x85eb_ca6b;
        h ^= h >>> 13;
        h *= 0xc2b2_ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Keeps the folder of indexes bounded: the least recently built go first. */
    private static void pruneOldIndexes(Path indexDir, Path keep) {
        pruneOldIndexes(indexDir, keep, KEPT_INDEXES, KEPT_BYTES);
    }

    /**
     * Keeps the {@code count} most recently built index files, and of those only as many as fit in {@code bytes}
     * together, newest first; {@code keep}, the one just built, stays whatever its size. By count alone, 40 indexes of
     * 5M-event folders (35-78 MB each) would have held about 1.4 GB of the user's disk.
     */
    static void pruneOldIndexes(Path indexDir, Path keep, int count, long bytes) {
        try (Stream<Path> files = Files.list(indexDir)) {
            List<Path> indexes = files.filter(p -> p.getFileName().toString().endsWith(".idx"))
                    .sorted(Comparator.comparing(KeyIndex::modified).reversed()).toList();
            int kept = 0;
            long keptBytes = 0;
            for (Path index : indexes) {
                long size = Files.size(index);
                if (index.equals(keep) || kept < count && keptBytes + size <= bytes) {
                    kept++;
                    keptBytes += size;
                } else {
                    Files.deleteIfExists(index);
                }
            }
        } catch (IOException | RuntimeException notPruned) {
            // Left for the next build: a few stale index files only take disk space.
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return Long.MIN_VALUE;
        }
    }

    /** What the file was when indexed: its size, modification time and a checksum of its first and last bytes. */
    private record Stamp(long size, long modified, long edges) {
        static Stamp of(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                long modified = Files.getLastModifiedTime(file).toMillis();
                CRC32 crc = new CRC32();
                int head = (int) Math.min(EDGE_BYTES, size);
                crc.update(read(channel, 0, head));
                long tailFrom = Math.max(head, size - EDGE_BYTES);
                crc.update(read(channel, tailFrom, (int) (size - tailFrom)));
                return new Stamp(size, modified, crc.getValue());
            }
        }

        byte[] header(Path file, String column) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeUTF(file.toAbsolutePath().normalize().toString());
            data.writeUTF(column);
            data.writeLong(size);
            data.writeLong(modified);
            data.writeLong(edges);
            data.flush();
            return bytes.toByteArray();
        }
    }
}
