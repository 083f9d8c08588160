package com.puffy.pipeline.model;

/**
 * What SPEC's "empty" means for a cell or a JSON text, in every stage (decision 0822): nothing a reader could see.
 * A value made only of blank characters is empty: white space, control characters, Unicode spaces that
 * {@code isBlank()} and {@code trim()} keep (no-break U+00A0, figure U+2007, narrow U+202F) and invisible format
 * characters (zero-width U+200B, byte-order mark U+FEFF, direction marks, and those beyond U+FFFF: the language tag
 * U+E0001, the tag characters U+E0020–U+E007F, musical beams U+1D173–U+1D17A). Before, each place had its own test:
 * Quality's MISSING_CLIENT_ID dropped control characters but the value-drift profile did not, so a day of client
 * ids of "\u0001" raised CLIENT_ID_NULL_RATE with a client-id null share of 0; a referrer of a no-break space was a
 * referring site for Transform and none for the report.
 * <p>
 * Characters are read as code points (decision 0834): read as UTF-16 units, a format character beyond U+FFFF was two
 * surrogates, neither of them blank, so "\uDB40\uDC01" was a client id while "\u2060" was none.
 * <p>
 * Text that reads as a word ("null", "undefined", "-") is a value, not empty: SPEC names no such spelling, and a
 * tracker writing it is a fault the pattern flags (NON_STANDARD_CLIENT_ID) rather than one to hide.
 */
public final class EmptyValue {
    private static final int FIRST_TAG = 0xE0020;
    private static final int CANCEL_TAG = 0xE007F;

    private EmptyValue() {
    }

    /** Whether {@code value} is null or has no character other than {@link #isBlankCodePoint blank ones}. */
    public static boolean isEmpty(CharSequence value) {
        if (value == null) {
            return true;
        }
        int length = value.length();
        if (length > 0) {
            // Nearly every value starts with printable ASCII: decided without a call.
            char first = value.charAt(0);
            if (first > ' ' && first < 0x7F) {
                return false;
            }
        }
        return start(value) == length;
    }

    /**
     * {@code value} without the {@link #isBlankCodePoint blank characters} at its ends: the one trim of every stage
     * (decision 0825), so that {@code isEmpty(v) == trim(v).isEmpty()}. {@code String.trim()} drops only characters
     * up to U+0020, so "abc\u00A0" and "abc" were two client ids while a cell of "\u00A0" alone was no client id.
     * Characters inside the value stay, and so does an emoji tag sequence at its end (see {@link #end}). Null stays
     * null.
     */
    public static String trim(String value) {
        if (value == null) {
            return null;
        }
        int from = start(value);
        int to = end(value, from);
        return from == 0 && to == value.length() ? value : value.substring(from, to);
    }

    /** Whether {@link #trim} would change {@code value}: a blank at its start or at its end. */
    public static boolean hasBlankEnd(CharSequence value) {
        int from = start(value);
        return from > 0 || end(value, from) < value.length();
    }

    /**
     * Whether {@code codePoint} shows nothing: a control character, white space or a space of any kind, or an
     * invisible format character ({@link Character#FORMAT}, in every plane). Printable ASCII, nearly every character
     * of every cell, is decided by the first test. A lone surrogate is not blank: it is a broken character, not none.
     */
    public static boolean isBlankCodePoint(int codePoint) {
        if (codePoint > ' ' && codePoint < 0x7F) {
            return false;
        }
        if (codePoint > 0xFFFF) {
            // Every control, space and white-space character lies below U+10000: one lookup instead of four.
            return Character.getType(codePoint) == Character.FORMAT;
        }
        return codePoint <= ' ' || Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    /** The index of the first code point that is not blank; the length when there is none. */
    private static int start(CharSequence value) {
        int length = value.length();
        int from = 0;
        while (from < length) {
            char c = value.charAt(from);
            if (c > ' ' && c < 0x7F) {
                break;
            }
            if (!Character.isSurrogate(c)) {
                if (!isBlankCodePoint(c)) {
                    break;
                }
                from++;
                continue;
            }
            int codePoint = Character.codePointAt(value, from);
            if (!isBlankCodePoint(codePoint)) {
                break;
            }
            from += Character.charCount(codePoint);
        }
        return from;
    }

    /**
     * The index after the last code point, from {@code from} (not blank), that is not blank. An emoji tag sequence
     * (UTS #51: tag characters U+E0020–U+E007E closed by U+E007F, after the emoji they qualify) ends a value as
     * part of what shows: 🏴 followed by the tags "gbsct" is Scotland's flag, by "gbeng" England's, so trimming the
     * tags would make the two flags one value and either of them a black flag. A tag character not closing such a
     * sequence shows nothing and goes.
     */
    private static int end(CharSequence value, int from) {
        int to = value.length();
        while (to > from) {
            char c = value.charAt(to - 1);
            if (c > ' ' && c < 0x7F) {
                break;
            }
            if (!Character.isSurrogate(c)) {
                if (!isBlankCodePoint(c)) {
                    break;
                }
                to--;
                continue;
            }
            int codePoint = Character.codePointBefore(value, to);
            if (!isBlankCodePoint(codePoint) || codePoint == CANCEL_TAG && closesTagSequence(value, from, to)) {
                break;
            }
            to -= Character.charCount(codePoint);
        }
        return to;
    }

    /**
     * Whether the U+E007F ending at {@code to} closes at least one tag character after an emoji: a symbol (So, as
     * U+1F3F4), a skin-tone modifier (Sk) or the emoji presentation selector U+FE0F, as UTS #51's tag_base. Java 17
     * has no emoji property; after a letter or digit the tags qualify nothing and show nothing.
     */
    private static boolean closesTagSequence(CharSequence value, int from, int to) {
        int at = to - Character.charCount(CANCEL_TAG);
        int tags = 0;
        while (at > from) {
            int codePoint = Character.codePointBefore(value, at);
            if (codePoint < FIRST_TAG || codePoint >= CANCEL_TAG) {
                int type = Character.getType(codePoint);
                return tags > 0 && (type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL
                        || codePoint == 0xFE0F);
            }
            tags++;
            at -= Character.charCount(codePoint);
        }
        return false;
    }
}
