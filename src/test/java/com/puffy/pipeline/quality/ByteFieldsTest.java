package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.CID2;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.io.CsvCells;
import com.puffy.pipeline.model.EmptyValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level path of the validator (fields as ranges of the reader's Latin-1 buffer while a file is ASCII) gives
 * exactly what the String path gives: the same fields, checks, hashes and output bytes.
 */
class ByteFieldsTest {
    @TempDir
    Path dir;

    /** Rows of every shape the reader handles, CRLF and LF, long enough to cross several buffer refills. */
    private static String mixedCsv(int rows) {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        Random random = new Random(11);
        for (int i = 0; i < rows; i++) {
            String client = i % 13 == 0 ? "" : i % 17 == 0 ? " " + CID : CID;
            String page = switch (i % 6) {
                case 0 -> "https://puffy.com/p" + i;
                case 1 -> "\"https://puffy.com/a,b?" + i + "\"";
                case 2 -> "\"say \"\"hi\"\" " + i + "\"";
                case 3 -> "=cmd|" + i;
                case 4 -> "\"\"";
                default -> "x".repeat(random.nextInt(40)) + "\r" + i;
            };
            String timestamp = i % 5 == 0 ? " 2025-02-23T10:00:00.000Z " : i % 7 == 0 ? "2025-02-23T10:00:00Z"
                    : "2025-02-23T10:00:0" + (i % 10) + ".123Z";
            String data = i % 9 == 0 ? "\"{\"\"a\"\":1}\"" : "";
            text.append(client).append(',').append(page).append(",,").append(timestamp).append(",page_viewed,")
                    .append(data).append(",\"Mozilla/5.0 (X; Y) " + i % 3 + "\"").append(i % 2 == 0 ? "\r\n" : "\n");
        }
        return text.toString();
    }

    @Test
    void byteRangesGiveTheSameFieldsAsStringsAcrossBufferRefillsQuotesAndCrlf() throws Exception {
        String csv = mixedCsv(4000);
        assertThat(csv.length()).as("several 64K-character buffers").isGreaterThan(3 * (1 << 16));
        int[] latin1AndText = assertSameFields(csv);
        assertThat(latin1AndText[1]).as("fields read as Strings in an all-ASCII file").isZero();
    }

    @Test
    void aFileThatStopsBeingAsciiMidwayGivesTheSameFields() throws Exception {
        String csv = mixedCsv(4000);
        int middle = csv.indexOf('\n', 150_000) + 1;
        int[] latin1AndText = assertSameFields(csv.substring(0, middle) + "café,crème,\"brûlée\"\n"
                + csv.substring(middle));
        assertThat(latin1AndText[1]).as("fields past the ASCII part read as Strings").isPositive();
    }

    private static java.nio.charset.CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder();
    }

    /** Compares the two readers field by field; returns how many fields the byte reader gave as bytes and as text. */
    private static int[] assertSameFields(String csv) throws Exception {
        Murmur3.Hash128 expectedHash = new Murmur3.Hash128();
        Murmur3.Hash128 actualHash = new Murmur3.Hash128();
        FieldValue value = new FieldValue();
        int latin1Fields = 0;
        int textFields = 0;
        try (CsvRecordReader strings = new CsvRecordReader(new StringReader(csv));
             CsvRecordReader bytes = new CsvRecordReader(
                     new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), decoder())) {
            while (strings.next()) {
                assertThat(bytes.next()).isTrue();
                assertThat(bytes.line()).isEqualTo(strings.line());
                assertThat(bytes.rawText()).isEqualTo(strings.rawText());
                assertThat(bytes.fieldCount()).isEqualTo(strings.fieldCount());
                for (int i = 0; i < strings.fieldCount(); i++) {
                    bytes.field(i, value);
                    String expected = strings.field(i);
                    assertThat(value.text()).as("line %d field %d", strings.line(), i).isEqualTo(expected);
                    assertThat(value.length()).isEqualTo(expected.length());
                    assertThat(value.isEmpty()).isEqualTo(EmptyValue.isEmpty(expected));
                    value.hash(actualHash);
                    Murmur3.hash(expected, 0, expectedHash);
                    assertThat(actualHash.h1).isEqualTo(expectedHash.h1);
                    assertThat(actualHash.h2).isEqualTo(expectedHash.h2);
                    if (value.latin1()) {
                        latin1Fields++;
                    } else {
                        textFields++;
                    }
                }
            }
            assertThat(bytes.next()).isFalse();
        }
        assertThat(latin1Fields).as("fields read as bytes").isPositive();
        return new int[] {latin1Fields, textFields};
    }

    @Test
    void fieldsWithDoubledQuotesInAnAsciiFileAreUnescapedBytesThatDoNotOverlap() throws Exception {
        try (CsvRecordReader reader = new CsvRecordReader(new java.io.ByteArrayInputStream(
                "a,\"b \"\"c\"\"\",\"d,e\",,\"{\"\"x\"\":1}\"\n\"\"\"\"\"\",z\n".getBytes(StandardCharsets.US_ASCII)),
                decoder())) {
            assertThat(reader.next()).isTrue();
            FieldValue unescaped = new FieldValue();
            FieldValue second = new FieldValue();
            reader.field(1, unescaped);
            reader.field(4, second);
            assertThat(unescaped.latin1()).isTrue();
            assertThat(unescaped.text()).isEqualTo("b \"c\"");
            assertThat(second.latin1()).isTrue();
            assertThat(second.text()).isEqualTo("{\"x\":1}");
            FieldValue plain = new FieldValue();
            reader.field(2, plain);
            assertThat(plain.latin1()).isTrue();
            assertThat(plain.text()).isEqualTo("d,e");
            reader.field(3, plain);
            assertThat(plain.text()).isEmpty();
            assertThat(reader.fields()).containsExactly("a", "b \"c\"", "d,e", "", "{\"x\":1}");

            assertThat(reader.next()).isTrue();
            reader.field(0, unescaped);
            assertThat(unescaped.text()).isEqualTo("\"\"");
            assertThat(reader.fields()).containsExactly("\"\"", "z");
        }
    }

    @Test
    void blankNeedsQuotesAndTheRenderedCellOnBytesAgreeWithTheStringRules() {
        Random random = new Random(3);
        char[] alphabet = {'a', 'Z', '0', ' ', '\t', '\u000B', '\u001C', '\u001F', ',', '"', '\n', '\r', '=', '\u0000'};
        byte[] buffer = new byte[64];
        for (int length = 0; length <= 40; length++) {
            for (int trial = 0; trial < 200; trial++) {
                char[] text = new char[length];
                for (int i = 0; i < length; i++) {
                    text[i] = trial % 2 == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) random.nextInt(128);
                }
                String s = new String(text);
                int offset = 1 + random.nextInt(8);
                Arrays.fill(buffer, (byte) ',');
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = (byte) text[i];
                }
                FieldValue value = new FieldValue();
                value.setLatin1(buffer, offset, length);
                assertThat(value.isEmpty()).as("[%s]", s).isEqualTo(EmptyValue.isEmpty(s));
                assertThat(value.latin1NeedsQuotes()).as("[%s]", s).isEqualTo(CsvCells.needsQuotes(s));
                assertThat(ColumnProfile.looksNumeric(value)).isEqualTo(ColumnProfile.looksNumeric(s));
                Utf8Line fromBytes = new Utf8Line();
                fromBytes.appendText(value, true);
                Utf8Line fromText = new Utf8Line();
                fromText.appendText(s, true);
                assertThat(Arrays.copyOf(fromBytes.bytes(), fromBytes.length())).as("[%s]", s)
                        .isEqualTo(Arrays.copyOf(fromText.bytes(), fromText.length()));
            }
        }
        for (int c = 0; c < 128; c++) {
            String s = String.valueOf((char) c);
            assertThat(latin1(s).isEmpty()).as("char %d", c).isEqualTo(EmptyValue.isEmpty(s));
        }
    }

    @Test
    void numbersClientIdsAndTimestampsReadFromBytesAsFromStrings() {
        List<String> values = List.of("", "1", "-1.5", "+.5", ".", "1.2.3", "12a", CID, CID2, " " + CID,
                "1740268798_lvfV1k5nHCN8", "1740268798-lvfV1k5nHCN!", "2025-02-23T10:00:00.000Z",
                " 2025-02-23T10:00:00.000Z\t", "2025-02-30T10:00:00.000Z", "2025-02-23T10:00:00Z",
                "2025-02-23T10:00:00.000+01:00", "2025-02-23 10:00:00.000Z", "2025-02-23T1x:00:00.000Z");
        for (String s : values) {
            FieldValue bytes = latin1(s);
            assertThat(ColumnProfile.looksNumeric(bytes)).as(s).isEqualTo(ColumnProfile.looksNumeric(s));
            assertThat(RowRule.Context.matchesDefaultPattern(bytes)).as(s)
                    .isEqualTo(s.matches(RowRule.Context.DEFAULT_CLIENT_ID_PATTERN));
            assertThat(Timestamps.parse(bytes)).as(s).isEqualTo(Timestamps.parse(s));
            assertThat(Timestamps.isExportForm(bytes)).as(s).isEqualTo(Timestamps.isExportForm(FieldValue.of(s)));
        }
        // Non-ASCII text takes the String path with the same verdicts.
        assertThat(ColumnProfile.looksNumeric("１２")).isFalse();
        assertThat(RowRule.Context.matchesDefaultPattern("1740268798-lvfV1k5nHCNé")).isFalse();
        assertThat(Timestamps.parse("2025-02-2３T10:00:00.000Z")).isEqualTo(Timestamps.INVALID);
    }

    @Test
    void cellsRenderedFromBytesEqualCellsRenderedFromStrings() {
        List<String> cells = List.of("", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "=SUM(1)", "-12.5",
                "+1", "@x", "-", "'quoted", " padded ", "tab\tin", "https://puffy.com/?a=1&b=2");
        for (String cell : cells) {
            StringBuilder expected = new StringBuilder("x,");
            CsvCells.appendText(expected, cell);
            expected.append(',').append(cell);
            Utf8Line line = new Utf8Line();
            line.append("x,", true);
            line.appendText(latin1(cell), true);
            line.append(',').append(latin1(cell), true);
            assertThat(new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8)).as(cell)
                    .isEqualTo(expected.toString());
        }
        Utf8Line line = new Utf8Line();
        line.appendText(FieldValue.of("café,crème"), false);
        assertThat(new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8)).isEqualTo("\"café,crème\"");
    }

    /** A field held as Latin-1 bytes in the middle of a larger buffer, as the reader hands them out. */
    private static FieldValue latin1(String ascii) {
        byte[] buffer = ("\"," + ascii + ",\"").getBytes(StandardCharsets.ISO_8859_1);
        FieldValue value = new FieldValue();
        value.setLatin1(buffer, 2, ascii.length());
        return value;
    }

    @Test
    void anAsciiFileAndTheSameRowsReadAsTextWriteTheSameBytes() throws Exception {
        // The same rows twice; in the second file the first row has an accented letter, so the whole file is read
        // through Strings. Every other row must come out byte for byte the same.
        String rows = mixedCsv(3000);
        String body = rows.substring(rows.indexOf('\n') + 1);
        String first = CID2 + ",https://puffy.com/cafe,,2025-02-23T09:00:00.000Z,page_viewed,,ua\n";
        String name = "events_20250223.csv";
        QualityHarness ascii = new QualityHarness(dir.resolve("a"))
                .raw(name, (HEADER + "\n" + first + body).getBytes(StandardCharsets.UTF_8)).run();
        QualityHarness text = new QualityHarness(dir.resolve("b"))
                .raw(name, (HEADER + "\n" + first.replace("cafe", "café") + body).getBytes(StandardCharsets.UTF_8))
                .run();
        for (String output : List.of("validated_events.csv", "quarantine.csv", "findings.csv")) {
            List<String> fromBytes = linesWithout(ascii.work.resolve(output), "cafe");
            List<String> fromText = linesWithout(text.work.resolve(output), "café");
            assertThat(fromBytes).as(output).isEqualTo(fromText);
        }
        // Every sixth row has a lone CR in an unquoted cell, which ends the line (decision 0801): two quarantined parts.
        assertThat(ascii.valid()).hasSizeGreaterThan(1800);
        assertThat(ascii.quarantine()).isNotEmpty();
    }

    private static List<String> linesWithout(Path file, String marker) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.contains(marker)) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void theCountingStreamSaysWhatIsLeftAsTheStreamBelowWouldWithoutAskingItEachTime() throws Exception {
        byte[] data = new byte[100_000];
        int[] asked = {0};
        java.io.InputStream below = new java.io.ByteArrayInputStream(data) {
            @Override
            public synchronized int available() {
                asked[0]++;
                return super.available();
            }
        };
        try (FileValidator.CountingStream counting = new FileValidator.CountingStream(below,
                java.security.MessageDigest.getInstance("SHA-256"), n -> { })) {
            byte[] chunk = new byte[8192];
            int left = data.length;
            assertThat(counting.available()).isEqualTo(left);
            while (left > 0) {
                left -= counting.read(chunk, 0, Math.min(chunk.length, 1 + left / 3));
                assertThat(counting.available()).isEqualTo(left);
            }
            assertThat(counting.read(chunk, 0, chunk.length)).isEqualTo(-1);
            assertThat(counting.available()).isZero();
        }
        assertThat(asked[0]).as("asked again only once the last answer is used up").isLessThan(5);
    }

    @Test
    void invalidUtf8InTheMiddleOfAFieldAfterManyAsciiRowsIsStillNotUtf8() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder ascii = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 2000; i++) {
            ascii.append(CID).append(",https://puffy.com/p").append(i).append(",,2025-02-23T10:00:00.000Z,page_viewed,,ua\n");
        }
        bytes.write(ascii.toString().getBytes(StandardCharsets.US_ASCII));
        bytes.write((CID2 + ",https://puffy.com/ca").getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xC3); // a lead byte followed by ASCII: malformed
        bytes.write("fe,,2025-02-23T10:00:00.000Z,page_viewed,,ua\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(bytes.size()).as("the bad byte lies beyond the first buffer").isGreaterThan(1 << 16);
        QualityHarness h = new QualityHarness(dir).raw("events_20250223.csv", bytes.toByteArray())
                .file("events_20250224.csv", HEADER).run();
        assertThat(h.findingKeys("ERROR")).containsExactly("events_20250223.csv:2002:UNREADABLE_FILE");
        assertThat(h.findings().get(0).get("message")).contains("not UTF-8").contains("line 2002");
        assertThat(h.valid()).isEmpty();
    }
}
