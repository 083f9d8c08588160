package com.puffy.pipeline.transform;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.ExitCode;
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
        return load(progress, cancellation, agent -> { });
    }

    /**
     * Pass 1, handing each new distinct user agent to {@code newUserAgent} as it is first seen (so parsing can run
     * on another core while the file is read).
     */
    EventTable load(Progress progress, Cancellation cancellation, java.util.function.Consumer<String> newUserAgent)
            throws IOException {
        long bytes = size();
        loadedSize = bytes;
        loadedModified = Files.getLastModifiedTime(file).toMillis();
        // About 300 bytes a row in real exports: pre-size so the arrays rarely grow.
        EventTable table = new EventTable((int) Math.min(50_000_000L, bytes / 250 + 1024));
        ByteDictionary eventNames = new ByteDictionary(64);
        byte[] kindOfName = new byte[64];
        Map<Integer, Integer> dayIndex = new HashMap<>();
        try (FastCsvReader csv = open()) {
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
            while (csv.next()) {
                if ((table.size & 0xFFFF) == 0) {
                    cancellation.throwIfCancelled();
                    progress.update(csv.bytesRead(), bytes, "Reading valid events");
                }
                if (csv.isEmpty(cClient)) {
                    throw invalid(csv.line(), "has no client_id");
                }
                int client = csv.intern(cClient, table.clients);
                long ts = csv.isEscaped(cTs) ? Times.parseTimestamp(csv.string(cTs))
                        : Times.parseTimestamp(csv.buffer(), csv.start(cTs), csv.end(cTs));
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
                int knownAgents = table.userAgents.size();
                int agent = csv.intern(cAgent, table.userAgents);
                if (agent == knownAgents) {
                    newUserAgent.accept(CsvInput.unprotect(table.userAgents.get(agent)));
                }
                int referrer = csv.intern(cReferrer, table.referrers);
                int row = table.add(client, ts, kind, dayIdx, agent, referrer, csv.offset(cPage),
                        csv.end(cPage) - csv.start(cPage), csv.isEscaped(cPage));
                if ((kind & EventTable.KIND_MASK) == EventTable.PURCHASE) {
                    table.purchases.add(purchase(csv, row, cOrder, cRevenue, cFlags, cData));
                }
            }
            progress.update(bytes, bytes, "Read " + table.size + " valid events");
        }
        return table;
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

    private byte kindOf(String eventName) {
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
