package com.puffy.pipeline.quality;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cross-file row steps of SPEC §4, in processing order over the rows that passed the ERROR rules (so a
 * quarantined row is never the "earlier row"): exact duplicates (DUPLICATE_EVENT), purchase replays
 * (DUPLICATE_PURCHASE), and transaction ids shared by different purchases (TRANSACTION_ID_COLLISION, order keys
 * {@code <id>~1}, {@code ~2} in processing order).
 */
final class DuplicateResolver {
    private DuplicateResolver() {
    }

    private record Key(long hi, long lo) {
    }

    private record Kept(int file, int candidate) {
    }

    /**
     * {@code threads} > 1 splits the exact-duplicate search by fingerprint: a row can only repeat a row of its own
     * part, so each part is searched on its own thread, in processing order, with the same answers.
     */
    static void resolve(List<FileResult> ordered, int threads) throws Exception {
        long total = 0;
        int[] base = new int[ordered.size() + 1];
        for (int i = 0; i < ordered.size(); i++) {
            base[i] = (int) total;
            total += ordered.get(i).candidates;
        }
        base[ordered.size()] = (int) total;
        int parts = Math.max(1, threads);
        int expected = (int) Math.min(Integer.MAX_VALUE - 8, total / parts);
        List<Callable<int[]>> searches = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int part = p;
            searches.add(() -> exactDuplicates(ordered, parts, part, expected));
        }
        BitSet duplicate = new BitSet();
        int[][] found;
        if (parts == 1) {
            found = new int[][] {searches.get(0).call()};
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
                Thread t = new Thread(r, "quality-duplicates");
                t.setDaemon(true);
                return t;
            });
            try {
                found = new int[parts][];
                List<Future<int[]>> futures = pool.invokeAll(searches);
                for (int p = 0; p < parts; p++) {
                    found[p] = futures.get(p).get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Map<Integer, Integer> earlier = new HashMap<>();
        for (int[] pairs : found) {
            for (int k = 0; k < pairs.length; k += 2) {
                duplicate.set(pairs[k]);
                earlier.put(pairs[k], pairs[k + 1]);
            }
        }
        Map<Key, Integer> purchasesSeen = new HashMap<>();
        Map<String, List<Kept>> keptByTransaction = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            FileResult file = ordered.get(i);
            for (int c = duplicate.nextSetBit(base[i]); c >= 0 && c < base[i + 1]; c = duplicate.nextSetBit(c + 1)) {
                drop(file, c - base[i], false, locate(ordered, base, earlier.get(c)));
            }
            for (FileResult.PurchaseRef purchase : file.purchases) {
                int c = purchase.candidate();
                int global = base[i] + c;
                if (duplicate.get(global)) {
                    continue;
                }
                Integer replayOf = purchasesSeen.putIfAbsent(new Key(purchase.keyHi(), purchase.keyLo()), global);
                if (replayOf != null) {
                    drop(file, c, true, locate(ordered, base, replayOf));
                    continue;
                }
                keptByTransaction.computeIfAbsent(purchase.transactionId(), k -> new ArrayList<>()).add(new Kept(i, c));
            }
        }
        for (Map.Entry<String, List<Kept>> entry : keptByTransaction.entrySet()) {
            List<Kept> kept = entry.getValue();
            if (kept.size() < 2) {
                continue;
            }
            for (int k = 0; k < kept.size(); k++) {
                Kept order = kept.get(k);
                ordered.get(order.file()).collisionKeys.put(order.candidate(), entry.getKey() + "~" + (k + 1));
            }
        }
    }

    /** The exact duplicates among the rows of one part, as pairs (global index, global index of the first copy). */
    private static int[] exactDuplicates(List<FileResult> ordered, int parts, int part, int expected) {
        FingerprintSet seen = new FingerprintSet(expected);
        int[] pairs = new int[16];
        int n = 0;
        int global = 0;
        for (FileResult file : ordered) {
            long[] hi = file.fpHi;
            long[] lo = file.fpLo;
            for (int c = 0; c < file.candidates; c++, global++) {
                if (parts > 1 && Math.floorMod(lo[c], parts) != part) {
                    continue;
                }
                int earlier = seen.putIfAbsent(hi[c], lo[c], global);
                if (earlier >= 0) {
                    if (n + 2 > pairs.length) {
                        pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
                    }
                    pairs[n++] = global;
                    pairs[n++] = earlier;
                }
            }
        }
        return java.util.Arrays.copyOf(pairs, n);
    }

    private static void drop(FileResult file, int candidate, boolean purchaseReplay, String earlier) {
        file.dropped.set(candidate);
        file.dropNote.put(candidate, earlier);
        file.dropIsPurchase.put(candidate, purchaseReplay);
        file.rowsDuplicate++;
        if (purchaseReplay) {
            file.duplicatePurchases++;
        } else {
            file.duplicateEvents++;
        }
    }

    /** "events_20250223.csv:17" for a global candidate index. */
    private static String locate(List<FileResult> ordered, int[] base, int global) {
        int lo = 0;
        int hi = ordered.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (base[mid] <= global) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while (lo + 1 < ordered.size() && base[lo + 1] <= global) {
            lo++;
        }
        FileResult file = ordered.get(lo);
        return file.name() + ":" + file.candidateLine[global - base[lo]];
    }
}
