package com.puffy.pipeline.transform;

import com.puffy.pipeline.core.Words;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.CancelledException;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.Futures;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.Progress;
import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads quality/validated_events.csv by column name (docs/architecture.md): one pass keeps what sessionization and
 * the session rows need, with page_url as a file position that {@link #reopen} lets the writer read back.
 */
final class ValidatedEventsReader {
    static final String FILE = "validated_events.csv";
    static final List<String> REQUIRED = List.of("client_id", "page_url", "referrer", "timestamp", "event_name",
            "event_data", "user_agent", "partition_date", "is_bot", "flags", "order_key", "revenue");
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAGE_VIEWED = "page_viewed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADD_TO_CART = "product_added_to_cart".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKOUT_STARTED = "checkout_started".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Set<String> purchaseNames;
    private long loadedSize = -1;
    private long loadedModified;

    ValidatedEventsReader(Path qualityDir, Set<String> purchaseNames) {
        this.file = qualityDir.resolve(FILE);
        this.purchaseNames = purchaseNames;
    }

    Path file() {
        return file;
    }

    long size() throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw missing(e);
        }
    }

    private PipelineException missing(NoSuchFileException e) {
        return new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output " + file
                + " is missing: run the quality stage first (`eventpipe validate`).", e);
    }

    /** Pass 1: the compact event table, with the purchase rows' order fields kept aside. */
    EventTable load(Progress progress, Cancellation cancellation) throws IOException {
        return load(progress, cancellation, agent -> { }, purchase -> { });
    }

    /**
     * Pass 1, handing each new distinct user agent to {@code newUserAgent} as it is first seen, and each purchase
     * row to {@code newPurchase}, both in row order and on the interning thread (which has time to spare), so their
     * parsing stays off the reading thread. Two threads share the work: this one parses records and keeps the
     * parsed columns; an {@link Interner} turns client, user agent and referrer into dictionary ids, in row order,
     * from the bytes handed over in batches. Interning is a third of the pass (hash tables bigger than any cache).
     */
    EventTable load(Progress progress, Cancellation cancellation, java.util.function.Consumer<String> newUserAgent,
                    java.util.function.Consumer<EventTable.PurchaseRow> newPurchase) throws IOException {
        long bytes = size();
        loadedSize = bytes;
        loadedModified = Files.getLastModifiedTime(file).toMillis();
        // About 300 bytes a row in real exports: pre-size so the arrays rarely grow.
        EventTable table = new EventTable((int) Math.min(50_000_000L, bytes / 250 + 1024));
        ByteDictionary eventNames = new ByteDictionary(64);
        byte[] kindOfName = new byte[64];
        Map<Integer, Integer> dayIndex = new HashMap<>();
        Interner interner = new Interner(table, newUserAgent, newPurchase, batchRows);
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "transform-intern");
            t.setDaemon(true);
            return t;
        });
        try (FastCsvReader csv = open()) {
            Future<?> interning = thread.submit(interner);
            Map<String, Integer> col = header(csv);
            int cClient = col.get("client_id");
            int cTs = col.get("timestamp");
            int cEvent = col.get("event_name");
            int cDay = col.get("partition_date");
            int cBot = col.get("is_bot");
            int cFlags = col.get("flags");
            int cOrder = col.get("order_key");
            int cRevenue = col.get("revenue");
            int cData = col.get("event_data");
            int cAgent = col.get("user_agent");
            int cPage = col.get("page_url");
            int cReferrer = col.get("referrer");
            int lastDayStart = -1;
            int lastDayIndex = -1;
            byte[] lastDayBytes = new byte[10];
            Times.DayByDayParser timestamps = new Times.DayByDayParser();
            Batch batch = interner.free(interning);
            while (csv.next()) {
                if ((table.size & 0xFFFF) == 0) {
                    cancellation.throwIfCancelled();
                    progress.update(csv.bytesRead(), bytes, "Reading valid events");
                }
                if (csv.isEmpty(cClient)) {
                    throw invalid(csv.line(), "has no client_id");
                }
                long ts = csv.isEscaped(cTs) ? Times.parseTimestamp(csv.string(cTs))
                        : timestamps.parse(csv.buffer(), csv.start(cTs), csv.end(cTs));
                if (ts == Times.INVALID) {
                    throw invalid(csv.line(), "has the timestamp '" + csv.string(cTs) + "', which is not ISO-8601 UTC");
                }
                int nameId = csv.intern(cEvent, eventNames);
                if (nameId >= kindOfName.length) {
                    kindOfName = java.util.Arrays.copyOf(kindOfName, nameId * 2);
                }
                if (nameId == eventNames.size() - 1 && kindOfName[nameId] == 0) {
                    kindOfName[nameId] = (byte) (kindOf(eventNames.get(nameId)) + 1);
                }
                byte kind = (byte) (kindOfName[nameId] - 1);
                if (csv.equalsAscii(cBot, TRUE)) {
                    kind |= EventTable.BOT;
                }
                int dayIdx;
                int ds = csv.start(cDay);
                int de = csv.end(cDay);
                if (lastDayStart >= 0 && de - ds == 10 && !csv.isEscaped(cDay)
                        && java.util.Arrays.equals(csv.buffer(), ds, de, lastDayBytes, 0, 10)) {
                    dayIdx = lastDayIndex;
                } else {
                    int epochDay = csv.isEscaped(cDay) ? Integer.MIN_VALUE : Times.parseDate(csv.buffer(), ds, de);
                    if (epochDay == Integer.MIN_VALUE) {
                        throw invalid(csv.line(), "has the partition_date '" + csv.string(cDay)
                                + "', which is not YYYY-MM-DD");
                    }
                    Integer known = dayIndex.get(epochDay);
                    if (known == null) {
                        known = table.partitionDays.size();
                        table.partitionDays.add(epochDay);
                        dayIndex.put(epochDay, known);
                    }
                    dayIdx = known;
                    System.arraycopy(csv.buffer(), ds, lastDayBytes, 0, 10);
                    lastDayStart = ds;
                    lastDayIndex = dayIdx;
                }
                int row = table.add(ts, kind, dayIdx, csv.offset(cPage), csv.end(cPage) - csv.start(cPage),
                        csv.isEscaped(cPage));
                if (!batch.add(csv, cClient, cAgent, cReferrer)) {
                    interner.hand(batch);
                    batch = interner.free(interning);
                    batch.add(csv, cClient, cAgent, cReferrer);
                }
                if ((kind & EventTable.KIND_MASK) == EventTable.PURCHASE) {
                    EventTable.PurchaseRow purchase = purchase(csv, row, cOrder, cRevenue, cFlags, cData);
                    table.purchases.add(purchase);
                    batch.purchases.add(purchase);
                }
            }
            interner.hand(batch);
            interner.hand(Batch.END);
            Futures.await(interning);
            progress.update(bytes, bytes, "Read " + Words.count(table.size, "valid event", "valid events"));
        } finally {
            thread.shutdownNow();
        }
        return table;
    }

    /**
     * Rows per batch handed to the interning thread (tests use tiny batches): big enough that a busy machine's
     * scheduling delays, paid at each hand-over, stay small next to a batch's work.
     */
    private int batchRows = 16_384;

    ValidatedEventsReader withBatchRows(int rows) {
        this.batchRows = rows;
        return this;
    }

    /** The client, user agent and referrer bytes of up to {@code capacity} consecutive rows, and their purchases. */
    static final class Batch {
        static final Batch END = new Batch(0, 0);
        final byte[] bytes;
        final int[] ends;
        final List<EventTable.PurchaseRow> purchases = new java.util.ArrayList<>();
        int rows;
        int used;

        Batch(int capacity, int byteCapacity) {
            bytes = new byte[byteCapacity];
            ends = new int[capacity * 3];
        }

        /** False when the row does not fit (and nothing was added); a batch always takes its first row. */
        boolean add(FastCsvReader csv, int cClient, int cAgent, int cReferrer) {
            int need = length(csv, cClient) + length(csv, cAgent) + length(csv, cReferrer);
            if (rows > 0 && (rows * 3 == ends.length || used + need > bytes.length)) {
                return false;
            }
            byte[] target = bytes;
            if (used + need > target.length) {
                return addToOwnBuffer(csv, cClient, cAgent, cReferrer, need);
            }
            int at = used;
            int e = rows * 3;
            at = csv.copy(cClient, target, at);
            ends[e] = at;
            at = csv.copy(cAgent, target, at);
            ends[e + 1] = at;
            at = csv.copy(cReferrer, target, at);
            ends[e + 2] = at;
            used = at;
            rows++;
            return true;
        }

        /** A first row bigger than the buffer: only reachable with fields of megabytes, so it may be slow. */
        private boolean addToOwnBuffer(FastCsvReader csv, int cClient, int cAgent, int cReferrer, int need) {
            big = new byte[need];
            int at = csv.copy(cClient, big, 0);
            ends[0] = at;
            at = csv.copy(cAgent, big, at);
            ends[1] = at;
            at = csv.copy(cReferrer, big, at);
            ends[2] = at;
            used = at;
            rows = 1;
            return true;
        }

        private byte[] big;

        byte[] data() {
            return big != null ? big : bytes;
        }

        void clear() {
            rows = 0;
            used = 0;
            big = null;
            purchases.clear();
        }

        private static int length(FastCsvReader csv, int field) {
            return csv.end(field) - csv.start(field);
        }
    }

    /**
     * Interns the batches in the order they are handed over, so ids are in order of first appearance exactly as
     * if one thread did everything; {@link #BATCHES} batches circulate, so memory stays about 16 MB.
     */
    static final class Interner implements Callable<Void> {
        private final EventTable table;
        private final java.util.function.Consumer<String> newUserAgent;
        private final java.util.function.Consumer<EventTable.PurchaseRow> newPurchase;
        private static final int BATCHES = 4;
        private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
        private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
        private int row;

        Interner(EventTable table, java.util.function.Consumer<String> newUserAgent,
                 java.util.function.Consumer<EventTable.PurchaseRow> newPurchase, int batchRows) {
            this.table = table;
            this.newUserAgent = newUserAgent;
            this.newPurchase = newPurchase;
            for (int i = 0; i < BATCHES; i++) {
                free.add(new Batch(batchRows, Math.max(1 << 10, batchRows * 256)));
            }
        }

        @Override
        public Void call() throws InterruptedException {
            while (true) {
                Batch batch = full.take();
                if (batch == Batch.END) {
                    return null;
                }
                byte[] data = batch.data();
                int at = 0;
                for (int r = 0; r < batch.rows; r++) {
                    int e = r * 3;
                    int client = table.clients.intern(data, at, batch.ends[e]);
                    int knownAgents = table.userAgents.size();
                    int agent = table.userAgents.intern(data, batch.ends[e], batch.ends[e + 1]);
                    if (agent == knownAgents) {
                        newUserAgent.accept(CsvInput.unprotect(table.userAgents.get(agent)));
                    }
                    int referrer = table.referrers.intern(data, batch.ends[e + 1], batch.ends[e + 2]);
                    table.setIds(row++, client, agent, referrer);
                    at = batch.ends[e + 2];
                }
                batch.purchases.forEach(newPurchase);
                batch.clear();
                free.put(batch);
            }
        }

        void hand(Batch batch) {
            if (batch != Batch.END && batch.rows == 0 && batch.purchases.isEmpty()) {
                free.add(batch);
                return;
            }
            try {
                full.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        /** An empty batch; if the interning thread failed meanwhile, its error. */
        Batch free(Future<?> interning) throws IOException {
            try {
                while (true) {
                    Batch batch = free.poll(50, TimeUnit.MILLISECONDS);
                    if (batch != null) {
                        return batch;
                    }
                    if (interning.isDone()) {
                        Futures.await(interning);
                        throw new IllegalStateException("The interning thread stopped before the end of the file");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    private EventTable.PurchaseRow purchase(FastCsvReader csv, int row, int cOrder, int cRevenue, int cFlags,
                                            int cData) {
        String orderKey = CsvInput.unprotect(csv.string(cOrder));
        if (orderKey.isEmpty()) {
            throw invalid(csv.line(), "is a purchase without order_key");
        }
        String revenueText = csv.string(cRevenue).trim();
        double revenue;
        try {
            revenue = Double.parseDouble(revenueText);
        } catch (NumberFormatException e) {
            throw invalid(csv.line(), "is a purchase whose revenue '" + revenueText + "' is not a number");
        }
        return new EventTable.PurchaseRow(row, csv.line(), orderKey, revenue, csv.string(cFlags),
                CsvInput.unprotect(csv.string(cData)));
    }

    /**
     * The kind of an event_name cell. Quality wrote the name formula-safe, so a configured name starting with
     * {@code = + - @} arrives as {@code '+order}: matched as written, quality's purchase was no purchase here, its
     * order vanished from conversions and every revenue figure (decision 0816).
     */
    private byte kindOf(String eventNameCell) {
        String eventName = CsvInput.unprotect(eventNameCell);
        if (purchaseNames.contains(eventName)) {
            return EventTable.PURCHASE;
        }
        byte[] bytes = eventName.getBytes(StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(bytes, PAGE_VIEWED)) {
            return EventTable.PAGE_VIEW;
        }
        if (java.util.Arrays.equals(bytes, ADD_TO_CART)) {
            return EventTable.ADD_TO_CART;
        }
        if (java.util.Arrays.equals(bytes, CHECKOUT_STARTED)) {
            return EventTable.CHECKOUT_STARTED;
        }
        return EventTable.OTHER;
    }

    /**
     * The file again, for reading page_url bytes at the offsets pass 1 recorded; refused when the file is no longer
     * the one pass 1 read, since the offsets would point into other rows.
     */
    FileChannel reopen() throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw changed(e);
        }
        try {
            if (channel.size() != loadedSize || Files.getLastModifiedTime(file).toMillis() != loadedModified) {
                throw changed(null);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    private PipelineException changed(Exception cause) {
        return new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output " + file
                + " changed while the transform stage was reading it: run the transform stage again once the "
                + "quality stage has finished.", cause);
    }

    private FastCsvReader open() throws IOException {
        try {
            InputStream in = Files.newInputStream(file);
            return new FastCsvReader(in);
        } catch (NoSuchFileException e) {
            throw missing(e);
        }
    }

    private Map<String, Integer> header(FastCsvReader csv) throws IOException {
        if (!csv.next()) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output " + file
                    + " is empty (no header row): run the quality stage again (`eventpipe validate`).");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < csv.fieldCount(); i++) {
            columns.putIfAbsent(csv.string(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output " + file
                        + " has no column '" + required + "': run the quality stage again with this version "
                        + "(`eventpipe validate`).");
            }
        }
        return columns;
    }

    private PipelineException invalid(long line, String what) {
        return new PipelineException(ExitCode.UNREADABLE_INPUT, "The quality output " + file + " line " + line
                + " " + what + ": run the quality stage again (`eventpipe validate`) or check the file was not edited.");
    }
}
