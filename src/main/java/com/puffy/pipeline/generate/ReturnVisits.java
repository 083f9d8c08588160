package com.puffy.pipeline.generate;

import java.util.Arrays;

/**
 * Visits planned for the coming days by visitors already seen: the only state that crosses days. A ring of
 * {@link #HORIZON} day buckets of primitive arrays (about 24 bytes a visit).
 */
final class ReturnVisits {
    /** Return visits fall within this many days, inside the 7-day attribution lookback of SPEC §5. */
    static final int HORIZON = 7;

    private final Bucket[] buckets = new Bucket[HORIZON];

    ReturnVisits() {
        for (int i = 0; i < HORIZON; i++) {
            buckets[i] = new Bucket();
        }
    }

    void schedule(int day, long userSeed, int created, int agent, boolean uuid, boolean intent) {
        buckets[Math.floorMod(day, HORIZON)].add(userSeed, created, agent, uuid, intent);
    }

    /** The visits of {@code day}; the caller clears the bucket when the day is done. */
    Bucket take(int day) {
        return buckets[Math.floorMod(day, HORIZON)];
    }

    int pending() {
        int n = 0;
        for (Bucket b : buckets) {
            n += b.size;
        }
        return n;
    }

    static final class Bucket {
        private int size;
        private long[] seeds = new long[256];
        private int[] created = new int[256];
        private short[] flags = new short[256];

        void add(long userSeed, int createdSeconds, int agent, boolean uuid, boolean intent) {
            if (size == seeds.length) {
                seeds = Arrays.copyOf(seeds, size * 2);
                created = Arrays.copyOf(created, size * 2);
                flags = Arrays.copyOf(flags, size * 2);
            }
            seeds[size] = userSeed;
            created[size] = createdSeconds;
            flags[size] = (short) ((agent & 0xFF) | (uuid ? 0x100 : 0) | (intent ? 0x200 : 0));
            size++;
        }

        int size() {
            return size;
        }

        long seed(int i) {
            return seeds[i];
        }

        int created(int i) {
            return created[i];
        }

        int agent(int i) {
            return flags[i] & 0xFF;
        }

        boolean uuid(int i) {
            return (flags[i] & 0x100) != 0;
        }

        boolean intent(int i) {
            return (flags[i] & 0x200) != 0;
        }

        void clear() {
            size = 0;
        }
    }
}
