package com.puffy.pipeline.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the product writes CSV: UTF-8, a header row, RFC 4180 quoting, LF line ends, and formula-injection
 * protection (SPEC §7): a text cell starting with {@code = + - @} is written with a leading {@code '} so a
 * spreadsheet shows it as text. Plain numbers are left alone ({@code -12.5} is a number, not a formula).
 * <p>
 * Readers of our outputs undo it with {@link CsvInput#unprotect}, which drops a leading {@code '} exactly when the next
 * character is one of {@code = + - @ '}. So that every value reads back as it was, a value that itself starts with
 * {@code '} followed by one of those ({@code '-5}, {@code '=x}, {@code ''}) is protected too ({@code ''-5}); any other
 * value starting with {@code '} ({@code 's-Hertogenbosch}) is written as it is.
 */
public final class CsvOutput implements Closeable {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final CSVPrinter printer;
    private final Writer writer;
    private final StringBuilder line = new StringBuilder(256);

    public CsvOutput(Writer writer, List<String> header) throws IOException {
        this.writer = writer;
        this.printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(header);
    }

    /** Writes one row; numbers are written plainly, text is made formula-safe, null is an empty cell. */
    public void row(Object... cells) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            append(cells[i], i == 0);
        }
        flushLine();
    }

    public void row(List<?> cells) throws IOException {
        line.setLength(0);
        boolean first = true;
        for (Object cell : cells) {
            append(cell, first);
            first = false;
        }
        flushLine();
    }

    private char[] chars = new char[512];

    private void flushLine() throws IOException {
        line.append('\n');
        int n = line.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        line.getChars(0, n, chars, 0);
        writer.write(chars, 0, n);
    }

    /**
     * Appends one cell to the row being built, exactly as {@link CSVPrinter} would print {@link #render(Object)}:
     * whole numbers, booleans and text that never needs quotes are copied as they are, since going through the
     * printer cell by cell costs seconds on millions of rows; any other cell is printed by the format itself.
     */
    private void append(Object cell, boolean newRecord) throws IOException {
        if (cell instanceof Integer || cell instanceof Long) {
            if (!newRecord) {
                line.append(',');
            }
            line.append(((Number) cell).longValue());
            return;
        }
        if (cell instanceof Boolean b) {
            if (!newRecord) {
                line.append(',');
            }
            line.append(b.booleanValue());
            return;
        }
        String value = render(cell);
        if (plain(value) || (value.isEmpty() && !newRecord)) {
            if (!newRecord) {
                line.append(',');
            }
            line.append(value);
        } else {
            // The format writes the delimiter itself and quotes by position (an empty first cell is quoted).
            FORMAT.print(value, line, newRecord);
        }
    }

    /**
     * Text the RFC 4180 printer never quotes: not empty, starting with a printable ASCII character after '#' (it
     * quotes a value starting with '#' or below, and a record starting with a non-ASCII character), not ending in a
     * space or control character, and without comma, quote, CR or LF (String.indexOf is vectorized, which matters
     * over millions of cells).
     */
    static boolean plain(String value) {
        int n = value.length();
        if (n == 0) {
            return false;
        }
        char first = value.charAt(0);
        char last = value.charAt(n - 1);
        return first > '#' && first <= '~' && last > ' ' && value.indexOf(',') < 0 && value.indexOf('"') < 0
                && value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    public static String render(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return formatDouble(d);
        }
        if (cell instanceof Float f) {
            return formatDouble(f.doubleValue());
        }
        if (cell instanceof Number || cell instanceof Boolean) {
            return cell.toString();
        }
        return formulaSafe(cell.toString());
    }

    /** SPEC §7 formula-injection rule for one text cell, reversible by {@link CsvInput#unprotect}. */
    public static String formulaSafe(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '\'') {
            return text.length() > 1 && isProtected(text.charAt(1)) ? "'" + text : text;
        }
        return isFormulaStart(first) && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    /**
     * Whether {@link #formulaSafe} may change a text starting with this character: a formula start or an
     * apostrophe. Fast paths copy any other text as it is.
     */
    public static boolean mayProtect(char first) {
        return isFormulaStart(first) || first == '\'';
    }

    /** After a leading {@code '}: the characters that make it a protection mark, which readers drop. */
    static boolean isProtected(char second) {
        return isFormulaStart(second) || second == '\'';
    }

    /** Whether a cell starting with this character may be read as a formula by a spreadsheet. */
    public static boolean isFormulaStart(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@';
    }

    /** Doubles without exponent notation or binary noise: 0.1 + 0.2 is written 0.3. */
    public static String formatDouble(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).setScale(6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
