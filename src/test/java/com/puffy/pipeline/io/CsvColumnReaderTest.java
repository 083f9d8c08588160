package com.puffy.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level reader must give exactly the cells Commons CSV gives through {@link CsvInput} (what monitoring
 * read before), also when records and quoted cells cross the end of its buffer: every file is read with buffers
 * from one byte up.
 */
class CsvColumnReaderTest {
    private static final int[] BUFFER_SIZES = {1, 2, 3, 5, 8, 64, 1 << 20};

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("f" + System.nanoTime() + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The cells of {@code columns} as Commons CSV reads them by header name ("" where the record lacks one). */
    private static List<List<String>> viaCommons(Path file, List<String> columns) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(file)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (CSVRecord row : parser) {
                List<String> cells = new ArrayList<>();
                for (String column : columns) {
                    Integer index = header.get(column);
                    cells.add(index == null || index >= row.size() ? "" : row.get(index));
                }
                records.add(cells);
            }
        }
        return records;
    }

    private static List<List<String>> viaReader(Path file, List<String> columns, int bufferBytes) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CsvColumnReader reader = CsvColumnReader.open(file, bufferBytes)) {
            reader.select(columns);
            while (reader.next()) {
                List<String> cells = new ArrayList<>();
                for (int slot = 0; slot < columns.size(); slot++) {
                    cells.add(reader.get(slot));
                }
                records.add(cells);
            }
        }
        return records;
    }

    private void assertSameAsCommons(String text, List<String> columns) throws IOException {
        Path file = file(text);
        List<List<String>> expected = viaCommons(file, columns);
        for (int size : BUFFER_SIZES) {
            assertThat(viaReader(file, columns, size)).as("buffer of %d bytes reading %s", size, text)
                    .isEqualTo(expected);
        }
    }

    @Test
    void offsetIsWhereEachRecordEndsWhateverTheBuffer() throws IOException {
        String header = "a,b\n";
        String first = "1,\"x\r\ny\"\r\n";
        String second = "22,\"q\"\"\"\n";
        Path f = file(header + first + second + "3,z");
        long total = Files.size(f);
        for (int size : BUFFER_SIZES) {
            try (CsvColumnReader reader = CsvColumnReader.open(f, size)) {
                reader.select(List.of("b"));
                assertThat(reader.offset()).isEqualTo(header.length());
                List<Long> ends = new ArrayList<>();
                while (reader.next()) {
                    ends.add(reader.offset());
                }
                assertThat(ends).as("buffer of %d bytes", size).containsExactly(
                        (long) (header + first).length(), (long) (header + first + second).length(), total);
            }
        }
    }

    @Test
    void quotedCellsKeepTheirCommasQuotesAndLineBreaks() throws IOException {
        String text = "a,b,c\n1,\"x,y\",3\n\"say \"\"hi\"\"\",\"two\nlines\",\"crlf\r\ninside\"\n\"\",\"\"\"\",\"\"\"\"\"\"\n";
        assertSameAsCommons(text, List.of("a", "b", "c"));
        assertThat(viaReader(file(text), List.of("a", "b"), 4)).containsExactly(List.of("1", "x,y"),
                List.of("say \"hi\"", "two\nlines"), List.of("", "\""));
    }

    @Test
    void recordsEndAtLfCrOrCrlfAndTheLastLineBreakIsOptional() throws IOException {
        assertSameAsCommons("a,b\r\n1,2\r3,4\n5,6", List.of("a", "b"));
        assertSameAsCommons("a,b\r\n1,2\r\n", List.of("b", "a"));
        assertSameAsCommons("a,b\n1,2\r", List.of("a", "b"));
    }

    @Test
    void emptyLinesTrailingCommasAndShortOrLongRecordsReadAsCommonsReadsThem() throws IOException {
        assertSameAsCommons("a,b,c\n1,2,3\n\n4\n5,6,7,8,9\n7,8,\n,,\n9,", List.of("a", "b", "c"));
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsTextAndBlanksAfterAClosingQuoteAreSkipped() throws IOException {
        assertSameAsCommons("a,b\nit\"s,\"x\"  \t,\n\"y\" ,z\n", List.of("a", "b"));
    }

    @Test
    void onlyTheSelectedColumnsAreReadAndAnAbsentColumnReadsEmpty() throws IOException {
        String text = "id,name,extra\n1,one,x\n2,two,y\n";
        assertSameAsCommons(text, List.of("name", "missing", "id"));
        assertThat(viaReader(file(text), List.of("name", "missing", "id"), 1 << 20))
                .containsExactly(List.of("one", "", "1"), List.of("two", "", "2"));
    }

    @Test
    void aHeaderNameGivenTwiceRefersToItsLastColumn() throws IOException {
        assertSameAsCommons("a,b,a\n1,2,3\n", List.of("a", "b"));
    }

    @Test
    void textBeyondAsciiIsDecodedAsUtf8() throws IOException {
        assertSameAsCommons("nom,ville\n\"Zoë, née\",日本\nçà,\"€\"\n", List.of("nom", "ville"));
    }

    @Test
    void headerOnlyAndEmptyFilesHaveNoRecords() throws IOException {
        for (String text : List.of("a,b\n", "a,b", "")) {
            assertSameAsCommons(text, List.of("a", "b"));
            try (CsvColumnReader reader = CsvColumnReader.open(file(text))) {
                assertThat(reader.header().keySet()).containsExactlyElementsOf(text.isEmpty() ? List.of()
                        : List.of("a", "b"));
                assertThat(reader.select(List.of("a")).next()).isFalse();
            }
        }
    }

    @Test
    void recordsLongerThanTheBufferMakeItGrow() throws IOException {
        String longCell = "x".repeat(5000);
        assertSameAsCommons("a,b\n" + longCell + ",\"" + longCell + "\n" + longCell + "\"\nshort,1\n",
                List.of("a", "b"));
    }

    @Test
    void filesWrittenByCsvOutputReadBackCellForCell() throws IOException {
        String[] pieces = {"a", "b", "7", "-3.5", ",", "\"", "\n", "\r", "\r\n", " ", "é", "日本", "=SUM(A1)", "+1",
            "@x", "'", "#", "", "true", "TRUE"};
        Random random = new Random(42);
        List<String> header = List.of("c0", "c1", "c2", "c3", "c4");
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 400; r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                StringBuilder cell = new StringBuilder();
                for (int k = random.nextInt(12); k > 0; k--) {
                    cell.append(pieces[random.nextInt(pieces.length)]);
                }
                row.add(cell.toString());
            }
            rows.add(row);
        }
        StringWriter text = new StringWriter();
        try (CsvOutput csv = new CsvOutput(text, header)) {
            for (List<Object> row : rows) {
                csv.row(row);
            }
        }
        assertSameAsCommons(text.toString(), List.of("c3", "c0", "c4"));
    }

    @Test
    void isComparesIgnoringCaseLikeEqualsIgnoreCase() throws IOException {
        Path file = file("v\ntrue\nTRUE\nTrue\ntru\ntruee\n\"\"\"true\"\"\"\nſ\n\n");
        List<String> cells = viaCommons(file, List.of("v")).stream().map(r -> r.get(0)).toList();
        for (String expected : List.of("true", "s", "")) {
            List<Boolean> matches = new ArrayList<>();
            try (CsvColumnReader reader = CsvColumnReader.open(file)) {
                reader.select(List.of("v"));
                while (reader.next()) {
                    matches.add(reader.is(0, expected));
                }
            }
            assertThat(matches).as("is(\"%s\")", expected)
                    .isEqualTo(cells.stream().map(c -> c.equalsIgnoreCase(expected)).toList());
        }
    }

    @Test
    void aQuotedCellLeftOpenIsAnErrorNamingTheFile() throws IOException {
        Path file = file("a,b\n0,0\n1,\"open\n2,3\n");
        for (int size : BUFFER_SIZES) {
            try (CsvColumnReader reader = CsvColumnReader.open(file, size)) {
                reader.select(List.of("a", "b"));
                assertThat(reader.next()).isTrue();
                assertThatThrownBy(reader::next).isInstanceOf(IOException.class)
                        .hasMessageContaining(file.toString()).hasMessageContaining("not closed");
            }
        }
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorNamingTheFile() throws IOException {
        Path file = file("a,b\n\"x\"y,1\n");
        try (CsvColumnReader reader = CsvColumnReader.open(file)) {
            reader.select(List.of("a"));
            assertThatThrownBy(reader::next).isInstanceOf(IOException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("after a closing quote");
        }
    }

    @Test
    void cellsCannotBeReadBeforeTheFirstRecord() throws IOException {
        try (CsvColumnReader reader = CsvColumnReader.open(file("a\n1\n"))) {
            reader.select(List.of("a"));
            assertThatThrownBy(() -> reader.get(0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void numbersAreReadAsDoublesAndAnEmptyOrMissingCellIsNaN() throws IOException {
        Path file = file("a,b,c,d,e,f,g\n7,12.5,,-3,\"4\",1e2,0.1\n");
        for (int size : BUFFER_SIZES) {
            try (CsvColumnReader reader = CsvColumnReader.open(file, size)
                    .select(List.of("a", "b", "c", "d", "e", "f", "g", "not_there"))) {
                assertThat(reader.next()).isTrue();
                assertThat(reader.number(0)).isEqualTo(7.0);
                assertThat(reader.number(1)).isEqualTo(12.5);
                assertThat(reader.number(2)).isNaN();
                assertThat(reader.number(3)).isEqualTo(-3.0);
                assertThat(reader.number(4)).isEqualTo(4.0);
                assertThat(reader.number(5)).isEqualTo(100.0);
                assertThat(reader.number(6)).isEqualTo(0.1);
                assertThat(reader.number(7)).as("a column the file lacks").isNaN();
            }
        }
    }

    @Test
    void labelsAreDecodedOnceAndEqualTheCellText() throws IOException {
        Path file = file("device,note\nmobile,\"a\"\"b\"\nmobile,a\"\"b\n");
        try (CsvColumnReader reader = CsvColumnReader.open(file, 4).select(List.of("device", "note", "absent"))) {
            assertThat(reader.next()).isTrue();
            String first = reader.label(0);
            assertThat(reader.label(1)).isEqualTo("a\"b");
            assertThat(reader.next()).isTrue();
            assertThat(reader.label(0)).isEqualTo("mobile").isSameAs(first);
            assertThat(reader.label(1)).as("the same bytes unquoted are another text").isEqualTo("a\"\"b");
            assertThat(reader.label(2)).isEmpty();
        }
    }
}
