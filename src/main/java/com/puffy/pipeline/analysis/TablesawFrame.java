package com.puffy.pipeline.analysis;

import com.puffy.pipeline.io.CsvInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/** {@link Frame} on Tablesaw: the one adapter class, so nothing else in the product depends on Tablesaw. */
final class TablesawFrame implements Frame {
    /** A constant 1 per row, added at read time, so a group's row count is a sum like any other. */
    private static final String ROWS = "__rows";
    private final Table table;

    private TablesawFrame(Table table) {
        this.table = table;
    }

    /**
     * Reads only the named columns of a CSV written by {@code io.CsvOutput}, with the given kinds; other columns are
     * skipped so a wide file costs only what is used. The caller checks beforehand that the columns exist.
     */
    static Frame read(Path csv, Map<String, Kind> columns) throws IOException {
        CsvReadOptions options = CsvReadOptions.builder(csv.toFile())
                .header(true)
                .separator(',')
                .missingValueIndicator("")
                .maxCharsPerColumn(1 << 20)
                .columnTypes(name -> {
                    Kind kind = columns.get(name);
                    if (kind == null) {
                        return ColumnType.SKIP;
                    }
                    return switch (kind) {
                        case TEXT -> ColumnType.STRING;
                        case NUMBER -> ColumnType.DOUBLE;
                        case FLAG -> ColumnType.BOOLEAN;
                    };
                })
                .build();
        Table raw = Table.read().usingOptions(options);
        Table table = Table.create(csv.getFileName().toString());
        for (Map.Entry<String, Kind> wanted : columns.entrySet()) {
            Column<?> column = raw.column(wanted.getKey());
            if (wanted.getValue() == Kind.FLAG) {
                BooleanColumn flags = (BooleanColumn) column;
                DoubleColumn numbers = DoubleColumn.create(wanted.getKey(), flags.size());
                for (int i = 0; i < flags.size(); i++) {
                    numbers.set(i, flags.isMissing(i) ? 0.0 : (flags.get(i) ? 1.0 : 0.0));
                }
                table.addColumns(numbers);
            } else if (wanted.getValue() == Kind.TEXT) {
                StringColumn text = (StringColumn) column;
                // Undo CsvOutput's formula protection once, so labels read as the data said them.
                for (int i = 0; i < text.size(); i++) {
                    String value = text.get(i);
                    if (!value.isEmpty() && value.charAt(0) == '\'') {
                        text.set(i, CsvInput.unprotect(value));
                    }
                }
                table.addColumns(text);
            } else {
                table.addColumns(column);
            }
        }
        DoubleColumn ones = DoubleColumn.create(ROWS, table.rowCount());
        ones.fillWith(1.0);
        table.addColumns(ones);
        return new TablesawFrame(table);
    }

    @Override
    public int rows() {
        return table.rowCount();
    }

    @Override
    public double sum(String numberColumn) {
        DoubleColumn column = table.doubleColumn(numberColumn);
        double total = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                total += column.getDouble(i);
            }
        }
        return total;
    }

    @Override
    public double median(String numberColumn) {
        DoubleColumn present = table.doubleColumn(numberColumn).removeMissing();
        return present.isEmpty() ? Double.NaN : present.median();
    }

    @Override
    public int distinct(String textColumn) {
        return table.stringColumn(textColumn).countUnique();
    }

    @Override
    public Frame whereEquals(String textColumn, String value) {
        return new TablesawFrame(table.where(table.stringColumn(textColumn).isEqualTo(value)));
    }

    @Override
    public Frame whereTrue(String flagColumn) {
        return whereNumberEquals(flagColumn, 1.0);
    }

    @Override
    public Frame whereFalse(String flagColumn) {
        return new TablesawFrame(table.where(table.doubleColumn(flagColumn).isNotEqualTo(1.0)));
    }

    @Override
    public Frame whereListHas(String listColumn, String code) {
        StringColumn column = table.stringColumn(listColumn);
        Selection selection = new BitmapBackedSelection();
        for (int i = 0; i < column.size(); i++) {
            for (String part : column.get(i).split(";")) {
                if (part.trim().equals(code)) {
                    selection.add(i);
                    break;
                }
            }
        }
        return new TablesawFrame(table.where(selection));
    }

    @Override
    public Frame whereNumberEquals(String numberColumn, double value) {
        return new TablesawFrame(table.where(table.doubleColumn(numberColumn).isEqualTo(value)));
    }

    @Override
    public Frame whereMissing(String numberColumn) {
        return new TablesawFrame(table.where(table.doubleColumn(numberColumn).isMissing()));
    }

    @Override
    public List<String> text(String textColumn) {
        return new ArrayList<>(table.stringColumn(textColumn).asList());
    }

    @Override
    public double[] numbers(String numberColumn) {
        return table.doubleColumn(numberColumn).asDoubleArray();
    }

    @Override
    public List<Group> groupBy(List<String> keyColumns, List<String> sumColumns, List<String> distinctColumns) {
        if (table.isEmpty()) {
            return List.of();
        }
        String[] keys = keyColumns.toArray(String[]::new);
        Map<List<String>, Group> groups = new HashMap<>();
        List<String> summed = new ArrayList<>(sumColumns);
        summed.add(ROWS);
        Table counted = table;
        Table sums = counted.summarize(summed, AggregateFunctions.sum).by(keys);
        Table distincts = distinctColumns.isEmpty() ? null
                : counted.summarize(distinctColumns, AggregateFunctions.countUnique).by(keys);
        Map<List<String>, Map<String, Integer>> distinctByKey = new HashMap<>();
        if (distincts != null) {
            for (int row = 0; row < distincts.rowCount(); row++) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (String column : distinctColumns) {
                    counts.put(column, (int) distincts.numberColumn("Count Unique [" + column + "]").getDouble(row));
                }
                distinctByKey.put(keyOf(distincts, keyColumns, row), counts);
            }
        }
        for (int row = 0; row < sums.rowCount(); row++) {
            List<String> key = keyOf(sums, keyColumns, row);
            Map<String, Double> totals = new LinkedHashMap<>();
            for (String column : sumColumns) {
                double value = sums.numberColumn("Sum [" + column + "]").getDouble(row);
                totals.put(column, Double.isNaN(value) ? 0.0 : value);
            }
            int rows = (int) Math.round(sums.numberColumn("Sum [" + ROWS + "]").getDouble(row));
            groups.put(key, new Group(key, rows, totals, distinctByKey.getOrDefault(key, Map.of())));
        }
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparing(g -> String.join("\u0000", g.keys())));
        return sorted;
    }

    private static List<String> keyOf(Table table, List<String> keyColumns, int row) {
        List<String> key = new ArrayList<>(keyColumns.size());
        for (String column : keyColumns) {
            key.add(table.stringColumn(column).get(row));
        }
        return List.copyOf(key);
    }
}
