package com.puffy.pipeline.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The days a daily series has no row for, between its first and last day. daily_metrics.csv and metrics.csv write
 * a row only for a day with event rows, so a day whose file is not in the folder is simply absent; a chart that
 * joins its neighbours draws a line across it as if the day had been measured. The charts ask here which days to
 * leave open, rather than each working it out from the dates it draws.
 */
public final class DayGaps {
    private DayGaps() {
    }

    /** The ISO days from the earliest to the latest of {@code isoDates} that are not among them, in order. */
    public static List<String> missingDays(Collection<String> isoDates) {
        TreeSet<LocalDate> present = new TreeSet<>();
        for (String date : isoDates) {
            LocalDate day = parse(date);
            if (day != null) {
                present.add(day);
            }
        }
        List<String> missing = new ArrayList<>();
        if (present.isEmpty()) {
            return missing;
        }
        for (LocalDate day = present.first(); day.isBefore(present.last()); day = day.plusDays(1)) {
            if (!present.contains(day)) {
                missing.add(day.toString());
            }
        }
        return missing;
    }

    private static LocalDate parse(String isoDate) {
        if (isoDate == null || isoDate.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(isoDate);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
