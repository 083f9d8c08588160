package com.puffy.pipeline.ui.table;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The times of a table's column read, sort and search on a real output file (decision 0751), not a test: run
 * {@code java -cp target/test-classes:target/eventpipe.jar com.puffy.pipeline.ui.table.TableSpeed FILE ROUNDS} under
 * {@code flock /tmp/bench.lock}. Not in {@code eventpipe bench}: the bench package may not reach into the ui.
 */
public final class TableSpeed {
    private TableSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> facets = List.of("channel", "device", "is_bot", "converted");
        long t0 = System.nanoTime();
        FileTable table = FileTable.open(file, facets);
        System.out.printf(Locale.ROOT, "open %,d rows %.2f s%n", table.size(), (System.nanoTime() - t0) / 1e9);
        for (int round = 0; round < rounds; round++) {
            for (String col : List.of("client_id", "revenue", "channel")) {
                int c = table.column(col);
                long a = System.nanoTime();
                ColumnValues v = table.values(c);
                long b = System.nanoTime();
                int[] order = new TableQuery("", -1, Map.of(), c, true).order(table);
                long d = System.nanoTime();
                int[] desc = new TableQuery("", -1, Map.of(), c, false).order(table);
                long e = System.nanoTime();
                System.out.printf(Locale.ROOT, "round %d %-9s read %.2f s sort asc %.2f s desc %.2f s (hash %d)%n", round, col,
                        (b - a) / 1e9, (d - b) / 1e9, (e - d) / 1e9, Arrays.hashCode(order) ^ Arrays.hashCode(desc));
                // Another column read lets the sorted one go, so the next round reads it again.
                table.values(table.column("session_start"));
            }
            for (String needle : List.of("000c6", "paid social")) {
                long a = System.nanoTime();
                int[] hits = new TableQuery(needle, -1, Map.of(), -1, true).order(table);
                long b = System.nanoTime();
                System.out.printf(Locale.ROOT, "round %d search %-12s %.2f s %,d hits (hash %d)%n", round, '"' + needle + '"',
                        (b - a) / 1e9, hits.length, Arrays.hashCode(hits));
            }
        }
    }
}
