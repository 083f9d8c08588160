package com.puffy.pipeline.monitor;

import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (!header.containsKey("reasons") || !header.containsKey("file")) {
                return Map.of();
            }
            for (CSVRecord row : parser) {
                String reasons = get(row, header, "reasons");
                if (!reasons.contains("MISSING_CLIENT_ID")) {
                    continue;
                }
                LocalDate day = filePartitions.get(CsvInput.unprotect(get(row, header, "file")));
                if (day == null) {
                    day = dateOf(get(row, header, "raw_timestamp"));
                }
                if (day == null) {
                    continue;
                }
                String path = pathOf(CsvInput.unprotect(get(row, header, "raw_page_url")));
                String event = CsvInput.unprotect(get(row, header, "raw_event_name")).trim();
                long[] c = counts.computeIfAbsent(day, d -> new long[2]);
                c[0]++;
                if (path.equals("/") && event.equals("page_viewed")) {
                    c[1]++;
                }
                events.computeIfAbsent(day, d -> new HashMap<>()).merge(event.isEmpty() ? "(none)" : event, 1L, Long::sum);
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
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (!header.containsKey("is_bot")) {
                return Map.of();
            }
            for (CSVRecord row : parser) {
                if (!"true".equalsIgnoreCase(get(row, header, "is_bot"))) {
                    continue;
                }
                LocalDate day = dateOf(header.containsKey("date") ? get(row, header, "date")
                        : get(row, header, "session_start"));
                if (day == null) {
                    continue;
                }
                String browser = CsvInput.unprotect(get(row, header, "browser"));
                long[] c = counts.computeIfAbsent(day, d -> new long[2]);
                c[0]++;
                if ("true".equalsIgnoreCase(get(row, header, "started_checkout"))) {
                    c[1]++;
                }
                browsers.computeIfAbsent(day, d -> new HashMap<>())
                        .merge(browser.isBlank() ? "unknown" : browser, 1L, Long::sum);
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

    private static String get(CSVRecord row, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= row.size() ? "" : row.get(index);
    }

    /** Most frequent key; ties broken by name so the message is deterministic. */
    private static Map.Entry<String, Long> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElse(Map.entry("", 0L));
    }

    static LocalDate dateOf(String timestampOrDate) {
        String text = timestampOrDate == null ? "" : timestampOrDate.trim();
        if (text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The path of a URL without host, query or fragment ("/" for the home page). */
    static String pathOf(String url) {
        String rest = url.trim();
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
