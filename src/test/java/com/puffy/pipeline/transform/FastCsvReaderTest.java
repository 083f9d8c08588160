package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastCsvReaderTest {
    private static List<List<String>> read(String text, int buffer) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (FastCsvReader csv = new FastCsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                buffer)) {
            while (csv.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < csv.fieldCount(); i++) {
                    fields.add(csv.string(i));
                }
                records.add(fields);
            }
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 16, 1 << 20})
    void readsQuotesEscapesLineBreaksAndCrlfAcrossBufferRefills(int buffer) throws IOException {
        String text = "\uFEFFa,b,c\r\n1,\"x,y\",\"say \"\"hi\"\"\"\r\n\n2,\"two\nlines\",\n3,,\"\"";
        assertThat(read(text, buffer)).containsExactly(
                List.of("a", "b", "c"),
                List.of("1", "x,y", "say \"hi\""),
                List.of("2", "two\nlines", ""),
                List.of("3", "", ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 1 << 20})
    void internsEqualValuesToOneIdWhetherQuotedOrNot(int buffer) throws IOException {
        String text = "h\nabc\n\"abc\"\n\"a\"\"b\"\na\"b\n";
        ByteDictionary dictionary = new ByteDictionary(4);
        List<Integer> ids = new ArrayList<>();
        try (FastCsvReader csv = new FastCsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                buffer)) {
            csv.next();
            while (csv.next()) {
                ids.add(csv.intern(0, dictionary));
            }
        }
        assertThat(ids).containsExactly(0, 0, 1, 1);
        assertThat(dictionary.get(1)).isEqualTo("a\"b");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 1 << 20})
    void countsLinesOfRecordsThatSpanSeveralLines(int buffer) throws IOException {
        String text = "h1,h2\n\"a\nb\",1\nc,2\n";
        List<Long> lines = new ArrayList<>();
        try (FastCsvReader csv = new FastCsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                buffer)) {
            while (csv.next()) {
                lines.add(csv.line());
            }
        }
        assertThat(lines).containsExactly(1L, 2L, 4L);
    }

    @org.junit.jupiter.api.Test
    void aDictionaryGrowsAndKeepsEveryValue() {
        ByteDictionary dictionary = new ByteDictionary(2);
        for (int i = 0; i < 10_000; i++) {
            byte[] value = ("client-" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(dictionary.intern(value, 0, value.length)).isEqualTo(i);
        }
        byte[] again = "client-4242".getBytes(StandardCharsets.UTF_8);
        assertThat(dictionary.intern(again, 0, again.length)).isEqualTo(4242);
        assertThat(dictionary.size()).isEqualTo(10_000);
        assertThat(dictionary.get(9_999)).isEqualTo("client-9999");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 64, 1 << 20})
    void randomFilesReadLikeCommonsCsv(int buffer) throws IOException {
        java.util.Random random = new java.util.Random(buffer);
        String alphabet = "abcXYZ019 ,\"\n\r;:/?=&é";
        StringBuilder text = new StringBuilder();
        java.io.StringWriter expected = new java.io.StringWriter();
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(expected,
                com.puffy.pipeline.io.CsvOutput.FORMAT)) {
            for (int r = 0; r < 2_000; r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    StringBuilder cell = new StringBuilder();
                    int length = random.nextInt(r % 50 == 0 ? 200 : 20);
                    for (int i = 0; i < length; i++) {
                        cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    row.add(cell.toString());
                }
                printer.printRecord(row);
            }
        }
        List<List<String>> reference = new ArrayList<>();
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(expected.toString(),
                org.apache.commons.csv.CSVFormat.RFC4180)) {
            for (org.apache.commons.csv.CSVRecord record : parser) {
                reference.add(record.toList());
            }
        }
        assertThat(read(expected.toString(), buffer)).isEqualTo(reference);
    }

    @org.junit.jupiter.api.Test
    void wordScansFindTheSameByteAsAByteLoop() {
        java.util.Random random = new java.util.Random(7);
        // Control characters near LF and CR (which the unquoted scan tests for together), and non-ASCII bytes.
        byte[] alphabet = {'a', 'b', ',', '\n', '\r', '"', 'x', '\t', 0, 0x0B, 0x0C, 0x0E, 0x1F, (byte) 0x8D,
            (byte) 0x8E, (byte) 0xC3, (byte) 0xFF};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'a';
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int unquoted = from;
            while (unquoted < bytes.length && bytes[unquoted] != ',' && bytes[unquoted] != '\n' && bytes[unquoted] != '\r') {
                unquoted++;
            }
            int quoted = from;
            while (quoted < bytes.length && bytes[quoted] != '"' && bytes[quoted] != '\n') {
                quoted++;
            }
            assertThat(FastCsvReader.scanUnquoted(bytes, from, bytes.length)).isEqualTo(unquoted);
            assertThat(FastCsvReader.scanQuoted(bytes, from, bytes.length)).isEqualTo(quoted);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 9, 1 << 20})
    void eachFieldsOffsetPointsAtItsBytesInTheInput(int buffer) throws IOException {
        String text = "\uFEFFa,b,c\n1,\"x\",\"q,\"\"\nr\"\r\n\n2,ünï,\"\"\n3,w";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> fields = new ArrayList<>();
        try (FastCsvReader csv = new FastCsvReader(new ByteArrayInputStream(bytes), buffer)) {
            while (csv.next()) {
                for (int f = 0; f < csv.fieldCount(); f++) {
                    int length = csv.end(f) - csv.start(f);
                    int at = (int) csv.offset(f);
                    fields.add(new String(bytes, at, length, StandardCharsets.UTF_8) + (csv.isEscaped(f) ? "*" : ""));
                }
            }
        }
        assertThat(fields).containsExactly("a", "b", "c", "1", "x", "q,\"\"\nr*", "2", "ünï", "", "3", "w");
    }
}
