package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.Formats;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which table columns hold counts or money, and how their cells read: a count "3,500" as the lines above the tables
 * say it, where the file holds "3500"; money to the cent, "21956.00" and "333.92" under each other where the file
 * holds "21956" and "333.917779". Only the cell's text changes; the rows keep the file's values, so sorting, the value
 * filters, copy and export work on (and give) what the file holds.
 *
 * <p>A column is a count or money by its name (the outputs' names are fixed by the spec), never by its values looking
 * like numbers: order and transaction ids, line numbers, dates, years and hours are whole numbers too and read wrong
 * grouped ("100,234", "line 1,204", "2,025"); money is not grouped, as the reconciliation and the files write it and
 * a search finds it; an order key ("T1001~1") and any text is left alone. See docs/decisions/0740.
 */
public final class NumberCells {
    private NumberCells() {
    }

    /** What a column's cells are to the eye: a count, money, or as the file has them. */
    public enum Kind { COUNT, MONEY, SHARE, AS_WRITTEN }

    /** The kind of {@code column}'s cells, by its name; a column whose values are not all numbers is as written. */
    public static Kind kindOf(String column, boolean numeric) {
        if (!numeric) {
            return Kind.AS_WRITTEN;
        }
        return isShare(column) ? Kind.SHARE : isCount(column) ? Kind.COUNT : isMoney(column) ? Kind.MONEY
                : Kind.AS_WRITTEN;
    }

    /** A cell's text as its column's kind reads it. */
    public static String shown(Kind kind, String value) {
        return switch (kind) {
            case COUNT -> shown(value);
            case MONEY -> toTheCent(value);
            case SHARE -> percent(value);
            case AS_WRITTEN -> value;
        };
    }

    /** Money columns: revenue in any of its names (revenue_credit, revenue_per_session), an item's price, aov. */
    public static boolean isMoney(String column) {
        if (column == null || isShare(column)) {
            return false;
        }
        String name = column.strip().toLowerCase(java.util.Locale.ROOT);
        return java.util.Arrays.asList(name.split("_")).contains("revenue") || name.equals("price")
                || name.endsWith("_price") || name.equals("aov");
    }

    /**
     * Shares and rates, a fraction of one in the files ("0.010163"): {@code *_share}, {@code *_rate}, {@code rate_*},
     * {@code share}, {@code cvr}, {@code *_cvr}. Read as the lines above say them, "1.02%".
     */
    public static boolean isShare(String column) {
        if (column == null) {
            return false;
        }
        String name = column.strip().toLowerCase(java.util.Locale.ROOT);
        return name.equals("share") || name.endsWith("_share") || name.endsWith("_rate") || name.startsWith("rate_")
                || name.equals("cvr") || name.endsWith("_cvr");
    }

    private static final java.math.BigDecimal HUNDRED = java.math.BigDecimal.valueOf(100);

    /**
     * A fraction of one as a percentage to two decimals ("0.010163" → "1.02%", "1" → "100.00%"), never 100% or 0% for
     * what is not ("0.999962" → "&gt;99.99%"); else as it is.
     */
    public static String percent(String value) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            return value;
        }
        java.math.BigDecimal share = new java.math.BigDecimal(value);
        java.math.BigDecimal shown = share.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
        // Rounded, 26,521 of 26,522 sessions read "100.00%", as if every one had gone on; one in 20,000 read "0.00%".
        if (shown.compareTo(HUNDRED) == 0 && share.compareTo(java.math.BigDecimal.ONE) < 0) {
            return ">99.99%";
        }
        if (shown.signum() == 0 && share.signum() > 0) {
            return "<0.01%";
        }
        return shown.toPlainString() + "%";
    }

    /** A plain decimal number as the file writes it: "21956", "333.917779", "-0.5". */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

    /** Money to the cent, not grouped ("21956" → "21956.00", "333.917779" → "333.92"); anything else as it is. */
    public static String toTheCent(String value) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            return value;
        }
        return new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The outputs' count columns (quality's file summary, transform's datasets, monitoring's incidents). */
    private static final Set<String> COUNTS = Set.of("events", "sessions", "users", "conversions", "orders",
            "page_views", "alerts", "duration_s", "rows", "count", "quantity", "items", "touchpoints", "units", "days",
            "converted_sessions");

    /** A whole number as a file writes it, short enough for a long: "3500", "-1204". */
    private static final Pattern WHOLE = Pattern.compile("-?\\d{4,18}");

    /** Whether {@code column}'s cells are counts: a name above, "rows_…", "…_rows", "orders_…" or "…_count". */
    public static boolean isCount(String column) {
        if (column == null) {
            return false;
        }
        String name = column.strip().toLowerCase(java.util.Locale.ROOT);
        return COUNTS.contains(name) || name.startsWith("rows_") || name.endsWith("_rows")
                || name.startsWith("orders_") || name.endsWith("_count");
    }

    /** A count cell's text: a whole number grouped ("3,500"); anything else (blank, "n/a", "12.5") as it is. */
    public static String shown(String value) {
        if (value == null || !WHOLE.matcher(value).matches()) {
            return value;
        }
        return Formats.count(Long.parseLong(value));
    }

    /** A number as a count or money cell shows it ("3,500", "21,956.00"), which an analyst may type into a search. */
    private static final Pattern AS_SHOWN = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?");

    /**
     * {@code text} as the file writes the number a cell shows ("3,500" → "3500", "21956.00" → "21956", "99.90" →
     * "99.9"), or null when it is no such number or already the file's form.
     */
    public static String asWritten(String text) {
        if (text == null || !AS_SHOWN.matcher(text.strip()).matches()) {
            return null;
        }
        String plain = text.strip().replace(",", "");
        if (plain.contains(".")) {
            plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return plain.equals(text.strip()) ? null : plain;
    }
}
