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

    @Test
    void nullIsEmptyAndEveryPrintableAsciiCharacterIsNot() {
        assertThat(EmptyValue.isEmpty(null)).isTrue();
        for (char c = '!'; c < 0x7F; c++) {
            assertThat(EmptyValue.isBlankCharacter(c)).as("%c", c).isFalse();
        }
        for (char c = 0; c <= ' '; c++) {
            assertThat(EmptyValue.isBlankCharacter(c)).as("U+%04X", (int) c).isTrue();
        }
    }
}
