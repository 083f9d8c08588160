package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableQueryTest {
    @TempDir
    Path dir;

    private CsvTable table() throws Exception {
        Path file = dir.resolve("findings.csv");
        Files.writeString(file, "file,line,severity,code,value\n"
                + "a.csv,10,ERROR,MISSING_CLIENT_ID,\n"
                + "a.csv,2,WARNING,BOT_USER_AGENT,Googlebot\n"
                + "b.csv,,INFO,DUPLICATE_EVENT,x\n"
                + "b.csv,7,ERROR,INVALID_TIMESTAMP,'=1+2\n");
        return CsvTable.read(file);
    }

    /** As a run leaves the file: written anew (a later modification time), the same rows. */
    private Path rewritten() throws Exception {
        Path file = dir.resolve("findings.csv");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 5000));
        return file;
    }

    @Test
    void readsByHeaderAndUndoesTheFormulaGuard() throws Exception {
        CsvTable t = table();
        assertThat(t.columns()).containsExactly("file", "line", "severity", "code", "value");
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.rows().get(3)[4]).isEqualTo("=1+2");
        assertThat(t.isNumeric(1)).isTrue();
        assertThat(t.isNumeric(0)).isFalse();
    }

    @Test
    void repeatedValuesShareOneString() throws Exception {
        CsvTable t = table();
        assertThat(t.rows().get(0)[0]).isSameAs(t.rows().get(1)[0]);
    }

    @Test
    void numericColumnsSortAsNumbersWithEmptyCellsLast() throws Exception {
        CsvTable t = table();
        List<String[]> up = new TableQuery("", -1, Map.of(), 1, true).apply(t);
        assertThat(up).extracting(r -> r[1]).containsExactly("2", "7", "10", "");
        List<String[]> down = new TableQuery("", -1, Map.of(), 1, false).apply(t);
        assertThat(down).extracting(r -> r[1]).containsExactly("10", "7", "2", "");
    }

    @Test
    void rowsThatCompareEqualKeepTheirOrderInTheFileWhicheverTheDirection() throws Exception {
        StringBuilder csv = new StringBuilder("group,n\n");
        for (int n = 0; n < 500; n++) {
            csv.append(n * 7 % 3 == 0 ? "A" : "B").append(',').append(n).append('\n');
        }
        Path file = Files.writeString(dir.resolve("many.csv"), csv);
        CsvTable t = CsvTable.read(file);
        for (boolean ascending : new boolean[] {true, false}) {
            List<String[]> sorted = new TableQuery("", -1, Map.of(), 0, ascending).apply(t);
            assertThat(sorted.get(0)[0]).isEqualTo(ascending ? "A" : "B");
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i)[0].equals(sorted.get(i - 1)[0])) {
                    assertThat(Integer.parseInt(sorted.get(i)[1])).isGreaterThan(Integer.parseInt(sorted.get(i - 1)[1]));
                }
            }
        }
    }

    @Test
    void severitiesSortByHowBadTheyAreNotAlphabetically() throws Exception {
        Path file = dir.resolve("alerts.csv");
        Files.writeString(file, "check,severity\nA,INFO\nB,WARNING\nC,CRITICAL\nD,\nE,WARNING\n");
        CsvTable t = CsvTable.read(file);
        assertThat(new TableQuery("", -1, Map.of(), 1, true).apply(t)).extracting(r -> r[1])
                .containsExactly("CRITICAL", "WARNING", "WARNING", "INFO", "");
        assertThat(new TableQuery("", -1, Map.of(), 1, false).apply(t)).extracting(r -> r[1])
                .containsExactly("INFO", "WARNING", "WARNING", "CRITICAL", "");
        assertThat(new TableQuery("", -1, Map.of(), 2, true).apply(table())).extracting(r -> r[2])
                .containsExactly("ERROR", "ERROR", "WARNING", "INFO");
    }

    @Test
    void aTextColumnThatOnlyMentionsASeverityStillSortsAlphabetically() throws Exception {
        Path file = dir.resolve("notes.csv");
        Files.writeString(file, "note\nWARNING\nbanana\nINFO\n");
        assertThat(new TableQuery("", -1, Map.of(), 0, true).apply(CsvTable.read(file))).extracting(r -> r[0])
                .containsExactly("INFO", "WARNING", "banana");
    }

    @Test
    void freeTextIgnoresCaseAndCanStayInOneColumn() throws Exception {
        CsvTable t = table();
        assertThat(new TableQuery("googlebot", -1, Map.of(), -1, true).apply(t)).hasSize(1);
        assertThat(new TableQuery("b.csv", 3, Map.of(), -1, true).apply(t)).isEmpty();
    }

    @Test
    void facetsKeepOnlyTheCheckedValues() throws Exception {
        CsvTable t = table();
        List<String[]> errors = new TableQuery("", -1, Map.of(2, Set.of("ERROR")), -1, true).apply(t);
        assertThat(errors).extracting(r -> r[3]).containsExactly("MISSING_CLIENT_ID", "INVALID_TIMESTAMP");
    }

    @Test
    void theModelLoadsFiltersAndCountsWithoutAScreen() throws Exception {
        table();
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of("severity"));
        model.load(dir.resolve("findings.csv"), "run it");
        assertThat(model.rowsProperty().get()).hasSize(4);
        assertThat(model.countTextProperty().get()).isEqualTo("4 rows");
        assertThat(model.facetValues("severity")).as("worst first").containsExactly("ERROR", "WARNING", "INFO");
        model.setFacet("severity", Set.of("WARNING", "INFO"));
        assertThat(model.countTextProperty().get()).isEqualTo("2 of 4 rows");
        model.filterTextProperty().set("dup");
        model.apply();
        assertThat(model.rowsProperty().get()).singleElement().extracting(r -> r[3]).isEqualTo("DUPLICATE_EVENT");
    }

    @Test
    void thePlaceholderSaysLoadingOrFilteringUntilTheRowsAreThere() throws Exception {
        table();
        List<Runnable> pending = new ArrayList<>();
        UiThreads queued = UiThreads.holding(pending);
        DataTableModel model = new DataTableModel(queued, List.of());
        model.load(dir.resolve("findings.csv"), "run it");
        assertThat(model.placeholderProperty().get()).isEqualTo("Loading findings.csv…");
        pending.remove(0).run();
        assertThat(model.placeholderProperty().get()).as("read, first query still running")
                .isEqualTo("Loading findings.csv…");
        pending.remove(0).run();
        assertThat(model.placeholderProperty().get()).isEqualTo("No rows match the filters.");
        model.filterTextProperty().set("no such text");
        model.apply();
        assertThat(model.placeholderProperty().get()).isEqualTo("Filtering the rows…");
        pending.remove(0).run();
        assertThat(model.rowsProperty().get()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo("No rows match the filters.");

        model.filterTextProperty().set("");
        model.apply();
        pending.remove(0).run();
        assertThat(model.rowsProperty().get()).hasSize(4);
        model.load(rewritten(), "run it");
        assertThat(model.rowsProperty().get()).as("the old rows are let go before the file is read again").isEmpty();
        assertThat(model.tableProperty().get()).isNull();
        pending.remove(0).run();
        pending.remove(0).run();
        assertThat(model.rowsProperty().get()).hasSize(4);
    }

    @Test
    void theCountSaysWhatTheTableIsDoingUntilTheNewRowsAreThere() throws Exception {
        table();
        List<Runnable> pending = new ArrayList<>();
        DataTableModel model = new DataTableModel(UiThreads.holding(pending), List.of("severity"));
        model.load(dir.resolve("findings.csv"), "run it");
        pending.remove(0).run();
        pending.remove(0).run();
        pending.clear();
        assertThat(model.countTextProperty().get()).isEqualTo("4 rows");

        // At 3M rows a sort took 7.5 s under "3,108,626 rows" and the old order: it read as sorted.
        model.setSort("line", false);
        assertThat(model.countTextProperty().get()).as("the rows on screen are the old order").isEqualTo("Sorting…");
        pending.remove(0).run();
        pending.clear();
        assertThat(model.countTextProperty().get()).isEqualTo("4 rows");

        model.setFacet("severity", Set.of("ERROR"));
        assertThat(model.countTextProperty().get()).as("not yet 2 of 4").isEqualTo("Filtering…");
        pending.remove(0).run();
        pending.clear();
        assertThat(model.countTextProperty().get()).isEqualTo("2 of 4 rows");

        model.filterTextProperty().set("timestamp");
        model.apply();
        assertThat(model.countTextProperty().get()).isEqualTo("Searching…");
        model.setSort("line", true);
        assertThat(model.countTextProperty().get()).as("the search is still to run").isEqualTo("Searching…");
        pending.remove(pending.size() - 1).run();
        assertThat(model.countTextProperty().get()).isEqualTo("1 of 4 rows");
    }

    @Test
    void loadingABigFileSaysHowFarItHasRead() throws Exception {
        StringBuilder csv = new StringBuilder("file,line,severity,code,value\n");
        for (int r = 0; r < 40_000; r++) {
            csv.append("events_20250101.csv,").append(r + 2).append(",WARNING,BOT_USER_AGENT,Mozilla/5.0\n");
        }
        Path file = Files.writeString(dir.resolve("big-findings.csv"), csv);
        List<Runnable> pending = new ArrayList<>();
        DataTableModel model = new DataTableModel(UiThreads.holding(pending), List.of("severity"));
        List<String> said = new ArrayList<>();
        model.placeholderProperty().addListener((obs, was, is) -> said.add(is));
        model.load(file, "run it");
        pending.remove(0).run();

        // sessions.csv at 5M events took 6–10 s under a bare "Loading sessions.csv…".
        List<String> percents = said.stream().filter(text -> text.startsWith("Loading big-findings.csv… ")).toList();
        assertThat(percents).as("several steps, in order, each once").hasSizeGreaterThan(3)
                .doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.comparingInt(
                        text -> Integer.parseInt(text.replaceAll("\\D", ""))));
        assertThat(percents.get(0)).matches("Loading big-findings\\.csv… \\d{1,2} %");
        pending.remove(0).run();
        assertThat(model.countTextProperty().get()).isEqualTo("40,000 rows");
    }

    @Test
    void theSameQuestionOnTheSameTableRunsOnce() throws Exception {
        table();
        List<Runnable> pending = new ArrayList<>();
        UiThreads queued = UiThreads.holding(pending);
        DataTableModel model = new DataTableModel(queued, List.of("severity"));
        model.load(dir.resolve("findings.csv"), "run it");
        pending.remove(0).run();
        assertThat(pending).as("the first query").hasSize(1);
        model.apply();
        model.setSort(null, true);
        assertThat(pending).as("asked again, unchanged").hasSize(1);
        model.setSort("line", true);
        assertThat(pending).hasSize(2);
        pending.remove(1).run();
        assertThat(model.rowsProperty().get()).extracting(r -> r[1]).containsExactly("2", "7", "10", "");
    }

    @Test
    void aHiddenTableReadsItsFileWhenShownAndLetsOutdatedRowsGo() throws Exception {
        table();
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of());
        model.setShown(false);
        model.loadWhenShown(dir.resolve("findings.csv"), "run it");
        assertThat(model.tableProperty().get()).isNull();
        model.setShown(true);
        assertThat(model.rowsProperty().get()).hasSize(4);
        model.setShown(false);
        model.loadWhenShown(dir.resolve("findings.csv"), "run it");
        assertThat(model.rowsProperty().get()).as("the file as it was: the rows stay").hasSize(4);
        model.loadWhenShown(rewritten(), "run it");
        assertThat(model.rowsProperty().get()).isEmpty();
        assertThat(model.tableProperty().get()).isNull();
        model.setShown(true);
        model.setShown(true);
        assertThat(model.rowsProperty().get()).hasSize(4);
        model.loadWhenShown(dir.resolve("findings.csv"), "run it");
        assertThat(model.rowsProperty().get()).as("shown: read at once").hasSize(4);
    }

    @Test
    void aMissingFileSaysWhatToRun() {
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of());
        model.load(dir.resolve("nope.csv"), "Run the Quality stage to see its findings.");
        assertThat(model.emptyReasonProperty().get()).isEqualTo("Run the Quality stage to see its findings.");
        assertThat(model.rowsProperty().get()).isEmpty();
    }

    @Test
    void exportIsFormulaSafeAndComplete() throws Exception {
        CsvTable t = table();
        Path out = dir.resolve("export.csv");
        TableExport.write(t.columns(), new ArrayList<>(t.rows()), out);
        String text = Files.readString(out);
        assertThat(text).startsWith("file,line,severity,code,value\n").contains("'=1+2").hasLineCount(5);
        assertThat(dir.resolve("export.csv.tmp")).doesNotExist();
    }

    @Test
    void aTableWithNothingReadDoesNotBlameTheFilters() throws Exception {
        DataTableModel model = new DataTableModel(UiThreads.direct(), List.of());
        assertThat(model.placeholderProperty().get()).isEqualTo("Nothing to show yet.");
        model.load(dir.resolve("missing.csv"), "Run the Quality stage first.");
        assertThat(model.placeholderProperty().get()).isEqualTo("Nothing to show yet.");
        table();
        model.load(dir.resolve("findings.csv"), "");
        model.filterTextProperty().set("no such text anywhere");
        model.apply();
        assertThat(model.placeholderProperty().get()).isEqualTo("No rows match the filters.");
    }
}
