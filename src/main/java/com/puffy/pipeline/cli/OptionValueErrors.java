package com.puffy.pipeline.cli;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Says in one sentence what is wrong with a value picocli could not convert for a typed option, naming the option,
 * what it takes and an example: picocli's own words ("Invalid value for option '--seed': 'abc' is not a long") name a
 * Java type. Every whole-number option of every command gets this from {@link EventPipeCli}'s parameter exception
 * handler, and date options through {@link DateConverter}.
 */
final class OptionValueErrors {
    private static final Pattern DIGITS = Pattern.compile("[+-]?\\d+");
    private static final Pattern DATE_SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** For a date option without a default: any real date in the product's examples. */
    static final String EXAMPLE_DATE = "2025-03-09";

    private OptionValueErrors() {
    }

    /**
     * The sentence for a conversion failure of {@code value} for {@code argSpec}, or null when it is not one this
     * class knows (picocli's own message is then shown).
     */
    static String explain(CommandLine.Model.ArgSpec argSpec, String value, Throwable cause) {
        if (!(argSpec instanceof OptionSpec option) || value == null || cause == null) {
            return null;
        }
        Class<?> type = option.type();
        String name = option.longestName();
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            boolean isLong = type == long.class || type == Long.class;
            String example = name + " " + (option.defaultValue() != null ? option.defaultValue() : "42");
            String trimmed = value.strip();
            if (DIGITS.matcher(trimmed).matches()) {
                // Digits that do not fit: say the limit, not "not a number".
                BigInteger max = BigInteger.valueOf(isLong ? Long.MAX_VALUE : Integer.MAX_VALUE);
                return name + " " + trimmed + " is too large: give a whole number up to " + max + ", e.g. "
                        + example + ".";
            }
            return name + " '" + value + "' is not a whole number: give digits only (no decimals, units or "
                    + "separators), e.g. " + example + ".";
        }
        if (type == LocalDate.class && cause instanceof CommandLine.TypeConversionException) {
            String example = name + " " + (option.defaultValue() != null ? option.defaultValue() : EXAMPLE_DATE);
            return name + " '" + value + "' is not a date" + cause.getMessage() + ": write it as YYYY-MM-DD, e.g. "
                    + example + ".";
        }
        return null;
    }

    /**
     * YYYY-MM-DD into a date. Its failure message is the reason in brackets (or nothing) for {@link #explain}:
     * "2025-13-01" has the right shape, so the user needs to hear that month 13 is what is wrong.
     */
    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            String text = value.strip();
            Matcher shape = DATE_SHAPE.matcher(text);
            if (!shape.matches()) {
                throw new CommandLine.TypeConversionException("");
            }
            int year = Integer.parseInt(shape.group(1));
            int month = Integer.parseInt(shape.group(2));
            int day = Integer.parseInt(shape.group(3));
            if (month < 1 || month > 12) {
                throw new CommandLine.TypeConversionException(" (there is no month " + month + ")");
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                YearMonth ym = YearMonth.of(year, month);
                throw new CommandLine.TypeConversionException(" (" + Month.of(month).getDisplayName(TextStyle.FULL,
                        Locale.ENGLISH) + " " + year + " has " + ym.lengthOfMonth() + " days)");
            }
        }
    }
}
