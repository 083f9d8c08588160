package com.puffy.pipeline.ui.table;

/**
 * A stable merge sort of row numbers with a comparator on ints: sorting 3M rows as {@code Integer[]} boxed every one
 * of them. Stable, so rows that compare equal keep their order in the file, as before.
 */
final class IntSort {
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    static void sort(int[] a, IntComparator order) {
        if (a.length < 2) {
            return;
        }
        int[] scratch = a.clone();
        mergeSort(scratch, a, 0, a.length, order);
    }

    /** Sorts {@code dst[from..to)}, using {@code src} (same contents) as scratch. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, IntComparator order) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = dst[i];
                int j = i - 1;
                while (j >= from && order.compare(dst[j], v) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, order);
        mergeSort(dst, src, mid, to, order);
        if (order.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, to - from);
            return;
        }
        for (int i = from, p = from, q = mid; i < to; i++) {
            if (q >= to || (p < mid && order.compare(src[p], src[q]) <= 0)) {
                dst[i] = src[p++];
            } else {
                dst[i] = src[q++];
            }
        }
    }
}
