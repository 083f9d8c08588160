package com.puffy.pipeline.quality;

import java.util.Arrays;

/**
 * An insert-only open-addressing set of 128-bit fingerprints, each with an int payload (the position of its first
 * row). Primitive arrays keep 10M rows in about 330 MB where a set of strings would not fit in memory.
 */
final class FingerprintSet {
    private long[] hi;
    private long[] lo;
    private int[] values;
    private boolean[] used;
    private int size;
    private int mask;

    FingerprintSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 4L / 3 + 1)) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        hi = new long[capacity];
        lo = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** Adds the fingerprint with {@code value} and returns -1, or returns the value stored for it earlier. */
    int putIfAbsent(long h1, long h2, int value) {
        int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (used[slot]) {
            if (hi[slot] == h1 && lo[slot] == h2) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        hi[slot] = h1;
        lo[slot] = h2;
        values[slot] = value;
        size++;
        if (size * 4L > (mask + 1) * 3L) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldHi = hi;
        long[] oldLo = lo;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(oldHi.length * 2);
        for (int i = 0; i < oldHi.length; i++) {
            if (oldUsed[i]) {
                int slot = (int) (oldHi[i] ^ (oldHi[i] >>> 32)) & mask;
                while (used[slot]) {
                    slot = (slot + 1) & mask;
                }
                used[slot] = true;
                hi[slot] = oldHi[i];
                lo[slot] = oldLo[i];
                values[slot] = oldValues[i];
            }
        }
        Arrays.fill(oldUsed, false);
    }
}
