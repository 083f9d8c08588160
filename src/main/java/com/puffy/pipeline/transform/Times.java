package com.puffy.pipeline.transform;

import com.puffy.pipeline.io.ByteWords;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * UTC timestamps as epoch milliseconds, parsed from and written as {@code YYYY-MM-DDTHH:MM:SS.sssZ} without the
 * allocation of java.time on the hot path (millions of rows), independent of the machine's time zone.
 */
final class Times {
    static final long DAY_MS = 86_400_000L;
    static final long INVALID = Long.MIN_VALUE;

    private Times() {
    }

    /** Epoch millis of a UTC timestamp, or {@link #INVALID}. The normalized 24-byte form is parsed directly. */
    static long parseTimestamp(byte[] b, int from, int to) {
        if (isNormalized(b, from, to)) {
            return plus(normalizedDayMillis(b, from), normalizedTimeOfDay(b, from));
        }
        return parseTimestamp(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code YYYY-MM-DDTHH:MM:SS.sssZ} by its length and separators (digits are checked by the parts). */
    private static boolean isNormalized(byte[] b, int from, int to) {
        return to - from == 24 && b[from + 4] == '-' && b[from + 7] == '-' && b[from + 10] == 'T'
                && b[from + 13] == ':' && b[from + 16] == ':' && b[from + 19] == '.' && b[from + 23] == 'Z';
    }

    /** Epoch millis of the midnight starting a normalized timestamp's date, or {@link #INVALID}. */
    private static long normalizedDayMillis(byte[] b, int from) {
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && validDay(year, month, day)) {
            return epochDay(year, month, day) * DAY_MS;
        }
        return INVALID;
    }

    /** Milliseconds since midnight of a normalized timestamp, or {@link #INVALID}. */
    private static long normalizedTimeOfDay(byte[] b, int from) {
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        int milli = digits(b, from + 20, 3);
        if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && milli >= 0) {
            return hour * 3_600_000L + minute * 60_000L + second * 1000L + milli;
        }
        return INVALID;
    }

    private static long plus(long dayMillis, long timeOfDay) {
        return dayMillis == INVALID || timeOfDay == INVALID ? INVALID : dayMillis + timeOfDay;
    }

    /**
     * {@link #parseTimestamp(byte[], int, int)} for rows that come day by day (validated_events.csv): the date of
     * the last normalized timestamp is kept, so a row of the same day only has its time of day parsed.
     */
    static final class DayByDayParser {
        private long lastDateWord;
        private int lastDateDay;
        private long lastDayMillis = INVALID;

        long parse(byte[] b, int from, int to) {
            if (!isNormalized(b, from, to)) {
                return parseTimestamp(b, from, to);
            }
            // The date is "YYYY-MM-DD": "YYYY-MM-" in one word, then the day's two digits.
            long dateWord = ByteWords.word(b, from);
            int dateDay = b[from + 8] << 8 | b[from + 9] & 0xFF;
            if (lastDayMillis == INVALID || dateWord != lastDateWord || dateDay != lastDateDay) {
                long dayMillis = normalizedDayMillis(b, from);
                if (dayMillis == INVALID) {
                    return INVALID;
                }
                lastDateWord = dateWord;
                lastDateDay = dateDay;
                lastDayMillis = dayMillis;
            }
            return plus(lastDayMillis, normalizedTimeOfDay(b, from));
        }
    }

    /** Any ISO-8601 instant or offset date-time (quality normally hands over the 24-character form). */
    static long parseTimestamp(String text) {
        String t = text.trim();
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return INVALID;
            }
        }
    }

    /** Epoch day of {@code YYYY-MM-DD}, or {@link Integer#MIN_VALUE}. */
    static int parseDate(byte[] b, int from, int to) {
        if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return Integer.MIN_VALUE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        if (year < 0 || month < 1 || month > 12 || !validDay(year, month, day)) {
            return Integer.MIN_VALUE;
        }
        return (int) epochDay(year, month, day);
    }

    private static final int[] MONTH_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static boolean validDay(int year, int month, int day) {
        if (day < 1 || day > MONTH_DAYS[month - 1]) {
            return false;
        }
        return month != 2 || day != 29 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = b[from + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    static int dayOf(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, DAY_MS);
    }

    static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** Formats timestamps; keeps the date text of the last day asked for, since rows come day by day. */
    static final class Formatter {
        private int lastDay = Integer.MIN_VALUE;
        private String lastDate;
        private final StringBuilder sb = new StringBuilder(24);

        String date(int epochDay) {
            if (epochDay != lastDay) {
                lastDay = epochDay;
                lastDate = Times.date(epochDay);
            }
            return lastDate;
        }

        String timestamp(long epochMillis) {
            int day = dayOf(epochMillis);
            long inDay = epochMillis - day * DAY_MS;
            sb.setLength(0);
            sb.append(date(day)).append('T');
            two(sb, (int) (inDay / 3_600_000L));
            sb.append(':');
            two(sb, (int) (inDay / 60_000L % 60));
            sb.append(':');
            two(sb, (int) (inDay / 1000L % 60));
            sb.append('.');
            int milli = (int) (inDay % 1000);
            sb.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10));
            return sb.append('Z').toString();
        }

        private static void two(StringBuilder sb, int v) {
            sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
        }
    }
}
