package com.puffy.pipeline.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The valid rows in compact columnar form, in file order (row index = position in validated_events.csv):
 * dictionary-encoded client, user agent and referrer, epoch-millis timestamp, event kind with the bot bit, a dense
 * partition-day index and where the row's page_url is in the file. About 37 bytes a row.
 * page_url is not kept as text: most landing pages with a query are unique (click ids), so a dictionary would
 * hold nearly every one; sessions.csv reads the landing rows' page_url bytes back from the file instead.
 */
final class EventTable {
    static final byte OTHER = 0;
    static final byte PAGE_VIEW = 1;
    static final byte ADD_TO_CART = 2;
    static final byte CHECKOUT_STARTED = 3;
    static final byte PURCHASE = 4;
    static final byte KIND_MASK = 0x07;
    static final byte BOT = 0x08;

    final ByteDictionary clients;
    final ByteDictionary userAgents = new ByteDictionary(4096);
    final ByteDictionary referrers = new ByteDictionary(4096);
    int size;
    int[] userAgent;
    int[] client;
    long[] timestamp;
    byte[] kind;
    int[] partitionDay;
    int[] referrer;
    /** File offset of the page_url bytes, shifted left by one; the low bit says doubled quotes must be undone. */
    long[] pageAt;
    int[] pageLength;
    /** Dense partition-day index → epoch day, in order of first appearance. */
    final List<Integer> partitionDays = new ArrayList<>();
    final List<PurchaseRow> purchases = new ArrayList<>();

    EventTable(int expectedRows) {
        int capacity = Math.max(1024, expectedRows);
        clients = new ByteDictionary(Math.max(1024, expectedRows / 2));
        client = new int[capacity];
        timestamp = new long[capacity];
        kind = new byte[capacity];
        partitionDay = new int[capacity];
        userAgent = new int[capacity];
        referrer = new int[capacity];
        pageAt = new long[capacity];
        pageLength = new int[capacity];
    }

    /**
     * Appends a row's parsed columns; its dictionary ids are set by {@link #setIds}, possibly on another thread, so
     * each of the two methods grows only its own arrays.
     */
    int add(long ts, byte k, int dayIndex, long pageOffset, int pageBytes, boolean pageEscaped) {
        if (size == timestamp.length) {
            int n = grownCapacity(size);
            timestamp = Arrays.copyOf(timestamp, n);
            kind = Arrays.copyOf(kind, n);
            partitionDay = Arrays.copyOf(partitionDay, n);
            pageAt = Arrays.copyOf(pageAt, n);
            pageLength = Arrays.copyOf(pageLength, n);
        }
        int row = size++;
        timestamp[row] = ts;
        kind[row] = k;
        partitionDay[row] = dayIndex;
        pageAt[row] = pageOffset << 1 | (pageEscaped ? 1 : 0);
        pageLength[row] = pageBytes;
        return row;
    }

    void setIds(int row, int clientId, int agent, int referrerId) {
        if (row >= client.length) {
            int n = grownCapacity(row);
            client = Arrays.copyOf(client, n);
            userAgent = Arrays.copyOf(userAgent, n);
            referrer = Arrays.copyOf(referrer, n);
        }
        client[row] = clientId;
        userAgent[row] = agent;
        referrer[row] = referrerId;
    }

    private static int grownCapacity(int size) {
        return (int) Math.min(Integer.MAX_VALUE - 16, (long) size * 3 / 2 + 1024);
    }

    long pageOffset(int row) {
        return pageAt[row] >>> 1;
    }

    boolean pageEscaped(int row) {
        return (pageAt[row] & 1) != 0;
    }

    boolean isBot(int row) {
        return (kind[row] & BOT) != 0;
    }

    int kindOf(int row) {
        return kind[row] & KIND_MASK;
    }

    /** A valid purchase row as the quality stage handed it over (SPEC §4 policy already applied). */
    record PurchaseRow(int row, long line, String orderKey, double revenue, String flags, String eventData) {
    }
}
