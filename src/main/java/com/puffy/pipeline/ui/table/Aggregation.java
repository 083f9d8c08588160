package com.puffy.pipeline.ui.table;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Adds up a table's rows for a chart: the rows a table's filters and search let through, grouped by a column's
 * values or by the UTC day of a date or timestamp column, measured as a count of rows or the sum or mean of a numeric
 * column. No JavaFX here (decision 0510): the Transform screen's chart only draws what this returns, and tests check
 * the figures without a screen.
 *
 * <p>It works on {@link ColumnValues}, a code per row, so the 3.1M rows of sessions.csv at 5M events are never read
 * as Strings. Sums are exact decimals (the cells as {@code CsvOutput} writes them, added without binary rounding), so
 * revenue adds up to the cent in any order. Cells a measure cannot use (empty, {@code NaN}, text) and rows without a
 * readable day are counted and reported, never dropped in silence.
 */
public final class Aggregation {
    /** Rows between two looks at the cancel flag: a choice changed mid-way stops a 3M-row pass within milliseconds. */
    private static final int CHECK_EVERY = 1 << 16;
    /** Days between the first and last beyond which empty days are not filled in (a stray 1970 among 2025). */
    private static final int MAX_FILLED_DAYS = 1000;
    private static final int SAMPLE_ROWS = 200;

    private Aggregation() {
    }

    public enum Measure {
        ROWS, SUM, MEAN
    }

    /**
     * What to chart: group by {@code groupColumn} (its values, or its UTC day when {@code byDay}), measure each
     * group by {@code measure} of {@code measureColumn} (unused for rows); categories beyond the {@code top} largest
     * go into one "Other" bar.
     */
    public record Spec(String groupColumn, boolean byDay, Measure measure, String measureColumn, int top) {
        public Spec {
            if (measure != Measure.ROWS && (measureColumn == null || measureColumn.isBlank())) {
                throw new IllegalArgumentException("A sum or mean needs a column");
            }
            if (top < 1) {
                throw new IllegalArgumentException("top must be at least 1");
            }
        }

        public static Spec rows(String groupColumn, boolean byDay) {
            return new Spec(groupColumn, byDay, Measure.ROWS, null, 10);
        }

        public Spec withTop(int n) {
            return new Spec(groupColumn, byDay, measure, measureColumn, n);
        }

        /** "Rows", "Sum of revenue", "Mean of duration_s". */
        public String measureLabel() {
            return switch (measure) {
                case ROWS -> "Rows";
                case SUM -> "Sum of " + measureColumn;
                case MEAN -> "Mean of " + measureColumn;
            };
        }

        /** "channel", "day of session_start", or "date" for a column of days already. */
        public String groupLabel() {
            return byDay && !isDayColumnName(groupColumn) ? "day of " + groupColumn : groupColumn;
        }

        /** Whether the figures are money: sums and means of revenue and price columns. */
        public boolean money() {
            return measure != Measure.ROWS && isMoney(measureColumn);
        }
    }

    /**
     * One bar: a value of the group column (or a day, or "Other" for the rest), its rows, and its figure: the rows
     * counted, or the exact sum or mean of the rows that had a number ({@code valued} of them); null for the mean of
     * a group where none had.
     */
    public record Group(String key, long rows, long valued, BigDecimal sum, BigDecimal value, int members) {
        public boolean other() {
            return members > 1;
        }

        /** The bar's name: "(empty)" for a blank value, "Other (7 values)" for the rest. */
        public String label() {
            if (other()) {
                return "Other (" + members + " values)";
            }
            return key.isEmpty() ? "(empty)" : key;
        }
    }

    /**
     * The chart's bars in order (largest first for categories, by date for days), with what was left out:
     * {@code noDay} rows without a readable day, {@code noValue} rows whose measure cell was empty, and
     * {@code notNumber} rows whose measure cell was text.
     */
    public record Result(Spec spec, List<Group> groups, long rows, long noDay, long noValue, long notNumber,
                         BigDecimal total, int distinct) {

        /**
         * The figure all bars add up to: rows, or the exact sum; the mean over every valued row for a mean; null where
         * the bars are not parts of one whole ({@link #withoutTotal}).
         */
        public BigDecimal total() {
            return total;
        }

        /**
         * The same bars with no total and no shares of it, for a sum whose rows overlap: a funnel's steps hold the
         * same sessions again, and "total 55,612" with "purchase 0.5 % of 55,612" counted a buyer five times.
         */
        public Result withoutTotal() {
            return new Result(spec, groups, rows, noDay, noValue, notNumber, null, distinct);
        }

        /** "12 rows without a revenue left out; 3 rows whose revenue is not a number left out." or "". */
        public String leftOut() {
            List<String> parts = new ArrayList<>();
            if (noDay > 0) {
                parts.add(rowsWord(noDay) + " without a readable " + spec.groupColumn() + " left out");
            }
            if (noValue > 0) {
                parts.add(rowsWord(noValue) + " without a " + spec.measureColumn() + " left out");
            }
            if (notNumber > 0) {
                parts.add(rowsWord(notNumber) + " whose " + spec.measureColumn() + " is not a number left out");
            }
            return parts.isEmpty() ? "" : String.join("; ", parts) + ".";
        }

        /** The series as rows for a CSV: group, rows, and the measure when it is not the count. */
        public List<String> csvHeader() {
            String group = spec.byDay() ? "date" : spec.groupColumn();
            return switch (spec.measure()) {
                case ROWS -> List.of(group, "rows");
                case SUM -> List.of(group, "rows", "rows_with_" + spec.measureColumn(), "sum_" + spec.measureColumn());
                case MEAN -> List.of(group, "rows", "rows_with_" + spec.measureColumn(), "mean_" + spec.measureColumn());
            };
        }

        /** The share of the whole a bar holds, for counts and sums of figures of one sign; null otherwise. */
        public BigDecimal share(Group g) {
            if (spec.measure() == Measure.MEAN || total == null || g.value() == null || total.signum() <= 0
                    || g.value().signum() < 0) {
                return null;
            }
            return g.value().divide(total, MathContext.DECIMAL64);
        }

        /** A bar's figure exactly, in words: "$1,299.50", "1,234 rows", "12.5". */
        public String figure(Group g) {
            if (g.value() == null) {
                return "no value";
            }
            return spec.measure() == Measure.ROWS ? rowsWord(g.value().longValueExact())
                    : Aggregation.figure(g.value(), spec.money(), spec.measure() == Measure.MEAN);
        }

        /**
         * A bar's tooltip: its name, exact figure, rows and share. "Direct: 1,234 rows (26.2 % of 4,711)",
         * "Direct: $1,299.50 from 3 rows (2 with a revenue; 99.9 % of $1,300.00)".
         */
        public String tooltip(Group g) {
            String name = spec.byDay() ? dayName(g.key()) : g.label();
            BigDecimal share = share(g);
            String ofTotal = share == null ? "" : percent(share) + " of " + (spec.measure() == Measure.ROWS
                    ? String.format(Locale.US, "%,d", total.longValueExact()) : Aggregation.figure(total, spec.money(), false));
            if (spec.measure() == Measure.ROWS) {
                return name + ": " + figure(g) + (ofTotal.isEmpty() ? "" : " (" + ofTotal + ")");
            }
            String rowsPart = rowsWord(g.rows()) + (g.valued() == g.rows() ? ""
                    : ", " + String.format(Locale.US, "%,d", g.valued()) + " with a " + spec.measureColumn());
            String head = spec.measure() == Measure.MEAN ? name + ": mean " + figure(g) + " over " : name + ": "
                    + figure(g) + " from ";
            return head + rowsPart + (ofTotal.isEmpty() ? "" : " (" + ofTotal + ")");
        }

        /**
         * The chart in words for a screen reader (it is an image to one): what is measured by what, over how many
         * rows, the bars with their figures (the first ten), and what was left out.
         */
        public String describe(String dataset, long tableRows) {
            StringBuilder text = new StringBuilder();
            text.append(spec.measureLabel()).append(" by ").append(spec.groupLabel()).append(" in ").append(dataset)
                    .append(", over ").append(rows == tableRows ? rowsWord(rows)
                            : String.format(Locale.US, "%,d of %s (filtered)", rows, rowsWord(tableRows)))
                    .append(". ");
            if (groups.isEmpty()) {
                text.append("No bars: no row to add up.");
            } else if (spec.byDay()) {
                Group high = null;
                Group low = null;
                for (Group g : groups) {
                    if (g.value() == null) {
                        continue;
                    }
                    high = high == null || g.value().compareTo(high.value()) > 0 ? g : high;
                    low = low == null || g.value().compareTo(low.value()) < 0 ? g : low;
                }
                text.append(groups.size()).append(groups.size() == 1 ? " day" : " days").append(" from ")
                        .append(dayName(groups.get(0).key())).append(" to ")
                        .append(dayName(groups.get(groups.size() - 1).key())).append('.');
                if (high != null) {
                    text.append(" Highest ").append(dayName(high.key())).append(": ").append(figure(high))
                            .append("; lowest ").append(dayName(low.key())).append(": ").append(figure(low)).append('.');
                }
                if (spec.measure() != Measure.MEAN && total != null) {
                    text.append(" Total ").append(spec.measure() == Measure.ROWS
                            ? rowsWord(total.longValueExact()) : Aggregation.figure(total, spec.money(), false)).append('.');
                }
            } else {
                text.append(distinct).append(distinct == 1 ? " value" : " values").append(", largest first: ");
                List<String> bars = new ArrayList<>();
                for (Group g : groups.subList(0, Math.min(10, groups.size()))) {
                    BigDecimal share = share(g);
                    bars.add(g.label() + " " + figure(g) + (share == null ? "" : " (" + percent(share) + ")"));
                }
                text.append(String.join(", ", bars)).append(groups.size() > 10 ? ", and more." : ".");
            }
            String left = leftOut();
            return left.isEmpty() ? text.toString() : text + " " + left;
        }

        /** The series as CSV text, formula-safe as every export ({@code CsvOutput}). */
        public String csv() {
            java.io.StringWriter text = new java.io.StringWriter();
            try (com.puffy.pipeline.io.CsvOutput out = new com.puffy.pipeline.io.CsvOutput(text, csvHeader())) {
                for (List<Object> row : csvRows()) {
                    out.row(row);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return text.toString();
        }

        public List<List<Object>> csvRows() {
            List<List<Object>> out = new ArrayList<>();
            for (Group g : groups) {
                List<Object> row = new ArrayList<>();
                row.add(g.label());
                row.add(g.rows());
                if (spec.measure() != Measure.ROWS) {
                    row.add(g.valued());
                    row.add(g.value() == null ? "" : g.value().toPlainString());
                }
                out.add(row);
            }
            return out;
        }
    }

    /** What a table can be charted by: its groupings (category columns, day columns) and numeric measure columns. */
    public record Choices(List<String> categories, List<String> days, List<String> numbers) {
    }

    /**
     * Looks at the first rows: columns holding dates or timestamps group by day; text and small whole-number columns
     * whose values repeat group as categories (ids and URLs, all different, do not); numeric columns can be summed.
     */
    public static Choices choices(TableData table) {
        int n = Math.min(SAMPLE_ROWS, table.size());
        int[] first = new int[n];
        java.util.Arrays.setAll(first, i -> i);
        String[][] sample = table.rows(first, 0, n);
        List<String> categories = new ArrayList<>();
        List<String> days = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            Set<String> distinct = new HashSet<>();
            boolean allDays = true;
            boolean allNumbers = true;
            boolean allWhole = true;
            boolean allBooleans = true;
            int filled = 0;
            for (String[] row : sample) {
                String v = c < row.length && row[c] != null ? row[c] : "";
                distinct.add(v);
                if (v.isEmpty() || "NaN".equals(v)) {
                    continue;
                }
                filled++;
                allDays &= !utcDay(v).isEmpty();
                boolean number = parse(v) != null;
                allNumbers &= number;
                allWhole &= number && v.indexOf('.') < 0 && v.indexOf('e') < 0 && v.indexOf('E') < 0;
                allBooleans &= "true".equals(v) || "false".equals(v);
            }
            if (filled > 0 && allDays) {
                days.add(name);
                continue;
            }
            if (filled > 0 && allNumbers) {
                numbers.add(name);
            }
            // A few rows say little about repetition (a funnel's five steps are all different): there the name
            // tells an id from a category.
            boolean repeats = n < 20 ? !namesAnId(name) : distinct.size() <= n * 0.6;
            boolean fewValues = distinct.size() <= 25;
            if (filled > 0 && allNumbers ? allWhole && fewValues && repeats : allBooleans || repeats) {
                categories.add(name);
            }
        }
        return new Choices(List.copyOf(categories), List.copyOf(days), List.copyOf(numbers));
    }

    /**
     * The figures of {@code spec} over the rows {@code rows} of {@code table} (row numbers, in any order: the sums
     * are exact, so the order does not change them).
     *
     * @throws CancellationException when {@code cancelled} turns true meanwhile
     * @throws IllegalArgumentException when a column is missing, or the group column has too many values to chart
     */
    public static Result run(TableData table, int[] rows, Spec spec, BooleanSupplier cancelled) throws IOException {
        int groupColumn = table.column(spec.groupColumn());
        if (groupColumn < 0) {
            throw new IllegalArgumentException(name(table) + " has no column " + spec.groupColumn() + ".");
        }
        int measureColumn = spec.measure() == Measure.ROWS ? -1 : table.column(spec.measureColumn());
        if (spec.measure() != Measure.ROWS && measureColumn < 0) {
            throw new IllegalArgumentException(name(table) + " has no column " + spec.measureColumn() + ".");
        }
        ColumnValues keys = spec.byDay() ? table.days(groupColumn, cancelled) : table.values(groupColumn);
        if (!keys.coded()) {
            throw new IllegalArgumentException(spec.groupColumn() + " has more than "
                    + String.format(Locale.US, "%,d", ColumnValues.DICTIONARY_LIMIT)
                    + " different values, too many to chart: group by a column of fewer values.");
        }
        check(cancelled);
        ColumnValues measured = measureColumn < 0 ? null : table.values(measureColumn);
        check(cancelled);
        int groups = keys.codeCount();
        // Rows without a day are reported once, as such, not also as rows without a value.
        int dayless = -1;
        for (int code = 0; spec.byDay() && code < groups; code++) {
            if (keys.valueOfCode(code).isEmpty()) {
                dayless = code;
            }
        }
        long[] counts = new long[groups];
        long[] valued = new long[groups];
        ExactSum[] sums = new ExactSum[groups];
        long noValue = 0;
        long notNumber = 0;
        if (measured == null) {
            for (int i = 0; i < rows.length; i++) {
                if ((i & (CHECK_EVERY - 1)) == 0) {
                    check(cancelled);
                }
                counts[keys.code(rows[i])]++;
            }
        } else {
            for (int g = 0; g < groups; g++) {
                sums[g] = new ExactSum();
            }
            Decimal[] parsedCodes = null;
            byte[] cellState = null;
            if (measured.coded()) {
                // Each distinct value parsed once: 3M revenue cells are a few thousand distinct amounts.
                parsedCodes = new Decimal[measured.codeCount()];
                cellState = new byte[measured.codeCount()];
                for (int code = 0; code < parsedCodes.length; code++) {
                    String v = measured.valueOfCode(code);
                    parsedCodes[code] = parse(v);
                    cellState[code] = blank(v) ? BLANK : parsedCodes[code] == null ? TEXT : NUMBER;
                }
            }
            Decimal scratch = new Decimal();
            for (int i = 0; i < rows.length; i++) {
                if ((i & (CHECK_EVERY - 1)) == 0) {
                    check(cancelled);
                }
                int r = rows[i];
                int g = keys.code(r);
                counts[g]++;
                if (g == dayless) {
                    continue;
                }
                Decimal d;
                byte state;
                if (parsedCodes != null) {
                    int code = measured.code(r);
                    d = parsedCodes[code];
                    state = cellState[code];
                } else {
                    byte[] bytes = measured.bytes();
                    int from = measured.start(r);
                    int to = measured.end(r);
                    d = scratch.parse(bytes, from, to) ? scratch : null;
                    state = d != null ? NUMBER : blank(bytes, from, to) ? BLANK : TEXT;
                }
                if (state == NUMBER) {
                    valued[g]++;
                    sums[g].add(d);
                } else if (state == BLANK) {
                    noValue++;
                } else {
                    notNumber++;
                }
            }
        }
        long noDay = 0;
        List<Group> found = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (counts[g] == 0) {
                continue;
            }
            String key = keys.valueOfCode(g);
            if (spec.byDay() && key.isEmpty()) {
                noDay += counts[g];
                continue;
            }
            BigDecimal sum = measured == null ? BigDecimal.valueOf(counts[g]) : sums[g].value();
            found.add(group(key, counts[g], measured == null ? counts[g] : valued[g], sum, spec.measure(), 1));
        }
        long totalRows = rows.length;
        BigDecimal total = total(found, spec.measure());
        List<Group> shown = spec.byDay() ? byDate(found, spec.measure()) : topWithOther(found, spec);
        return new Result(spec, List.copyOf(shown), totalRows, noDay, noValue, notNumber, total, found.size());
    }

    /** "Mar 9, 2025" for a day's tooltip and description; the text as is when it is not a date. */
    static String dayName(String isoDay) {
        return com.puffy.pipeline.ui.Formats.longDate(isoDay);
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /**
     * A figure exactly as summed, grouped by thousands: money to the cent ({@code $1,299.50}), other sums with every
     * decimal they have; means (divided, so not exact) to four significant decimals.
     */
    public static String figure(BigDecimal value, boolean money, boolean mean) {
        java.text.DecimalFormat format = new java.text.DecimalFormat(money ? "$#,##0.00;-$#,##0.00"
                : mean ? "#,##0.####" : "#,##0.##########", java.text.DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(value);
    }

    static String rowsWord(long n) {
        return String.format(Locale.US, "%,d", n) + (n == 1 ? " row" : " rows");
    }

    private static final byte BLANK = 0;
    private static final byte NUMBER = 1;
    private static final byte TEXT = 2;

    private static Group group(String key, long rows, long valued, BigDecimal sum, Measure measure, int members) {
        BigDecimal value = switch (measure) {
            case ROWS, SUM -> sum;
            case MEAN -> valued == 0 ? null : sum.divide(BigDecimal.valueOf(valued), MathContext.DECIMAL64);
        };
        return new Group(key, rows, valued, sum, value, members);
    }

    private static BigDecimal total(List<Group> groups, Measure measure) {
        BigDecimal sum = BigDecimal.ZERO;
        long valued = 0;
        for (Group g : groups) {
            sum = sum.add(g.sum());
            valued += g.valued();
        }
        if (measure == Measure.MEAN) {
            return valued == 0 ? null : sum.divide(BigDecimal.valueOf(valued), MathContext.DECIMAL64);
        }
        return sum;
    }

    /**
     * By figure only: the sort is stable and the groups come in the order their values first appear in the file, so
     * ties keep the file's order (a funnel's "sessions" before "page_viewed" when every session viewed a page).
     */
    private static final Comparator<Group> LARGEST_FIRST = Comparator
            .comparing((Group g) -> g.value() == null ? null : g.value(),
                    Comparator.nullsLast(Comparator.reverseOrder()));

    /**
     * Largest first, ties in the order the file first has them; past {@code top}, the rest in one "Other" bar (its
     * mean over all its rows). One group more than {@code top} is shown as itself: "Other (1 value)" would hide its
     * name for nothing.
     */
    static List<Group> topWithOther(List<Group> groups, Spec spec) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort(LARGEST_FIRST);
        if (sorted.size() <= spec.top() + 1) {
            return sorted;
        }
        List<Group> kept = new ArrayList<>(sorted.subList(0, spec.top()));
        List<Group> rest = sorted.subList(spec.top(), sorted.size());
        long rows = 0;
        long valued = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Group g : rest) {
            rows += g.rows();
            valued += g.valued();
            sum = sum.add(g.sum());
        }
        kept.add(group("", rows, valued, sum, spec.measure(), rest.size()));
        return kept;
    }

    /** In date order, each day between the first and the last present: a day without rows is a day of zero. */
    static List<Group> byDate(List<Group> groups, Measure measure) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparing(Group::key));
        if (sorted.isEmpty() || measure == Measure.MEAN) {
            return sorted;
        }
        LocalDate first = LocalDate.parse(sorted.get(0).key());
        LocalDate last = LocalDate.parse(sorted.get(sorted.size() - 1).key());
        if (last.toEpochDay() - first.toEpochDay() > MAX_FILLED_DAYS) {
            return sorted;
        }
        List<Group> filled = new ArrayList<>();
        int next = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            String key = day.toString();
            if (next < sorted.size() && sorted.get(next).key().equals(key)) {
                filled.add(sorted.get(next++));
            } else {
                filled.add(new Group(key, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 1));
            }
        }
        return filled;
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("a newer chart was asked for");
        }
    }

    private static String name(TableData table) {
        return table.source() == null ? "The table" : table.source().getFileName().toString();
    }

    private static boolean namesAnId(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        return lower.equals("id") || lower.endsWith("_id") || lower.endsWith("_key") || lower.contains("email");
    }

    /** Whether a column holds money, for "$" and cents: revenue and price columns. */
    public static boolean isMoney(String column) {
        String lower = column == null ? "" : column.toLowerCase(Locale.ROOT);
        return lower.contains("revenue") || lower.contains("price");
    }

    /** A column named as a day ("date", "partition_date"), whose day needs no "day of" before it. */
    static boolean isDayColumnName(String column) {
        return column != null && (column.equals("date") || column.endsWith("_date") || column.equals("day"));
    }

    /**
     * The UTC day of a date ({@code 2025-03-09}) or timestamp ({@code 2025-03-09T10:00:00.000Z}, or with an offset,
     * which moves it to UTC's day); "" for a blank or anything else. A timestamp without zone is taken as UTC, as the
     * pipeline reads them.
     */
    public static String utcDay(String value) {
        if (value == null || value.length() < 10 || !isDate(value)) {
            return "";
        }
        if (value.length() == 10) {
            return validDay(value);
        }
        char sep = value.charAt(10);
        if (sep != 'T' && sep != ' ') {
            return "";
        }
        String t = value.length() > 19 ? value.substring(19) : "";
        boolean offset = t.indexOf('+') >= 0 || t.indexOf('-') >= 0;
        if (!offset) {
            return validDay(value.substring(0, 10));
        }
        try {
            return OffsetDateTime.parse(sep == ' ' ? value.replace(' ', 'T') : value)
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static boolean isDate(String v) {
        for (int i = 0; i < 10; i++) {
            char ch = v.charAt(i);
            boolean ok = i == 4 || i == 7 ? ch == '-' : ch >= '0' && ch <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String validDay(String tenChars) {
        int month = Integer.parseInt(tenChars.substring(5, 7));
        int day = Integer.parseInt(tenChars.substring(8, 10));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return "";
        }
        try {
            return LocalDate.parse(tenChars).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static boolean blank(String v) {
        return v.isEmpty() || "NaN".equals(v);
    }

    private static boolean blank(byte[] b, int from, int to) {
        return from == to || to - from == 3 && b[from] == 'N' && b[from + 1] == 'a' && b[from + 2] == 'N';
    }

    /** A number as written in our files, exact; null for a blank or text. */
    static Decimal parse(String v) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        Decimal d = new Decimal();
        return d.parse(bytes, 0, bytes.length) ? d : null;
    }

    /**
     * A decimal read from text exactly: up to 18 digits as a long and a scale ({@code -12.50} is -1250 at scale 2),
     * longer or exponent forms as a BigDecimal. {@code CsvOutput} writes numbers plainly with at most six decimals.
     */
    static final class Decimal {
        long unscaled;
        int scale;
        BigDecimal big;

        boolean parse(byte[] b, int from, int to) {
            big = null;
            if (from == to) {
                return false;
            }
            int i = from;
            boolean negative = b[i] == '-';
            if (negative || b[i] == '+') {
                i++;
            }
            long value = 0;
            int decimals = 0;
            boolean point = false;
            boolean digit = false;
            boolean plain = to - from <= 18;
            for (; i < to && plain; i++) {
                byte ch = b[i];
                if (ch >= '0' && ch <= '9') {
                    value = value * 10 + (ch - '0');
                    digit = true;
                    if (point) {
                        decimals++;
                    }
                } else if (ch == '.' && !point) {
                    point = true;
                } else {
                    plain = false;
                }
            }
            if (plain) {
                unscaled = negative ? -value : value;
                scale = decimals;
                return digit;
            }
            // Longer than a long holds, or an exponent ("1.5E-7"): BigDecimal reads both exactly, and refuses text.
            try {
                big = new BigDecimal(new String(b, from, to - from, StandardCharsets.US_ASCII));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        BigDecimal toBigDecimal() {
            return big != null ? big : BigDecimal.valueOf(unscaled, scale);
        }
    }

    /** An exact running sum: a long at the largest scale seen, a BigDecimal once that would overflow. */
    static final class ExactSum {
        private static final long[] POW10 = new long[19];

        static {
            POW10[0] = 1;
            for (int i = 1; i < POW10.length; i++) {
                POW10[i] = POW10[i - 1] * 10;
            }
        }

        private long units;
        private int scale;
        private BigDecimal big;

        void add(Decimal d) {
            if (big == null && d.big == null) {
                try {
                    long u = d.unscaled;
                    if (d.scale > scale) {
                        units = Math.multiplyExact(units, POW10[d.scale - scale]);
                        scale = d.scale;
                    } else if (d.scale < scale) {
                        u = Math.multiplyExact(u, POW10[scale - d.scale]);
                    }
                    units = Math.addExact(units, u);
                    return;
                } catch (ArithmeticException overflow) {
                    big = BigDecimal.valueOf(units, scale);
                }
            }
            if (big == null) {
                big = BigDecimal.valueOf(units, scale);
            }
            big = big.add(d.toBigDecimal());
        }

        BigDecimal value() {
            return big != null ? big : BigDecimal.valueOf(units, scale);
        }
    }
}
