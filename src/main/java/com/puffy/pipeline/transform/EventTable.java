package com.puffy.pipeline.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The valid rows in compact columnar form, in file order (row index = position in validated_events.csv):
 * dictionary-encoded client and user agent, epoch-millis timestamp, event kind with the bot bit, and a dense
 * partition-day index. About 21 bytes a row; the text a session needs from its landing row is read again in a second pass.
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
    int size;
    int[] userAgent;
    int[] client;
    long[] timestamp;
    byte[] kind;
    int[] partitionDay;
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
    }

    int add(int clientId, long ts, byte k, int dayIndex, int agent) {
        if (size == client.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 16, (long) size * 3 / 2 + 1024);
            client = Arrays.copyOf(client, n);
            timestamp = Arrays.copyOf(timestamp, n);
            kind = Arrays.copyOf(kind, n);
            partitionDay = Arrays.copyOf(partitionDay, n);
            userAgent = Arrays.copyOf(userAgent, n);
        }
        int row = size++;
        client[row] = clientId;
        timestamp[row] = ts;
        kind[row] = k;
        partitionDay[row] = dayIndex;
        userAgent[row] = agent;
        return row;
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
