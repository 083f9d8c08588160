package com.puffy.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.io.CsvOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 6);

    @TempDir
    Path dir;

    /** How dates were read before dateOf read the digits itself: the fast path must agree on every input. */
    private static LocalDate viaLocalDateParse(String value) {
        String text = value == null ? "" : value.trim();
        if (text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void dateOfAgreesWithLocalDateParseOnDatesTimestampsAndNonsense() {
        for (String value : Arrays.asList("2025-03-01", "2025-03-01T10:00:00.000Z", "  2025-03-01 ", "2025-02-29",
                "2024-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-04-00", "0000-01-01", "9999-12-31",
                "+2025-03-01", "-2025-03-01", "2025/03/01", "2025-3-01x", "٢٠٢٥-03-01", "2025-03-0", "abcd-ef-gh",
                "20250301xx", "", "   ", null)) {
            assertThat(Diagnostics.dateOf(value)).as("dateOf(%s)", value).isEqualTo(viaLocalDateParse(value));
        }
    }

    private static void write(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        StringWriter text = new StringWriter();
        try (CsvOutput csv = new CsvOutput(text, header)) {
            for (List<Object> row : rows) {
                csv.row(row);
            }
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void botSessionsWithQuotedCellsAreCountedByStartDate() throws IOException {
        write(dir.resolve("sessions.csv"), List.of("session_id", "landing_page", "browser", "is_bot",
                "started_checkout", "date"), List.of(
                List.of("s1", "https://x/?a=1,b=\"2\"", "Headless, \"Chrome\"", true, true, DAY.toString()),
                List.of("s2", "https://x/\nnext line", "Headless, \"Chrome\"", "TRUE", false, DAY.toString()),
                List.of("s3", "https://x/", "Googlebot", true, false, DAY.toString()),
                List.of("s4", "https://x/", "Safari", false, true, DAY.toString()),
                List.of("s5", "https://x/", "", true, false, DAY.plusDays(1).toString())));
        Diagnostics diagnostics = new Diagnostics(dir, dir, Map.of());
        assertThat(diagnostics.bots(DAY)).contains(new Diagnostics.BotProfile(3, "Headless, \"Chrome\"", 2, 1));
        assertThat(diagnostics.bots(DAY.plusDays(1))).contains(new Diagnostics.BotProfile(1, "unknown", 1, 0));
        assertThat(diagnostics.bots(DAY.minusDays(1))).isEmpty();
    }

    @Test
    void sessionsWithoutADateColumnAreDatedByTheirStart() throws IOException {
        write(dir.resolve("sessions.csv"), List.of("session_start", "is_bot", "browser"), List.of(
                List.of(DAY + "T23:59:59.999Z", true, "Googlebot")));
        assertThat(new Diagnostics(dir, dir, Map.of()).bots(DAY))
                .contains(new Diagnostics.BotProfile(1, "Googlebot", 1, 0));
    }

    @Test
    void rowsWithoutClientIdAreProfiledByTheirFilesPartitionEvenWithMultiLineRawRecords() throws IOException {
        write(dir.resolve("quarantine.csv"), List.of("file", "line", "reasons", "raw_page_url", "raw_timestamp",
                "raw_event_name", "raw_record"), List.of(
                List.of("events_20250306.csv", 2, "MISSING_CLIENT_ID", "https://x/", "", "page_viewed",
                        ",https://x/,\"quoted, \"\"cell\"\"\"\nsecond line"),
                List.of("events_20250306.csv", 3, "MISSING_CLIENT_ID;BAD_TIMESTAMP", "https://x/cart?y=1", "",
                        " add_to_cart ", "x"),
                List.of("events_20250306.csv", 4, "BAD_TIMESTAMP", "https://x/", "", "page_viewed", "x"),
                List.of("unknown.csv", 5, "MISSING_CLIENT_ID", "https://x/", DAY.plusDays(1) + "T01:00:00.000Z",
                        "", "x")));
        Diagnostics diagnostics = new Diagnostics(dir, dir, Map.of("events_20250306.csv", DAY));
        assertThat(diagnostics.missingClients(DAY))
                .contains(new Diagnostics.MissingClientProfile(2, 1, "add_to_cart", 1, "/", 1));
        assertThat(diagnostics.missingClients(DAY.plusDays(1)))
                .contains(new Diagnostics.MissingClientProfile(1, 0, "(none)", 1, "/", 1));
    }

    @Test
    void aHeaderOnlyFileGivesNoProfile() throws IOException {
        write(dir.resolve("sessions.csv"), List.of("is_bot", "browser", "date"), List.of());
        write(dir.resolve("quarantine.csv"), List.of("file", "reasons"), List.of());
        Diagnostics diagnostics = new Diagnostics(dir, dir, Map.of());
        assertThat(diagnostics.bots(DAY)).isEmpty();
        assertThat(diagnostics.missingClients(DAY)).isEmpty();
    }
}
