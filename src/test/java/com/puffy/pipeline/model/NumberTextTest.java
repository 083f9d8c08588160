package com.puffy.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"2", "799.00", "-5", "+1", ".5", "5.", "007", "0799.00", "1e3", "1E-2", "1e400"})
    void numbersAsAnExportWritesThemAreNumbers(String text) {
        assertThat(NumberText.isNumber(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two", "NaN", "Infinity", "-Infinity", "2d", "0x10", "1,5", "1 000", ".", "e3", "1e"})
    void textThatJavasParsersWouldTakeOrNoNumberAtAllIsNot(String text) {
        assertThat(NumberText.isNumber(text)).isFalse();
    }

    @Test
    void theExactValueIsNoneForTextThatIsNoNumberOrWhoseExponentIsPastAnInt() {
        assertThat(NumberText.exact("+799.00")).isEqualByComparingTo("799");
        assertThat(NumberText.exact("1e999999999")).isEqualByComparingTo(BigDecimal.ONE.scaleByPowerOfTen(999999999));
        assertThat(NumberText.exact("two")).isNull();
        assertThat(NumberText.exact("1e9999999999")).isNull();
        assertThat(NumberText.exact("-1e-9999999999")).isNull();
    }
}
