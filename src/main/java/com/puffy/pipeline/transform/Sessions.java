package com.puffy.pipeline.transform;

import java.util.Arrays;

/**
 * All sessions as parallel primitive arrays. A client's sessions are contiguous and in start order
 * ({@link #clientFirst}, {@link #clientCount}), so session ids are {@code <client_id>-<n>} with n counted from 1.
 */
final class Sessions {
    static final byte BOT = 1;
    static final byte PAGE_VIEW = 2;
    static final byte ADD_TO_CART = 4;
    static final byte CHECKOUT_STARTED = 8;
    static final byte CONVERTED = 16;
    static final byte NEW_USER = 32;

    int count;
    final int[] client;
    final long[] start;
    final long[] end;
    final int[] landingRow;
    final int[] events;
    final int[] pageViews;
    final byte[] flags;
    double[] revenue;
    /** Filled while sessions.csv is written: channel and device ids of the landing event. */
    byte[] channel;
    int[] device;

    final int[] clientFirst;
    final int[] clientCount;
    /** Row → session: every valid row belongs to exactly one session. */
    final int[] rowSession;
    /** The rows that start a session, so sessions can be listed in file order without a lookup per row. */
    final java.util.BitSet landingRows;
    final int[] usersByPartitionDay;

    /** {@code capacity}: the number of rows, since a session holds at least one; the arrays never grow. */
    Sessions(EventTable events, int capacity) {
        client = new int[capacity];
        start = new long[capacity];
        end = new long[capacity];
        landingRow = new int[capacity];
        this.events = new int[capacity];
        pageViews = new int[capacity];
        flags = new byte[capacity];
        clientFirst = new int[events.clients.size()];
        clientCount = new int[events.clients.size()];
        rowSession = new int[events.size];
        landingRows = new java.util.BitSet(events.size);
        Arrays.fill(rowSession, -1);
        usersByPartitionDay = new int[events.partitionDays.size()];
    }

    int open(int clientId, int row, long ts, boolean bot, boolean firstOfClient) {
        int s = count++;
        client[s] = clientId;
        start[s] = ts;
        end[s] = ts;
        landingRow[s] = row;
        landingRows.set(row);
        byte f = 0;
        if (bot) {
            f |= BOT;
        }
        if (firstOfClient) {
            f |= NEW_USER;
        }
        flags[s] = f;
        return s;
    }

    void add(int s, int row, long ts, int kind) {
        if (rowSession[row] != -1) {
            throw new IllegalStateException("Row " + row + " was put in two sessions");
        }
        rowSession[row] = s;
        end[s] = ts;
        events[s]++;
        switch (kind) {
            case EventTable.PAGE_VIEW -> {
                pageViews[s]++;
                flags[s] |= PAGE_VIEW;
            }
            case EventTable.ADD_TO_CART -> flags[s] |= ADD_TO_CART;
            case EventTable.CHECKOUT_STARTED -> flags[s] |= CHECKOUT_STARTED;
            case EventTable.PURCHASE -> flags[s] |= CONVERTED;
            default -> {
            }
        }
    }

    /** Adds the per-session columns later phases fill (the others keep their spare capacity). */
    void finish() {
        revenue = new double[count];
        channel = new byte[count];
        device = new int[count];
    }

    boolean has(int s, byte flag) {
        return (flags[s] & flag) != 0;
    }

    int sequence(int s) {
        return s - clientFirst[client[s]] + 1;
    }
}
