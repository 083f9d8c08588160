package com.puffy.pipeline.quality;

import com.puffy.pipeline.model.EmptyValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * ISO-8601 timestamps, always read as UTC whatever the machine's zone. The export's own form
 * {@code YYYY-MM-DDTHH:MM:SS.sssZ} takes a hand-written path (it is every row); other ISO-8601 forms (offsets,
 * other fractions, no zone = UTC) go through java.time. A space instead of {@code T}, a date alone or an impossible
 * date is not a valid event timestamp, and neither is an instant whose UTC year lies outside 0000–9999: SPEC's form
 * has four year digits, and such a value was written "-0001-12-31T…" or "+10000-01-01T…", which no reader of
 * validated_events.csv takes for the export's form and which transform/sessions.csv wrote formula-protected
 * ("'-0001-…"), as any cell starting with '-' or '+' is (decision 0825).
 */
final class Timestamps {
    static final long INVALID = Long.MIN_VALUE;
    /** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z, the first and last instant SPEC's form can write. */
    private static final long FIRST_WRITABLE = java.time.LocalDate.of(0, 1, 1).toEpochDay() * 86_400_000L;
    private static final long LAST_WRITABLE = (java.time.LocalDate.of(10000, 1, 1).toEpochDay() * 86_400_000L) - 1;
    /*
     * "uuuu", the proleptic year: "yyyy" is the year of an era that the pattern does not write, so 1 BC came out
     * "0002-12-31T23:30:00.000Z" and transform placed the event two thousand years later (decision 0816). Such an
     * instant is now invalid (decision 0825), but year 0000 itself (1 BC) is SPEC's form and "yyyy" writes it 0001.
     */
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Epoch milliseconds, or {@link #INVALID}. */
    static long parse(String text) {
        return parse(FieldValue.of(text));
    }

    /**
     * Epoch milliseconds of the value trimmed as every value is ({@link EmptyValue#trim}: a trailing no-break or
     * zero-width space too, decision 0825), or {@link #INVALID}.
     */
    static long parse(FieldValue text) {
        byte[] b = text.asciiBytes();
        int from = text.asciiOffset();
        int to = from + text.length();
        while (from < to && (b[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xff) <= ' ') {
            to--;
        }
        // A character outside ASCII (read as 0xFF) or DEL at an end may be a blank String.trim() keeps.
        if (from < to && ((b[from] & 0xff) >= 0x7F || (b[to - 1] & 0xff) >= 0x7F)) {
            String whole = text.text();
            String trimmed = EmptyValue.trim(whole);
            if (trimmed.length() != whole.length()) {
                return parse(FieldValue.of(trimmed));
            }
        }
        if (to - from == 24 && b[from + 23] == 'Z' && b[from + 4] == '-' && b[from + 7] == '-' && b[from + 10] == 'T'
                && b[from + 13] == ':' && b[from + 16] == ':' && b[from + 19] == '.') {
            int year = digits(b, from, 4);
            int month = digits(b, from + 5, 2);
            int day = digits(b, from + 8, 2);
            int hour = digits(b, from + 11, 2);
            int minute = digits(b, from + 14, 2);
            int second = digits(b, from + 17, 2);
            int millis = digits(b, from + 20, 3);
            if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                    || second < 0 || second > 59 || millis < 0 || day > lengthOfMonth(year, month)) {
                return INVALID;
            }
            long days = epochDay(year, month, day);
            return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
        }
        int offset = text.asciiOffset();
        return parseSlow(text.text().substring(from - offset, to - offset));
    }

    /** Whether the value, as it is (untrimmed), is already in the export's form, so it is written unchanged. */
    static boolean isExportForm(FieldValue raw) {
        byte[] b = raw.asciiBytes();
        int at = raw.asciiOffset();
        return raw.length() == 24 && b[at + 23] == 'Z' && b[at + 10] == 'T' && b[at + 19] == '.';
    }

    private static long parseSlow(String s) {
        long millis = parseJavaTime(s);
        return millis < FIRST_WRITABLE || millis > LAST_WRITABLE ? INVALID : millis;
    }

    private static long parseJavaTime(String s) {
        if (s.length() < 16 || s.charAt(10) != 'T') {
            return INVALID;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC)
                        .toEpochMilli();
            } catch (DateTimeException e2) {
                return INVALID;
            }
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    static String format(long epochMillis) {
        return OUT.format(Instant.ofEpochMilli(epochMillis));
    }

    static int epochDayOf(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, 86_400_000L);
    }

    private static int digits(byte[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static long epochDay(int year, int month, int day) {
        return java.time.LocalDate.of(year, month, day).toEpochDay();
    }
}
