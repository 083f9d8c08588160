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

    /**
     * The day-by-day parser keeps the last date: a sequence with repeated and changing days (dates that differ in
     * any one digit), impossible dates and times, and other ISO forms gives what the plain parse gives.
     */
    @org.junit.jupiter.api.Test
    void theDayByDayParserGivesWhatThePlainParseGivesForAnySequence() {
        String[] texts = {"2025-02-23T00:00:01.750Z", "2025-02-23T23:59:59.999Z", "2025-02-23T24:00:00.000Z",
            "2025-02-24T00:00:00.000Z", "2025-02-29T10:00:00.000Z", "2025-02-23T10:00:00.000Z", "2025-02-28T10:0x:00.000Z",
            "2024-02-29T12:00:00.000Z", "2024-02-28T12:00:00.000Z", "2025-02-23T01:00:00+01:00", "yesterday", "",
            "1969-12-31T23:59:59.999Z", "2025-02-2xT00:00:00.000Z", "2025-02-23T00:00:60.000Z",
            "2025-02-13T08:00:00.000Z", "2025-02-03T08:00:00.000Z", "2025-02-22T08:00:00.000Z", "2025-12-23T08:00:00.000Z",
            "2026-02-23T08:00:00.000Z"};
        java.util.Random random = new java.util.Random(21);
        Times.DayByDayParser parser = new Times.DayByDayParser();
        for (int n = 0; n < 5_000; n++) {
            String text = texts[random.nextInt(texts.length)];
            byte[] b = ("xx" + text + "y").getBytes(StandardCharsets.UTF_8);
            assertThat(parser.parse(b, 2, b.length - 1)).as(text).isEqualTo(parse(text));
        }
    }
}
