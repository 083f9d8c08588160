package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleWriterTest {
    private static String through(Charset charset, String text) {
        StringWriter target = new StringWriter();
        try (PrintWriter writer = new PrintWriter(ConsoleWriter.forCharset(target, charset))) {
            writer.print(text);
        }
        return target.toString();
    }

    @Test
    void aWindowsCodePageGetsAsciiArrowsAndEllipses() {
        assertThat(through(Charset.forName("IBM437"), "51,438 valid events → 32,893 sessions; eventpipe run …"))
                .isEqualTo("51,438 valid events -> 32,893 sessions; eventpipe run ...");
    }

    @Test
    void theSectionSignOfTheDefaultConfigurationIsSpelledOutWhereTheCodePageLacksIt() {
        assertThat(through(Charset.forName("IBM437"), "# The channel of a session (SPEC §5.1)"))
                .isEqualTo("# The channel of a session (SPEC section 5.1)");
        assertThat(through(Charset.forName("IBM850"), "SPEC §5.1")).isEqualTo("SPEC §5.1");
    }

    @Test
    void charactersTheCodePageHasAreKept() {
        // Code page 850 has é but no arrow: a French file name stays readable.
        assertThat(through(Charset.forName("IBM850"), "événements_20250301.csv → 0 rows"))
                .isEqualTo("événements_20250301.csv -> 0 rows");
    }

    @Test
    void utf8OutputIsUntouched() {
        String text = "1.0 % → 12.0 % … “quoted” — done";
        assertThat(through(StandardCharsets.UTF_8, text)).isEqualTo(text);
        assertThat(through(Charset.forName("windows-1252"), text)).isEqualTo("1.0 % -> 12.0 % … “quoted” — done");
    }

    @Test
    void theStreamIsEncodedInTheConsoleCharset() {
        String property = "eventpipe.test.encoding";
        System.setProperty(property, "IBM850");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintWriter writer = ConsoleWriter.printWriter(bytes, property);
            writer.print("é → x");
            writer.flush();
            assertThat(bytes.toString(Charset.forName("IBM850"))).isEqualTo("é -> x");
            assertThat(bytes.toByteArray()).hasSize(6);
        } finally {
            System.clearProperty(property);
        }
    }
}
