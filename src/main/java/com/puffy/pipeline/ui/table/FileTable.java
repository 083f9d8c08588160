package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.io.CsvColumnReader;
import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the product's output CSV files shown as a table while it stays on disk: the table keeps where each row
 * starts (8 bytes a row) and its value-filter columns as dictionary codes, and reads the rows on screen when they
 * are drawn. A sort reads its column once ({@link ColumnValues}), a search scans the file's bytes. sessions.csv at
 * 5M events (837 MB, 3.1M rows) took 1.6 GB as one String[] per row; this way it takes about 60 MB.
 *
 * <p>The file is opened for each read, never held open: the next run replaces the output folder, and a held file
 * would stop that on Windows. A file that changed since the table was made (replaced, truncated, deleted) reads as
 * empty cells and tells its {@link #onChange} listener once, so the table reads it again.
 */
public final class FileTable implements TableData {
    private static final int CACHED_ROWS = 4096;
    private static final int PREFETCH = 64;
    private static final int SAMPLE_ROWS = 1000;
    private static final int SCAN_BUFFER = 8 << 20;

    private final Path file;
    private final List<String> columns;
    /** The header's names as the reader knows them (a byte-order mark kept in the first), to select columns by. */
    private final List<String> fileNames;
    /** starts[r] is where row r begins; starts[size] where the last row ends. */
    private final long[] starts;
    private final int size;
    private final long fileSize;
    private final long modified;
    private final Map<Integer, ColumnValues> values = new HashMap<>();
    /**
     * The days of the last {@value #DAY_COLUMNS_KEPT} date or timestamp columns charted, least recently used first:
     * switching a chart between session_start and session_end read 3.1M timestamps again each time (~1 s).
     * Each holds an int a row (12 MB at 3.1M rows), so at most 37 MB (decision 0510).
     */
    private final Map<Integer, ColumnValues> days = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ColumnValues> eldest) {
            return size() > DAY_COLUMNS_KEPT;
        }
    };
    static final int DAY_COLUMNS_KEPT = 3;
    private final boolean[] looksNumeric;
    private final java.util.Set<Integer> facetColumns = new java.util.HashSet<>();
    private final java.util.concurrent.atomic.AtomicLong rowsRead = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger columnPasses = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Runnable onChange = () -> { };
    private final Map<Integer, String[]> cache = new LinkedHashMap<>(CACHED_ROWS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, String[]> eldest) {
            return size() > CACHED_ROWS;
        }
    };

    private FileTable(Path file, List<String> columns, long[] starts, int size, long fileSize, long modified) {
        this.file = file;
        this.fileNames = List.copyOf(columns);
        this.columns = CsvTable.withoutBom(columns);
        this.starts = starts;
        this.size = size;
        this.fileSize = fileSize;
        this.modified = modified;
        this.looksNumeric = new boolean[columns.size()];
    }

    /** How often opening a file looks at how far it is: every 4,096 rows, about 75 times in 3.1M sessions. */
    private static final int PROGRESS_ROWS_MASK = (1 << 12) - 1;

    /**
     * Reads where each row of {@code file} starts and the {@code facetColumns} it has; null when its header names a
     * column twice (those few files are read whole by {@link CsvTable}).
     */
    public static FileTable open(Path file, List<String> facetColumns) throws IOException {
        return open(file, facetColumns, percent -> { });
    }

    /**
     * {@link #open(Path, List)}, telling {@code percentRead} how far into the file it is (0–100, each value once, in
     * order): sessions.csv at 5M events takes 6–10 s to open, which a bare "Loading…" left the user to guess.
     */
    public static FileTable open(Path file, List<String> facetColumns, java.util.function.IntConsumer percentRead)
            throws IOException {
        long fileSize = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        FileTable table;
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            Map<String, Integer> header = reader.header();
            List<String> names = new ArrayList<>(header.keySet());
            names.sort(java.util.Comparator.comparing(header::get));
            int widest = header.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            if (widest != names.size()) {
                return null;
            }
            List<String> shown = CsvTable.withoutBom(names);
            List<String> facets = facetColumns.stream().filter(shown::contains).distinct().toList();
            reader.select(facets.stream().map(f -> names.get(shown.indexOf(f))).toList());
            List<ColumnValues.Builder> builders = new ArrayList<>();
            for (int i = 0; i < facets.size(); i++) {
                builders.add(new ColumnValues.Builder());
            }
            long[] starts = new long[1024];
            starts[0] = reader.offset();
            int rows = 0;
            int saidPercent = -1;
            while (reader.next()) {
                if (rows + 1 == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                if ((rows & PROGRESS_ROWS_MASK) == 0 && fileSize > 0) {
                    int percent = (int) Math.min(100, reader.offset() * 100 / fileSize);
                    if (percent > saidPercent) {
                        saidPercent = percent;
                        percentRead.accept(percent);
                    }
                }
                starts[++rows] = reader.offset();
                for (int i = 0; i < builders.size(); i++) {
                    builders.get(i).add(CsvInput.unprotect(reader.label(i)));
                }
            }
            // Looked at only as a row starts, the last said is where the last stretch of rows began, below 100.
            if (saidPercent < 100) {
                percentRead.accept(100);
            }
            table = new FileTable(file, names, Arrays.copyOf(starts, rows + 1), rows, fileSize, modified);
            for (int i = 0; i < facets.size(); i++) {
                int c = shown.indexOf(facets.get(i));
                table.facetColumns.add(c);
                table.values.put(c, builders.get(i).build());
            }
        }
        table.sampleAlignment();
        return table;
    }

    private void sampleAlignment() {
        int n = Math.min(SAMPLE_ROWS, size);
        int[] first = new int[n];
        Arrays.setAll(first, i -> i);
        String[][] sample = rows(first, 0, n);
        for (int c = 0; c < looksNumeric.length; c++) {
            boolean saw = false;
            boolean all = true;
            for (String[] row : sample) {
                String v = row[c];
                if (!v.isEmpty() && !"NaN".equals(v)) {
                    saw = true;
                    all &= CsvTable.looksNumeric(v);
                }
            }
            looksNumeric[c] = saw && all;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Path source() {
        return file;
    }

    @Override
    public boolean looksNumeric(int column) {
        return looksNumeric[column];
    }

    @Override
    public String[] row(int row) {
        synchronized (cache) {
            String[] cached = cache.get(row);
            if (cached != null) {
                return cached;
            }
        }
        return rows(new int[] {row}, 0, 1)[0];
    }

    /** The row shown at {@code index} of the view {@code order}, reading its neighbours with it (a screenful). */
    public String[] row(int[] order, int index) {
        synchronized (cache) {
            String[] cached = cache.get(order[index]);
            if (cached != null) {
                return cached;
            }
        }
        int from = Math.max(0, index - PREFETCH / 4);
        int to = Math.min(order.length, index + PREFETCH);
        String[][] read = rows(order, from, to);
        synchronized (cache) {
            for (int i = from; i < to; i++) {
                cache.put(order[i], read[i - from]);
            }
        }
        return read[index - from];
    }

    /** Called once, on the thread that noticed, when the file is found changed since the table was made. */
    public void onChange(Runnable listener) {
        onChange = listener;
    }

    /** Whether the file was found changed (or gone) since the table was made: its rows are no longer the file's. */
    public boolean hasChanged() {
        return changed.get();
    }

    private IOException changedError() {
        markChanged();
        return new IOException(file.getFileName() + " changed on disk while it was shown; it is being read again.");
    }

    private void markChanged() {
        if (changed.compareAndSet(false, true)) {
            onChange.run();
        }
    }

    /** How many times a column was read from the whole file (to sort, filter, add up, or cut to days). */
    public int columnPasses() {
        return columnPasses.get();
    }

    /** How many rows have been read from the file so far: a table on screen reads what it draws, not every row. */
    public long rowsRead() {
        return rowsRead.get();
    }

    @Override
    public String[][] rows(int[] order, int from, int to) {
        rowsRead.addAndGet(to - from);
        String[][] out = new String[to - from][];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!unchanged(channel)) {
                markChanged();
                return blanks(out);
            }
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            for (int i = from; i < to; i++) {
                int r = order[i];
                int length = (int) (starts[r + 1] - starts[r]);
                if (buffer.capacity() < length) {
                    buffer = ByteBuffer.allocate(Math.max(length, buffer.capacity() * 2));
                }
                buffer.clear().limit(length);
                long at = starts[r];
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, at + buffer.position()) < 0) {
                        markChanged();
                        return blanks(out);
                    }
                }
                out[i - from] = parse(buffer.array(), 0, length, columns.size());
            }
        } catch (IOException e) {
            markChanged();
            return blanks(out);
        }
        return out;
    }

    private boolean unchanged(FileChannel channel) throws IOException {
        return channel.size() == fileSize && Files.getLastModifiedTime(file).toMillis() == modified;
    }

    private void ensureUnchanged() throws IOException {
        if (!isUnchanged()) {
            throw changedError();
        }
    }

    /** Whether the file is still the one this table was made from (same size, same modification time). */
    public boolean isUnchanged() {
        try {
            return Files.size(file) == fileSize && Files.getLastModifiedTime(file).toMillis() == modified;
        } catch (IOException gone) {
            // deleted or unreadable since the table was made: the same as changed
            return false;
        }
    }

    private String[][] blanks(String[][] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = new String[columns.size()];
            Arrays.fill(out[i], "");
        }
        return out;
    }

    @Override
    public ColumnValues values(int column) throws IOException {
        synchronized (values) {
            ColumnValues known = values.get(column);
            if (known != null) {
                return known;
            }
        }
        ensureUnchanged();
        ColumnValues.Builder builder = new ColumnValues.Builder();
        columnPasses.incrementAndGet();
        // From where each row starts, read up to the cell and no further: client_id, the second of 20 cells, is a
        // tenth of its record, which a reader of the whole file scanned through (decision 0751).
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!unchanged(channel)) {
                throw changedError();
            }
            Window window = new Window(channel);
            for (int r = 0; r < size; r++) {
                int start = window.holding(r);
                builder.add(cell(window.bytes, start, start + (int) (starts[r + 1] - starts[r]), column));
            }
            if (!unchanged(channel)) {
                throw changedError();
            }
        }
        ColumnValues read = builder.build();
        synchronized (values) {
            // Keep the value-filter columns and the last sorted one: another sort would hold a second column.
            values.keySet().removeIf(c -> !isFacet(c));
            values.put(column, read);
        }
        return read;
    }

    @Override
    public ColumnValues heldValues(int column) {
        synchronized (values) {
            return values.get(column);
        }
    }

    @Override
    public ColumnValues days(int column, java.util.function.BooleanSupplier cancelled) throws IOException {
        synchronized (days) {
            ColumnValues known = days.get(column);
            if (known != null) {
                return known;
            }
        }
        ColumnValues held;
        synchronized (values) {
            held = values.get(column);
        }
        ColumnValues.Builder builder = new ColumnValues.Builder();
        if (held != null && held.coded()) {
            // A date column already held as codes (a value filter): one day per distinct value, no file read.
            String[] dayOfCode = new String[held.codeCount()];
            for (int code = 0; code < dayOfCode.length; code++) {
                dayOfCode[code] = Aggregation.utcDay(held.valueOfCode(code));
            }
            for (int r = 0; r < size; r++) {
                builder.add(dayOfCode[held.code(r)]);
            }
        } else {
            ensureUnchanged();
            // Each timestamp is cut to its day as it is read: 3M distinct timestamps are never held, only their
            // dozen days as codes (4 bytes a row).
            Map<String, String> dayOf = new HashMap<>();
            columnPasses.incrementAndGet();
            try (CsvColumnReader reader = CsvColumnReader.open(file)) {
                reader.select(List.of(fileNames.get(column)));
                int rows = 0;
                while (reader.next()) {
                    if ((rows & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("a newer chart was asked for");
                    }
                    String cell = CsvInput.unprotect(reader.get(0));
                    String day = dayOf.size() < 4096 ? dayOf.computeIfAbsent(cell, Aggregation::utcDay)
                            : Aggregation.utcDay(cell);
                    builder.add(day);
                    rows++;
                }
                if (rows != size || Files.size(file) != fileSize) {
                    throw changedError();
                }
            }
        }
        ColumnValues read = builder.build();
        synchronized (days) {
            days.put(column, read);
        }
        return read;
    }

    private boolean isFacet(int column) {
        return facetColumns.contains(column);
    }

    @Override
    public void search(String lowerNeedle, int column, BitSet keep, java.util.function.BooleanSupplier cancelled)
            throws IOException {
        byte[] needle = lowerNeedle.getBytes(StandardCharsets.UTF_8);
        // The raw bytes of a record hold every cell's text, so a record without the needle anywhere has no cell
        // with it; only records that might match are split into cells. Not for a needle with a quote (doubled in
        // the file) or beyond ASCII (case rules).
        boolean prefilter = lowerNeedle.chars().allMatch(ch -> ch < 128 && ch != '"');
        ensureUnchanged();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!unchanged(channel)) {
                throw changedError();
            }
            Window window = new Window(channel);
            int looked = 0;
            for (int r = keep.nextSetBit(0); r >= 0 && r < size; r = keep.nextSetBit(r + 1)) {
                if ((++looked & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("a newer search was asked for");
                }
                int start = window.holding(r);
                int end = start + (int) (starts[r + 1] - starts[r]);
                byte[] buffer = window.bytes;
                if (prefilter && asciiWithout(buffer, start, end, needle)) {
                    keep.clear(r);
                    continue;
                }
                String[] cells = parse(buffer, start, end, columns.size());
                if (!matches(cells, column, lowerNeedle)) {
                    keep.clear(r);
                }
            }
        }
    }

    /** Up to {@value #SCAN_BUFFER} bytes of the file read at once, for passes over many rows in file order. */
    private final class Window {
        private final FileChannel channel;
        private byte[] bytes = new byte[(int) Math.min(SCAN_BUFFER, Math.max(1, fileSize))];
        private long start;
        private int length;

        Window(FileChannel channel) {
            this.channel = channel;
        }

        /** Where row {@code r} starts in {@link #bytes}, having read it (and the rows after it) there if need be. */
        int holding(int r) throws IOException {
            long from = starts[r];
            long to = starts[r + 1];
            if (from < start || to > start + length) {
                int wanted = (int) Math.max(bytes.length, to - from);
                if (bytes.length < wanted) {
                    bytes = new byte[wanted];
                }
                ByteBuffer target = ByteBuffer.wrap(bytes, 0, (int) Math.min(wanted, fileSize - from));
                while (target.hasRemaining() && channel.read(target, from + target.position()) >= 0) {
                    // fill the window
                }
                start = from;
                length = target.position();
                if (to > start + length) {
                    throw changedError();
                }
            }
            return (int) (from - start);
        }
    }

    static boolean matches(String[] cells, int column, String lowerNeedle) {
        if (column >= 0) {
            return column < cells.length && cells[column] != null && cells[column].toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
        }
        for (String cell : cells) {
            if (cell != null && cell.length() >= lowerNeedle.length()
                    && cell.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle)) {
                return true;
            }
        }
        return false;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Whether {@code bytes[from..to)} are all ASCII and hold no {@code lowerNeedle} (ASCII, lower case), ignoring
     * ASCII case. Eight bytes at a time: a word with a byte past ASCII ends it, and only the places where the
     * needle's first letter (either case) stands are compared byte by byte. Byte by byte, a search of sessions.csv's
     * 840 MB took 2.5 s (decision 0751).
     */
    static boolean asciiWithout(byte[] bytes, int from, int to, byte[] lowerNeedle) {
        int n = lowerNeedle.length;
        if (n == 0) {
            return false;
        }
        byte first = lowerNeedle[0];
        byte firstUpper = first >= 'a' && first <= 'z' ? (byte) (first - 32) : first;
        long lowerPattern = ONES * (first & 0xFF);
        long upperPattern = ONES * (firstUpper & 0xFF);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i);
            if ((word & HIGHS) != 0) {
                return false;
            }
            long lowers = word ^ lowerPattern;
            long uppers = word ^ upperPattern;
            // A set high bit for each byte that is zero here (the first letter there); a borrow may flag a byte above
            // a zero one too, which the comparison below turns down.
            long at = (((lowers - ONES) & ~lowers) | ((uppers - ONES) & ~uppers)) & HIGHS;
            while (at != 0) {
                if (startsAt(bytes, i + (Long.numberOfTrailingZeros(at) >>> 3), to, lowerNeedle)) {
                    return false;
                }
                at &= at - 1;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] < 0 || lower(bytes[i]) == first && startsAt(bytes, i, to, lowerNeedle)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsAt(byte[] bytes, int at, int to, byte[] lowerNeedle) {
        if (at + lowerNeedle.length > to) {
            return false;
        }
        for (int k = 0; k < lowerNeedle.length; k++) {
            if (lower(bytes[at + k]) != lowerNeedle[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    /**
     * The cells of one record's bytes (line break included or not), as {@link CsvColumnReader} reads them: quoted
     * cells may hold commas, doubled quotes and line breaks; a missing cell reads "", an extra one is dropped.
     */
    static String[] parse(byte[] b, int from, int to, int width) {
        return cells(b, from, to, width, -1);
    }

    /** Cell {@code column} of one record's bytes, as {@link #parse} reads it; no String is made for the cells before. */
    static String cell(byte[] b, int from, int to, int column) {
        return cells(b, from, to, column + 1, column)[column];
    }

    /** {@link #parse}; with {@code only} at 0 or more, only that cell is made and the record read no further. */
    private static String[] cells(byte[] b, int from, int to, int width, int only) {
        String[] cells = new String[width];
        Arrays.fill(cells, "");
        int end = to;
        if (end > from && b[end - 1] == '\n') {
            end--;
        }
        if (end > from && b[end - 1] == '\r') {
            end--;
        }
        int p = from;
        int c = 0;
        while (true) {
            String cell = null;
            boolean wanted = only < 0 || c == only;
            if (p < end && b[p] == '"') {
                int start = ++p;
                boolean escaped = false;
                while (p < end) {
                    if (b[p] == '"') {
                        if (p + 1 < end && b[p + 1] == '"') {
                            escaped = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    p++;
                }
                if (wanted) {
                    cell = new String(b, start, Math.min(p, end) - start, StandardCharsets.UTF_8);
                    if (escaped) {
                        cell = cell.replace("\"\"", "\"");
                    }
                }
                while (p < end && b[p] != ',') {
                    p++;
                }
            } else {
                int start = p;
                while (p < end && b[p] != ',') {
                    p++;
                }
                if (wanted) {
                    cell = new String(b, start, p - start, StandardCharsets.UTF_8);
                }
            }
            if (wanted && c < width) {
                cells[c] = CsvInput.unprotect(cell);
            }
            c++;
            if (p >= end || c > only && only >= 0) {
                return cells;
            }
            p++;
        }
    }
}
