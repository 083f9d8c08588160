package com.puffy.pipeline.quality;

/**
 * What one worker thread derived from a repeated cell value (a user agent, an event name), keyed by the 128-bit
 * hash already computed for the row fingerprint, so a lookup neither hashes the text again nor compares it: a
 * user agent is about 150 characters, and String.hashCode plus equals on it per row showed up in profiles. Two
 * values sharing a 128-bit hash is as unlikely as in the duplicate detection (see {@link Murmur3}).
 */
final class HashCache<V> {
    private static final int SLOTS = 1 << 16;
    /** Emptied when half full: real files hold thousands of distinct user agents, not tens of thousands. */
    private static final int LIMIT = SLOTS / 2;

    private final long[] hi = new long[SLOTS];
    private final long[] lo = new long[SLOTS];
    private final Object[] values = new Object[SLOTS];
    private int size;

    @SuppressWarnings("unchecked")
    V get(long h1, long h2) {
        int i = slot(h1);
        Object v;
        while ((v = values[i]) != null) {
            if (hi[i] == h1 && lo[i] == h2) {
                return (V) v;
            }
            i = (i + 1) & (SLOTS - 1);
        }
        return null;
    }

    void put(long h1, long h2, V value) {
        if (size >= LIMIT) {
            java.util.Arrays.fill(values, null);
            size = 0;
        }
        int i = slot(h1);
        while (values[i] != null) {
            if (hi[i] == h1 && lo[i] == h2) {
                values[i] = value;
                return;
            }
            i = (i + 1) & (SLOTS - 1);
        }
        hi[i] = h1;
        lo[i] = h2;
        values[i] = value;
        size++;
    }

    private static int slot(long h1) {
        return (int) (h1 ^ (h1 >>> 32)) & (SLOTS - 1);
    }
}
