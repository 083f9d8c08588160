package com.puffy.pipeline.ui;

import com.puffy.pipeline.analysis.Ticks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How a value axis writes its ticks: every label of one axis with the same decimals, those of the axis' step
 * ({@link Ticks#decimals}), and, for the short forms, the same unit, that of the axis' largest end. Labels each
 * written with their own decimals read "0.9%, 1%, 1.1%" and "$500k, $1M, $1.5M"; here "0.9%, 1.0%, 1.1%" and
 * "$0.5M, $1.0M, $1.5M" (decision 0824). The zero tick alone is written bare, "0", "0%", "$0" ({@link Ticks#isZeroTick},
 * decision 0833). US grouping and ASCII digits on any machine, as every figure of the app.
 */
public final class TickLabels {
    private TickLabels() {
    }

    /** Writes the tick at {@code value} of an axis stepping by {@code step} whose ends reach {@code largest}. */
    @FunctionalInterface
    public interface Writer {
        String write(double value, double step, double largest);
    }

    /** A count or plain figure: "1,500", "0.25, 0.50, 0.75". */
    public static String number(double value, double step) {
        return grouped(value, step, Ticks.decimals(step));
    }

    /** A percentage, its value in percent (1.2 for 1.2 %): "0.9%, 1.0%, 1.1%". */
    public static String percent(double percent, double step) {
        return grouped(percent, step, Ticks.decimals(step)) + "%";
    }

    /** Dollars in full: "$29,500", "$2.50" (a step of cents in cents, as money is written). */
    public static String money(double value, double step) {
        int digits = Ticks.decimals(step);
        String text = grouped(Math.abs(value), step, digits == 0 ? 0 : 2);
        return (Ticks.isZeroTick(value, step) || value > 0 ? "$" : "-$") + text;
    }

    /**
     * A figure short enough to sit beside its neighbours, in the unit of the axis' largest end: "950" and "1.5k" on
     * one axis read as two scales; "$0.5M, $1.0M", "0k, 10k, 20k" each keep one. Below 10,000 in full ("250, 1,500"):
     * four digits are as short as "1.50k", which an axis stepping by 250 would need.
     */
    public static String compact(double value, double step, double largest, boolean money) {
        if (Ticks.isZeroTick(value, step)) {
            return money ? "$0" : "0";
        }
        double top = Math.max(Math.abs(largest), Math.abs(value));
        double unit = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : top >= 1e4 ? 1e3 : 1;
        String suffix = unit == 1e9 ? "B" : unit == 1e6 ? "M" : unit == 1e3 ? "k" : "";
        String text = (unit == 1 ? grouped(Math.abs(value), step, Ticks.decimals(step))
                : plain(Math.abs(value) / unit, Ticks.decimals(step / unit))) + suffix;
        boolean negative = value < 0;
        return (negative ? "-" : "") + (money ? "$" : "") + text;
    }

    private static String grouped(double value, double step, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        boolean zero = Ticks.isZeroTick(value, step);
        format.setMinimumFractionDigits(zero ? 0 : digits);
        format.setMaximumFractionDigits(zero ? 0 : digits);
        // A tick a rounding error off 0 (0.1 × 3 − 0.3) reads "0", not "-0".
        return format.format(zero ? 0 : value);
    }

    private static String plain(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
