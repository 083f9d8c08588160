package com.puffy.pipeline.transform;

import com.puffy.pipeline.io.ByteWords;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dictionary encoding of byte strings: each distinct value gets a dense int id in order of first appearance.
 * Values live back to back in one byte arena (no object per value), so millions of client ids cost their bytes
 * plus about 12 bytes each, and repeated values cost nothing.
 */
final class ByteDictionary {
    private byte[] arena;
    private int arenaSize;
    private int[] offsets;
    private int size;
    /** Open addressing; a slot holds (hash << 32) | (id + 1), so a probe rarely touches anything else. */
    private long[] table;
    private int mask;

    ByteDictionary(int expectedValues) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedValues) * 2 - 1) << 1;
        table = new long[capacity];
        mask = capacity - 1;
        offsets = new int[Math.max(16, expectedValues) + 1];
        arena = new byte[Math.max(1024, expectedValues * 24)];
    }

    int size() {
        return size;
    }

    int intern(byte[] bytes, int from, int to) {
        int h = hash(bytes, from, to);
        int slot = h & mask;
        while (true) {
            long entry = table[slot];
            if (entry == 0) {
                return add(bytes, from, to, h, slot);
            }
            if ((int) (entry >>> 32) == h) {
                int id = (int) entry - 1;
                if (same(id, bytes, from, to)) {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    String get(int id) {
        return new String(arena, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
    }

    /** The bytes behind every id (replaced when an add grows it), so a value can be copied out without a String. */
    byte[] arena() {
        return arena;
    }

    int start(int id) {
        return offsets[id];
    }

    int end(int id) {
        return offsets[id + 1];
    }

    private boolean same(int id, byte[] bytes, int from, int to) {
        int start = offsets[id];
        int len = offsets[id + 1] - start;
        return len == to - from && Arrays.equals(arena, start, start + len, bytes, from, to);
    }

    private int add(byte[] bytes, int from, int to, int h, int slot) {
        int id = size;
        int len = to - from;
        if (arenaSize + len > arena.length) {
            long wanted = Math.max((long) arena.length * 3 / 2, (long) arenaSize + len);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("More than 2 GB of distinct values in one column");
            }
            arena = Arrays.copyOf(arena, (int) wanted);
        }
        System.arraycopy(bytes, from, arena, arenaSize, len);
        if (id + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 3 / 2 + 2);
        }
        offsets[id] = arenaSize;
        arenaSize += len;
        offsets[id + 1] = arenaSize;
        table[slot] = ((long) h << 32) | (id + 1L);
        size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] bigger = new long[table.length * 2];
        int newMask = bigger.length - 1;
        for (long entry : table) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & newMask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & newMask;
                }
                bigger[slot] = entry;
            }
        }
        table = bigger;
        mask = newMask;
    }

    private static final long MIX = 0x9E3779B97F4A7C15L;

    /** Eight bytes per step (user agents are ~130 bytes and hashed once per row), then a final avalanche. */
    static int hash(byte[] bytes, int from, int to) {
        long h = to - from;
        int i = from;
        while (i + 8 <= to) {
            h = Long.rotateLeft((h ^ ByteWords.word(bytes, i)) * MIX, 31);
            i += 8;
        }
        long tail = 0;
        int left = to - i;
        if (left > 0 && to - from >= 8) {
            // The last eight bytes in one read (they overlap the last full step); only the ones not hashed yet kept.
            tail = ByteWords.word(bytes, to - 8) >>> (8 * (8 - left));
        } else {
            for (; i < to; i++) {
                tail = (tail << 8) | (bytes[i] & 0xFF);
            }
        }
        h = (h ^ tail) * MIX;
        h ^= h >>> 32;
        h *= MIX;
        return (int) (h ^ (h >>> 29));
    }
}
