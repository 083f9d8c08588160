package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
    private static long parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return Times.parseTimestamp(b, 0, b.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-23T00:00:01.750Z", "1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z",
            "1969-12-31T23:59:59.999Z", "2100-03-01T12:00:00.000Z"})
    void parsesAndFormatsTheNormalizedFormLikeJavaTime(String text) {
        assertThat(parse(text)).isEqualTo(Instant.parse(text).toEpochMilli());
        assertThat(new Times.Formatter().timestamp(parse(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30T00:00:00.000Z", "2025-13-01T00:00:00.000Z", "2023-02-29T00:00:00.000Z",
            "yesterday", "", "2025-02-23T24:00:00.000Z"})
    void rejectsImpossibleTimestamps(String text) {
        assertThat(parse(text)).isEqualTo(Times.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-23T01:00:00+01:00", "2025-02-23T00:00:00Z"})
    void acceptsOtherIsoFormsInUtc(String text) {
        assertThat(parse(text)).isEqualTo(Instant.parse("2025-02-23T00:00:00Z").toEpochMilli());
    }
}
