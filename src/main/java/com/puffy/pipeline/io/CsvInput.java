package com.puffy.pipeline.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Opens the product's own CSV outputs (written by {@link CsvOutput}) for reading by header name. */
public final class CsvInput {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).get();

    private CsvInput() {
    }

    public static CSVParser open(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    }

    /**
     * Undoes {@link CsvOutput#formulaSafe(String)} for code that needs the value as it was: drops a leading {@code '}
     * followed by one of {@code = + - @ '} (the writer protects a value starting with such a pair too, so
     * {@code ''-5} reads {@code '-5}).
     */
    public static String unprotect(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && CsvOutput.isProtected(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell;
    }
}
