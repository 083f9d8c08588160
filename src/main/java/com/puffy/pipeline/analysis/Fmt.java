package com.puffy.pipeline.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Number and date formats of the report and its sentences: US English, whatever the machine's locale. */
public final class Fmt {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    /**
     * A figure that is not known or does not exist (NaN: rows set aside, a ratio of nothing), as the report's tables
     * and tiles write it: the quality table's quarantined revenue read "n/a" beside tiles and tables reading "–", two
     * marks for one thing (decision 0803).
     */
    public static final String NONE = "\u2013";

    private Fmt() {
    }

    /** {@code $12,345}; amounts under $100 keep their cents ({@code $6.83}). */
    public static String money(double value) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        String sign = value < 0 ? "-" : "";
        double abs = Math.abs(value);
        return abs < 100 && abs != Math.rint(abs)
                ? String.format(Locale.US, "%s$%,.2f", sign, abs)
                : String.format(Locale.US, "%s$%,.0f", sign, abs);
    }

    /**
     * A fraction as a percentage: one decimal under 10 % ({@code 0.8%}), none above ({@code 34%}). Only exactly 0 and
     * exactly 1 read {@code 0%} and {@code 100%}: a share that is not all reads {@code 99.6%} or {@code >99.9%}, one
     * that is not nothing {@code <0.1%}.
     */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return NONE;
        }
        double pct = fraction * 100.0;
        if (pct != 0 && Math.abs(pct) < 10) {
            return bounded(pct, "%.1f%%", 0.1);
        }
        if (Math.abs(pct) >= 99.5 && Math.abs(pct) < 100) {
            return bounded(pct, "%.1f%%", 0.1);
        }
        return String.format(Locale.US, "%.0f%%", pct);
    }

    /**
     * Shares of one whole (a table's channels, devices, buckets; "x% ... the other y%") rounded so the printed
     * figures add up to 100% (largest remainder; a tie goes to the larger share, then the earlier one): rounded one
     * by one, 12.5% and 87.5% read 13% and 88%. Whole percents when {@link #percent} would print each so, else one
     * decimal for all. A share above 0 never reads 0, one short of all never 100 (they read {@code <0.1%},
     * {@code >99.9%}). Shares that do not sum to 1 (a top-N list) are formatted one by one.
     */
    public static List<String> shares(List<Double> fractions) {
        if (!wholeOfOne(fractions)) {
            return fractions.stream().map(Fmt::percent).toList();
        }
        int scale = wholePercents(fractions) ? 100 : 1000;
        return shown(fractions, apportion(fractions, scale), scale);
    }

    /**
     * Two columns of shares of one whole (a channel's share under first click and under last click) and the shift
     * between them in points, as a reader checks it: the difference of the two shares as shown. Both columns take one
     * precision (whole percents only when both would), each rounded as {@link #shares}, and the shift is the
     * shown second share minus the shown first, so 1.7% → 2.1% reads +0.4 pts (exactly +0.34, which rounded alone
     * read +0.3 beside them). A share shown as {@code <0.1%} counts as 0 there, one shown as {@code >99.9%} as 100.
     * Columns that are not shares of one whole are formatted one by one with the exact shift.
     */
    public static ShareShift shareShift(List<Double> first, List<Double> second) {
        if (first.size() != second.size() || !wholeOfOne(first) || !wholeOfOne(second)) {
            List<String> shifts = new ArrayList<>();
            for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
                shifts.add(points((second.get(i) - first.get(i)) * 100.0));
            }
            return new ShareShift(first.stream().map(Fmt::percent).toList(),
                    second.stream().map(Fmt::percent).toList(), shifts);
        }
        int scale = wholePercents(first) && wholePercents(second) ? 100 : 1000;
        long[] firstUnits = apportion(first, scale);
        long[] secondUnits = apportion(second, scale);
        List<String> shifts = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            shifts.add(points((secondUnits[i] - firstUnits[i]) * 100.0 / scale));
        }
        return new ShareShift(shown(first, firstUnits, scale), shown(second, secondUnits, scale), shifts);
    }

    /** Two share columns and the shift between them, each as printed. */
    public record ShareShift(List<String> first, List<String> second, List<String> shifts) {
    }

    /**
     * A column of percentages that are not shares of one whole (a top-N list's shares of all sessions) in one
     * precision: whole percents when {@link #percent} would print every one so, else one decimal for all. "20%" above
     * "4.0%" in one column read as two kinds of figure.
     */
    public static List<String> percentColumn(List<Double> fractions) {
        List<String> each = fractions.stream().map(Fmt::percent).toList();
        if (each.stream().allMatch(text -> !text.contains(".") || text.equals(NONE))) {
            return each;
        }
        return fractions.stream().map(Fmt::percentOneDecimal).toList();
    }

    /**
     * {@link #percentColumn} where the row at {@code part} is also a share of one whole with a rest that is quoted
     * beside the table (the quality table's ANY row: "x% of revenue ... the other y% is clean"). The rows are not
     * shares of one whole (they overlap), so the column takes one precision as {@link #percentColumn}, the rest
     * counted as one of its values; the part and its rest are rounded together at that precision ({@link #shares}),
     * so they add up to 100% and the sentence quotes the figure the table prints. The quality table read "15%" above
     * "1.2%" and "0%", its ANY row rounded on its own precision with its rest (decision 0810). A part that is not a
     * fraction of one (NaN: no revenue) leaves the column to {@link #percentColumn} and the rest {@link #NONE}.
     */
    public static PartOfColumn percentColumnWithPart(List<Double> fractions, int part) {
        double share = fractions.get(part);
        if (Double.isNaN(share) || share < 0 || share > 1) {
            return new PartOfColumn(percentColumn(fractions), NONE);
        }
        List<Double> withRest = new ArrayList<>(fractions);
        withRest.add(1 - share);
        List<String> column = new ArrayList<>(percentColumn(withRest));
        boolean whole = column.stream().noneMatch(text -> text.contains("."));
        List<String> split = shown(List.of(share, 1 - share), apportion(List.of(share, 1 - share), whole ? 100 : 1000),
                whole ? 100 : 1000);
        column.set(part, split.get(0));
        column.remove(column.size() - 1);
        return new PartOfColumn(column, split.get(1));
    }

    /** A percent column as printed, and the rest of its one row that is part of a whole, as a sentence quotes it. */
    public record PartOfColumn(List<String> column, String rest) {
    }

    private static boolean wholeOfOne(List<Double> fractions) {
        double sum = 0;
        for (double f : fractions) {
            if (Double.isNaN(f) || Double.isInfinite(f) || f < 0) {
                return false;
            }
            sum += f;
        }
        return !fractions.isEmpty() && Math.abs(sum - 1) <= 1e-9;
    }

    /** Whether {@link #percent} would print every share without a decimal. */
    private static boolean wholePercents(List<Double> fractions) {
        boolean whole = true;
        for (double f : fractions) {
            double pct = f * 100.0;
            whole &= pct == 0 || pct == 100 || pct >= 10 && pct < 99.5;
        }
        return whole;
    }

    /** Units of {@code 1/scale} per share, adding up to {@code scale} (largest remainder). */
    private static long[] apportion(List<Double> fractions, int scale) {
        int n = fractions.size();
        long[] units = new long[n];
        double[] rest = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double exact = fractions.get(i) * scale;
            // A share computed as 0.57 can be 56.99999999999999 hundredths: that is 57, not 56 plus a remainder.
            units[i] = (long) Math.floor(exact + 1e-9);
            rest[i] = exact - units[i];
            given += units[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -rest[i])
                .thenComparing(i -> -fractions.get(i)).thenComparing(i -> i));
        for (long k = 0; k < scale - given && k < n; k++) {
            units[order.get((int) k)]++;
        }
        return units;
    }

    private static List<String> shown(List<Double> fractions, long[] units, int scale) {
        boolean whole = scale == 100;
        List<String> out = new ArrayList<>(units.length);
        for (int i = 0; i < units.length; i++) {
            double f = fractions.get(i);
            if (f > 0 && units[i] == 0) {
                out.add(whole ? "<1%" : "<0.1%");
            } else if (f < 1 && units[i] == scale) {
                out.add(whole ? ">99%" : ">99.9%");
            } else {
                out.add(whole ? units[i] + "%" : String.format(Locale.US, "%.1f%%", units[i] / 10.0));
            }
        }
        return out;
    }

    /** {@link #percent} with one decimal at any size ({@code 34.4%}), where two shares must read apart. */
    public static String percentOneDecimal(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return NONE;
        }
        return bounded(fraction * 100.0, "%.1f%%", 0.1);
    }

    /** A percentage for conversion rates: one decimal ({@code 1.2%}), two below 1 % ({@code 0.84%}). */
    public static String rate(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return NONE;
        }
        double pct = fraction * 100.0;
        // Below 0.995 two decimals; from there one, or 0.9996 would read "1.00%" beside "1.2%".
        return Math.abs(pct) < 0.995 && pct != 0 ? bounded(pct, "%.2f%%", 0.01) : bounded(pct, "%.1f%%", 0.1);
    }

    /**
     * {@code pct} in {@code pattern}, except that a value other than 0 or ±100 never rounds onto them: it reads
     * {@code <0.1%} or {@code >99.9%} ({@code step} is the last digit shown).
     */
    private static String bounded(double pct, String pattern, double step) {
        String sign = pct < 0 ? "-" : "";
        double abs = Math.abs(pct);
        if (abs > 0 && abs < step / 2) {
            return sign + "<" + String.format(Locale.US, pattern, step);
        }
        if (abs < 100 && abs >= 100 - step / 2) {
            return sign + ">" + String.format(Locale.US, pattern, 100 - step);
        }
        return String.format(Locale.US, pattern, pct);
    }

    public static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    public static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        return String.format(Locale.US, "%,." + decimals + "f", value);
    }

    /**
     * Percentage points with a sign: {@code +12.0 pts}; a shift that rounds to nothing has none. Email's shares of 7.0%
     * under first and last click sat beside a shift of "-0.0 pts" (-0.03), a sign that reads as a misprint.
     */
    public static String points(double points) {
        String shown = String.format(Locale.US, "%+.1f pts", points);
        return shown.equals("-0.0 pts") || shown.equals("+0.0 pts") ? "0.0 pts" : shown;
    }

    /** {@code 2025-02-23} as {@code Feb 23}; other text unchanged. */
    public static String date(String isoDate) {
        try {
            return LocalDate.parse(isoDate).format(SHORT);
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    /** {@code 2025-02-23} as {@code Feb 23, 2025}. */
    public static String longDate(String isoDate) {
        try {
            return LocalDate.parse(isoDate).format(LONG);
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    /** {@link #date}, or {@link #longDate} when the dates shown around it lie in more than one calendar year. */
    public static String date(String isoDate, boolean withYear) {
        return withYear ? longDate(isoDate) : date(isoDate);
    }

    /**
     * A day of or near a period ({@code Feb 28}), with its year when the period crosses a new year or the day lies in
     * another year than the period: a freshness alert dated on the run's day reads {@code Nov 27, 2026} beside a
     * period in 2025, not {@code Nov 27}.
     */
    public static String date(String isoDate, String periodFirst, String periodLast) {
        boolean otherYear = isoDate.length() >= 4 && periodFirst.length() >= 4
                && !isoDate.substring(0, 4).equals(periodFirst.substring(0, 4));
        return date(isoDate, otherYear || spansYears(periodFirst, periodLast));
    }

    /** Whether a period from one ISO date to another crosses a new year: "Feb 23" alone would then be ambiguous. */
    public static boolean spansYears(String firstIsoDate, String lastIsoDate) {
        return firstIsoDate.length() >= 4 && lastIsoDate.length() >= 4
                && !firstIsoDate.substring(0, 4).equals(lastIsoDate.substring(0, 4));
    }

    /** Hours as a readable duration: {@code 45 min}, {@code 5.2 hours}, {@code 2.3 days}. */
    public static String hours(double hours) {
        if (Double.isNaN(hours)) {
            return NONE;
        }
        if (hours < 1) {
            return String.format(Locale.US, "%.0f min", hours * 60);
        }
        if (hours < 48) {
            return String.format(Locale.US, "%.1f hours", hours);
        }
        return String.format(Locale.US, "%.1f days", hours / 24);
    }

    /** {@code first_click} as {@code First click}. */
    public static String model(String model) {
        String text = model.replace('_', ' ');
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
