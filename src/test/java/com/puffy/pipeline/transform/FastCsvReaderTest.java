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
}
