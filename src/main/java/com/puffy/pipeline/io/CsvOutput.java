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
 */
public final class CsvOutput implements Closeable {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final CSVPrinter printer;

    public CsvOutput(Writer writer, List<String> header) throws IOException {
        this.printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(header);
    }

    /** Writes one row; numbers are written plainly, text is made formula-safe, null is an empty cell. */
    public void row(Object... cells) throws IOException {
        for (Object cell : cells) {
            printer.print(render(cell));
        }
        printer.println();
    }

    public void row(List<?> cells) throws IOException {
        for (Object cell : cells) {
            printer.print(render(cell));
        }
        printer.println();
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

    /** SPEC §7 formula-injection rule for one text cell. */
    public static String formulaSafe(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@';
        return risky && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
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
