package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.Formats;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which table columns hold counts, and how their cells read: "3,500" as the lines above the tables say it, where the
 * file holds "3500". Only the cell's text changes; the rows keep the file's values, so sorting, the value filters,
 * copy and export work on (and give) what the file holds.
 *
 * <p>A column is a count by its name (the outputs' names are fixed by the spec), never by its values looking like
 * whole numbers: order and transaction ids, line numbers, dates, years and hours are whole numbers too and read wrong
 * grouped ("100,234", "line 1,204", "2,025"); money keeps the file's cents ("264653.69") as the reconciliation and
 * exports have it; an order key ("T1001~1") and any text is left alone. See docs/decisions/0740.
 */
public final class CountCells {
    private CountCells() {
    }

    /** The outputs' count columns (quality's file summary, transform's datasets, monitoring's incidents). */
    private static final Set<String> COUNTS = Set.of("events", "sessions", "users", "conversions", "orders",
            "page_views", "alerts", "duration_s", "rows", "count");

    /** A whole number as a file writes it, short enough for a long: "3500", "-1204". */
    private static final Pattern WHOLE = Pattern.compile("-?\\d{4,18}");

    /** Whether {@code column}'s cells are counts: a name above, "rows_…" (rows_read), or "…_count". */
    public static boolean isCount(String column) {
        if (column == null) {
            return false;
        }
        String name = column.strip().toLowerCase(java.util.Locale.ROOT);
        return COUNTS.contains(name) || name.startsWith("rows_") || name.endsWith("_count");
    }

    /** A count cell's text: a whole number grouped ("3,500"); anything else (blank, "n/a", "12.5") as it is. */
    public static String shown(String value) {
        if (value == null || !WHOLE.matcher(value).matches()) {
            return value;
        }
        return Formats.count(Long.parseLong(value));
    }

    /** A grouped whole number an analyst may type into a search ("3,500"), or null for other text. */
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+");

    /** {@code text} without its separators when it is a grouped whole number ("3,500" → "3500"), else null. */
    public static String ungrouped(String text) {
        return text != null && GROUPED.matcher(text.strip()).matches() ? text.strip().replace(",", "") : null;
    }
}
