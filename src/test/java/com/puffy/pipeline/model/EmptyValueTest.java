package com.puffy.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision 0822: the one meaning of "empty" every stage asks. */
class EmptyValueTest {
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\r\n", "\u0000", "\u0001\u0002 ", "\u007F", "\u0085", "\u009F",
        "\u00A0", "\u2007", "\u202F", "\u3000", "\u2003 \u2009", "\u1680", "\u2028", "\u200B", "\u200C\u200D",
        "\u2060", "\uFEFF", "\u200E\u200F", "\u00AD", " \u00A0\u200B\u0001\u3000 "})
    void onlyWhiteSpaceControlSpaceOrInvisibleFormatCharactersIsEmpty(String value) {
        assertThat(EmptyValue.isEmpty(value)).as("U+%04X…", value.isEmpty() ? 0 : (int) value.charAt(0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " a ", "\u00A0a", "-", "null", "NULL", "undefined", "(none)", "0", "'", "\u00E9",
        "\u4E00", "\u200Bx", "\uD83D\uDE00", "\u0660"})
    void anythingVisibleIsAValueEvenAWordThatMeansNothing(String value) {
        assertThat(EmptyValue.isEmpty(value)).as(value).isFalse();
    }

    /** Decision 0825: the one trim drops what "empty" calls blank at either end, and nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"abc", " abc ", "abc\u00A0", "\u200Babc", "\u3000abc\u2007", "\u0001abc\u007F",
        "\uFEFFabc\u202F", "\u00ADabc\u2060\t"})
    void trimDropsBlankCharactersAtTheEndsAsEmptyMeansThem(String value) {
        assertThat(EmptyValue.trim(value)).isEqualTo("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00A0", "\u200B\u0001", "a", "a\u00A0b", " a\u200Bb ", "\uD83D\uDE00",
        "\u00A0\uD83D\uDE00\u200D", "null", "\u00E9\u00A0"})
    void aValueIsEmptyExactlyWhenNothingIsLeftOnceTrimmed(String value) {
        assertThat(EmptyValue.trim(value).isEmpty()).as(value).isEqualTo(EmptyValue.isEmpty(value));
        assertThat(EmptyValue.trim(EmptyValue.trim(value))).isEqualTo(EmptyValue.trim(value));
        assertThat(EmptyValue.trim("x" + value + "y")).isEqualTo("x" + value + "y");
    }

    @Test
    void nullIsEmptyAndEveryPrintableAsciiCharacterIsNot() {
        assertThat(EmptyValue.isEmpty(null)).isTrue();
        assertThat(EmptyValue.trim(null)).isNull();
        for (char c = '!'; c < 0x7F; c++) {
            assertThat(EmptyValue.isBlankCodePoint(c)).as("%c", c).isFalse();
        }
        for (char c = 0; c <= ' '; c++) {
            assertThat(EmptyValue.isBlankCodePoint(c)).as("U+%04X", (int) c).isTrue();
        }
    }

    /**
     * Decision 0834: a format character beyond U+FFFF is blank as one below it is. Read as UTF-16 units it was two
     * surrogates, neither blank: "\uDB40\uDC01" (U+E0001 LANGUAGE TAG) was a client id, "\u2060" none.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\uDB40\uDC01", "\uDB40\uDC20\uDB40\uDC7F", "\uD834\uDD73", "\uD834\uDD7A \u00A0",
        "\u200B\uDB40\uDC67\uDB40\uDC62"})
    void formatCharactersBeyondTheBasicPlaneAreBlank(String value) {
        assertThat(EmptyValue.isEmpty(value)).isTrue();
        assertThat(EmptyValue.trim(value)).isEmpty();
        assertThat(EmptyValue.trim(value + "abc" + value)).isEqualTo("abc");
        assertThat(EmptyValue.hasBlankEnd("abc" + value)).isTrue();
    }

    @Test
    void everyFormatCharacterOfEveryPlaneIsBlankAndNoSurrogateAlone() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.getType(c) == Character.FORMAT) {
                assertThat(EmptyValue.isBlankCodePoint(c)).as("U+%04X", c).isTrue();
                assertThat(EmptyValue.isEmpty(new String(Character.toChars(c)))).as("U+%04X", c).isTrue();
            }
            // Beyond the BMP only FORMAT is asked: no control, space or white space is there.
            boolean blankByEveryTest = Character.isISOControl(c) || Character.isWhitespace(c)
                    || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
            if (c > 0xFFFF) {
                assertThat(EmptyValue.isBlankCodePoint(c)).as("U+%04X", c).isEqualTo(blankByEveryTest);
            }
        }
        // A lone surrogate is a broken character, not none; a letter beyond U+FFFF is a value.
        assertThat(EmptyValue.isEmpty("\uDB40")).isFalse();
        assertThat(EmptyValue.isEmpty("\uDC01")).isFalse();
        assertThat(EmptyValue.trim("a\uDB40")).isEqualTo("a\uDB40");
        assertThat(EmptyValue.isEmpty("\uD835\uDC00")).isFalse();
    }

    /**
     * An emoji tag sequence (UTS #51) ends a value as part of what it shows: Scotland's flag is the black flag U+1F3F4
     * with the tags g, b, s, c, t and U+E007F, England's the same flag with g, b, e, n, g. Trimmed as blanks, the tags
     * would make both flags a black flag, one value. Tags closing nothing, or after no emoji, go.
     */
    @Test
    void anEmojiTagSequenceAtTheEndStaysAndStrayTagsGo() {
        String scotland = "\uD83C\uDFF4" + tags("gbsct") + "\uDB40\uDC7F";
        String england = "\uD83C\uDFF4" + tags("gbeng") + "\uDB40\uDC7F";
        assertThat(EmptyValue.trim("id-" + scotland)).isEqualTo("id-" + scotland);
        assertThat(EmptyValue.trim(" id-" + england + "\u00A0")).isEqualTo("id-" + england);
        assertThat(EmptyValue.hasBlankEnd("id-" + scotland)).isFalse();
        assertThat(EmptyValue.isEmpty(scotland)).isFalse();
        // A cancel tag alone, tags without their cancel tag, or a sequence after a blank: nothing shows them.
        assertThat(EmptyValue.trim("id\uDB40\uDC7F")).isEqualTo("id");
        assertThat(EmptyValue.trim("id" + tags("gbsct"))).isEqualTo("id");
        assertThat(EmptyValue.trim("id\u00A0" + tags("gbsct") + "\uDB40\uDC7F")).isEqualTo("id");
        assertThat(EmptyValue.trim(tags("gb") + "\uDB40\uDC7F")).isEmpty();
        // After a letter the tags qualify no emoji: they show nothing.
        assertThat(EmptyValue.trim("id" + tags("gbsct") + "\uDB40\uDC7F")).isEqualTo("id");
    }

    /** The tag characters spelling {@code ascii}: U+E0000 plus each character. */
    private static String tags(String ascii) {
        StringBuilder tags = new StringBuilder();
        ascii.chars().forEach(c -> tags.appendCodePoint(0xE0000 + c));
        return tags.toString();
    }
}
