package com.puffy.pipeline.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time ("SWAR"): the scans over millions of CSV cells (record parsing, the checks before copying a
 * cell as it is, in quality and in transform) test a whole word for the bytes they look for instead of one byte per
 * step; a plain loop over bytes is not vectorized by C2 here. Each test below is
 * exact about whether a word holds such a byte; only which byte is flagged may be wrong above the lowest true one.
 */
public final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    public static final long ONES = 0x0101010101010101L;
    public static final long HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** The eight bytes at {@code at}, the first in the lowest byte of the result. */
    public static long word(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    /** {@code value} in each of the eight bytes. */
    public static long broadcast(byte value) {
        return ONES * (value & 0xFF);
    }

    /** High bit set in each byte of x that is zero (and possibly in bytes above one that is). */
    public static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** High bit set in each byte of x below {@code limit} (at most 128), for bytes of x below 128. */
    public static long bytesBelow(long x, byte limit) {
        return (x - broadcast(limit)) & ~x & HIGHS;
    }

    /** Index in the word (0–7) of the lowest byte flagged by one of the tests above. */
    public static int firstFlagged(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }

    /** The first index in [from, to) holding {@code wanted}, or -1. */
    public static int indexOf(byte[] b, byte wanted, int from, int to) {
        long pattern = broadcast(wanted);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long flags = zeroBytes(word(b, i) ^ pattern);
            if (flags != 0) {
                return i + firstFlagged(flags);
            }
        }
        for (; i < to; i++) {
            if (b[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The first index in [from, to) holding {@code one} or {@code other}, or -1. */
    public static int indexOfEither(byte[] b, byte one, byte other, int from, int to) {
        long ones = broadcast(one);
        long others = broadcast(other);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = word(b, i);
            long flags = zeroBytes(w ^ ones) | zeroBytes(w ^ others);
            if (flags != 0) {
                return i + firstFlagged(flags);
            }
        }
        for (; i < to; i++) {
            if (b[i] == one || b[i] == other) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every byte of b[from, to) is ASCII (below 0x80). */
    public static boolean isAscii(byte[] b, int from, int to) {
        long bits = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            bits |= word(b, i);
        }
        for (; i < to; i++) {
            bits |= b[i];
        }
        return (bits & HIGHS) == 0;
    }
}
