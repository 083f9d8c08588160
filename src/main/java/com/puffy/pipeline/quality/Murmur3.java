package com.puffy.pipeline.quality;

import com.puffy.pipeline.io.ByteWords;

/**
 * MurmurHash3 x64 128-bit over the UTF-16 code units of text. Duplicate detection keeps 128-bit fingerprints in
 * primitive arrays instead of the rows' strings: at 5M rows the strings would need gigabytes, the fingerprints 80 MB,
 * and a chance collision among 10^7 rows is about 10^-24.
 */
final class Murmur3 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    /** Result holder, reused by one thread to avoid an allocation per hash. */
    static final class Hash128 {
        long h1;
        long h2;
    }

    private Murmur3() {
    }

    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[1024]);

    static void hash(String text, long seed, Hash128 out) {
        int length = text.length();
        char[] chars = SCRATCH.get();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
            SCRATCH.set(chars);
        }
        // getChars is an intrinsic copy; indexing a char[] is much cheaper than String.charAt per character.
        text.getChars(0, length, chars, 0);
        hash(chars, length, seed, out);
    }

    static void hash(char[] text, int length, long seed, Hash128 out) {
        long h1 = seed;
        long h2 = seed;
        int i = 0;
        int blocks = length & ~7;
        for (; i < blocks; i += 8) {
            long k1 = text[i] | ((long) text[i + 1] << 16) | ((long) text[i + 2] << 32) | ((long) text[i + 3] << 48);
            long k2 = text[i + 4] | ((long) text[i + 5] << 16) | ((long) text[i + 6] << 32)
                    | ((long) text[i + 7] << 48);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int rest = length - i;
        for (int j = rest - 1; j >= 4; j--) {
            k2 ^= (long) text[i + j] << (16 * (j - 4));
        }
        for (int j = Math.min(rest, 4) - 1; j >= 0; j--) {
            k1 ^= (long) text[i + j] << (16 * j);
        }
        finish(h1, h2, k1, k2, rest, length, out);
    }

    /**
     * The same hash as {@link #hash(char[], int, long, Hash128)} for text whose code units are all below 256, given
     * as one byte per code unit, text[offset, offset + length): eight code units are loaded at once and widened to 16
     * bits each.
     */
    static void hashLatin1(byte[] text, int offset, int length, long seed, Hash128 out) {
        long h1 = seed;
        long h2 = seed;
        int i = 0;
        int blocks = length & ~7;
        for (; i < blocks; i += 8) {
            long eight = ByteWords.word(text, offset + i);
            long k1 = widen((int) eight);
            long k2 = widen((int) (eight >>> 32));
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int rest = length - i;
        for (int j = rest - 1; j >= 4; j--) {
            k2 ^= (long) (text[offset + i + j] & 0xff) << (16 * (j - 4));
        }
        for (int j = Math.min(rest, 4) - 1; j >= 0; j--) {
            k1 ^= (long) (text[offset + i + j] & 0xff) << (16 * j);
        }
        finish(h1, h2, k1, k2, rest, length, out);
    }

    /** Four bytes b0..b3 (b0 lowest) to four 16-bit lanes, as four chars are read in {@link #hash}. */
    private static long widen(int fourBytes) {
        long v = fourBytes & 0xffffffffL;
        v = (v | (v << 16)) & 0x0000ffff0000ffffL;
        return (v | (v << 8)) & 0x00ff00ff00ff00ffL;
    }

    private static void finish(long h1, long h2, long k1, long k2, int rest, int length, Hash128 out) {
        if (rest > 4) {
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
        }
        if (rest > 0) {
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        h1 ^= length * 2L;
        h2 ^= length * 2L;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        out.h1 = h1;
        out.h2 = h2;
    }

    static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Folds one field hash into a running row fingerprint; order matters, so swapped fields differ. */
    static void combine(Hash128 acc, long f1, long f2) {
        acc.h1 = fmix(Long.rotateLeft(acc.h1, 17) * 31 + f1 + 0x9e3779b97f4a7c15L);
        acc.h2 = fmix(Long.rotateLeft(acc.h2, 23) * 37 + f2 + 0x632be59bd9b4e019L);
    }
}
