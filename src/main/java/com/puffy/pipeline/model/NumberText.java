package com.puffy.pipeline.model;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Which text in an event's JSON counts as a number ("799.00", "2", "+1e3"): RFC 8259's number grammar, with a leading
 * plus. Quality judges revenue and item prices by it and transform reads item numbers by it, so a value one stage
 * counts the other reads; "NaN", "Infinity" and "2d", which Java's own parsers take, are text to both.
 */
public final class NumberText {
    private static final Pattern GRAMMAR = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberText() {
    }

    /** Whether {@code text} (already trimmed, {@link EmptyValue#trim}) is written as a number. */
    public static boolean isNumber(String text) {
        return GRAMMAR.matcher(text).matches();
    }

    /**
     * The exact value of {@code text} (already trimmed, {@link EmptyValue#trim}), or null when it is not written as a
     * number or its exponent is beyond what BigDecimal holds ("1e9999999999": past an int, a NumberFormatException
     * that stopped the stage).
     */
    public static BigDecimal exact(String text) {
        if (!isNumber(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
