package com.puffy.pipeline.monitor;

import java.util.Locale;

/** Number formats of alert messages: fixed locale so messages are identical on every machine. */
final class Fmt {
    private Fmt() {
    }

    /**
     * A fraction as a percentage with one decimal: 0.158 → "15.8%", written without a space like the report's and
     * Quality's percentages, so one alert and the drift row it cites read alike. Only exactly 0 and 1 read "0.0%"
     * and "100.0%"; a share just above nothing reads "<0.1%", one just short of all ">99.9%".
     */
    static String pct(double fraction) {
        double pct = fraction * 100;
        if (pct > 0 && pct < 0.05) {
            return "<0.1%";
        }
        if (pct < 100 && pct >= 99.95) {
            return ">99.9%";
        }
        return String.format(Locale.ROOT, "%.1f%%", pct);
    }

    /** A signed relative change: 0.42 → "+42%", -0.6 → "−60%". */
    static String signedPct(double change) {
        if (Double.isInfinite(change)) {
            return change > 0 ? "up from 0" : "down to 0";
        }
        long rounded = Math.round(change * 100);
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + Math.abs(rounded) + "%";
    }

    /** Percentage points: 0.21 → "21 points". */
    static String points(double fractionDifference) {
        return String.format(Locale.ROOT, "%.1f points", Math.abs(fractionDifference) * 100);
    }

    /** {@link #num(double)} with the noun that agrees with it: "1 order", "2 orders". */
    static String num(double value, String one, String many) {
        return num(value) + " " + (value == 1 ? one : many);
    }

    /** A count or amount with thousands separators and no decimals for large values. */
    static String num(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,d", Math.round(value));
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    /** A count or a median of counts: "19", "19.5" (a median of an even number of days), "1,234". */
    static String count(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return num(value);
        }
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /**
     * An amount in dollars as the report writes it: whole dollars from $100 ("$31,214"), cents below ("$12.50"), the
     * minus sign before the dollar ("−$45"). The event files carry no currency; DATA.md states the shop's revenue in
     * dollars (decision 0640).
     */
    static String dollars(double value) {
        String digits = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,d", Math.round(Math.abs(value)))
                : String.format(Locale.ROOT, "%,.2f", Math.abs(value));
        return (value < 0 && !digits.matches("[0.,]+") ? "\u2212" : "") + "$" + digits;
    }

    /**
     * A conversion rate: two decimals under 10 % ("1.71%"), since rates near 1 % differ in the second decimal and
     * "1.7% vs 0.8% (+104%)" did not add up; one decimal from 10 %.
     */
    static String rate(double fraction) {
        double pct = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(pct) < 10 ? "%.2f%%" : "%.1f%%", pct);
    }

    /** The signed difference of two {@link #rate}s in points, to the same decimals: 0.0087 → "+0.87 points". */
    static String ratePoints(double fractionDifference) {
        double points = fractionDifference * 100;
        String digits = String.format(Locale.ROOT, Math.abs(points) < 10 ? "%.2f" : "%.1f", Math.abs(points));
        return (digits.matches("[0.]+") ? "±" : points > 0 ? "+" : "−") + digits + " points";
    }

    /** The text with its first letter capitalized, to open a message. */
    static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** An amount to the cent without a currency sign, where the cents are what is compared (reconciliation). */
    static String money(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
