package com.puffy.pipeline.io;

/**
 * The fast path of {@link CsvOutput} for stages that write millions of rows: appends one cell to a line being
 * built, with the same formula-injection rule ({@link CsvOutput#formulaSafe(String)}) and RFC 4180 quoting (a cell
 * with a comma, quote or line break is quoted, inner quotes doubled). Going through {@code CSVPrinter} cell by cell
 * costs several seconds at 5M rows.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** Appends a text cell (made formula-safe, quoted when needed); null is an empty cell. */
    public static void appendText(StringBuilder line, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        char first = text.charAt(0);
        String safe = (first == '=' || first == '+' || first == '-' || first == '@') ? CsvOutput.formulaSafe(text) : text;
        appendQuoted(line, safe);
    }

    /** Appends a cell exactly as given (a number or a value already made safe), quoting only when needed. */
    public static void appendQuoted(StringBuilder line, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    /** A whole header or row line of text cells, ended by LF. */
    public static String line(Iterable<String> cells) {
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (String cell : cells) {
            if (!first) {
                line.append(',');
            }
            first = false;
            appendText(line, cell);
        }
        return line.append('\n').toString();
    }
}
