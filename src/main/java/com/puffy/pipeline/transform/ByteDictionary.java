package com.puffy.pipeline.transform;

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
    private int[] hashes;
    private int size;
    private int[] table;
    private int mask;

    ByteDictionary(int expectedValues) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedValues) * 2 - 1) << 1;
        table = new int[capacity];
        mask = capacity - 1;
        offsets = new int[Math.max(16, expectedValues) + 1];
        hashes = new int[Math.max(16, expectedValues)];
        arena = new byte[Math.max(1024, expectedValues * 24)];
    }

    int size() {
        return size;
    }

    int intern(byte[] bytes, int from, int to) {
        int h = hash(bytes, from, to);
        int slot = h & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return add(bytes, from, to, h, slot);
            }
            int id = entry - 1;
            if (hashes[id] == h && same(id, bytes, from, to)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    String get(int id) {
        return new String(arena, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
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
            hashes = Arrays.copyOf(hashes, offsets.length);
        }
        offsets[id] = arenaSize;
        arenaSize += len;
        offsets[id + 1] = arenaSize;
        hashes[id] = h;
        table[slot] = id + 1;
        size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int newMask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & newMask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & newMask;
            }
            bigger[slot] = id + 1;
        }
        table = bigger;
        mask = newMask;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        // Spread the bits: the table is indexed by the low bits and client ids share long prefixes.
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }
}
