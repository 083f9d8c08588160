package com.puffy.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassicMacLineEndsTest {
    private static String read(String text, int bufferSize) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), bufferSize);
        try (InputStream in = ClassicMacLineEnds.normalize(raw)) {
            // Small reads so a CRLF is split across two of them.
            StringBuilder out = new StringBuilder();
            byte[] chunk = new byte[3];
            int n;
            while ((n = in.read(chunk, 0, chunk.length)) >= 0) {
                out.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
            }
            return out.toString();
        }
    }

    @Test
    void loneCrAndCrlfBecomeLfWhenTheHeaderEndsInALoneCr() throws IOException {
        assertThat(read("a,b\r1,2\r\n3,4\r\r\n\n5,6\r", 16)).isEqualTo("a,b\n1,2\n3,4\n\n\n5,6\n");
    }

    @Test
    void filesWithLfOrCrlfAreReadAsTheyAre() throws IOException {
        assertThat(read("a,b\r\n1,2\r3\n", 16)).isEqualTo("a,b\r\n1,2\r3\n");
        assertThat(read("a,b\n1,2\r3\n", 16)).isEqualTo("a,b\n1,2\r3\n");
        assertThat(read("no line end at all", 16)).isEqualTo("no line end at all");
    }

    @Test
    void aCrAtTheEndOfTheSniffedBytesDecidesOnlyAtTheEndOfTheFile() {
        byte[] head = new byte[ClassicMacLineEnds.SNIFF_BYTES];
        java.util.Arrays.fill(head, (byte) 'a');
        head[head.length - 1] = '\r';
        assertThat(ClassicMacLineEnds.firstLineEndsWithLoneCr(head)).isFalse();
        assertThat(ClassicMacLineEnds.firstLineEndsWithLoneCr("a,b\r".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(ClassicMacLineEnds.firstLineEndsWithLoneCr("a,b\r\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void skipReadsThroughTheTranslation() throws IOException {
        try (InputStream in = ClassicMacLineEnds.normalize(new BufferedInputStream(
                new ByteArrayInputStream("a\rb\r\nc\rd".getBytes(StandardCharsets.US_ASCII))))) {
            assertThat(in.skip(4)).isEqualTo(4);
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("c\nd");
        }
    }

    @Test
    void aFailingFirstReadIsThrownByThatRead() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Stale file handle");
            }
        };
        InputStream in = ClassicMacLineEnds.normalize(new BufferedInputStream(failing));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.read(new byte[10], 0, 10))
                .hasMessage("Stale file handle");
    }
}
