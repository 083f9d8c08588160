package com.puffy.pipeline.quality;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SPEC §2: the partition date is the first {@code YYYYMMDD} or {@code YYYY-MM-DD} in the file name. */
final class PartitionDates {
    // Digits around the match would make it part of a longer number (an id, a Unix time), not a date.
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})(?:(\\d{2})(\\d{2})|-(\\d{2})-(\\d{2}))(?!\\d)");

    private PartitionDates() {
    }

    static Optional<LocalDate> fromName(String fileName) {
        Matcher m = DATE.matcher(fileName);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            String month = m.group(2) != null ? m.group(2) : m.group(4);
            String day = m.group(3) != null ? m.group(3) : m.group(5);
            try {
                return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
            } catch (DateTimeException e) {
                // Not a real date (e.g. 20251345): keep looking further along the name.
            }
        }
        return Optional.empty();
    }

    /**
     * The first date-shaped part of a name without a real date ({@code 20251399}, {@code 2025-02-30}), or null: the
     * NO_DATE_IN_NAME finding names it, since "no date in its name" misleads about a name that plainly has one.
     */
    static String impossibleDateInName(String fileName) {
        if (fromName(fileName).isPresent()) {
            return null;
        }
        Matcher m = DATE.matcher(fileName);
        return m.find() ? m.group() : null;
    }
}
