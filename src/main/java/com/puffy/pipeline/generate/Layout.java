package com.puffy.pipeline.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where each fault goes. Places are fixed fractions of the period, laid out for 14 days like the real export of
 * DATA.md (rename from day 5 to the end, referrer dropped on days 10–11, null spike on days 7–8, sticky referrer
 * from day 12 …) and scaled for
 * other lengths. Row faults sit in different files where the period allows; inside one file they use different
 * rows. The empty and header-only files come before the rename so they never sit inside a drift episode.
 */
final class Layout {
    /** The plan of one day's file. */
    static final class Day {
        final int index;
        boolean renamed;
        boolean dropReferrer;
        double nullClientShare;
        boolean botBurst;
        int lateEvents;
        boolean purchaseReplay;
        boolean duplicateRow;
        boolean unknownEvents;
        int zeroRevenueOrders;
        boolean collision;
        boolean malformedJson;
        boolean badTimestamps;
        boolean badRevenue;
        boolean columnCount;
        boolean brokenQuoting;
        boolean bomCrlf;
        boolean noTrailingNewline;
        boolean nullItemPrices;
        boolean stickyReferrer;

        Day(int index) {
            this.index = index;
        }
    }

    /** A file written beside a day's file: {@code events_<date><suffix>.csv}. */
    record ExtraFile(FaultKind kind, String suffix) {
    }

    private final Day[] days;
    private final List<List<ExtraFile>> extras = new ArrayList<>();

    Layout(int count, Set<FaultKind> faults) {
        days = new Day[count];
        for (int d = 0; d < count; d++) {
            days[d] = new Day(d);
            extras.add(new ArrayList<>());
        }
        int last = count - 1;
        if (faults.contains(FaultKind.COLUMN_RENAME)) {
            for (int d = slot(4); d <= last; d++) {
                days[d].renamed = true;
            }
        }
        if (faults.contains(FaultKind.DROPPED_COLUMN)) {
            int from = slot(9);
            int length = Math.max(1, (int) Math.round(2.0 * count / 14));
            for (int d = from; d < Math.min(count, from + length); d++) {
                days[d].dropReferrer = true;
            }
        }
        if (faults.contains(FaultKind.CLIENT_ID_NULL_SPIKE)) {
            for (Day day : days) {
                day.nullClientShare = Simulator.BASELINE_NULL_SHARE;
            }
            days[slot(6)].nullClientShare = 0.12;
            if (slot(7) != slot(6)) {
                // The day after, not slot(7): over 30 days slot(7) is three days later, the spike became two
                // VALUE_DRIFT episodes, and faults.json listed one.
                days[slot(6) + 1].nullClientShare = 0.15;
            }
        }
        if (faults.contains(FaultKind.TRANSACTION_ID_COLLISION)) {
            days[slot(5)].collision = true;
        }
        if (faults.contains(FaultKind.ZERO_REVENUE)) {
            days[slot(3)].zeroRevenueOrders++;
            days[slot(8)].zeroRevenueOrders++;
        }
        if (faults.contains(FaultKind.NULL_ITEM_PRICES)) {
            for (int d = slot(11); d <= last; d++) {
                days[d].nullItemPrices = true;
            }
        }
        if (faults.contains(FaultKind.STICKY_REFERRER)) {
            // From day 12 to the end, after the days without a referrer column (a missing column cannot stick).
            int from = slot(11);
            for (int d = from; d <= last; d++) {
                days[d].stickyReferrer = !days[d].dropReferrer;
            }
        }
        if (faults.contains(FaultKind.DUPLICATE_ROW)) {
            days[slot(2)].duplicateRow = true;
        }
        if (faults.contains(FaultKind.BOT_BURST)) {
            days[slot(8)].botBurst = true;
        }
        if (faults.contains(FaultKind.PURCHASE_REPLAY)) {
            days[slot(10)].purchaseReplay = true;
        }
        if (faults.contains(FaultKind.MALFORMED_JSON)) {
            days[slot(5)].malformedJson = true;
        }
        if (faults.contains(FaultKind.BROKEN_QUOTING)) {
            days[slot(7)].brokenQuoting = true;
        }
        if (faults.contains(FaultKind.BAD_TIMESTAMP)) {
            days[slot(6)].badTimestamps = true;
        }
        if (faults.contains(FaultKind.OUT_OF_PARTITION)) {
            days[slot(9)].lateEvents = 3;
        }
        if (faults.contains(FaultKind.UNKNOWN_EVENT)) {
            days[slot(3)].unknownEvents = true;
        }
        if (faults.contains(FaultKind.BAD_REVENUE)) {
            days[slot(12)].badRevenue = true;
        }
        if (faults.contains(FaultKind.COLUMN_COUNT)) {
            days[slot(10)].columnCount = true;
        }
        if (faults.contains(FaultKind.BOM_CRLF)) {
            days[slot(1)].bomCrlf = true;
        }
        if (faults.contains(FaultKind.NO_TRAILING_NEWLINE)) {
            days[last].noTrailingNewline = true;
        }
        if (faults.contains(FaultKind.EMPTY_FILE)) {
            extras.get(slot(2)).add(new ExtraFile(FaultKind.EMPTY_FILE, "_part2"));
        }
        if (faults.contains(FaultKind.HEADER_ONLY)) {
            List<ExtraFile> list = extras.get(slot(3));
            list.add(new ExtraFile(FaultKind.HEADER_ONLY, list.isEmpty() ? "_part2" : "_part3"));
        }
    }

    /** Day {@code x} of a 14-day period, scaled to this period's length. */
    private int slot(int x) {
        int last = days.length - 1;
        return Math.min(last, (int) Math.round(x * last / 13.0));
    }

    Day day(int d) {
        return days[d];
    }

    List<ExtraFile> extraFilesOn(int d) {
        return extras.get(d);
    }
}
