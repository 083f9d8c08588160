package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.ui.UiThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value filter's counts answer "how many rows would I get if I ticked this": the rows that pass the search and the
 * other columns' filters, each value counted from the column's codes.
 */
class FacetCountsTest {
    @TempDir
    Path dir;

    private Path sessions() throws Exception {
        return Files.writeString(dir.resolve("sessions.csv"), "id,channel,device,note\n"
                + "1,Direct,mobile,red\n"
                + "2,Direct,desktop,red\n"
                + "3,Email,mobile,blue\n"
                + "4,Email,mobile,red\n"
                + "5,,mobile,red\n"
                + "6,Paid Search,tablet,blue\n"
                + "7,Direct,mobile,blue\n");
    }

    private static TableQuery query(String text, Map<Integer, Set<String>> facets) {
        return new TableQuery(text, -1, facets, -1, true);
    }

    @Test
    void eachValueCountsTheRowsThatPassTheSearchAndTheOtherFiltersNotItsOwn() throws Exception {
        for (TableData table : List.of(CsvTable.read(sessions()), FileTable.open(sessions(), List.of("channel", "device")))) {
            // device = mobile ticked, "red" searched.
            TableQuery.Filtered f = query("RED", Map.of(2, Set.of("mobile"))).filter(table, List.of(1, 2), () -> false);
            assertThat(f.rows().stream().toArray()).as("rows shown: mobile and red").containsExactly(0, 3, 4);
            assertThat(f.counts().get(1)).as("channel counts: red and mobile")
                    .isEqualTo(Map.of("Direct", 1, "Email", 1, "", 1, "Paid Search", 0));
            assertThat(f.counts().get(2)).as("device counts: red, whatever the device ticked")
                    .isEqualTo(Map.of("mobile", 3, "desktop", 1, "tablet", 0));
        }
    }

    @Test
    void twoFiltersInUseEachCountOverTheOtherOnly() throws Exception {
        CsvTable table = CsvTable.read(sessions());
        TableQuery q = query("", Map.of(1, Set.of("Direct", "Email"), 2, Set.of("desktop")));
        TableQuery.Filtered f = q.filter(table, List.of(1, 2), () -> false);
        assertThat(f.rows().stream().toArray()).containsExactly(1);
        assertThat(f.counts().get(1)).as("channels among desktop rows")
                .isEqualTo(Map.of("Direct", 1, "Email", 0, "", 0, "Paid Search", 0));
        assertThat(f.counts().get(2)).as("devices among Direct or Email rows")
                .isEqualTo(Map.of("mobile", 4, "desktop", 1, "tablet", 0));
        assertThat(f.rows().stream().toArray()).as("the same rows as the query without counts")
                .containsExactly(q.order(table));
    }

    @Test
    void withASearchAndTwoFiltersTickedEveryCountIsWhatCountingTheRowsOneByOneGives() throws Exception {
        String[] channels = {"Direct", "Email", "Paid Search", ""};
        String[] devices = {"mobile", "desktop", "tablet"};
        String[] notes = {"red", "Dark RED", "blue", "green"};
        java.util.Random random = new java.util.Random(11);
        List<String[]> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder("id,channel,device,is_bot,note\n");
        for (int r = 0; r < 600; r++) {
            String[] row = {String.valueOf(r), channels[random.nextInt(4)], devices[random.nextInt(3)],
                    String.valueOf(random.nextInt(5) == 0), notes[random.nextInt(4)]};
            written.add(row);
            csv.append(String.join(",", row)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("random-sessions.csv"), csv);
        Map<Integer, Set<String>> ticked = Map.of(1, Set.of("Direct", ""), 2, Set.of("mobile", "tablet"));
        List<Integer> counted = List.of(1, 2, 3);
        // By hand: a row counts for a column when a cell holds "red" and it passes every tick but the column's own.
        Map<Integer, Map<String, Integer>> expected = new java.util.HashMap<>();
        for (int c : counted) {
            Map<String, Integer> byValue = new java.util.HashMap<>();
            written.forEach(row -> byValue.put(row[c], 0));
            for (String[] row : written) {
                boolean passesOthers = ticked.entrySet().stream()
                        .allMatch(tick -> tick.getKey() == c || tick.getValue().contains(row[tick.getKey()]));
                boolean found = java.util.Arrays.stream(row)
                        .anyMatch(cell -> cell.toLowerCase(java.util.Locale.ROOT).contains("red"));
                if (found && passesOthers) {
                    byValue.merge(row[c], 1, Integer::sum);
                }
            }
            expected.put(c, byValue);
        }

        assertThat(expected.get(1).get("Direct")).as("rows to count").isPositive();
        FileTable onDisk = FileTable.open(file, List.of("channel", "device", "is_bot"));
        for (TableData table : List.of(CsvTable.read(file), onDisk)) {
            TableQuery.Filtered f = query("red", ticked).filter(table, counted, () -> false);
            assertThat(f.counts()).as(table.getClass().getSimpleName()).isEqualTo(expected);
        }
    }

    @Test
    void aBlankCellIsCountedAsAValueOfItsOwnAsTheFilterTreatsIt() throws Exception {
        CsvTable table = CsvTable.read(sessions());
        assertThat(query("", Map.of()).filter(table, List.of(1), () -> false).counts().get(1)).containsEntry("", 1);
        assertThat(query("", Map.of(1, Set.of(""))).order(table)).containsExactly(4);
    }

    @Test
    void valuesWithHighCodesCountRightAndAColumnOfTooManyValuesHasNoCounts() throws Exception {
        StringBuilder csv = new StringBuilder("code,wide,flag\n");
        int distinct = ColumnValues.DICTIONARY_LIMIT - 10;
        int rows = ColumnValues.DICTIONARY_LIMIT + 5_000;
        for (int r = 0; r < rows; r++) {
            csv.append("C").append(r % distinct).append(',').append("W").append(r).append(',')
                    .append(r % 2 == 0 ? "even" : "odd").append('\n');
        }
        Path file = Files.writeString(dir.resolve("codes.csv"), csv);
        FileTable table = FileTable.open(file, List.of("code", "wide", "flag"));
        TableQuery.Filtered f = query("", Map.of(2, Set.of("odd"))).filter(table, List.of(0, 1, 2), () -> false);
        Map<String, Integer> codes = f.counts().get(0);
        assertThat(codes).hasSize(distinct);
        // A value of a low code is on rows r and r + distinct (of the same parity), the last code's on one row.
        assertThat(codes.get("C1")).isEqualTo(2);
        assertThat(codes.get("C0")).as("a value no odd row holds is listed with 0").isEqualTo(0);
        assertThat(codes.get("C" + (distinct - 1))).as("the highest code").isEqualTo(1);
        assertThat(codes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(f.rows().cardinality());
        assertThat(f.counts()).as("more values than a list holds: no counts").doesNotContainKey(1);
        assertThat(f.counts().get(2)).isEqualTo(Map.of("even", rows / 2 + rows % 2, "odd", rows / 2));
    }

    @Test
    void aCountGivesUpOnceANewerQuestionIsAsked() throws Exception {
        StringBuilder csv = new StringBuilder("channel,note\n");
        for (int r = 0; r < 70_000; r++) {
            csv.append(r % 3 == 0 ? "Direct" : "Email").append(",n").append(r).append('\n');
        }
        Path file = Files.writeString(dir.resolve("big.csv"), csv);
        FileTable onDisk = FileTable.open(file, List.of("channel"));
        CsvTable inMemory = CsvTable.read(file);
        for (TableData table : List.of(onDisk, inMemory)) {
            assertThatThrownBy(() -> query("n1", Map.of()).filter(table, List.of(0), () -> true))
                    .as("the search stops").isInstanceOf(CancellationException.class);
            assertThatThrownBy(() -> query("", Map.of()).filter(table, List.of(0), () -> true))
                    .as("the count stops").isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void theModelShowsTheNewestCountsAndNeverThoseOfAQuestionOvertaken() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        UiThreads later = UiThreads.holding(queued);
        DataTableModel model = new DataTableModel(later, List.of("channel", "device"));
        model.show(CsvTable.read(sessions()));
        assertThat(model.facetCounts("channel").get()).as("not counted yet").isNull();
        queued.remove(0).run();
        assertThat(model.facetCounts("channel").get()).containsEntry("Direct", 3).containsEntry("Email", 2);

        model.filterTextProperty().set("blue");
        model.apply();
        model.filterTextProperty().set("red");
        model.apply();
        Runnable overtaken = queued.remove(0);
        Runnable newest = queued.remove(0);
        overtaken.run();
        assertThat(model.facetCounts("channel").get()).as("the blue counts are never shown")
                .containsEntry("Direct", 3);
        newest.run();
        assertThat(model.facetCounts("channel").get()).containsEntry("Direct", 2).containsEntry("Email", 1)
                .containsEntry("Paid Search", 0);

        model.setFacet("device", Set.of("mobile"));
        queued.remove(0).run();
        assertThat(model.facetCounts("channel").get()).containsEntry("Direct", 1).containsEntry("", 1);
        assertThat(model.facetCounts("device").get()).as("its own tick leaves it as it was")
                .containsEntry("mobile", 3).containsEntry("desktop", 1);
        assertThat(model.rowsProperty().get()).hasSize(3);

        Map<String, Integer> before = model.facetCounts("channel").get();
        model.setSort("id", false);
        queued.remove(0).run();
        assertThat(model.facetCounts("channel").get()).as("a sort does not count again").isSameAs(before);
        assertThat(model.rowsProperty().get()).extracting(r -> r[0]).containsExactly("5", "4", "1");
    }
}
