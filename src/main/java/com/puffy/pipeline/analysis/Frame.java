package com.puffy.pipeline.analysis;

import java.util.List;
import java.util.Map;

/**
 * The small table API the analysis needs. Tablesaw implements it in {@link TablesawFrame}, the only class that
 * imports Tablesaw: its maintenance is slow, so swapping it out must touch one file.
 * <p>
 * A frame has text columns and number columns; flags ({@code true}/{@code false}) are read as numbers 1/0 so that
 * "how many are true" is a sum. Missing numbers are skipped by every aggregate.
 */
public interface Frame {
    /** How each column of a CSV is read. */
    enum Kind { TEXT, NUMBER, FLAG }

    /** One group of {@link #groupBy}: its key values, row count, sums of the number columns and distinct counts. */
    record Group(List<String> keys, int rows, Map<String, Double> sums, Map<String, Integer> distinct) {
        public String key() {
            return keys.get(0);
        }

        public double sum(String column) {
            Double value = sums.get(column);
            if (value == null) {
                throw new IllegalArgumentException("Column " + column + " was not summed in this group");
            }
            return value;
        }

        public int distinct(String column) {
            Integer value = distinct.get(column);
            if (value == null) {
                throw new IllegalArgumentException("Column " + column + " was not counted in this group");
            }
            return value;
        }
    }

    int rows();

    double sum(String numberColumn);

    /** The median of the present values, NaN when there are none. */
    double median(String numberColumn);

    int distinct(String textColumn);

    Frame whereEquals(String textColumn, String value);

    /** Rows whose flag column is true (1). */
    Frame whereTrue(String flagColumn);

    /** Rows whose flag column is false (0) or missing. */
    Frame whereFalse(String flagColumn);

    /** Rows whose {@code ;}-separated list column holds {@code code}. */
    Frame whereListHas(String listColumn, String code);

    /** Rows whose number column is present and equals {@code value}. */
    Frame whereNumberEquals(String numberColumn, double value);

    /** Rows whose number column is missing (empty in the CSV). */
    Frame whereMissing(String numberColumn);

    List<String> text(String textColumn);

    /** The values of a number column in row order; missing values are NaN. */
    double[] numbers(String numberColumn);

    /** Groups sorted by their keys; a missing text key is grouped under the empty string. */
    List<Group> groupBy(List<String> keyColumns, List<String> sumColumns, List<String> distinctColumns);
}
