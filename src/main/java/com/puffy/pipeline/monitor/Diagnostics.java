package com.puffy.pipeline.monitor;

import com.puffy.pipeline.io.CsvColumnReader;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.model.EmptyValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an alert can say about "what probably happened", from the larger upstream files: which rows lack a client id
 * (quarantine.csv) and what the bot sessions look like (sessions.csv). Each file is read once, on first need.
 */
final class Diagnostics {
    /** Rows without client id on one day: how many, and what they mostly are. */
    record MissingClientProfile(long rows, long homepageViews, String topEvent, long topEventRows, String topPath,
                                long topPathRows) {
        double homepageShare() {
            return rows == 0 ? 0 : (double) homepageViews / rows;
        }
    }

    /** Bot sessions of one day: how many, and the browser most of them claim. */
    record BotProfile(long sessions, String topBrowser, long topBrowserSessions, long checkoutSessions) {
    }

    private final Path qualityDir;
    private final Path transformDir;
    private final Map<String, LocalDate> filePartitions;
    private Map<LocalDate, MissingClientProfile> missingClients;
    private Map<LocalDate, BotProfile> bots;

    Diagnostics(Path qualityDir, Path transformDir, Map<String, LocalDate> filePartitions) {
        this.qualityDir = qualityDir;
        this.transformDir = transformDir;
        this.filePartitions = filePartitions;
    }

    Optional<MissingClientProfile> missingClients(LocalDate day) {
        if (missingClients == null) {
            missingClients = readQuarantine();
        }
        return Optional.ofNullable(missingClients.get(day));
    }

    Optional<BotProfile> bots(LocalDate day) {
        if (bots == null) {
            bots = readBotSessions();
        }
        return Optional.ofNullable(bots.get(day));
    }

    private Map<LocalDate, MissingClientProfile> readQuarantine() {
        Path file = qualityDir == null ? null : qualityDir.resolve("quarantine.csv");
        Map<LocalDate, Map<String, Long>> events = new HashMap<>();
        Map<LocalDate, Map<String, Long>> paths = new HashMap<>();
        Map<LocalDate, long[]> counts = new HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            if (!reader.has("reasons") || !reader.has("file")) {
                return Map.of();
            }
            reader.select(List.of("reasons", "file", "raw_timestamp", "raw_page_url", "raw_event_name"));
            while (reader.next()) {
                if (!reader.get(0).contains("MISSING_CLIENT_ID")) {
                    continue;
                }
                LocalDate day = filePartitions.get(CsvInput.unprotect(reader.get(1)));
                if (day == null) {
                    day = dateOf(reader.get(2));
                }
                if (day == null) {
                    continue;
                }
                String path = pathOf(CsvInput.unprotect(reader.get(3)));
                // Trimmed as Quality trims event names (EmptyValue.trim, decision 0825): "page_viewed\u00A0" is the
                // page_viewed Quality counted, not an event of its own beside it.
                String event = EmptyValue.trim(CsvInput.unprotect(reader.get(4)));
                long[] c = counts.computeIfAbsent(day, d -> new long[2]);
                c[0]++;
                if (path.equals("/") && event.equals("page_viewed")) {
                    c[1]++;
                }
                events.computeIfAbsent(day, d -> new HashMap<>())
                        .merge(EmptyValue.isEmpty(event) ? "(none)" : event, 1L, Long::sum);
                paths.computeIfAbsent(day, d -> new HashMap<>()).merge(path, 1L, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<LocalDate, MissingClientProfile> result = new TreeMap<>();
        counts.forEach((day, c) -> {
            Map.Entry<String, Long> topEvent = top(events.get(day));
            Map.Entry<String, Long> topPath = top(paths.get(day));
            result.put(day, new MissingClientProfile(c[0], c[1], topEvent.getKey(), topEvent.getValue(),
                    topPath.getKey(), topPath.getValue()));
        });
        return result;
    }

    private Map<LocalDate, BotProfile> readBotSessions() {
        Path file = transformDir == null ? null : transformDir.resolve("sessions.csv");
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<LocalDate, Map<String, Long>> browsers = new HashMap<>();
        Map<LocalDate, long[]> counts = new HashMap<>();
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            if (!reader.has("is_bot")) {
                return Map.of();
            }
            // Sessions are dated by their start; files of older versions have no date column.
            String dateColumn = reader.has("date") ? "date" : "session_start";
            reader.select(List.of("is_bot", dateColumn, "browser", "started_checkout"));
            while (reader.next()) {
                if (!reader.is(0, "true")) {
                    continue;
                }
                LocalDate day = dateOf(reader.get(1));
                if (day == null) {
                    continue;
                }
                String browser = CsvInput.unprotect(reader.get(2));
                long[] c = counts.computeIfAbsent(day, d -> new long[2]);
                c[0]++;
                if (reader.is(3, "true")) {
                    c[1]++;
                }
                browsers.computeIfAbsent(day, d -> new HashMap<>())
                        .merge(EmptyValue.isEmpty(browser) ? "unknown" : browser, 1L, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<LocalDate, BotProfile> result = new TreeMap<>();
        counts.forEach((day, c) -> {
            Map.Entry<String, Long> top = top(browsers.get(day));
            result.put(day, new BotProfile(c[0], top.getKey(), top.getValue(), c[1]));
        });
        return result;
    }

    /** Most frequent key; ties broken by name so the message is deterministic. */
    private static Map.Entry<String, Long> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElse(Map.entry("", 0L));
    }

    /**
     * The date a value starts with (YYYY-MM-DD, as dates and timestamps are written upstream), or null. Reads the
     * digits itself: {@code LocalDate.parse} accepts exactly these ten characters too (a longer or signed year needs
     * more), but through a DateTimeFormatter that cost a microsecond per call over hundreds of thousands of rows.
     */
    static LocalDate dateOf(String timestampOrDate) {
        String text = timestampOrDate == null ? "" : timestampOrDate.trim();
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written by {@code count} ASCII digits from {@code from}, or -1 if one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The path of a URL without host, query or fragment ("/" for the home page), the URL trimmed as every value is
     * ({@link EmptyValue#trim}): "https://puffy.com/\u200B" is the home page.
     */
    static String pathOf(String url) {
        String rest = EmptyValue.trim(url);
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            int slash = rest.indexOf('/', scheme + 3);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        int cut = rest.length();
        for (char c : new char[] {'?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        rest = rest.substring(0, cut);
        return rest.isEmpty() ? "/" : rest;
    }
}
