package com.puffy.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** The fast row path of {@link CsvOutput} writes exactly what Commons CSV's printer writes. */
class CsvOutputFastPathTest {
    private static final String ALPHABET = "aZ09 ,\"\r\n#!$'-=+@.:/?&%~\t;é€_\u0000\u007f\u00a0";

    @Test
    void randomRowsAreByteIdenticalToThePrinter() throws Exception {
        Random random = new Random(42);
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 50_000; r++) {
            List<Object> row = new ArrayList<>();
            int cells = 1 + random.nextInt(5);
            for (int c = 0; c < cells; c++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    row.add(null);
                } else if (kind == 1) {
                    row.add(random.nextBoolean() ? (Object) (random.nextInt(2000) - 1000) : (Object) (random.nextLong()));
                } else if (kind == 2) {
                    row.add(random.nextDouble() * 100);
                } else if (kind == 3) {
                    row.add(random.nextBoolean());
                } else {
                    StringBuilder text = new StringBuilder();
                    int length = random.nextInt(6);
                    for (int i = 0; i < length; i++) {
                        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                    row.add(text.toString());
                }
            }
            rows.add(row);
        }
        StringWriter fast = new StringWriter();
        try (CsvOutput out = new CsvOutput(fast, List.of("a", "b"))) {
            for (List<Object> row : rows) {
                out.row(row);
                out.row(row.toArray());
            }
        }
        StringWriter reference = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(reference, CsvOutput.FORMAT)) {
            printer.printRecord(List.of("a", "b"));
            for (List<Object> row : rows) {
                for (int twice = 0; twice < 2; twice++) {
                    for (Object cell : row) {
                        printer.print(CsvOutput.render(cell));
                    }
                    printer.println();
                }
            }
        }
        assertThat(fast.toString()).isEqualTo(reference.toString());
    }

    @Test
    void plainCellsAreOnlyThoseThatNeverNeedQuotes() {
        assertThat(CsvOutput.plain("2025-02-23T10:00:00.000Z")).isTrue();
        assertThat(CsvOutput.plain("https://puffy.com/?a=1&b=2")).isTrue();
        assertThat(CsvOutput.plain("")).isFalse();
        assertThat(CsvOutput.plain("a,b")).isFalse();
        assertThat(CsvOutput.plain("#x")).isFalse();
        assertThat(CsvOutput.plain("a b")).isTrue();
        assertThat(CsvOutput.plain(" ab")).isFalse();
        assertThat(CsvOutput.plain("ab ")).isFalse();
        assertThat(CsvOutput.plain("a\"b")).isFalse();
        assertThat(CsvOutput.plain("é")).isFalse();
        assertThat(CsvOutput.plain("aé")).isTrue();
        assertThat(CsvOutput.plain("a\t")).isFalse();
    }
}
