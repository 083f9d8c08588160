package com.puffy.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvByteReaderTest {
    private static List<List<String>> records(String csv, int bufferSize) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CsvByteReader reader = new CsvByteReader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), bufferSize)) {
            while (reader.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < reader.fields(); i++) {
                    fields.add(reader.text(i));
                }
                records.add(fields);
            }
        }
        return records;
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksWhateverTheBufferSize() throws IOException {
        String csv = "a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,é\n";
        for (int size : new int[] {4, 5, 7, 16, 1 << 20}) {
            assertThat(records(csv, size)).as("buffer of %d bytes", size).containsExactly(
                    List.of("a", "b", "c"),
                    List.of("x,1", "say \"hi\"", "two\nlines"),
                    List.of("plain", "", "é"));
        }
    }

    @Test
    void lastRecordWithoutNewlineAndEmptyFileAreRead() throws IOException {
        assertThat(records("a,b\n1,\"2\"", 4)).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(records("", 4)).isEmpty();
        assertThat(records("\"\"", 4)).containsExactly(List.of(""));
    }

    @Test
    void numbersAreReadAsDoublesAndEmptyIsMissing() throws IOException {
        try (CsvByteReader reader = new CsvByteReader(new ByteArrayInputStream(
                "7,12.5,,-3,\"4\",1e2,0.1\n".getBytes(StandardCharsets.US_ASCII)), 4)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.number(0)).isEqualTo(7.0);
            assertThat(reader.number(1)).isEqualTo(12.5);
            assertThat(reader.number(2)).isNaN();
            assertThat(reader.number(3)).isEqualTo(-3.0);
            assertThat(reader.number(4)).isEqualTo(4.0);
            assertThat(reader.number(5)).isEqualTo(100.0);
            assertThat(reader.number(6)).isEqualTo(0.1);
            assertThat(reader.number(9)).as("a field past the end of a short record").isNaN();
            assertThat(reader.is(4, "4".getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(reader.is(3, "4".getBytes(StandardCharsets.US_ASCII))).isFalse();
        }
    }

    @Test
    void labelsAreDecodedOnceAndEqualTheText() throws IOException {
        try (CsvByteReader reader = new CsvByteReader(new ByteArrayInputStream(
                "mobile,\"a\"\"b\"\nmobile,a\"\"b\n".getBytes(StandardCharsets.US_ASCII)), 4)) {
            assertThat(reader.next()).isTrue();
            String first = reader.label(0);
            assertThat(reader.label(1)).isEqualTo("a\"b");
            assertThat(reader.next()).isTrue();
            assertThat(reader.label(0)).isEqualTo("mobile").isSameAs(first);
            assertThat(reader.label(1)).as("the same bytes unquoted are another text").isEqualTo("a\"\"b");
            assertThat(reader.label(5)).isEmpty();
        }
    }

    @Test
    void aQuoteLeftOpenAtTheEndIsAnError() {
        assertThatThrownBy(() -> records("a,b\n\"open,1\n", 4)).isInstanceOf(IOException.class)
                .hasMessageContaining("not closed");
    }
}
