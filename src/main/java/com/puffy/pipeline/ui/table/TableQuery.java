package com.puffy.pipeline.ui.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the user asked a table to show: free text (in any column, or one), value filters per column (facets), and
 * a sort. Pure and fast enough for a million rows off the FX thread.
 */
public record TableQuery(String text, int textColumn, Map<Integer, Set<String>> facets, int sortColumn,
                         boolean ascending) {

    private static final Map<String, Integer> SEVERITY_RANK =
            Map.of("CRITICAL", 0, "ERROR", 0, "WARNING", 1, "INFO", 2);

    public static TableQuery all() {
        return new TableQuery("", -1, Map.of(), -1, true);
    }

    public List<String[]> apply(CsvTable table) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<String[]> rows = table.rows();
        List<Integer> kept = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (passesFacets(row) && (needle.isEmpty() || matches(row, needle))) {
                kept.add(i);
            }
        }
        if (sortColumn >= 0 && sortColumn < table.columns().size()) {
            Comparator<Integer> order;
            if (table.isNumeric(sortColumn)) {
                double[] keys = table.numericKeys(sortColumn);
                // Empty cells last whatever the direction: they are "no value", not a small value.
                order = (a, b) -> {
                    double x = keys[a];
                    double y = keys[b];
                    if (Double.isNaN(x) || Double.isNaN(y)) {
                        return Boolean.compare(Double.isNaN(x), Double.isNaN(y)) * (ascending ? 1 : -1);
                    }
                    return Double.compare(x, y);
                };
            } else if (isSeverityColumn(rows, sortColumn)) {
                int c = sortColumn;
                // Worst first going up: alphabetically, INFO came between CRITICAL and WARNING.
                order = (a, b) -> {
                    int x = SEVERITY_RANK.getOrDefault(cellValue(rows.get(a), c), -1);
                    int y = SEVERITY_RANK.getOrDefault(cellValue(rows.get(b), c), -1);
                    if (x < 0 || y < 0) {
                        return Boolean.compare(x < 0, y < 0) * (ascending ? 1 : -1);
                    }
                    return Integer.compare(x, y);
                };
            } else {
                int c = sortColumn;
                order = (a, b) -> rows.get(a)[c].compareTo(rows.get(b)[c]);
            }
            Integer[] boxed = kept.toArray(new Integer[0]);
            Arrays.sort(boxed, ascending ? order : order.reversed());
            kept = Arrays.asList(boxed);
        }
        List<String[]> result = new ArrayList<>(kept.size());
        for (int i : kept) {
            result.add(rows.get(i));
        }
        return result;
    }

    /** A column holding severities only (findings' ERROR/WARNING/INFO, alerts' CRITICAL/WARNING/INFO) and blanks. */
    static boolean isSeverityColumn(List<String[]> rows, int column) {
        boolean sawOne = false;
        for (String[] row : rows) {
            String cell = cellValue(row, column);
            if (cell.isEmpty()) {
                continue;
            }
            if (!SEVERITY_RANK.containsKey(cell)) {
                return false;
            }
            sawOne = true;
        }
        return sawOne;
    }

    private boolean passesFacets(String[] row) {
        for (Map.Entry<Integer, Set<String>> facet : facets.entrySet()) {
            Set<String> allowed = facet.getValue();
            if (allowed != null && !allowed.isEmpty() && !allowed.contains(cellValue(row, facet.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(String[] row, String needle) {
        if (textColumn >= 0) {
            return containsIgnoreCase(cellValue(row, textColumn), needle);
        }
        for (String cell : row) {
            if (containsIgnoreCase(cell, needle)) {
                return true;
            }
        }
        return false;
    }

    private static String cellValue(String[] row, int column) {
        return column < row.length && row[column] != null ? row[column] : "";
    }

    private static boolean containsIgnoreCase(String haystack, String lowerNeedle) {
        if (haystack == null || haystack.length() < lowerNeedle.length()) {
            return false;
        }
        return haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
