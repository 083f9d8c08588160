package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables read straight from the bytes hold the same cells Commons CSV gives, and share repeated values. */
class CsvTableTest {
    @TempDir
    Path dir;

    private static List<List<String>> throughCommonsCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CsvInput.open(file)) {
            int width = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    row.add(c < record.size() ? CsvInput.unprotect(record.get(c)) : "");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> cells(CsvTable table) {
        return table.rows().stream().map(List::of).toList();
    }

    @Test
    void theCellsAreThoseCommonsCsvReads() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "session_id,landing_page,channel,revenue,note\r\n"
                + "s1,\"https://puffy.com/?a=1,b=2\",Direct,10.5,\"say \"\"hi\"\"\"\r\n"
                + "s2,https://puffy.com/caf\u00e9,Paid Search,,\"two\nlines\"\n"
                + "s3,'=HYPERLINK(1),Direct,0,'-5\n"
                + "s4,short,Direct\n"
                + "s5,\"\",\"Direct\" ,7,\u00fcber\n", StandardCharsets.UTF_8);
        CsvTable table = CsvTable.read(file);
        assertThat(table.columns()).containsExactly("session_id", "landing_page", "channel", "revenue", "note");
        assertThat(cells(table)).isEqualTo(throughCommonsCsv(file));
        assertThat(table.rows().get(2)[1]).isEqualTo("=HYPERLINK(1)");
        assertThat(table.rows().get(3)).containsExactly("s4", "short", "Direct", "", "");
        assertThat(table.isNumeric(3)).isTrue();
    }

    @Test
    void repeatedValuesShareOneStringUntilAColumnHasTooManyDistinctOnes() throws Exception {
        StringBuilder text = new StringBuilder("id,channel\n");
        for (int i = 0; i < 5000; i++) {
            text.append("id-").append(i).append(',').append(i % 2 == 0 ? "Direct" : "Email").append('\n');
        }
        CsvTable table = CsvTable.read(Files.writeString(dir.resolve("t.csv"), text));
        assertThat(table.size()).isEqualTo(5000);
        assertThat(table.rows().get(0)[1]).isSameAs(table.rows().get(4998)[1]);
        assertThat(table.rows().get(4999)[0]).isEqualTo("id-4999");
    }

    @Test
    void onlyTheRowsOfTheChosenValuesAreKept() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "client_id,page\na,1\nb,2\na,3\n'=c,4\n");
        assertThat(cells(CsvTable.read(file, "client_id", Set.of("a", "=c"))))
                .containsExactly(List.of("a", "1"), List.of("a", "3"), List.of("=c", "4"));
        assertThatThrownBy(() -> CsvTable.read(file, "nope", Set.of("a"))).hasMessageContaining("has no column nope");
    }

    @Test
    void aHeaderNamingAColumnTwiceKeepsBothColumns() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "a,b,a\n1,2,3\n");
        CsvTable table = CsvTable.read(file);
        assertThat(table.columns()).containsExactly("a", "b", "a");
        assertThat(cells(table)).containsExactly(List.of("1", "2", "3"));
    }

    @Test
    void aQuoteLeftOpenIsAnErrorNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.csv"), "a,b\n1,\"never closed\n");
        assertThatThrownBy(() -> CsvTable.read(file)).isInstanceOf(IOException.class).hasMessageContaining("broken.csv");
    }
}
