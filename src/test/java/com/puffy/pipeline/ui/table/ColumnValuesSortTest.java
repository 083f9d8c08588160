package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The radix sort of a column ({@link ColumnValues#sorted}) puts rows exactly where the stable comparison sort it
 * replaced put them ({@link ColumnValues#order} through a merge sort): ties in the file's order, blanks last, numbers
 * as numbers, severities worst first, text by its bytes, ascending and descending, all rows and some.
 */
class ColumnValuesSortTest {
    private static final Random RANDOM = new Random(751);

    private static void assertSortsAsTheComparisonSort(List<String> values) {
        ColumnValues.Builder builder = new ColumnValues.Builder();
        values.forEach(builder::add);
        ColumnValues column = builder.build();
        int[] all = new int[values.size()];
        java.util.Arrays.setAll(all, i -> i);
        int[] some = java.util.stream.IntStream.range(0, values.size()).filter(i -> RANDOM.nextInt(3) > 0).toArray();
        for (int[] rows : List.of(all, some)) {
            for (boolean ascending : new boolean[] {true, false}) {
                int[] expected = rows.clone();
                IntArrays.mergeSort(expected, column.order(ascending));
                assertThat(column.sorted(rows, ascending)).as("ascending %s, %d rows", ascending, rows.length)
                        .containsExactly(expected);
            }
        }
    }

    private static List<String> rows(int n, Function<Integer, String> value) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(value.apply(i));
        }
        return rows;
    }

    @Test
    void idsOfMoreValuesThanADictionaryHoldsWithSharedPrefixesTiesAndBlanks() {
        // client ids as the files have them: a day's epoch seconds, then random letters; each often twice
        List<String> ids = rows(120_000, i -> switch (RANDOM.nextInt(20)) {
            case 0 -> "";
            case 1 -> "1740268800-";
            case 2 -> "1740268800-ab" + "\0".repeat(RANDOM.nextInt(3));
            case 3 -> "é" + RANDOM.nextInt(50);
            case 4 -> "1740268800-" + "x".repeat(RANDOM.nextInt(40));
            case 5 -> "{\"payload\":\"" + "y".repeat(300 + RANDOM.nextInt(2)) + RANDOM.nextInt(2);
            default -> (1740268800 + 86400 * RANDOM.nextInt(14)) + "-" + Integer.toString(RANDOM.nextInt(60_000), 36)
                    + (RANDOM.nextBoolean() ? "" : "-" + RANDOM.nextInt(3));
        });
        assertThat(ids.stream().distinct().count()).isGreaterThan(ColumnValues.DICTIONARY_LIMIT);
        assertSortsAsTheComparisonSort(ids);
    }

    @Test
    void numbersWithBlanksNaNsNegativesZerosAndTies() {
        String[] some = {"", "NaN", "0", "-0", "0.0", "-0.5", "3500", "21956.000000", "1e3", "-1E308", "12", "12.0",
                "0.0102", "7"};
        assertSortsAsTheComparisonSort(rows(5000, i -> some[RANDOM.nextInt(some.length)]));
        assertSortsAsTheComparisonSort(rows(80_000, i -> RANDOM.nextInt(10) == 0 ? ""
                : Double.toString(RANDOM.nextGaussian() * 1e4)));
    }

    /**
     * A numeric column's values for its filter list by number, ties of one number by text, then the values that are
     * not a number (blank, "NaN", "1-2" that only looks like one) by text.
     */
    @Test
    void aNumericColumnsDistinctValuesListByNumberThenTheOnesThatAreNot() {
        ColumnValues.Builder builder = new ColumnValues.Builder();
        List.of("10", "", "3.5", "NaN", "1-2", "-1e3", "12.0", "12", "+12", "0", "-0", "2e1", "1e400", "9-")
                .forEach(builder::add);
        ColumnValues column = builder.build();
        assertThat(column.isNumeric()).isTrue();
        assertThat(column.distinct()).containsExactly("-1e3", "-0", "0", "3.5", "10", "+12", "12", "12.0", "2e1",
                "1e400", "", "1-2", "9-", "NaN");
    }

    @Test
    void severitiesAndFewDistinctTexts() {
        String[] severities = {"CRITICAL", "ERROR", "WARNING", "INFO", ""};
        assertSortsAsTheComparisonSort(rows(3000, i -> severities[RANDOM.nextInt(severities.length)]));
        String[] channels = {"Paid Social", "Direct", "", "direct", "Organic Search", "Émail", "Referral"};
        assertSortsAsTheComparisonSort(rows(3000, i -> channels[RANDOM.nextInt(channels.length)]));
        assertSortsAsTheComparisonSort(List.of("b"));
        assertSortsAsTheComparisonSort(List.of());
    }
}
