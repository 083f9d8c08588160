package com.puffy.pipeline.model;

/**
 * What SPEC's "empty" means for a cell or a JSON text, in every stage (decision 0822): nothing a reader could see.
 * A value made only of blank characters is empty: white space, control characters, Unicode spaces that
 * {@code isBlank()} and {@code trim()} keep (no-break U+00A0, figure U+2007, narrow U+202F) and invisible format
 * characters (zero-width U+200B, byte-order mark U+FEFF, direction marks). Before, each place had its own test:
 * Quality's MISSING_CLIENT_ID dropped control characters but the value-drift profile did not, so a day of client
 * ids of "\u0001" raised CLIENT_ID_NULL_RATE with a client-id null share of 0; a referrer of a no-break space was a
 * referring site for Transform and none for the report.
 * <p>
 * Text that reads as a word ("null", "undefined", "-") is a value, not empty: SPEC names no such spelling, and a
 * tracker writing it is a fault the pattern flags (NON_STANDARD_CLIENT_ID) rather than one to hide.
 */
public final class EmptyValue {
    private EmptyValue() {
    }

    /** Whether {@code value} is null or has no character other than {@link #isBlankCharacter blank ones}. */
    public static boolean isEmpty(CharSequence value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isBlankCharacter(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code value} without the {@link #isBlankCharacter blank characters} at its ends: the one trim of every stage
     * (decision 0825), so that {@code isEmpty(v) == trim(v).isEmpty()}. {@code String.trim()} drops only characters
     * up to U+0020, so "abc\u00A0" and "abc" were two client ids while a cell of "\u00A0" alone was no client id.
     * Characters inside the value stay. Null stays null.
     */
    public static String trim(String value) {
        if (value == null) {
            return null;
        }
        int from = 0;
        int to = value.length();
        while (from < to && isBlankCharacter(value.charAt(from))) {
            from++;
        }
        while (to > from && isBlankCharacter(value.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == value.length() ? value : value.substring(from, to);
    }

    /**
     * Whether {@code c} shows nothing: a control character, white space or a space of any kind, or an invisible
     * format character. Printable ASCII, nearly every character of every cell, is decided by the first test.
     */
    public static boolean isBlankCharacter(char c) {
        if (c > ' ' && c < 0x7F) {
            return false;
        }
        return c <= ' ' || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT;
    }
}
