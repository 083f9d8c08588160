package com.puffy.pipeline.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Money as the report states it: to the cent. An amount split by attribution credit (a third of $100) is rounded so
 * the parts still add up to the whole, to the cent.
 */
final class Cents {
    private Cents() {
    }

    /** {@code amount} to two decimals, half up as a person rounds ({@code 2.675} is $2.68); NaN stays NaN. */
    static double of(double amount) {
        return round(amount, 2);
    }

    /** {@code value} to {@code decimals} places, half up, read from its shortest decimal form. */
    static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The parts rounded to {@code decimals} places so that they sum exactly to their total rounded the same way
     * (largest remainder: the parts whose dropped fraction is largest get the last unit; a tie goes to the larger part,
     * then the earlier one). Rounded one by one, three thirds of $100.00 read $33.33 and sum to $99.99.
     */
    static List<Double> apportion(List<Double> parts, int decimals) {
        int n = parts.size();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal[] exact = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            double part = parts.get(i);
            exact[i] = Double.isNaN(part) || Double.isInfinite(part) ? BigDecimal.ZERO : BigDecimal.valueOf(part);
            total = total.add(exact[i]);
        }
        long wanted = total.movePointRight(decimals).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long[] units = new long[n];
        BigDecimal[] rest = new BigDecimal[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal scaled = exact[i].movePointRight(decimals);
            units[i] = scaled.setScale(0, RoundingMode.FLOOR).longValueExact();
            rest[i] = scaled.subtract(BigDecimal.valueOf(units[i]));
            given += units[i];
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(i -> rest[i]).reversed()
                .thenComparing(i -> exact[i], Comparator.reverseOrder()).thenComparing(i -> i));
        // The floors sum to at most the rounded total and fall short of it by at most n units.
        for (long k = 0; k < wanted - given; k++) {
            units[order.get((int) (k % n))]++;
        }
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double part = parts.get(i);
            out.add(Double.isNaN(part) ? part : BigDecimal.valueOf(units[i]).movePointLeft(decimals).doubleValue());
        }
        return out;
    }
}
