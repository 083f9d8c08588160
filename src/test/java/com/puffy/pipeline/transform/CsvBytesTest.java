package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.io.CsvOutput;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every cell {@link CsvBytes} writes is byte for byte what {@link CsvOutput#row} writes for the same value. */
class CsvBytesTest {
    private static final String ALPHABET = "aZ09 ,\"\r\n#!$'-=+@.:/?&%~\t;é€_\u0000\u007f\u00a0";

    @Test
    void textReadBackFromACsvIsWrittenAsCsvOutputWritesItsUnprotectedValue() throws Exception {
        Random random = new Random(7);
        List<String> values = new ArrayList<>(List.of("", "'", "'-12", "'=1+1", "'@x", "-12", "-12.5e3", "=1+1",
                "+x", "@x", "#x", "x ", " x", "https://puffy.com/?a=1,2", "he said \"hi\"", "ünï", "é,x", "a\nb", "'x"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(7);
            for (int c = 0; c < length; c++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            values.add(text.toString());
        }
        for (String value : values) {
            byte[] bytes = ("xx" + value + "yy").getBytes(StandardCharsets.UTF_8);
            int to = bytes.length - 2;
            for (boolean first : new boolean[] {true, false}) {
                CsvBytes out = new CsvBytes(8);
                if (!first) {
                    out.number(1L);
                }
                out.readText(bytes, 2, to);
                out.endRow();
                String unprotected = CsvInput.unprotect(value);
                assertThat(text(out)).as("[%s] first=%s", value, first)
                        .isEqualTo(first ? csvOutput(unprotected) : csvOutput(1L, unprotected));
            }
            CsvBytes plain = new CsvBytes(8);
            plain.text(value);
            plain.rendered(CsvBytes.renderedCell(value));
            plain.endRow();
            assertThat(text(plain)).as("[%s]", value).isEqualTo(csvOutput(value, value));
        }
    }

    @Test
    void sessionIdsAreTheClientIdAndTheNumberAsOneTextCell() throws Exception {
        for (String client : List.of("1740268800-wpqBciZ3y4Kp", "-12", "'-12", "'=x", "=x", "a,b", "ü", "#1", "x ",
                "1740268800-wpqBciZ3y4K\"p", "1740268800-wpqBciZ3y4Kp ")) {
            byte[] bytes = client.getBytes(StandardCharsets.UTF_8);
            String text = CsvInput.unprotect(client);
            CsvBytes out = new CsvBytes(8);
            out.sessionId(bytes, 0, bytes.length, 3);
            out.readText(bytes, 0, bytes.length);
            out.endRow();
            assertThat(text(out)).as(client).isEqualTo(csvOutput(text + "-3", text));
            CsvBytes both = new CsvBytes(8);
            both.sessionAndClient(bytes, 0, bytes.length, 3);
            both.endRow();
            assertThat(text(both)).as(client).isEqualTo(csvOutput(text + "-3", text));
        }
    }

    /**
     * Cells long enough for the eight-bytes-a-step check, with one byte that forbids copying them as they are (or
     * none) at every position, so each lane of a word and the tail are covered.
     */
    @Test
    void longCellsWithAForbiddenByteAnywhereAreWrittenAsCsvOutputWritesThem() throws Exception {
        String base = "https://puffy.com/products/puffy-lux-mattress?utm_source=EC60A6";
        String[] forbidden = {",", "\"", "\n", "\r", "\t", "\u007f", "é", "€", " ", "\u0000", "x"};
        for (int length = 8; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                for (String bad : forbidden) {
                    String value = base.substring(0, at) + bad + base.substring(at + 1, length);
                    byte[] bytes = ("xx" + value + "yy").getBytes(StandardCharsets.UTF_8);
                    int to = bytes.length - 2;
                    CsvBytes out = new CsvBytes(8);
                    out.number(1L);
                    out.readText(bytes, 2, to);
                    out.text(value);
                    out.endRow();
                    assertThat(text(out)).as("[%s]", value)
                            .isEqualTo(csvOutput(1L, CsvInput.unprotect(value), value));
                    boolean copiedAsItIs = value.chars().allMatch(c -> c >= ' ' && c <= '~' && c != ',' && c != '"')
                            && value.charAt(0) > '#' && value.charAt(value.length() - 1) > ' ' && "=+-@'".indexOf(value.charAt(0)) < 0;
                    assertThat(CsvBytes.plainAscii(bytes, 2, to)).as("[%s]", value).isEqualTo(copiedAsItIs);
                }
            }
        }
    }

    @Test
    void numbersBooleansAndSecondsAreWrittenAsCsvOutputWritesThem() throws Exception {
        Random random = new Random(11);
        List<Object> expected = new ArrayList<>();
        CsvBytes out = new CsvBytes(8);
        long[] longs = {0, 1, -1, 9, 10, Long.MAX_VALUE, Long.MIN_VALUE, 1234567890123L};
        for (long value : longs) {
            out.number(value);
            expected.add(value);
        }
        double[] doubles = {0.0, -0.0, 1.5, -12.25, 0.1 + 0.2, 1e20, 1e-9, Double.NaN, Double.POSITIVE_INFINITY, 800};
        for (double value : doubles) {
            out.number(value);
            expected.add(value);
        }
        for (int i = 0; i < 20_000; i++) {
            double value = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextDouble() * 5000 - 100;
            out.number(value);
            expected.add(value);
            long millis = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(5000);
                case 1 -> random.nextInt(100) * 1000L;
                case 2 -> random.nextLong() >> random.nextInt(64);
                default -> random.nextInt(86_400_000) * 14L;
            };
            out.seconds(millis);
            expected.add(millis % 1000 == 0 ? (Object) (millis / 1000) : (Object) (millis / 1000.0));
            boolean flag = random.nextBoolean();
            out.bool(flag);
            expected.add(flag);
        }
        out.endRow();
        assertThat(text(out)).isEqualTo(csvOutput(expected.toArray()));
    }

    @Test
    void timestampsAndDatesMatchTheFormatterIncludingYearsThatNeedASign() throws Exception {
        Random random = new Random(3);
        Times.Formatter formatter = new Times.Formatter();
        List<Object> expected = new ArrayList<>();
        CsvBytes out = new CsvBytes(8);
        List<Long> instants = new ArrayList<>(List.of(0L, -1L, 1740268800667L, 253402300799999L, 253402300800000L,
                -62167219200001L, -62167219200000L));
        for (int i = 0; i < 5_000; i++) {
            instants.add(random.nextLong() % 400_000_000_000_000L);
            instants.add(1740268800000L + random.nextInt(1_209_600_000));
        }
        for (long millis : instants) {
            out.timestamp(millis);
            expected.add(formatter.timestamp(millis));
            out.date(Times.dayOf(millis));
            expected.add(Times.date(Times.dayOf(millis)));
        }
        out.endRow();
        assertThat(text(out)).isEqualTo(csvOutput(expected.toArray()));
    }

    @Test
    void aPreRenderedCellCannotStartARowAndTheBufferGrowsAndClears() {
        CsvBytes out = new CsvBytes(1);
        assertThatThrownBy(() -> out.rendered(CsvBytes.renderedCell("x")))
                .isInstanceOf(IllegalStateException.class);
        for (int i = 0; i < 1000; i++) {
            out.number(i);
        }
        out.endRow();
        assertThat(out.size()).isGreaterThan(1000);
        out.clear();
        assertThat(out.size()).isZero();
        out.number(5);
        out.endRow();
        assertThat(text(out)).isEqualTo("5\n");
    }

    private static String text(CsvBytes out) {
        return new String(out.bytes(), 0, out.size(), StandardCharsets.UTF_8);
    }

    /** One row as CsvOutput writes it, without the header. */
    private static String csvOutput(Object... cells) throws Exception {
        StringWriter text = new StringWriter();
        try (CsvOutput csv = new CsvOutput(text, List.of("h"))) {
            csv.row(cells);
        }
        return text.toString().substring("h\n".length());
    }
}
