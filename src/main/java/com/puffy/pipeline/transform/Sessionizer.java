package com.puffy.pipeline.transform;

import com.puffy.pipeline.core.Cancellation;
import java.util.Arrays;

/**
 * Cuts sessions (SPEC §5): events ordered by (client, timestamp, file, line); a client's first event starts a
 * session, and so does every event more than the configured gap after the previous one (a gap of exactly 30:00.000
 * stays in the session). Row order in validated_events.csv is the processing order (partition date, file, line),
 * so "(file, line)" is the row index.
 * <p>
 * One sort: a counting sort groups row indices by client (stable, so each group is in row order), then each
 * group is sorted by timestamp with a stable sort that is linear on already ordered input, which daily files are.
 */
final class Sessionizer {
    private Sessionizer() {
    }

    static Sessions sessionize(EventTable events, long gapMillis, Cancellation cancellation) {
        int n = events.size;
        int clients = events.clients.size();
        int[] clientStart = new int[clients + 1];
        for (int row = 0; row < n; row++) {
            clientStart[events.client[row] + 1]++;
        }
        for (int c = 0; c < clients; c++) {
            clientStart[c + 1] += clientStart[c];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(clientStart, clients);
        for (int row = 0; row < n; row++) {
            order[fill[events.client[row]]++] = row;
        }
        fill = null;
        int[] scratch = new int[64];
        for (int c = 0; c < clients; c++) {
            int from = clientStart[c];
            int to = clientStart[c + 1];
            if (to - from > 1) {
                if (to - from > scratch.length) {
                    scratch = new int[Math.max(to - from, scratch.length * 2)];
                }
                sortByTime(order, from, to, events.timestamp, scratch);
            }
            if ((c & 0xFFFF) == 0) {
                cancellation.throwIfCancelled();
            }
        }

        // Never more sessions than rows: sized once, no growth copies.
        Sessions s = new Sessions(events, n);
        int[] dayScratch = new int[8];
        for (int c = 0; c < clients; c++) {
            if ((c & 0xFFFF) == 0) {
                cancellation.throwIfCancelled();
            }
            int from = clientStart[c];
            int to = clientStart[c + 1];
            s.clientFirst[c] = s.count;
            long previous = Long.MIN_VALUE;
            int session = -1;
            int distinctDays = 0;
            for (int i = from; i < to; i++) {
                int row = order[i];
                long ts = events.timestamp[row];
                if (session < 0 || ts - previous > gapMillis) {
                    session = s.open(c, row, ts, events.isBot(row), session < 0);
                }
                s.add(session, row, ts, events.kindOf(row));
                previous = ts;
                int day = events.partitionDay[row];
                boolean seen = false;
                for (int d = 0; d < distinctDays; d++) {
                    if (dayScratch[d] == day) {
                        seen = true;
                        break;
                    }
                }
                if (!seen) {
                    if (distinctDays == dayScratch.length) {
                        dayScratch = Arrays.copyOf(dayScratch, distinctDays * 2);
                    }
                    dayScratch[distinctDays++] = day;
                    s.usersByPartitionDay[day]++;
                }
            }
            s.clientCount[c] = s.count - s.clientFirst[c];
        }
        s.finish();
        return s;
    }

    /** Stable sort of order[from, to) by timestamp: insertion sort for short or ordered runs, else merge sort. */
    static void sortByTime(int[] order, int from, int to, long[] ts, int[] scratch) {
        boolean sorted = true;
        for (int i = from + 1; i < to; i++) {
            if (ts[order[i]] < ts[order[i - 1]]) {
                sorted = false;
                break;
            }
        }
        if (sorted) {
            return;
        }
        mergeSort(order, from, to, ts, scratch);
    }

    private static void mergeSort(int[] a, int from, int to, long[] ts, int[] scratch) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                long key = ts[v];
                int j = i - 1;
                while (j >= from && ts[a[j]] > key) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, from, mid, ts, scratch);
        mergeSort(a, mid, to, ts, scratch);
        if (ts[a[mid - 1]] <= ts[a[mid]]) {
            return;
        }
        int len = mid - from;
        System.arraycopy(a, from, scratch, 0, len);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < len && j < to) {
            // "<=" keeps equal timestamps in row order: the (file, line) tie-break.
            if (ts[scratch[i]] <= ts[a[j]]) {
                a[k++] = scratch[i++];
            } else {
                a[k++] = a[j++];
            }
        }
        while (i < len) {
            a[k++] = scratch[i++];
        }
    }
}
