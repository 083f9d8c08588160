package com.puffy.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every string written through our CSV writers reads back exactly through the engine's readers of our outputs
 * (Commons CSV via {@link CsvInput}, and {@link CsvColumnReader}), each undoing the formula protection with
 * {@link CsvInput#unprotect}. Each value is written first in a row (where the printer quotes by other rules) and
 * in the middle of it.
 */
class CsvRoundTripTest {
    static final List<String> HEADER = List.of("first", "id", "middle", "tail");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'-5|''-5",
            "'=x|''=x",
            "''|'''",
            "'''|''''",
            "'|'",
            "'a|'a",
            "'s-Hertogenbosch|'s-Hertogenbosch",
            "'5|'5"})
    void aValueStartingWithAnApostropheIsProtectedOnlyWhenReadersWouldDropIt(String value, String written) {
        assertThat(CsvOutput.formulaSafe(value)).isEqualTo(written);
        assertThat(CsvInput.unprotect(written)).isEqualTo(value);
    }

    @Test
    void everyStringWrittenByCsvOutputReadsBackExactlyThroughEveryEngineReader() throws Exception {
        List<String> values = CsvSamples.strings(3000);
        Path file = dir.resolve("out.csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvOutput csv = new CsvOutput(writer, HEADER)) {
            for (int i = 0; i < values.size(); i++) {
                csv.row(values.get(i), i, values.get(i), "end");
            }
        }
        assertReadsBack(file, values);
    }

    @Test
    void everyStringWrittenByTheFastPathReadsBackExactlyThroughEveryEngineReader() throws Exception {
        List<String> values = CsvSamples.strings(3000);
        StringBuilder text = new StringBuilder(CsvCells.line(HEADER));
        for (int i = 0; i < values.size(); i++) {
            CsvCells.appendText(text, values.get(i));
            text.append(',').append(i).append(',');
            CsvCells.appendText(text, values.get(i));
            text.append(",end\n");
        }
        Path file = dir.resolve("fast.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertReadsBack(file, values);
    }

    private static void assertReadsBack(Path file, List<String> values) throws Exception {
        List<String> commons = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(file)) {
            for (CSVRecord record : parser) {
                int i = Integer.parseInt(record.get("id"));
                assertThat(CsvInput.unprotect(record.get("first"))).as("Commons CSV, first cell of row %d", i)
                        .isEqualTo(values.get(i));
                commons.add(CsvInput.unprotect(record.get("middle")));
                assertThat(record.get("tail")).isEqualTo("end");
            }
        }
        assertThat(commons).as("Commons CSV").containsExactlyElementsOf(values);

        List<String> columns = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (CsvColumnReader reader = CsvColumnReader.open(file, 64).select(HEADER)) {
            while (reader.next()) {
                int i = Integer.parseInt(reader.get(1));
                assertThat(CsvInput.unprotect(reader.get(0))).as("CsvColumnReader, first cell of row %d", i)
                        .isEqualTo(values.get(i));
                columns.add(CsvInput.unprotect(reader.get(2)));
                labels.add(CsvInput.unprotect(reader.label(2)));
                assertThat(reader.get(3)).isEqualTo("end");
            }
        }
        assertThat(columns).as("CsvColumnReader.get").containsExactlyElementsOf(values);
        assertThat(labels).as("CsvColumnReader.label").containsExactlyElementsOf(values);
    }
}
