package com.puffy.pipeline.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of one file, profiled over every parsed row (quarantined rows included) for the value drift of
 * SPEC §3. Shares are fractions 0..1 of the rows (null share) or of the non-null values (the others).
 */
final class ColumnProfile {
    static final String NULL_SHARE = "null_share";
    static final String NUMERIC_SHARE = "numeric_share";
    static final String CLIENT_ID_PATTERN_SHARE = "client_id_pattern_share";
    static final String ITEM_PRICE_NULL_SHARE = "item_price_null_share";

    final boolean clientIdColumn;
    long rows;
    long nulls;
    long numeric;
    long matchingPattern;
    final HyperLogLog distinct = new HyperLogLog();
    long purchaseItems;
    long purchaseItemsWithoutPrice;

    ColumnProfile(boolean clientIdColumn) {
        this.clientIdColumn = clientIdColumn;
    }

    void add(FieldValue value, long hash, boolean matchesClientIdPattern) {
        rows++;
        // The same test as the MISSING_ rules: a client id of "\u0001" was quarantined, yet not null here.
        if (value.isEmpty()) {
            nulls++;
            return;
        }
        distinct.add(hash);
        if (looksNumeric(value)) {
            numeric++;
        }
        if (clientIdColumn && matchesClientIdPattern) {
            matchingPattern++;
        }
    }

    long rows() {
        return rows;
    }

    long nulls() {
        return nulls;
    }

    long distinctEstimate() {
        return distinct.estimate();
    }

    /**
     * The drift metrics of this column, in a fixed order; absent when undefined (no non-null values, no items).
     * All are shares, so the SPEC's thresholds in points apply; the distinct count is profiled and written to
     * column_profiles.csv but not judged, since a count moves with volume and has no points.
     */
    Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (rows == 0) {
            return m;
        }
        m.put(NULL_SHARE, (double) nulls / rows);
        long nonNull = rows - nulls;
        if (nonNull > 0) {
            m.put(NUMERIC_SHARE, (double) numeric / nonNull);
            if (clientIdColumn) {
                m.put(CLIENT_ID_PATTERN_SHARE, (double) matchingPattern / nonNull);
            }
        }
        if (purchaseItems > 0) {
            m.put(ITEM_PRICE_NULL_SHARE, (double) purchaseItemsWithoutPrice / purchaseItems);
        }
        return m;
    }

    static boolean looksNumeric(String value) {
        return looksNumeric(FieldValue.of(value));
    }

    static boolean looksNumeric(FieldValue value) {
        byte[] text = value.asciiBytes();
        int i = value.asciiOffset();
        int end = i + value.length();
        if (i < end && (text[i] == '-' || text[i] == '+')) {
            i++;
        }
        boolean digit = false;
        boolean dot = false;
        for (; i < end; i++) {
            byte c = text[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit;
    }
}
