package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.UiThreads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table over a file on disk shows, filters, sorts, searches and exports the same rows as the whole file held in
 * memory, while holding only where its rows start.
 */
class FileTableTest {
    @TempDir
    Path dir;

    private Path tricky() throws Exception {
        return Files.writeString(dir.resolve("t.csv"), "session_id,landing_page,channel,revenue,note\r\n"
                + "s1,\"https://puffy.com/?a=1,b=2\",Direct,10.5,\"say \"\"hi\"\"\"\r\n"
                + "s2,https://puffy.com/caf\u00e9,Paid Search,,\"two\nlines\"\n"
                + "s3,'=HYPERLINK(1),Direct,0,'-5\n"
                + "s4,short,Direct\n"
                + "s5,\"\",\"Direct\" ,7,\u00fcber,extra\n"
                + "s6,K\u212aelvin,Email,2,last line without a break", StandardCharsets.UTF_8);
    }

    private static List<List<String>> cells(List<String[]> rows) {
        return rows.stream().map(List::of).toList();
    }

    /**
     * Over more rows than the search's window holds at once and with needles the raw bytes hold across cells, in
     * quotes, past ASCII and in another case, the search on disk finds the rows the whole file in memory gives.
     */
    @Test
    void aSearchOfManyRowsGivesTheRowsOfTheWholeFileInMemory() throws Exception {
        StringBuilder text = new StringBuilder("session_id,channel,note,revenue\n");
        java.util.Random random = new java.util.Random(3);
        String[] notes = {"plain", "\"a, \"\"quoted\"\" 000C6\"", "caf\u00e9 000c6", "K\u212aelvin", "", "paid SOCIAL"};
        for (int r = 0; r < 300_000; r++) {
            text.append('s').append(r).append(',').append(r % 7 == 0 ? "Paid Social" : "Direct").append(',')
                    .append(notes[random.nextInt(notes.length)]).append(',')
                    .append(random.nextInt(5) == 0 ? "" : Integer.toString(random.nextInt(1000))).append('\n');
        }
        Path file = Files.writeString(dir.resolve("many.csv"), text, StandardCharsets.UTF_8);
        FileTable onDisk = FileTable.open(file, List.of("channel"));
        CsvTable inMemory = CsvTable.read(file);
        for (TableQuery query : List.of(new TableQuery("000c6", -1, Map.of(), -1, true),
                new TableQuery("paid social", -1, Map.of(), 3, false),
                new TableQuery("\"quoted\"", 2, Map.of(), -1, true),
                new TableQuery("k", 2, Map.of(1, Set.of("Direct")), 0, true),
                new TableQuery("s12", -1, Map.of(), -1, true))) {
            assertThat(query.order(onDisk)).as(query.toString()).containsExactly(query.order(inMemory));
        }
    }

    @Test
    void rowsReadFromDiskAreTheCellsOfTheWholeFileInMemory() throws Exception {
        Path file = tricky();
        FileTable onDisk = FileTable.open(file, List.of("channel"));
        CsvTable inMemory = CsvTable.read(file);
        assertThat(onDisk.columns()).isEqualTo(inMemory.columns());
        assertThat(onDisk.size()).isEqualTo(6);
        assertThat(cells(TableQuery.all().apply(onDisk))).isEqualTo(cells(inMemory.rows()));
        assertThat(onDisk.row(2)[1]).isEqualTo("=HYPERLINK(1)");
        assertThat(onDisk.values(2).distinct()).containsExactly("Direct", "Email", "Paid Search");
        assertThat(onDisk.looksNumeric(3)).isTrue();
        assertThat(onDisk.looksNumeric(0)).isFalse();
        for (int c = 0; c < inMemory.columns().size(); c++) {
            int column = c;
            ColumnValues read = onDisk.values(c);
            assertThat(java.util.stream.IntStream.range(0, onDisk.size()).mapToObj(read::get).toList())
                    .as("column %s read from where each row starts", inMemory.columns().get(c))
                    .isEqualTo(inMemory.rows().stream().map(row -> row[column]).toList());
        }
    }

    @Test
    void searchFacetsAndSortGiveTheSameRowsAsInMemory() throws Exception {
        Path file = tricky();
        FileTable onDisk = FileTable.open(file, List.of("channel"));
        CsvTable inMemory = CsvTable.read(file);
        List<TableQuery> queries = List.of(
                new TableQuery("HI", -1, Map.of(), -1, true),
                new TableQuery("\"hi\"", -1, Map.of(), -1, true),
                new TableQuery("a=1,b", -1, Map.of(), -1, true),
                new TableQuery("caf\u00c9", -1, Map.of(), -1, true),
                new TableQuery("k", 1, Map.of(), -1, true),
                new TableQuery("two\nlines", 4, Map.of(), -1, true),
                new TableQuery("=hyper", -1, Map.of(), -1, true),
                new TableQuery("", -1, Map.of(2, Set.of("Direct")), 3, false),
                new TableQuery("s", 0, Map.of(2, Set.of("Direct", "Email")), 1, true),
                new TableQuery("", -1, Map.of(), 4, true),
                new TableQuery("", -1, Map.of(), 0, false));
        for (TableQuery query : queries) {
            assertThat(query.order(onDisk)).as(query.toString()).containsExactly(query.order(inMemory));
        }
        assertThat(new TableQuery("k", 1, Map.of(), -1, true).order(onDisk)).as("the Kelvin sign lowers to k")
                .containsExactly(2, 5);
        assertThat(cells(new TableQuery("", -1, Map.of(), 3, true).apply(onDisk))).extracting(r -> r.get(3))
                .containsExactly("0", "2", "7", "10.5", "", "");
    }

    @Test
    void aColumnOfMoreValuesThanADictionaryHoldsSortsByItsText() throws Exception {
        StringBuilder text = new StringBuilder("id,channel\n");
        int rows = ColumnValues.DICTIONARY_LIMIT + 500;
        for (int i = 0; i < rows; i++) {
            text.append("id-").append((i * 7919) % rows).append(i % 2 == 0 ? ",Direct\n" : ",Email\n");
        }
        FileTable table = FileTable.open(Files.writeString(dir.resolve("big.csv"), text), List.of("channel"));
        int[] down = new TableQuery("", -1, Map.of(), 0, false).order(table);
        List<String> ids = new ArrayList<>();
        for (int r : down) {
            ids.add(table.values(0).get(r));
        }
        List<String> expected = new ArrayList<>(ids);
        expected.sort(java.util.Comparator.reverseOrder());
        assertThat(ids).hasSize(rows).isEqualTo(expected);
        assertThat(new TableQuery("", -1, Map.of(1, Set.of("Email")), -1, true).order(table)).hasSize(rows / 2);
    }

    /** The progress it promises runs from 0 to 100: a small file's rows all start before its last byte. */
    @Test
    void openingAFileReportsItsProgressUpToOneHundred() throws Exception {
        StringBuilder text = new StringBuilder("id,channel\n");
        for (int i = 0; i < 10_000; i++) {
            text.append("id-").append(i).append(",Direct\n");
        }
        List<Integer> said = new ArrayList<>();
        FileTable.open(Files.writeString(dir.resolve("progress.csv"), text), List.of("channel"), said::add);
        assertThat(said).first().isEqualTo(0);
        assertThat(said).last().isEqualTo(100);
        assertThat(said).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFileReplacedUnderTheTableReadsAsEmptyCellsNotAsAnotherFilesBytes() throws Exception {
        Path file = tricky();
        FileTable table = FileTable.open(file, List.of());
        Files.writeString(file, "x,y\nsomething else entirely,1\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertThat(table.row(3)).containsOnly("");
    }

    @Test
    void aHeaderNamingAColumnTwiceIsLeftToTheInMemoryTable() throws Exception {
        Path file = Files.writeString(dir.resolve("twice.csv"), "a,b,a\n1,2,3\n");
        assertThat(FileTable.open(file, List.of())).isNull();
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of());
        model.load(file, "run it");
        assertThat(cells(model.rowsProperty().get())).containsExactly(List.of("1", "2", "3"));
    }

    @Test
    void exportOfAFilteredSortedViewWritesEveryMatchingRowInOrder() throws Exception {
        StringBuilder text = new StringBuilder("id,channel,revenue\n");
        for (int i = 0; i < 5000; i++) {
            text.append("id-").append(i).append(i % 3 == 0 ? ",Email," : ",Direct,").append(i % 17).append('\n');
        }
        Path file = Files.writeString(dir.resolve("sessions.csv"), text);
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of("channel"));
        model.load(file, "run it");
        model.setFacet("channel", Set.of("Email"));
        model.setSort("revenue", false);
        assertThat(model.countTextProperty().get()).isEqualTo("1,667 of 5,000 rows");
        Path out = dir.resolve("export.csv");
        TableExport.write(List.of("revenue", "id"), new int[] {2, 0}, model.rowsProperty().get(), out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1668);
        assertThat(lines.get(0)).isEqualTo("revenue,id");
        assertThat(lines.get(1)).isEqualTo("16,id-33");
        int[] revenues = lines.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[0])).toArray();
        int[] sorted = revenues.clone();
        Arrays.sort(sorted);
        assertThat(revenues[0]).isEqualTo(sorted[sorted.length - 1]);
        assertThat(revenues[revenues.length - 1]).isZero();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() throws Exception {
        Path file = Files.write(dir.resolve("bom.csv"),
                "\uFEFFevent_type,n\r\npage_viewed,1\r\npurchase,2".getBytes(StandardCharsets.UTF_8));
        FileTable onDisk = FileTable.open(file, List.of("event_type"));
        assertThat(onDisk.columns()).containsExactly("event_type", "n");
        assertThat(onDisk.values(0).distinct()).containsExactly("page_viewed", "purchase");
        assertThat(CsvTable.read(file).columns()).containsExactly("event_type", "n");
        assertThat(CsvTable.read(file, "event_type", "purchase").rows()).hasSize(1);
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of("event_type"));
        model.load(file, "run it");
        model.setSort("event_type", false);
        assertThat(cells(model.rowsProperty().get())).containsExactly(List.of("purchase", "2"),
                List.of("page_viewed", "1"));
    }

    @Test
    void aNumericColumnWithNaNSortsAsNumbersWithNaNAmongTheBlanksLast() throws Exception {
        Path file = Files.writeString(dir.resolve("rates.csv"), "rate\n3\n\nNaN\n-2\n1e3\n-1.5E-2\n10\n");
        FileTable onDisk = FileTable.open(file, List.of());
        assertThat(onDisk.looksNumeric(0)).isTrue();
        for (TableData table : List.of(onDisk, CsvTable.read(file))) {
            assertThat(cells(new TableQuery("", -1, Map.of(), 0, true).apply(table))).extracting(r -> r.get(0))
                    .containsExactly("-2", "-1.5E-2", "3", "10", "1e3", "", "NaN");
            assertThat(cells(new TableQuery("", -1, Map.of(), 0, false).apply(table))).extracting(r -> r.get(0))
                    .containsExactly("1e3", "10", "3", "-1.5E-2", "-2", "", "NaN");
        }
    }

    @Test
    void aFileReplacedUnderTheOpenTableIsReadAgainSayingWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("findings.csv"), "code,n\nA,1\nB,2\nC,3\n");
        List<String> placeholders = new ArrayList<>();
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of("code"));
        model.placeholderProperty().addListener((obs, old, now) -> placeholders.add(now));
        model.load(file, "run it");
        Files.writeString(file, "code,n\nZ,9\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        String[] drawn = model.rowsProperty().get().get(1);
        assertThat(drawn).containsOnly("");
        assertThat(placeholders).contains("findings.csv changed on disk: reading it again…");
        assertThat(cells(model.rowsProperty().get())).containsExactly(List.of("Z", "9"));
        assertThat(model.facetValues("code")).containsExactly("Z");
        assertThat(model.countTextProperty().get()).isEqualTo("1 row");
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void aReloadAfterARunThatLeftTheFileAsItWasKeepsTheRowsSortAndFiltersWithoutReadingAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("sessions.csv"), "id,channel\na,Direct\nb,Email\nc,Direct\n");
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of("channel"));
        model.load(file, "run it");
        model.setFacet("channel", java.util.Set.of("Direct"));
        model.setSort("id", false);
        TableData read = model.tableProperty().get();
        List<String> placeholders = new ArrayList<>();
        model.placeholderProperty().addListener((obs, old, now) -> placeholders.add(now));

        model.load(file, "run it");
        model.setShown(false);
        model.loadWhenShown(file, "run it");
        model.setShown(true);

        assertThat(model.tableProperty().get()).isSameAs(read);
        assertThat(placeholders).isEmpty();
        assertThat(cells(model.rowsProperty().get())).containsExactly(List.of("c", "Direct"), List.of("a", "Direct"));

        Files.writeString(file, "id,channel\nz,Direct\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        model.load(file, "run it");
        assertThat(model.tableProperty().get()).isNotSameAs(read);
        assertThat(placeholders).contains("Loading sessions.csv…");
        assertThat(cells(model.rowsProperty().get())).containsExactly(List.of("z", "Direct"));
    }

    @Test
    void aSortOnAFileTruncatedUnderTheTableReadsItAgainInsteadOfFailing() throws Exception {
        Path file = Files.writeString(dir.resolve("sessions.csv"), "id,n\na,1\nb,2\n");
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of());
        model.load(file, "run it");
        Files.writeString(file, "id,n\n");
        model.setSort("n", false);
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.rowsProperty().get()).isEmpty();
        assertThat(model.countTextProperty().get()).isEqualTo("0 rows");
        Files.delete(file);
        model.setSort("id", true);
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.emptyReasonProperty().get()).isEqualTo("run it");
    }

    @Test
    void aValueFilterOverTooManyDistinctValuesSaysWhyItListsNothing() throws Exception {
        StringBuilder text = new StringBuilder("session_id,channel\n");
        for (int i = 0; i <= ColumnValues.DICTIONARY_LIMIT; i++) {
            text.append('s').append(i).append(",Direct\n");
        }
        Path file = Files.writeString(dir.resolve("sessions.csv"), text);
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of("session_id", "channel"));
        model.load(file, "run it");
        assertThat(model.facetValues("session_id")).isEmpty();
        assertThat(model.facetNote("session_id").get())
                .isEqualTo("More than 65,536 different session_id values, too many to list: type one in the search"
                        + " instead.");
        assertThat(model.facetNote("channel").get()).isEmpty();
        assertThat(model.facetValues("channel")).containsExactly("Direct");
    }

    @Test
    void anExportOfAFileReplacedUnderTheTableWritesNothingInsteadOfBlankRows() throws Exception {
        Path file = Files.writeString(dir.resolve("findings.csv"), "code,n\nA,1\nB,2\n");
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of());
        model.load(file, "run it");
        List<String[]> shown = model.rowsProperty().get();
        Files.writeString(file, "code,n\nZZZ,99\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Path out = dir.resolve("export.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableExport.write(List.of("code", "n"), shown, out))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("findings.csv changed on disk while it was exported, so export.csv was not written: "
                        + "export again once the table has been read again.");
        assertThat(out).doesNotExist();
    }

    @Test
    void sortSearchFilterThenExportWritesExactlyTheRowsShownInOrderFormulaSafe() throws Exception {
        Path file = Files.writeString(dir.resolve("q.csv"), "id,channel,value,note\n"
                + "a,Direct,-2,'=1+2\n"
                + "b,Email,1e3,\"x,\ny\"\n"
                + "c,Direct,,caf\u00e9 'x\n"
                + "d,Direct,NaN,'@me\n"
                + "e,Direct,3.5,plain\n"
                + "f,Direct,-1E1,'-1+2", StandardCharsets.UTF_8);
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of("channel"));
        model.load(file, "run it");
        model.setSort("value", false);
        model.filterTextProperty().set("a");
        model.apply();
        model.setFacet("channel", Set.of("Direct"));
        List<String[]> shown = model.rowsProperty().get();
        assertThat(cells(shown)).extracting(r -> r.get(0)).containsExactly("e", "a", "c", "d");
        Path out = dir.resolve("export.csv");
        TableExport.write(List.of("id", "channel", "value", "note"), shown, out);
        assertThat(Files.readString(out)).isEqualTo("id,channel,value,note\n"
                + "e,Direct,3.5,plain\n"
                + "a,Direct,-2,'=1+2\n"
                + "c,Direct,,caf\u00e9 'x\n"
                + "d,Direct,NaN,'@me\n");
        assertThat(cells(new TableQuery("", -1, Map.of(), 2, true).apply(FileTable.open(file, List.of()))))
                .extracting(r -> r.get(0)).containsExactly("f", "a", "e", "b", "c", "d");
    }

    @Test
    void aHeaderOnlyFileSaysItHasNoRowsRatherThanBlameTheFilters() throws Exception {
        Path file = Files.writeString(dir.resolve("quarantine.csv"), "file,line,reasons\r\n");
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of("reasons"));
        model.load(file, "run it");
        assertThat(model.rowsProperty().get()).isEmpty();
        assertThat(model.countTextProperty().get()).isEqualTo("0 rows");
        assertThat(model.placeholderProperty().get()).isEqualTo("quarantine.csv has no rows.");
        assertThat(model.facetValues("reasons")).isEmpty();
        assertThat(model.facetNote("reasons").get()).isEmpty();
        model.filterTextProperty().set("x");
        model.apply();
        assertThat(model.placeholderProperty().get()).isEqualTo("quarantine.csv has no rows.");
    }
}
