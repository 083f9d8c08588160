package com.puffy.pipeline.analysis;

import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.io.CsvColumnReader;
import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the report takes from {@code transform/sessions.csv}, added up in one streaming pass. The file is the
 * largest input by far (800 MB at 5M events); holding it as a table cost 2 GB of heap, while these totals are a few
 * hundred groups. Every figure counts human sessions only (bots excluded, SPEC §5) except {@link #rowsRead}.
 * <p>
 * Revenue is added in file order within each group, as the table it replaces did, so every printed digit stays the
 * same. Keys are the texts as the data holds them (formula protection of {@code CsvOutput} undone), an empty
 * value under the empty string.
 */
final class SessionSummary {
    static final List<String> COLUMNS = List.of("landing_referrer", "channel", "device", "browser", "events",
            "is_bot", "converted", "revenue", "is_new_user");
    // Slots of COLUMNS, in its order.
    private static final int REFERRER = 0;
    private static final int CHANNEL = 1;
    private static final int DEVICE = 2;
    private static final int BROWSER = 3;
    private static final int EVENTS = 4;
    private static final int IS_BOT = 5;
    private static final int CONVERTED = 6;
    private static final int REVENUE = 7;
    private static final int IS_NEW_USER = 8;
    private static final Comparator<List<String>> BY_JOINED_KEYS = Comparator.comparing(k -> String.join("\u0000", k));

    /** Sessions, converted sessions and their revenue (missing revenue adds nothing). */
    static final class Tally {
        private long sessions;
        private long converted;
        private double revenue;

        void add(boolean isConverted, double sessionRevenue) {
            sessions++;
            if (isConverted) {
                converted++;
            }
            if (!Double.isNaN(sessionRevenue)) {
                revenue += sessionRevenue;
            }
        }

        long sessions() {
            return sessions;
        }

        long converted() {
            return converted;
        }

        double revenue() {
            return revenue;
        }
    }

    /** Every row of the file, bots included. */
    private long rowsRead;
    private final Tally human = new Tally();
    /** Human sessions with a single event. */
    private long bounced;
    private final Tally newUsers = new Tally();
    private final Tally returningUsers = new Tally();
    // Hash maps while reading (a tree lookup per row costs more); sorted once at the end.
    private Map<String, Tally> byDevice = new HashMap<>();
    private Map<String, Tally> byBrowser = new HashMap<>();
    private Map<List<String>, Tally> byReferrerAndChannel = new HashMap<>();

    private SessionSummary() {
    }

    /**
     * Reads the file; the caller checked its header names {@link #COLUMNS}. A quote left open is an IOException,
     * a number that does not parse a NumberFormatException: the caller turns both into one clear sentence.
     */
    static SessionSummary read(Path sessionsCsv, Cancellation cancellation) throws IOException {
        SessionSummary summary = new SessionSummary();
        try (CsvColumnReader reader = CsvColumnReader.open(sessionsCsv).select(COLUMNS)) {
            while (reader.next()) {
                summary.rowsRead++;
                if ((summary.rowsRead & 0xFFFF) == 0) {
                    cancellation.throwIfCancelled();
                }
                if (reader.is(IS_BOT, "true")) {
                    continue;
                }
                boolean isConverted = reader.is(CONVERTED, "true");
                double sessionRevenue = reader.number(REVENUE);
                summary.human.add(isConverted, sessionRevenue);
                if (reader.number(EVENTS) == 1.0) {
                    summary.bounced++;
                }
                (reader.is(IS_NEW_USER, "true") ? summary.newUsers : summary.returningUsers)
                        .add(isConverted, sessionRevenue);
                summary.byDevice.computeIfAbsent(label(reader, DEVICE), k -> new Tally())
                        .add(isConverted, sessionRevenue);
                summary.byBrowser.computeIfAbsent(label(reader, BROWSER), k -> new Tally())
                        .add(isConverted, sessionRevenue);
                summary.byReferrerAndChannel.computeIfAbsent(
                        List.of(label(reader, REFERRER), label(reader, CHANNEL)), k -> new Tally())
                        .add(isConverted, sessionRevenue);
            }
        }
        summary.byDevice = new TreeMap<>(summary.byDevice);
        summary.byBrowser = new TreeMap<>(summary.byBrowser);
        Map<List<String>, Tally> byReferrer = new TreeMap<>(BY_JOINED_KEYS);
        byReferrer.putAll(summary.byReferrerAndChannel);
        summary.byReferrerAndChannel = byReferrer;
        return summary;
    }

    private static String label(CsvColumnReader reader, int slot) {
        return CsvInput.unprotect(reader.label(slot));
    }

    long rowsRead() {
        return rowsRead;
    }

    Tally human() {
        return human;
    }

    long bounced() {
        return bounced;
    }

    Tally newUsers() {
        return newUsers;
    }

    Tally returningUsers() {
        return returningUsers;
    }

    /** By device, sorted by device. */
    Map<String, Tally> byDevice() {
        return byDevice;
    }

    /** By browser, sorted by browser. */
    Map<String, Tally> byBrowser() {
        return byBrowser;
    }

    /** By (landing referrer, channel), sorted by the two joined, the order the report adds referrers up in. */
    Map<List<String>, Tally> byReferrerAndChannel() {
        return byReferrerAndChannel;
    }
}
