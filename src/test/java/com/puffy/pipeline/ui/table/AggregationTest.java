package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.ui.table.Aggregation.Group;
import com.puffy.pipeline.ui.table.Aggregation.Measure;
import com.puffy.pipeline.ui.table.Aggregation.Result;
import com.puffy.pipeline.ui.table.Aggregation.Spec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregationTest {
    @TempDir
    Path dir;

    private static final String SESSIONS = """
            session_id,channel,device,session_start,revenue,duration_s,date
            s1,Direct,mobile,2025-03-01T10:00:00.000Z,0.1,10,2025-03-01
            s2,Direct,desktop,2025-03-01T23:30:00.000Z,0.2,20,2025-03-01
            s3,Organic Search,mobile,2025-03-02T01:00:00.000Z,1299.5,30,2025-03-02
            s4,Paid Search,mobile,2025-03-04T08:00:00.000Z,,40,2025-03-04
            s5,Direct,mobile,2025-03-04T09:00:00.000Z,n/a,50,2025-03-04
            s6,Email,tablet,,7,60,
            """;

    private TableData sessions() throws Exception {
        Path file = dir.resolve("sessions.csv");
        Files.writeString(file, SESSIONS);
        return FileTable.open(file, List.of("channel", "device"));
    }

    private static int[] all(TableData table) {
        return IntStream.range(0, table.size()).toArray();
    }

    private static Result run(TableData table, Spec spec) throws Exception {
        return Aggregation.run(table, all(table), spec, () -> false);
    }

    private static List<String> labels(Result result) {
        return result.groups().stream().map(Group::label).toList();
    }

    private static List<BigDecimal> values(Result result) {
        return result.groups().stream().map(Group::value).toList();
    }

    @Test
    void countsRowsPerValueLargestFirstTiesInTheFilesOrder() throws Exception {
        Result result = run(sessions(), Spec.rows("channel", false));
        assertThat(labels(result)).containsExactly("Direct", "Organic Search", "Paid Search", "Email");
        assertThat(values(result)).extracting(BigDecimal::intValue).containsExactly(3, 1, 1, 1);
        assertThat(result.total()).isEqualByComparingTo("6");
        assertThat(result.leftOut()).isEmpty();
    }

    @Test
    void sumsAreExactDecimalsNotBinaryDoubles() throws Exception {
        // 0.1 + 0.2 is 0.30000000000000004 in doubles; ten thousand cents must make exactly 100.
        StringBuilder csv = new StringBuilder("channel,revenue\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append(i % 2 == 0 ? "A" : "B").append(",0.01\n");
        }
        csv.append("A,0.1\nA,0.2\n");
        Path file = dir.resolve("money.csv");
        Files.writeString(file, csv.toString());
        TableData table = FileTable.open(file, List.of());
        Result result = run(table, new Spec("channel", false, Measure.SUM, "revenue", 10));
        assertThat(result.groups()).extracting(Group::label).containsExactly("A", "B");
        assertThat(result.groups().get(0).value()).isEqualTo(new BigDecimal("50.30"));
        assertThat(result.groups().get(1).value()).isEqualTo(new BigDecimal("50.00"));
        assertThat(result.total()).isEqualTo(new BigDecimal("100.30"));
    }

    @Test
    void meanIsOverTheRowsThatHaveANumber() throws Exception {
        Result result = run(sessions(), new Spec("device", false, Measure.MEAN, "duration_s", 10));
        // mobile: 10, 30, 40, 50 → 32.5; tablet 60; desktop 20
        assertThat(labels(result)).containsExactly("tablet", "mobile", "desktop");
        assertThat(values(result)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("60"), new BigDecimal("32.5"), new BigDecimal("20"));
    }

    @Test
    void emptyAndNonNumericCellsAreCountedAndReportedNotDropped() throws Exception {
        Result result = run(sessions(), new Spec("channel", false, Measure.SUM, "revenue", 10));
        Group direct = result.groups().stream().filter(g -> g.key().equals("Direct")).findFirst().orElseThrow();
        assertThat(direct.rows()).isEqualTo(3);
        assertThat(direct.valued()).isEqualTo(2);
        assertThat(direct.value()).isEqualTo(new BigDecimal("0.3"));
        assertThat(result.noValue()).isEqualTo(1);
        assertThat(result.notNumber()).isEqualTo(1);
        assertThat(result.leftOut()).isEqualTo("1 row without a revenue left out; 1 row whose revenue is not a "
                + "number left out.");
        assertThat(result.total()).isEqualTo(new BigDecimal("1306.8"));
    }

    @Test
    void meanOfAGroupWithoutANumberIsNoValueAndSortsLast() throws Exception {
        Result result = run(sessions(), new Spec("channel", false, Measure.MEAN, "revenue", 10));
        assertThat(labels(result)).containsExactly("Organic Search", "Email", "Direct", "Paid Search");
        assertThat(result.groups().get(3).value()).isNull();
        assertThat(result.groups().get(3).rows()).isEqualTo(1);
    }

    @Test
    void beyondTopTheRestIsOneOtherBarAndOneExtraValueShowsAsItself() {
        List<Group> groups = new ArrayList<>();
        String[] names = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < names.length; i++) {
            groups.add(new Group(names[i], 10 - i, 10 - i, BigDecimal.valueOf(10 - i), BigDecimal.valueOf(10 - i), 1));
        }
        List<Group> top2 = Aggregation.topWithOther(groups, Spec.rows("x", false).withTop(2));
        assertThat(top2).extracting(Group::label).containsExactly("a", "b", "Other (3 values)");
        assertThat(top2.get(2).rows()).isEqualTo(8 + 7 + 6);
        assertThat(top2.get(2).value()).isEqualByComparingTo("21");
        List<Group> top4 = Aggregation.topWithOther(groups, Spec.rows("x", false).withTop(4));
        assertThat(top4).extracting(Group::label).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void aFunnelWhoseFirstTwoStepsTieKeepsItsOrder() throws Exception {
        Path file = dir.resolve("funnel.csv");
        Files.writeString(file, "step,sessions\nsessions,100\npage_viewed,100\nproduct_added_to_cart,20\n");
        Result result = run(FileTable.open(file, List.of()), new Spec("step", false, Measure.SUM, "sessions", 10));
        assertThat(labels(result)).containsExactly("sessions", "page_viewed", "product_added_to_cart");
    }

    @Test
    void theOtherBarOfAMeanIsTheMeanOfAllItsRows() {
        List<Group> groups = List.of(
                new Group("a", 1, 1, new BigDecimal("100"), new BigDecimal("100"), 1),
                new Group("b", 1, 1, new BigDecimal("50"), new BigDecimal("50"), 1),
                new Group("c", 3, 3, new BigDecimal("30"), new BigDecimal("10"), 1),
                new Group("d", 1, 1, new BigDecimal("2"), new BigDecimal("2"), 1));
        List<Group> shown = Aggregation.topWithOther(groups, new Spec("x", false, Measure.MEAN, "v", 1));
        assertThat(shown).extracting(Group::label).containsExactly("a", "Other (3 values)");
        assertThat(shown.get(1).value()).isEqualByComparingTo("16.4"); // (50 + 30 + 2) / 5
    }

    @Test
    void daysAreUtcDaysOfTheTimestampWithEmptyDaysFilledAndDaylessRowsReported() throws Exception {
        Result result = run(sessions(), Spec.rows("session_start", true));
        assertThat(labels(result)).containsExactly("2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04");
        assertThat(values(result)).extracting(BigDecimal::intValue).containsExactly(2, 1, 0, 2);
        assertThat(result.noDay()).isEqualTo(1);
        assertThat(result.leftOut()).isEqualTo("1 row without a readable session_start left out.");
        assertThat(result.spec().groupLabel()).isEqualTo("day of session_start");
    }

    @Test
    void aTimestampWithAnOffsetCountsOnItsUtcDay() {
        assertThat(Aggregation.utcDay("2025-03-01T23:30:00.000-02:00")).isEqualTo("2025-03-02");
        assertThat(Aggregation.utcDay("2025-03-02T00:30:00+01:00")).isEqualTo("2025-03-01");
        assertThat(Aggregation.utcDay("2025-03-01T23:59:59.999Z")).isEqualTo("2025-03-01");
        assertThat(Aggregation.utcDay("2025-03-01 10:00:00")).isEqualTo("2025-03-01");
        assertThat(Aggregation.utcDay("2025-03-01")).isEqualTo("2025-03-01");
        assertThat(Aggregation.utcDay("2025-02-30")).isEmpty();
        assertThat(Aggregation.utcDay("yesterday")).isEmpty();
        assertThat(Aggregation.utcDay("")).isEmpty();
        assertThat(Aggregation.utcDay("1740268800")).isEmpty();
    }

    @Test
    void aDayWithTimestampsInOtherZonesGoesByUtc() throws Exception {
        CsvTable table = new CsvTable(List.of("ts", "n"), new ArrayList<>(List.of(
                new String[]{"2025-03-01T23:30:00.000-02:00", "1"},
                new String[]{"2025-03-02T10:00:00.000Z", "2"},
                new String[]{"2025-03-02T00:30:00.000+02:00", "4"})), null);
        Result result = run(table, new Spec("ts", true, Measure.SUM, "n", 10));
        assertThat(labels(result)).containsExactly("2025-03-01", "2025-03-02");
        assertThat(values(result)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4"), new BigDecimal("3"));
    }

    @Test
    void aSumByDayOfADateColumnIsCalledByItsName() throws Exception {
        Result result = run(sessions(), new Spec("date", true, Measure.SUM, "duration_s", 10));
        assertThat(result.spec().groupLabel()).isEqualTo("date");
        assertThat(values(result)).extracting(BigDecimal::intValue).containsExactly(30, 30, 0, 90);
        assertThat(result.noDay()).isEqualTo(1);
        assertThat(result.noValue()).as("the dayless row is reported once").isZero();
    }

    @Test
    void onlyTheRowsTheTableFiltersLetThroughAreAddedUp() throws Exception {
        TableData table = sessions();
        TableQuery mobile = new TableQuery("", -1, Map.of(table.column("device"), Set.of("mobile")), -1, true);
        Result byChannel = Aggregation.run(table, mobile.order(table), Spec.rows("channel", false), () -> false);
        assertThat(labels(byChannel)).containsExactly("Direct", "Organic Search", "Paid Search");
        assertThat(values(byChannel)).extracting(BigDecimal::intValue).containsExactly(2, 1, 1);
        assertThat(byChannel.rows()).isEqualTo(4);

        TableQuery search = new TableQuery("organic", -1, Map.of(), 2, false);
        Result searched = Aggregation.run(table, search.order(table),
                new Spec("channel", false, Measure.SUM, "revenue", 10), () -> false);
        assertThat(labels(searched)).containsExactly("Organic Search");
        assertThat(searched.total()).isEqualTo(new BigDecimal("1299.5"));
    }

    @Test
    void aColumnOfTooManyValuesToListIsRefusedWithWords() throws Exception {
        StringBuilder csv = new StringBuilder("id,v\n");
        for (int i = 0; i < ColumnValues.DICTIONARY_LIMIT + 10; i++) {
            csv.append("id").append(i).append(",1.5\n");
        }
        Path file = dir.resolve("ids.csv");
        Files.writeString(file, csv.toString());
        TableData table = FileTable.open(file, List.of());
        assertThatThrownBy(() -> run(table, Spec.rows("id", false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id has more than 65,536 different values, too many to chart: group by a column of "
                        + "fewer values.");
    }

    @Test
    void aMeasureColumnOfManyDistinctValuesIsReadFromItsBytesExactly() throws Exception {
        StringBuilder csv = new StringBuilder("g,v\n");
        int n = ColumnValues.DICTIONARY_LIMIT + 100;
        for (int i = 0; i < n; i++) {
            csv.append(i % 3 == 0 ? "x" : "y").append(',').append(i).append(".01\n");
        }
        csv.append("x,\nx,abc\n");
        Path file = dir.resolve("many.csv");
        Files.writeString(file, csv.toString());
        TableData table = FileTable.open(file, List.of());
        assertThat(table.values(1).coded()).isFalse();
        Result result = run(table, new Spec("g", false, Measure.SUM, "v", 10));
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            expected = expected.add(new BigDecimal(i + ".01"));
        }
        assertThat(result.total()).isEqualTo(expected);
        assertThat(result.noValue()).isEqualTo(1);
        assertThat(result.notNumber()).isEqualTo(1);
    }

    @Test
    void formulaProtectedTextIsGroupedAsWritten() throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "referrer,revenue\n'=cmd,-5\n'=cmd,2.5\n'-x,1\n");
        Result result = run(FileTable.open(file, List.of()), new Spec("referrer", false, Measure.SUM, "revenue", 10));
        assertThat(labels(result)).containsExactly("-x", "=cmd");
        assertThat(values(result)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1"), new BigDecimal("-2.5"));
    }

    @Test
    void hugeAndExponentNumbersStayExact() {
        Aggregation.ExactSum sum = new Aggregation.ExactSum();
        for (String v : List.of("9223372036854775", "9223372036854775.5", "1.5E-7", "0.000001")) {
            sum.add(Aggregation.parse(v));
        }
        assertThat(sum.value()).isEqualByComparingTo(new BigDecimal("18446744073709550.50000115"));
        assertThat(Aggregation.parse("12,5")).isNull();
        assertThat(Aggregation.parse("-")).isNull();
        assertThat(Aggregation.parse("Infinity")).isNull();
    }

    @Test
    void aNewerChoiceCancelsTheRunningOne() throws Exception {
        TableData table = sessions();
        assertThatThrownBy(() -> Aggregation.run(table, all(table), Spec.rows("channel", false), () -> true))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void aNewerChoiceStopsReadingATimestampColumnsDaysAndLeavesNoHalfColumnBehind() throws Exception {
        TableData table = sessions();
        int column = table.column("session_start");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> table.days(column, () -> asked.incrementAndGet() > 0))
                .isInstanceOf(CancellationException.class);
        assertThat(asked).as("asked while reading the file").hasValue(1);
        ColumnValues days = table.days(column);
        assertThat(IntStream.range(0, days.size()).mapToObj(days::get).toList())
                .containsExactly("2025-03-01", "2025-03-01", "2025-03-02", "2025-03-04", "2025-03-04", "");
    }

    @Test
    void aMissingColumnSaysWhichFile() throws Exception {
        assertThatThrownBy(() -> run(sessions(), Spec.rows("campaign", false)))
                .hasMessage("sessions.csv has no column campaign.");
    }

    @Test
    void choicesOfferRepeatingColumnsDaysAndNumbersNotIds() throws Exception {
        StringBuilder csv = new StringBuilder("session_id,channel,is_bot,events,session_start,revenue,date\n");
        for (int i = 0; i < 100; i++) {
            csv.append("s").append(i).append(',').append(i % 3 == 0 ? "Direct" : "Email").append(',')
                    .append(i % 7 == 0).append(',').append(i % 4 + 1).append(",2025-03-0").append(i % 9 + 1)
                    .append("T10:00:00.").append(String.format("%03d", i)).append("Z,").append(i * 1.5).append(",2025-03-0")
                    .append(i % 9 + 1).append('\n');
        }
        Path file = dir.resolve("c.csv");
        Files.writeString(file, csv.toString());
        Aggregation.Choices choices = Aggregation.choices(FileTable.open(file, List.of()));
        assertThat(choices.categories()).containsExactly("channel", "is_bot", "events");
        assertThat(choices.days()).containsExactly("session_start", "date");
        assertThat(choices.numbers()).containsExactly("events", "revenue");
    }

    @Test
    void theSeriesGoesToCsvWithItsLeftOutCounts() throws Exception {
        Result result = run(sessions(), new Spec("channel", false, Measure.SUM, "revenue", 2));
        assertThat(result.csvHeader()).containsExactly("channel", "rows", "rows_with_revenue", "sum_revenue");
        assertThat(result.csvRows()).containsExactly(
                List.of("Organic Search", 1L, 1L, "1299.5"),
                List.of("Email", 1L, 1L, "7"),
                List.of("Other (2 values)", 4L, 2L, "0.3"));
    }
}
