package com.puffy.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"2", "799.00", "-5", "+1", ".5", "5.", "1e3", "1E-2", "1e400"})
    void numbersAsAnExportWritesThemAreNumbers(String text) {
        assertThat(NumberText.isNumber(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two", "NaN", "Infinity", "-Infinity", "2d", "0x10", "1,5", "1 000", ".", "e3", "1e"})
    void textThatJavasParsersWouldTakeOrNoNumberAtAllIsNot(String text) {
        assertThat(NumberText.isNumber(text)).isFalse();
    }
}
