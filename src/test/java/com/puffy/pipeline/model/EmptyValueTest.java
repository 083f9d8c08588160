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
            assertThat(EmptyValue.isBlankCharacter(c)).as("%c", c).isFalse();
        }
        for (char c = 0; c <= ' '; c++) {
            assertThat(EmptyValue.isBlankCharacter(c)).as("U+%04X", (int) c).isTrue();
        }
    }
}
