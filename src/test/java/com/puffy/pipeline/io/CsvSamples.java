package com.puffy.pipeline.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings that must read back from our CSV outputs exactly as they were written: the edges of the formula rule
 * (SPEC §7) and of RFC 4180 by hand, then seeded random strings over an alphabet of those characters, digits,
 * letters and non-ASCII text, so a failure always reproduces.
 */
public final class CsvSamples {
    private static final String[] EDGES = {
        "", "a", "-5", "'-5", "''-5", "'", "''", "'''", "'=x", "''=x", "'+1", "'@a", "'a", "'5", "'-", "-", "=", "+",
        "@", "=1+2", "'=1+2", "+cmd", "-cmd", "@SUM(A1)", "-12.5", "-1e5", "1e5", "'-12.5", "' -5", " '-5", "'-5 ",
        "'s-Hertogenbosch", "O'Brien", "it's", "\"", "\"'-5\"", "'\"", ",", "'-5,6", "a\nb", "'-\n", "\r\n", "'\r",
        "#x", "'#", "é'-", "中文", "😀", "'😀", "-😀", "\t'-5", " ", "'\u00a0", "\uFEFF'-5", "'\uFEFF"};
    private static final String ALPHABET_TEXT = "=+-@'\",\n\r \t0123456789.eEaZ#;é中\u00a0";
    private static final int[] ALPHABET = ALPHABET_TEXT.codePoints().toArray();

    private CsvSamples() {
    }

    /** The hand-written edges, then {@code random} seeded strings of up to 12 characters. */
    public static List<String> strings(int random) {
        List<String> all = new ArrayList<>(List.of(EDGES));
        Random rng = new Random(20261127L);
        for (int i = 0; i < random; i++) {
            StringBuilder s = new StringBuilder();
            int length = rng.nextInt(13);
            for (int j = 0; j < length; j++) {
                int pick = rng.nextInt(ALPHABET.length + 1);
                // Now and then a character outside the BMP: a surrogate pair in Java's UTF-16.
                s.appendCodePoint(pick == ALPHABET.length ? 0x1F600 + rng.nextInt(40) : ALPHABET[pick]);
            }
            all.add(s.toString());
        }
        return all;
    }

    /**
     * Writes the values through {@link CsvOutput} as columns {@code first, id, middle}: each value as the first cell
     * and again as the third, the row's index between them, so a reader is tested at a line's start and inside it.
     */
    public static void writeFirstIdMiddle(Path file, List<String> values) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvOutput csv = new CsvOutput(writer, List.of("first", "id", "middle"))) {
            for (int i = 0; i < values.size(); i++) {
                csv.row(values.get(i), i, values.get(i));
            }
        }
    }
}
