package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.CID2;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2 and §4 file-level edges: bad input never crashes and never loses a row silently. */
class FileEdgesTest {
    @TempDir
    Path dir;

    private static final String D = "events_20250223.csv";

    private static void reconciled(Map<String, String> summary) {
        long read = Long.parseLong(summary.get("rows_read"));
        long sum = Long.parseLong(summary.get("rows_valid")) + Long.parseLong(summary.get("rows_quarantined"))
                + Long.parseLong(summary.get("rows_duplicate"));
        assertThat(sum).as("rows_read = valid + quarantined + duplicate").isEqualTo(read);
    }

    @Test
    void bomCrlfAndMissingTrailingNewlineAreRead() throws Exception {
        String text = "\uFEFF" + HEADER + "\r\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\r\n"
                + view(CID2, "2025-02-23T11:00:00.000Z");
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.valid()).extracting(v -> v.get("client_id")).containsExactly(CID, CID2);
        assertThat(h.valid().get(1).get("user_agent")).doesNotEndWith("\r");
        assertThat(h.drift()).isEmpty();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void classicMacLineEndsAreReadAsLines() throws Exception {
        String text = HEADER + "\r" + view(CID, "2025-02-23T10:00:00.000Z") + "\r"
                + CID2 + ",https://puffy.com/,,2025-02-23T11:00:00.000Z,purchase,\"{\"\"transaction_id\"\":\"\"T-1\"\",\r"
                + "\"\"revenue\"\":10,\"\"items\"\":[]}\",ua\r"
                + ",https://puffy.com/,,2025-02-23T12:00:00.000Z,page_viewed,,ua";
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.valid()).extracting(v -> v.get("client_id")).containsExactly(CID, CID2);
        assertThat(h.valid().get(1).get("event_data")).contains("\"revenue\":10");
        assertThat(h.quarantine()).singleElement().satisfies(q -> assertThat(q.get("line")).isEqualTo("5"));
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "3");
        assertThat(h.drift()).isEmpty();
        // The purchase's items do not add up to its revenue: the one warning, at the line the record starts.
        assertThat(h.findingKeys("WARNING")).containsExactly(D + ":3:PURCHASE_REVENUE_MISMATCH");
    }

    @Test
    void aLoneCrInACrlfFileEndsTheRowSoBothRowsAreReadAndTheFindingNamesItsLine() throws Exception {
        // An LF lost from one CRLF: the two rows were one record of 13 fields, quarantined as
        // COLUMN_COUNT_MISMATCH, and rows_read counted one row where a spreadsheet shows two (decision 0801).
        String text = HEADER + "\r\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\r"
                + view(CID2, "2025-02-23T11:00:00.000Z") + "\r\n"
                + view(CID, "2025-02-23T12:00:00.000Z") + "\r\n";
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.valid()).extracting(v -> v.get("client_id") + "@" + v.get("line"))
                .containsExactly(CID + "@2", CID2 + "@3", CID + "@4");
        assertThat(h.valid()).allSatisfy(v -> assertThat(v.get("user_agent")).doesNotContain("\r"));
        assertThat(h.quarantine()).isEmpty();
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "3").containsEntry("rows_valid", "3");
        reconciled(h.summaryOf(D));
        assertThat(h.findings()).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("code", "MALFORMED_CSV").containsEntry("severity", "WARNING")
                    .containsEntry("line", "2");
            assertThat(f.get("message")).isEqualTo(D + ": line 2 ends in a carriage return without a line feed (a "
                    + "lone CR); it is read as a line end, as spreadsheets read it, so the rows on each side are "
                    + "checked one by one, and later line numbers count it (grep -n, which counts only line feeds, "
                    + "shows them 1 lower); if a row there looks cut, export the day again.");
        });
    }

    @Test
    void aLoneCrInsideARowMakesTwoRowsEachQuarantinedAtItsOwnLineAndReconciled() throws Exception {
        // A CR inside an unquoted cell (RFC 4180 allows none there): each part is a row of its own, counted, with
        // its fault and line, rather than one row hiding the CR in a cell.
        String broken = CID + ",https://puffy.com/,,2025-02-23T10:00:00.000Z\rpage_viewed,," + QualityHarness.UA;
        String text = HEADER + "\r\n" + broken + "\r\n" + view(CID2, "2025-02-23T11:00:00.000Z") + "\r\n";
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.quarantine()).extracting(q -> q.get("line") + ":" + q.get("reasons"))
                .containsExactly("2:COLUMN_COUNT_MISMATCH", "3:COLUMN_COUNT_MISMATCH");
        assertThat(h.valid()).extracting(v -> v.get("client_id") + "@" + v.get("line")).containsExactly(CID2 + "@4");
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "3").containsEntry("rows_quarantined", "2");
        reconciled(h.summaryOf(D));
        assertThat(h.findingKeys("WARNING")).containsExactly(D + ":2:MALFORMED_CSV");
    }

    @Test
    void aCrInsideAQuotedCellStaysInTheRowAndTheCrOfACrlfSplitAcrossReadsIsNoLoneCr() throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        text.append(CID).append(",https://puffy.com/,,2025-02-23T10:00:00.000Z,page_viewed,,\"Mozilla\rbeta\"\r\n");
        // Enough rows that some CRLF falls across the reader's 64 KiB reads.
        for (int i = 0; i < 2_000; i++) {
            text.append(view(CID2, String.format("2025-02-23T11:%02d:%02d.000Z", i / 60 % 60, i % 60))).append("\r\n");
        }
        QualityHarness h = new QualityHarness(dir).raw(D, text.toString().getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "2001").containsEntry("rows_quarantined", "0");
        assertThat(h.valid().get(0).get("user_agent")).isEqualTo("Mozilla\nbeta");
        assertThat(h.valid().get(1).get("line")).isEqualTo("4");
        assertThat(h.valid().get(2000).get("line")).isEqualTo("2003");
        assertThat(h.findingKeys("WARNING")).containsExactly(D + ":2:MALFORMED_CSV");
    }

    /** A CRLF file whose row 2 lost its LF, then row 4 with {@code bad} where an "é" of a URL belongs. */
    private static byte[] aLoneCrThenARowWith(int bad) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\r\n" + view(CID, "2025-02-24T10:00:00.000Z") + "\r"
                + view(CID2, "2025-02-24T11:00:00.000Z") + "\r\n" + CID + ",https://puffy.com/caf")
                .getBytes(StandardCharsets.UTF_8));
        bytes.write(bad);
        bytes.writeBytes(",,2025-02-24T12:00:00.000Z,page_viewed,,ua\r\n".getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    @Test
    void aBadByteAfterALoneCrIsReportedAtTheLineTheRowsAreNumberedBy() throws Exception {
        // The line of a bad byte was counted in LF alone, so after a lone CR it was one lower than the line the
        // reader gives the same row when the byte is fine (decisions 0801, 0812).
        QualityHarness readable = new QualityHarness(dir.resolve("readable"))
                .raw("events_20250224.csv", aLoneCrThenARowWith('e')).run();
        assertThat(readable.valid()).extracting(v -> v.get("line")).containsExactly("2", "3", "4");
        QualityHarness latin1 = new QualityHarness(dir.resolve("latin1"))
                .raw("events_20250224.csv", aLoneCrThenARowWith(0xE9)).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .run();
        assertThat(latin1.findingKeys("ERROR")).containsExactly("events_20250224.csv:4:UNREADABLE_FILE");
        assertThat(latin1.findings()).filteredOn(f -> f.get("code").equals("UNREADABLE_FILE"))
                .extracting(f -> f.get("message")).singleElement().asString()
                .contains("first invalid byte at line 4, byte " + (aLoneCrThenARowWith('e').length - 45) + ")");
        QualityHarness nul = new QualityHarness(dir.resolve("nul"))
                .raw("events_20250224.csv", aLoneCrThenARowWith(0)).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .run();
        assertThat(nul.findingKeys("ERROR")).containsExactly("events_20250224.csv:4:UNREADABLE_FILE");
        assertThat(nul.findings()).filteredOn(f -> f.get("code").equals("UNREADABLE_FILE"))
                .extracting(f -> f.get("message")).singleElement().asString().contains("NUL byte (binary data) at line 4,");
    }

    @Test
    void aLoneCrEndsAVeryLongLineSoTheRowsAfterItAreReadAndNumberedAsElsewhere() throws Exception {
        // The rest of a line too long to hold was skipped to the next LF: the row after a lone CR vanished into the
        // quarantined line, and every later line was numbered one lower (decision 0812).
        StringBuilder huge = new StringBuilder(CID).append(",https://puffy.com/?q=");
        huge.append("x".repeat(CsvRecordReader.MAX_LINE_CHARS + 1000));
        huge.append(",,2025-02-23T10:00:00.000Z,page_viewed,,ua");
        String text = HEADER + "\n" + huge + "\r" + view(CID2, "2025-02-23T11:00:00.000Z") + "\n"
                + view(CID, "2025-02-23T12:00:00.000Z") + "\n";
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.quarantine()).extracting(q -> q.get("line") + ":" + q.get("reasons"))
                .containsExactly("2:MALFORMED_CSV");
        assertThat(h.valid()).extracting(v -> v.get("client_id") + "@" + v.get("line"))
                .containsExactly(CID2 + "@3", CID + "@4");
        assertThat(h.findings()).filteredOn(f -> f.get("message").contains("lone CR"))
                .extracting(f -> f.get("line")).containsExactly("2");
        reconciled(h.summaryOf(D));
    }

    @Test
    void aNonUtf8ByteInAClassicMacFileIsReportedAtItsLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "\r" + view(CID, "2025-02-24T10:00:00.000Z") + "\r" + CID2 + ",https://puffy.com/caf")
                .getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.write(",,2025-02-24T10:00:00.000Z,page_viewed,,ua\r".getBytes(StandardCharsets.UTF_8));
        QualityHarness h = new QualityHarness(dir).raw("events_20250224.csv", bytes.toByteArray())
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250224.csv:3:UNREADABLE_FILE");
    }

    @Test
    void aQuotedHeaderRepeatedWithItsByteOrderMarkIsNoRow() throws Exception {
        // Exports that quote every cell, joined with cat: mid-file the BOM stands before the first quote, so the
        // first cell read as the text \uFEFF"client_id" and the line was quarantined as INVALID_TIMESTAMP.
        String quoted = "\"" + HEADER.replace(",", "\",\"") + "\"";
        String text = "\uFEFF" + quoted + "\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\n"
                + "\uFEFF" + quoted + "\n" + view(CID2, "2025-02-23T11:00:00.000Z") + "\n";
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.quarantine()).isEmpty();
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "2").containsEntry("rows_valid", "2");
        assertThat(h.findingKeys("WARNING")).containsExactly(D + ":3:MALFORMED_CSV");
    }

    @Test
    void aHeaderRepeatedByFilesJoinedWithCatIsNoRowAndOneFindingNamesItsLine() throws Exception {
        // cat of two exports with a BOM: the second header arrives mid-file with its BOM and CRLF. It was quarantined
        // as INVALID_TIMESTAMP with no word about why.
        String text = "\uFEFF" + HEADER + "\r\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\r\n"
                + "\uFEFF" + HEADER + "\r\n" + view(CID2, "2025-02-23T11:00:00.000Z") + "\r\n"
                + HEADER.toUpperCase(java.util.Locale.ROOT) + "\n" + view(CID2, "2025-02-23T12:00:00.000Z") + "\n";
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.valid()).extracting(v -> v.get("line")).containsExactly("2", "4", "6");
        assertThat(h.quarantine()).isEmpty();
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "3").containsEntry("rows_valid", "3");
        reconciled(h.summaryOf(D));
        assertThat(h.findings()).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("severity", "WARNING").containsEntry("code", "MALFORMED_CSV")
                    .containsEntry("line", "3");
            assertThat(f.get("message")).isEqualTo(D + ": line 3 repeats the header (2 lines in all); were files "
                    + "joined with cat? Such lines are skipped, not counted as rows; export each day on its own or "
                    + "remove the repeated header lines.");
        });
        // The header's own words take no part in the value profile: the file's client ids all match the pattern.
        assertThat(h.rows("column_profiles.csv")).filteredOn(r -> r.get("column").equals("client_id"))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("rows", "3")
                        .containsEntry("client_id_pattern_share", "1"));
    }

    @Test
    void aRowThatOnlyLooksLikeTheHeaderInOneCellIsStillARow() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"),
                "client_id,page_url,referrer,not-a-time,event_name,event_data,user_agent").run();
        assertThat(h.quarantine()).singleElement().satisfies(q -> assertThat(q.get("reasons")).contains("INVALID_TIMESTAMP"));
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "2");
        reconciled(h.summaryOf(D));
    }

    @Test
    void blankLinesAreNotRowsAndLineNumbersStayPhysical() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, "", view(CID, "2025-02-23T10:00:00.000Z"), "  ",
                "", ",x,,2025-02-23T10:00:00.000Z,page_viewed,,ua").run();
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "2");
        assertThat(h.valid().get(0).get("line")).isEqualTo("3");
        assertThat(h.quarantine().get(0).get("line")).isEqualTo("6");
    }

    @Test
    void unbalancedQuoteInTheMiddleQuarantinesOnlyThatLineAndReadsTheRest() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER,
                view(CID, "2025-02-23T10:00:00.000Z"),
                CID + ",\"https://puffy.com/oops,,2025-02-23T10:01:00.000Z,page_viewed,,ua",
                view(CID2, "2025-02-23T10:02:00.000Z"),
                CID2 + ",https://puffy.com/,,2025-02-23T10:03:00.000Z,page_viewed,,\"Mozilla (X11, Linux)\"").run();
        assertThat(h.valid()).extracting(v -> v.get("line")).containsExactly("2", "4", "5");
        assertThat(h.quarantine()).singleElement().satisfies(q -> {
            assertThat(q.get("line")).isEqualTo("3");
            assertThat(q.get("reasons")).isEqualTo("MALFORMED_CSV");
            assertThat(q.get("raw_record")).contains("oops");
        });
        assertThat(h.findingKeys("WARNING")).containsExactly(D + ":3:MALFORMED_CSV");
        assertThat(h.findingKeys("ERROR")).containsExactly(D + ":3:MALFORMED_CSV");
        reconciled(h.summaryOf(D));
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER,
                CID + ",\"https://puffy.com/\"x,,2025-02-23T10:01:00.000Z,page_viewed,,ua",
                view(CID2, "2025-02-23T10:02:00.000Z")).run();
        assertThat(h.quarantine().get(0).get("reasons")).isEqualTo("MALFORMED_CSV");
        assertThat(h.valid()).hasSize(1);
    }

    @Test
    void quotedFieldSpanningLinesIsOneRecordAtItsFirstLine() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER,
                CID + ",https://puffy.com/,,2025-02-23T10:01:00.000Z,page_viewed,,\"Mozilla\nsecond line\"",
                view(CID2, "2025-02-23T10:02:00.000Z")).run();
        assertThat(h.valid()).extracting(v -> v.get("line")).containsExactly("2", "4");
        assertThat(h.valid().get(0).get("user_agent")).isEqualTo("Mozilla\nsecond line");
    }

    @Test
    void tooManyOrTooFewFieldsCarryOnlyColumnCountMismatch() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER,
                ",https://puffy.com/,,not-a-time,,,ua,extra",
                CID + ",https://puffy.com/,,2025-02-23T10:01:00.000Z,page_viewed").run();
        assertThat(h.quarantine()).extracting(q -> q.get("reasons"))
                .containsExactly("COLUMN_COUNT_MISMATCH", "COLUMN_COUNT_MISMATCH");
        assertThat(h.findingKeys("ERROR")).containsExactly(D + ":2:COLUMN_COUNT_MISMATCH", D + ":3:COLUMN_COUNT_MISMATCH");
    }

    @Test
    void zeroByteFileIsAnEmptyFileWarning() throws Exception {
        QualityHarness h = new QualityHarness(dir).raw("events_20250224.csv", new byte[0])
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("WARNING")).containsExactly("events_20250224.csv::EMPTY_FILE");
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("rows_read", "0").containsEntry("status", "empty");
    }

    @Test
    void headerOnlyFileIsAnEmptyFileWarning() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("events_20250224.csv", HEADER)
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("WARNING")).containsExactly("events_20250224.csv::EMPTY_FILE");
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("is_event_file", "true");
    }

    @Test
    void nonEventCsvAndOtherFilesAreSkippedWithAnInfoFinding() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("products.csv", "sku,price", "A,1")
                .file("readme.txt", "hello").file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("INFO")).containsExactly("products.csv:1:NOT_AN_EVENT_FILE");
        assertThat(h.summary()).extracting(s -> s.get("file")).containsExactly(D, "products.csv");
        assertThat(h.summaryOf("products.csv")).containsEntry("is_event_file", "false").containsEntry("rows_read", "0");
    }

    @Test
    void aDaysFileWithoutAClientIdColumnOrAnEventNameColumnIsNotAnEventFileButAnAliasedClientIdIs() throws Exception {
        // SPEC §2: a header lacking timestamp, event_name or any client-id column is not an event file (INFO, skipped).
        String noClientId = "page_url,referrer,timestamp,event_name,event_data,user_agent";
        String noEventName = "client_id,page_url,referrer,timestamp,event_data,user_agent";
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250224.csv", noClientId, "https://puffy.com/,,2025-02-24T10:00:00.000Z,page_viewed,,ua")
                .file("events_20250225.csv", noEventName, CID + ",https://puffy.com/,,2025-02-25T10:00:00.000Z,,ua")
                .file("events_20250226.csv", HEADER.replace("client_id", "clientId"),
                        view(CID, "2025-02-26T10:00:00.000Z"))
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findings()).filteredOn(f -> f.get("code").equals("NOT_AN_EVENT_FILE"))
                .extracting(f -> f.get("file") + ":" + f.get("severity"))
                .containsExactlyInAnyOrder("events_20250224.csv:INFO", "events_20250225.csv:INFO");
        assertThat(h.findingKeys("ERROR")).isEmpty();
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("is_event_file", "false").containsEntry("rows_read", "0");
        assertThat(h.summaryOf("events_20250225.csv")).containsEntry("is_event_file", "false").containsEntry("rows_read", "0");
        assertThat(h.summaryOf("events_20250226.csv")).containsEntry("is_event_file", "true").containsEntry("rows_valid", "1");
    }

    @Test
    void aDaysExportWhoseTimestampHeaderNoRuleMapsSaysHowToMapIt() throws Exception {
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250224.csv", HEADER.replace("timestamp", "when_it_happened"),
                        view(CID, "2025-02-24T10:00:00.000Z"))
                .file("products.csv", "sku,price", "A,1")
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findings()).filteredOn(f -> f.get("file").equals("events_20250224.csv")).singleElement()
                .satisfies(f -> assertThat(f.get("message")).contains("has no timestamp column",
                        "add that header under quality.header_aliases"));
        assertThat(h.findings()).filteredOn(f -> f.get("file").equals("products.csv")).singleElement()
                .satisfies(f -> assertThat(f.get("message")).doesNotContain("header_aliases"));
    }

    @Test
    void binaryFileNamedCsvIsUnreadable() throws Exception {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        QualityHarness h = new QualityHarness(dir).raw("events_20250224.csv", binary)
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("ERROR")).singleElement().asString().startsWith("events_20250224.csv:")
                .endsWith(":UNREADABLE_FILE");
        assertThat(h.findings().get(0).get("message")).contains("binary");
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("status", "unreadable").containsEntry("rows_read", "0");
        assertThat(h.valid()).hasSize(1);
    }

    @Test
    void linesOfBareCommasAreBlankLinesNotRowsMissingTheirClientId() throws Exception {
        // A spreadsheet saves rows whose cells were cleared as ",,,,,,": 400 of them under 2,000 rows were 400
        // MISSING_CLIENT_ID rows and a CRITICAL client-id null rate of 17.5 % for that day.
        String text = HEADER + "\r\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\r\n,,,,,,\r\n , ,,\t,,,\r\n"
                + view(CID2, "2025-02-23T11:00:00.000Z") + "\r\n\"\",,,,,,\r\n,,,,,,\r\n,,,,,,";
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8)).run();
        assertThat(h.valid()).extracting(v -> v.get("line")).containsExactly("2", "5");
        // A quoted empty cell is written on purpose: that record is a row, and its missing fields are reported.
        assertThat(h.quarantine()).extracting(q -> q.get("line")).containsExactly("6");
        assertThat(h.summaryOf(D)).containsEntry("rows_read", "3").containsEntry("rows_missing_client_id", "1");
        reconciled(h.summaryOf(D));
    }

    @Test
    void anImpossibleDateInTheNameIsNamedInsteadOfSayingThereIsNoDate() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("events_20251399.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .file("events_2025-02-30.csv", HEADER, view(CID2, "2025-02-24T10:00:00.000Z"))
                .file("export.csv", HEADER, view(CID2, "2025-02-25T10:00:00.000Z")).run();
        assertThat(h.findings()).filteredOn(f -> f.get("code").equals("NO_DATE_IN_NAME"))
                .extracting(f -> f.get("message")).containsExactly(
                        "events_20251399.csv's name holds 20251399, which is not a calendar date (check the name); its "
                                + "partition date is taken from its earliest timestamp, 2025-02-23.",
                        "events_2025-02-30.csv's name holds 2025-02-30, which is not a calendar date (check the name); "
                                + "its partition date is taken from its earliest timestamp, 2025-02-24.",
                        "export.csv has no YYYYMMDD date in its name; its partition date is taken from its earliest "
                                + "timestamp, 2025-02-25.");
    }

    @Test
    void eventFilesInAnotherCsvDialectAreUnreadableWithHowToExportThem() throws Exception {
        // Semicolons (Excel in many languages), tabs, or whole lines in quotes: each was skipped as "not an event
        // file (it has no timestamp, event_name, client_id column)", an INFO under a header naming all three.
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250224.csv", HEADER.replace(',', ';'), view(CID, "2025-02-24T10:00:00.000Z").replace(',', ';'))
                .file("events_20250225.csv", HEADER.replace(',', '\t'), view(CID, "2025-02-25T10:00:00.000Z").replace(',', '\t'))
                .file("events_20250226.csv", "\"" + HEADER + "\"", "\"" + view(CID, "2025-02-26T10:00:00.000Z") + "\"")
                .file("notes.csv", "a;b", "1;2")
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250224.csv:1:UNREADABLE_FILE",
                "events_20250225.csv:1:UNREADABLE_FILE", "events_20250226.csv:1:UNREADABLE_FILE");
        assertThat(h.findings()).filteredOn(f -> f.get("code").equals("UNREADABLE_FILE"))
                .extracting(f -> f.get("message")).containsExactly(
                        "events_20250224.csv is separated by semicolons, not commas (Excel does so in some languages); "
                                + "export it again as CSV with commas.",
                        "events_20250225.csv is separated by tabs, not commas; export it again as CSV with commas.",
                        "events_20250226.csv has each whole line in quotes, so every row reads as one cell; export it "
                                + "again with quotes only around the fields that need them.");
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("status", "unreadable")
                .containsEntry("header", HEADER.replace(',', ';'));
        assertThat(h.summaryOf("notes.csv")).containsEntry("status", "not_an_event_file");
        assertThat(h.valid()).hasSize(1);
    }

    @Test
    void aTrailingCommaOnTheHeaderLineOnlyDoesNotQuarantineEveryRow() throws Exception {
        // "...,user_agent," over rows without the comma: every row was COLUMN_COUNT_MISMATCH, the whole day lost.
        QualityHarness h = new QualityHarness(dir).file(D, HEADER + ",",
                view(CID, "2025-02-23T10:00:00.000Z"),
                view(CID2, "2025-02-23T11:00:00.000Z") + ",",
                view(CID2, "2025-02-23T12:00:00.000Z") + ",kept",
                view(CID2, "2025-02-23T13:00:00.000Z") + ",x,y",
                "1740268799-abcdefghijkl,https://puffy.com/,,2025-02-23T14:00:00.000Z,page_viewed,").run();
        assertThat(h.valid()).extracting(v -> v.get("line") + ":" + v.get("column_8")).containsExactly("2:", "3:", "4:kept");
        assertThat(h.quarantine()).extracting(q -> q.get("line") + ":" + q.get("reasons"))
                .containsExactly("5:COLUMN_COUNT_MISMATCH", "6:COLUMN_COUNT_MISMATCH");
        reconciled(h.summaryOf(D));
    }

    @Test
    void utf16FilesSayUtf16AndHowToSaveAsUtf8InsteadOfBinary() throws Exception {
        String text = HEADER + "\r\n" + view(CID, "2025-02-24T10:00:00.000Z") + "\r\n";
        ByteArrayOutputStream le = new ByteArrayOutputStream();
        le.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        le.write(text.getBytes(StandardCharsets.UTF_16LE));
        ByteArrayOutputStream be = new ByteArrayOutputStream();
        be.write(new byte[] {(byte) 0xFE, (byte) 0xFF});
        be.write(text.getBytes(StandardCharsets.UTF_16BE));
        QualityHarness h = new QualityHarness(dir).raw("events_20250224.csv", le.toByteArray())
                .raw("events_20250225.csv", be.toByteArray())
                .raw("events_20250226.csv", text.getBytes(StandardCharsets.UTF_16LE))
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250224.csv:1:UNREADABLE_FILE",
                "events_20250225.csv:1:UNREADABLE_FILE", "events_20250226.csv:1:UNREADABLE_FILE");
        assertThat(h.findings()).filteredOn(f -> f.get("code").equals("UNREADABLE_FILE"))
                .allSatisfy(f -> assertThat(f.get("message")).contains("is UTF-16 text", "CSV UTF-8")
                        .doesNotContain("binary"));
        assertThat(h.valid()).hasSize(1);
    }

    @Test
    void anHtmlPageOrJsonUnderACsvNameIsUnreadableNotANonEventFile() throws Exception {
        // A failed download saves the error or sign-in page under the export's name: the day went missing with an
        // INFO "not an event file".
        QualityHarness h = new QualityHarness(dir)
                .file("events_20250224.csv", "<!DOCTYPE html>", "<html><body>Sign in</body></html>")
                .file("events_20250225.csv", "[{\"client_id\":\"" + CID + "\",\"event_name\":\"page_viewed\"}]")
                .file("events_20250226.csv", "{\"client_id\":\"" + CID + "\",\"timestamp\":\"2025-02-26T10:00:00Z\"}")
                .file("lookup.csv", "<b>,x", "1,2")
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findings()).filteredOn(f -> f.get("code").equals("UNREADABLE_FILE"))
                .extracting(f -> f.get("file") + ": " + f.get("message")).containsExactly(
                        "events_20250224.csv: events_20250224.csv is an HTML page, not CSV (a download that returned an "
                                + "error or sign-in page?); download the export again.",
                        "events_20250225.csv: events_20250225.csv is JSON, not CSV; export the events as CSV.",
                        "events_20250226.csv: events_20250226.csv is JSON, not CSV; export the events as CSV.");
        assertThat(h.summaryOf("lookup.csv")).containsEntry("status", "not_an_event_file");
    }

    @Test
    void aCompressedExportOrAWorkbookUnderACsvNameSaysWhatItIs() throws Exception {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gzip)) {
            out.write((HEADER + "\n" + view(CID, "2025-02-24T10:00:00.000Z") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            out.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        QualityHarness h = new QualityHarness(dir).raw("events_20250224.csv", gzip.toByteArray())
                .raw("events_20250225.csv", zip.toByteArray()).raw("events_20250226.csv", xls)
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findings()).filteredOn(f -> f.get("code").equals("UNREADABLE_FILE"))
                .extracting(f -> f.get("message")).containsExactly(
                        "events_20250224.csv is gzip-compressed; decompress it (gunzip, or 7-Zip on Windows) and put the "
                                + ".csv inside in the folder.",
                        "events_20250225.csv is a ZIP archive or an Excel workbook (.xlsx), not CSV text; unzip it, or "
                                + "open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\".",
                        "events_20250226.csv is an Excel 97-2003 workbook (.xls), not CSV text; open it in Excel and save "
                                + "it as \"CSV UTF-8 (Comma delimited)\".");
    }

    @Test
    void oneNulByteDeepInATextFileIsReportedAtItsLine() throws Exception {
        String text = HEADER + "\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\n"
                + view(CID2, "2025-02-23T11:00:00.000Z").replace("page_viewed", "page_\0viewed") + "\n";
        QualityHarness h = new QualityHarness(dir).raw(D, text.getBytes(StandardCharsets.UTF_8))
                .file("events_20250224.csv", HEADER, view(CID, "2025-02-24T10:00:00.000Z")).run();
        assertThat(h.findingKeys("ERROR")).containsExactly(D + ":3:UNREADABLE_FILE");
        assertThat(h.findings().get(0).get("message")).contains(D + " holds a NUL byte (binary data) at line 3, byte ",
                "re-export it").doesNotContain("is a binary file");
        assertThat(h.summaryOf(D)).containsEntry("status", "unreadable").containsEntry("rows_read", "0");
    }

    @Test
    void macOsAndOfficeCompanionFilesAreSkippedNotUnreadable() throws Exception {
        // ._x.csv (AppleDouble, on USB sticks and shares) and ~$x.csv (Excel's owner file while x.csv is open) were
        // UNREADABLE_FILE errors on the day of a file that read fine.
        byte[] appleDouble = {0, 5, 22, 7, 0, 2, 0, 0, 'M', 'a', 'c', ' ', 'O', 'S', ' ', 'X'};
        byte[] owner = {11, 'j', 'd', 'o', 'e', ' ', ' ', 0, 0, 0};
        QualityHarness h = new QualityHarness(dir).raw("._" + D, appleDouble).raw("~$" + D, owner)
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("ERROR")).isEmpty();
        assertThat(h.findingKeys("INFO")).containsExactly("._" + D + "::NOT_AN_EVENT_FILE", "~$" + D + "::NOT_AN_EVENT_FILE");
        assertThat(h.findings()).extracting(f -> f.get("message")).containsExactly(
                "._" + D + " is a macOS metadata file (the companion of " + D + "), not an event file, and was skipped.",
                "~$" + D + " is an Office lock file (written while a workbook is open in Excel), not an event file, "
                        + "and was skipped.");
        assertThat(h.summaryOf("._" + D)).containsEntry("status", "not_an_event_file");
        assertThat(h.valid()).hasSize(1);
    }

    @Test
    void aFolderNamedLikeADayFileIsNamedAsSkippedNotSilentlyLeftOut() throws Exception {
        // An archive unzipped into the folder leaves "events_20250224.csv/events_20250224.csv": that day was missing
        // with no finding to say why.
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"));
        Path unzipped = Files.createDirectories(h.input.resolve("events_20250224.csv"));
        Files.writeString(unzipped.resolve("events_20250224.csv"), HEADER + "\n" + view(CID, "2025-02-24T10:00:00.000Z"));
        h.run();
        assertThat(h.findingKeys("ERROR")).isEmpty();
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250224.csv::NOT_AN_EVENT_FILE");
        assertThat(h.findings().get(0).get("message")).isEqualTo("events_20250224.csv is a folder, not a file, and was "
                + "skipped: move the event files inside it up into the folder you opened (the command line reads "
                + "subfolders with --recursive).");
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("status", "not_an_event_file")
                .containsEntry("rows_read", "0");
        assertThat(h.valid()).hasSize(1);
    }

    @Test
    void aCompressedDayIsNamedAsSkippedWithWhatToDo() throws Exception {
        // A day sent as events_20250224.csv.gz was not listed at all: its day was missing with nothing to say why.
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .raw("events_20250224.csv.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0});
        h.run();
        assertThat(h.findingKeys("ERROR")).isEmpty();
        assertThat(h.findingKeys("INFO")).containsExactly("events_20250224.csv.gz::NOT_AN_EVENT_FILE");
        assertThat(h.findings().get(0).get("message")).isEqualTo("events_20250224.csv.gz is compressed (gzip), not a"
                + " CSV file, and was skipped: unpack it into the same folder, so that events_20250224.csv lies there,"
                + " and run again.");
        assertThat(h.summaryOf("events_20250224.csv.gz")).containsEntry("status", "not_an_event_file")
                .containsEntry("partition_date", "2025-02-24").containsEntry("rows_read", "0");
        assertThat(h.valid()).hasSize(1);
    }

    @Test
    void aCompressedCopyBesideItsDayIsSaidToBeACopy() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .raw(D + ".ZIP", new byte[] {'P', 'K', 3, 4});
        h.run();
        assertThat(h.findingKeys("INFO")).containsExactly(D + ".ZIP::NOT_AN_EVENT_FILE");
        assertThat(h.findings().get(0).get("message"))
                .isEqualTo(D + ".ZIP is a zip-compressed copy of " + D + ", which was read; the copy was skipped.");
        assertThat(h.valid()).hasSize(1);
    }

    @Test
    void otherArchivesAndFilesAreNotListed() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .raw("events_2025.zip", new byte[] {'P', 'K', 3, 4}).raw("notes.txt.gz", new byte[] {0x1f});
        h.run();
        assertThat(h.findings()).isEmpty();
        assertThat(h.summary()).extracting(row -> row.get("file")).containsExactly(D);
    }

    @Test
    void folderWhoseEventFilesAreAllUnreadableIsAClearErrorNamingEachFile() throws Exception {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        byte[] latin1 = (HEADER + "\n" + CID + ",https://puffy.com/caf\u00e9,,2025-02-24T10:00:00.000Z,page_viewed,,ua\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        QualityHarness h = new QualityHarness(dir).raw("events_20250223.csv", binary).raw("events_20250224.csv", latin1)
                .file("products.csv", "sku,price", "A,1");
        assertThatThrownBy(h::run).isInstanceOf(PipelineException.class)
                .hasMessageContaining("None of the 2 event files in " + h.input + " could be read")
                .hasMessageContaining("events_20250223.csv is a binary file")
                .hasMessageContaining("events_20250224.csv is not UTF-8 text (first invalid byte at line 2")
                .satisfies(e -> assertThat(((PipelineException) e).exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT));
    }

    @Test
    void randomBytesAreABinaryFileEvenWhenTheirFirstByteIsNotUtf8() throws Exception {
        // Random data usually breaks UTF-8 before its first NUL: it was called "not UTF-8 text ... re-export it as
        // UTF-8", which sends the user looking for an encoding setting in a file that is no text at all.
        byte[] random = new byte[3000];
        new java.util.Random(7).nextBytes(random);
        random[0] = (byte) 0xC5;
        random[1] = '7';
        random[64] = 0;
        for (int i = 2; i < random.length; i++) {
            if (random[i] == '\n' || random[i] == '\r') {
                random[i] = 'x';
            }
        }
        QualityHarness h = new QualityHarness(dir).raw("events_20250224.csv", random)
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findings()).filteredOn(f -> f.get("code").equals("UNREADABLE_FILE"))
                .extracting(f -> f.get("message")).containsExactly("events_20250224.csv is a binary file, not CSV "
                        + "text; remove it from the folder or replace it with the CSV export.");
    }

    @Test
    void aFolderWhoseOnlyEventFileIsUnreadableSaysSo() throws Exception {
        QualityHarness h = new QualityHarness(dir).raw(D, new byte[] {0, 1, 2, 3, 0, 0, 7});
        assertThatThrownBy(h::run).isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("The only event file in " + h.input + " could not be read, so there is nothing")
                .hasMessageContaining(D + " is a binary file");
    }

    @Test
    void nonUtf8FileIsUnreadableAndTheMessageNamesTheLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "\n" + view(CID, "2025-02-24T10:00:00.000Z") + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write((CID2 + ",https://puffy.com/caf").getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.write(",,2025-02-24T10:00:00.000Z,page_viewed,,ua\n".getBytes(StandardCharsets.UTF_8));
        QualityHarness h = new QualityHarness(dir).raw("events_20250224.csv", bytes.toByteArray())
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250224.csv:3:UNREADABLE_FILE");
        assertThat(h.findings().stream().filter(f -> f.get("code").equals("UNREADABLE_FILE")).findFirst().orElseThrow()
                .get("message")).contains("not UTF-8").contains("line 3").contains("re-export");
        assertThat(h.summaryOf("events_20250224.csv")).containsEntry("rows_read", "0");
        assertThat(h.result.summary()).anyMatch(line -> line.contains("not UTF-8"));
    }

    @Test
    void aFileCutShortInTheMiddleOfACharacterSaysItLooksCutShortNotThatItIsNotUtf8() throws Exception {
        // A copy that stopped mid-row and mid-"é": every byte before is UTF-8, so "re-export it as UTF-8" was wrong.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "\n" + view(CID, "2025-02-24T10:00:00.000Z") + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write((CID2 + ",https://puffy.com/caf").getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        QualityHarness h = new QualityHarness(dir).raw("events_20250224.csv", bytes.toByteArray())
                .file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250224.csv:3:UNREADABLE_FILE");
        assertThat(h.findings().stream().filter(f -> f.get("code").equals("UNREADABLE_FILE")).findFirst().orElseThrow()
                .get("message")).contains("ends in the middle of a character (line 3, byte " + (bytes.size() - 1)
                        + "), so it looks cut short").contains("copy it again").doesNotContain("is not UTF-8");
    }

    @Test
    void fileWithoutPermissionIsUnreadable() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .file("events_20250224.csv", HEADER, view(CID, "2025-02-24T10:00:00.000Z"));
        Path locked = h.input.resolve("events_20250224.csv");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(locked)).as("running as a user who cannot read a 000 file (not root)").isFalse();
        h.run();
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250224.csv::UNREADABLE_FILE");
        assertThat(h.findings().get(0).get("message")).contains("permission");
    }

    @Test
    void fileThatCannotBeOpenedIsUnreadableWithWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve(D), HEADER + "\n" + view(CID, "2025-02-23T10:00:00.000Z") + "\n");
        FileValidator validator = new FileValidator(new RowRule.Context(
                com.puffy.pipeline.config.ConfigLoader.defaults().quality()),
                new HeaderNormalizer(Map.of()), com.puffy.pipeline.core.Cancellation.none(), bytes -> { },
                path -> {
                    throw new java.nio.file.AccessDeniedException(path.toString());
                });
        FileResult result = validator.validate(new InputFile(file, D, Files.size(file), 0), dir.resolve("spool"));
        assertThat(result.status).isEqualTo(FileResult.Status.UNREADABLE);
        assertThat(result.rowsRead).isZero();
        assertThat(result.findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(com.puffy.pipeline.model.ReasonCode.UNREADABLE_FILE);
            assertThat(f.message()).contains(D, "permission denied", "check its permissions");
        });
    }

    @Test
    void aSubfolderARecursiveRunMayNotOpenIsUnreadableNotASkippedFolder() throws Exception {
        // --recursive stepped over a subfolder it may not open without a word: its days were missing and the run
        // ended 0. The walk now lists it (InputDiscovery.listedWhenUnreadable); validation says what it is.
        Path month = Files.createDirectories(dir.resolve("2025-03"));
        assertThat(InputDiscovery.listedWhenUnreadable(month, new java.nio.file.AccessDeniedException(month.toString())))
                .isTrue();
        assertThat(InputDiscovery.listedWhenUnreadable(month, new java.nio.file.FileSystemLoopException(
                month.toString()))).as("a link back up the tree").isFalse();
        FileValidator validator = new FileValidator(new RowRule.Context(
                com.puffy.pipeline.config.ConfigLoader.defaults().quality()),
                new HeaderNormalizer(Map.of()), com.puffy.pipeline.core.Cancellation.none(), bytes -> { });
        FileResult result = validator.validate(new InputFile(month, "2025-03", -1, -1), dir.resolve("spool"));
        assertThat(result.status).isEqualTo(FileResult.Status.UNREADABLE);
        assertThat(result.findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(com.puffy.pipeline.model.ReasonCode.UNREADABLE_FILE);
            assertThat(f.message()).isEqualTo("2025-03 is a folder that cannot be opened (permission denied), so no "
                    + "CSV file in it was read; check its permissions.");
        });
    }

    @Test
    void aNamedPipeNamedLikeADayIsUnreadableNotSkippedAndIsNeverOpened() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"));
        Path pipe = h.input.resolve("events_20250224.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeThat(mkfifo.waitFor() == 0 && Files.exists(pipe)).as("mkfifo available").isTrue();
        // Opening it would wait for a writer forever: the run must finish, and say what the file is.
        assertThat(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return h.run().findingKeys("ERROR");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(60, java.util.concurrent.TimeUnit.SECONDS)).containsExactly("events_20250224.csv::UNREADABLE_FILE");
        assertThat(h.findings().stream().filter(f -> f.get("code").equals("UNREADABLE_FILE")).findFirst().orElseThrow()
                .get("message")).isEqualTo("events_20250224.csv is not a regular file (a named pipe, socket or "
                        + "device), so it was not read; put the CSV file itself in the folder.");
    }

    @Test
    void aRecursiveRunNamesASubfolderWithoutPermission() throws Exception {
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, view(CID, "2025-02-23T10:00:00.000Z"));
        Path month = Files.createDirectories(h.input.resolve("march"));
        Files.writeString(month.resolve("events_20250301.csv"), HEADER + "\n" + view(CID, "2025-03-01T10:00:00.000Z")
                + "\n");
        Files.setPosixFilePermissions(month, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(month)).as("running as a user who cannot open a 000 folder (not root)")
                    .isFalse();
            h.recursive(true).run();
            assertThat(h.findingKeys("ERROR")).containsExactly("march::UNREADABLE_FILE");
        } finally {
            Files.setPosixFilePermissions(month, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private FileResult validateWith(FileValidator.Opener opener) throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 2000; i++) {
            text.append(view(CID, "2025-02-23T10:00:00.000Z")).append('\n');
        }
        Path file = Files.writeString(dir.resolve(D), text);
        FileValidator validator = new FileValidator(new RowRule.Context(
                com.puffy.pipeline.config.ConfigLoader.defaults().quality()),
                new HeaderNormalizer(Map.of()), com.puffy.pipeline.core.Cancellation.none(), bytes -> { }, opener);
        return validator.validate(new InputFile(file, D, Files.size(file), 0), dir.resolve("spool"));
    }

    private static void unreadableWith(FileResult result, String... messageParts) {
        assertThat(result.status).isEqualTo(FileResult.Status.UNREADABLE);
        assertThat(result.rowsRead).isZero();
        assertThat(result.findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(com.puffy.pipeline.model.ReasonCode.UNREADABLE_FILE);
            assertThat(f.message()).contains(D).contains(messageParts);
        });
    }

    @Test
    void aLinkToAFileThatIsGoneNamesTheTargetRatherThanSayingRunAgain() throws Exception {
        Path gone = dir.resolve("archive").resolve("events_20250223.csv");
        Path link = Files.createSymbolicLink(dir.resolve(D), gone);
        FileValidator validator = new FileValidator(new RowRule.Context(
                com.puffy.pipeline.config.ConfigLoader.defaults().quality()),
                new HeaderNormalizer(Map.of()), com.puffy.pipeline.core.Cancellation.none(), bytes -> { });
        unreadableWith(validator.validate(new InputFile(link, D, -1, -1), dir.resolve("spool")),
                "is a link to " + gone + ", which does not exist; restore the target, or remove the link");
    }

    @Test
    void aFileThatDisappearsBeforeItIsOpenedIsUnreadableAndSaysRunAgain() throws Exception {
        unreadableWith(validateWith(path -> {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }), "disappeared while the folder was being read", "run again");
    }

    @Test
    void anOtherOpenFailureIsUnreadableWithTheSystemsReason() throws Exception {
        unreadableWith(validateWith(path -> {
            throw new java.io.IOException("Input/output error");
        }), "cannot be opened (Input/output error)", "check the file");
    }

    @Test
    void aReadFailureHalfWayCountsNoneOfTheFilesRows() throws Exception {
        // A disk or network share failing after 20 KB: the rows read before it must not be counted as a whole day.
        unreadableWith(validateWith(path -> new java.io.FilterInputStream(Files.newInputStream(path)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (read > 20_000) {
                    throw new java.io.IOException("Stale file handle");
                }
                int n = super.read(b, off, Math.min(len, 4096));
                read += Math.max(0, n);
                return n;
            }
        }), "cannot be read (Stale file handle)", "check the file");
    }

    @Test
    void aVeryLongLineIsQuarantinedWithoutHoldingTheFile() throws Exception {
        StringBuilder huge = new StringBuilder(CID).append(",https://puffy.com/?q=");
        huge.append("x".repeat(CsvRecordReader.MAX_LINE_CHARS + 1000));
        huge.append(",,2025-02-23T10:00:00.000Z,page_viewed,,ua");
        QualityHarness h = new QualityHarness(dir).file(D, HEADER, huge.toString(),
                view(CID2, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.quarantine()).singleElement().satisfies(q -> assertThat(q.get("reasons")).isEqualTo("MALFORMED_CSV"));
        assertThat(h.valid()).extracting(v -> v.get("client_id")).containsExactly(CID2);
        reconciled(h.summaryOf(D));
    }

    @Test
    void folderWithoutEventFilesIsAClearError() throws Exception {
        QualityHarness h = new QualityHarness(dir).file("products.csv", "sku,price", "A,1");
        assertThatThrownBy(h::run).isInstanceOf(PipelineException.class)
                .hasMessageEndingWith(": 1 file was examined and skipped. Fix it as said below, or choose the folder"
                        + " that holds the daily event files (events_YYYYMMDD.csv):\n  products.csv is not an event file"
                        + " (it has no timestamp, event_name, client_id column) and was skipped.")
                .satisfies(e -> assertThat(((PipelineException) e).exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT));
    }

    @Test
    void folderOfCompressedDaysSaysEachIsCompressedNotThatColumnsAreMissing() throws Exception {
        QualityHarness h = new QualityHarness(dir);
        for (int day = 1; day <= 7; day++) {
            h.raw("events_2025030" + day + ".csv.gz", new byte[] {0x1f, (byte) 0x8b});
        }
        assertThatThrownBy(h::run).isInstanceOf(PipelineException.class)
                .hasMessageContaining("No event CSV files in " + h.input + ": 7 files were examined and skipped.")
                .hasMessageContaining("\n  events_20250301.csv.gz is compressed (gzip), not a CSV file, and was skipped:"
                        + " unpack it into the same folder, so that events_20250301.csv lies there, and run again.")
                .hasMessageContaining("\n  events_20250305.csv.gz is compressed")
                .hasMessageEndingWith("\n  … and 2 more.").hasMessageNotContaining("events_20250306.csv.gz");
    }

    @Test
    void emptyFolderIsAClearError() throws Exception {
        QualityHarness h = new QualityHarness(dir);
        assertThatThrownBy(h::run).isInstanceOf(PipelineException.class).hasMessageContaining("holds no CSV file");
    }

    @Test
    void partitionDateComesFromTheNameOtherwiseFromTheEarliestTimestamp() throws Exception {
        QualityHarness h = new QualityHarness(dir)
                .file("export-2025-02-24.csv", HEADER, view(CID, "2025-02-24T10:00:00.000Z"))
                .file("dump.csv", HEADER, view(CID2, "2025-02-26T10:00:00.000Z"), view(CID, "2025-02-25T23:00:00.000Z"))
                .run();
        assertThat(h.summaryOf("export-2025-02-24.csv")).containsEntry("partition_date", "2025-02-24");
        assertThat(h.summaryOf("dump.csv")).containsEntry("partition_date", "2025-02-25");
        assertThat(h.findingKeys("INFO")).containsExactly("dump.csv::NO_DATE_IN_NAME");
        assertThat(h.valid()).extracting(v -> v.get("flags")).containsExactly("", "TIMESTAMP_OUTSIDE_PARTITION", "");
    }

    @Test
    void filesAreProcessedInPartitionDateThenNameOrder() throws Exception {
        QualityHarness h = new QualityHarness(dir)
                .file("b_20250223.csv", HEADER, view(CID, "2025-02-23T10:00:00.000Z"))
                .file("a_20250224.csv", HEADER, view(CID, "2025-02-24T10:00:00.000Z"))
                .file("a_20250223.csv", HEADER, view(CID2, "2025-02-23T10:00:00.000Z")).run();
        assertThat(h.summary()).extracting(s -> s.get("file")).containsExactly("a_20250223.csv", "b_20250223.csv",
                "a_20250224.csv");
        assertThat(h.valid()).extracting(v -> v.get("file")).containsExactly("a_20250223.csv", "b_20250223.csv",
                "a_20250224.csv");
    }
}
