package com.puffy.pipeline.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    static void resolve(List<FileResult> ordered) {
        long total = 0;
        int[] base = new int[ordered.size() + 1];
        for (int i = 0; i < ordered.size(); i++) {
            base[i] = (int) total;
            total += ordered.get(i).candidates;
        }
        base[ordered.size()] = (int) total;
        FingerprintSet seen = new FingerprintSet((int) Math.min(Integer.MAX_VALUE - 8, total));
        Map<Key, Integer> purchasesSeen = new HashMap<>();
        Map<String, List<Kept>> keptByTransaction = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            FileResult file = ordered.get(i);
            List<FileResult.PurchaseRef> purchases = file.purchases;
            int p = 0;
            for (int c = 0; c < file.candidates; c++) {
                FileResult.PurchaseRef purchase = null;
                if (p < purchases.size() && purchases.get(p).candidate() == c) {
                    purchase = purchases.get(p++);
                }
                int global = base[i] + c;
                int earlier = seen.putIfAbsent(file.fpHi[c], file.fpLo[c], global);
                if (earlier >= 0) {
                    drop(file, c, false, locate(ordered, base, earlier));
                    continue;
                }
                if (purchase == null) {
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
