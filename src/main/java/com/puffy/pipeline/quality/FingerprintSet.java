package com.puffy.pipeline.quality;


/**
 * An insert-only open-addressing set of 128-bit fingerprints, each with an int payload (the position of its first
 * row). Primitive arrays keep 10M rows in about 330 MB where a set of strings would not fit in memory.
 */
final class FingerprintSet {
    /** Both halves of a slot's key side by side: a probe touches one cache line, not one per array. */
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    /** (0, 0) marks an empty slot, so that fingerprint, should a row ever hash to it, is kept aside. */
    private boolean zeroPresent;
    private int zeroValue;

    FingerprintSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 29, expected * 4L / 3 + 1)) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity * 2];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** Adds the fingerprint with {@code value} and returns -1, or returns the value stored for it earlier. */
    int putIfAbsent(long h1, long h2, int value) {
        if (h1 == 0 && h2 == 0) {
            if (zeroPresent) {
                return zeroValue;
            }
            zeroPresent = true;
            zeroValue = value;
            size++;
            return -1;
        }
        int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (true) {
            long k1 = keys[2 * slot];
            long k2 = keys[2 * slot + 1];
            if (k1 == 0 && k2 == 0) {
                break;
            }
            if (k1 == h1 && k2 == h2) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[2 * slot] = h1;
        keys[2 * slot + 1] = h2;
        values[slot] = value;
        size++;
        if (size * 4L > (mask + 1) * 3L) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            long h1 = oldKeys[2 * i];
            long h2 = oldKeys[2 * i + 1];
            if (h1 != 0 || h2 != 0) {
                int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
                while (keys[2 * slot] != 0 || keys[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[2 * slot] = h1;
                keys[2 * slot + 1] = h2;
                values[slot] = oldValues[i];
            }
        }
    }
}
