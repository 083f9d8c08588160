package com.puffy.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reader reads ASCII bytes as they are and hands the decoder the rest at the first other byte. Everything the
 * validator sees must be what reading the whole file through the decoder gives: the records, their lines and raw
 * text, when a NUL is noticed, and after which record a byte that is not UTF-8 stops the reading (which decides
 * whether a file is reported as binary or as not UTF-8).
 */
class ReaderModesTest {
    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** What a reader shows, record by record, and how it ends. */
    private static List<String> trace(CsvRecordReader reader) {
        List<String> events = new ArrayList<>();
        try (reader) {
            reader.expectFields(3);
            while (reader.next()) {
                events.add(reader.line() + " " + reader.kind() + " nul=" + reader.sawNul() + " " + reader.fields()
                        + " raw=" + reader.rawText());
            }
            events.add("end nul=" + reader.sawNul());
        } catch (Exception e) {
            events.add("stopped: " + e.getClass().getSimpleName() + " nul=" + reader.sawNul());
        }
        return events;
    }

    private static void assertSameAsDecoding(byte[] file, String what) {
        List<String> decoded = trace(new CsvRecordReader(new InputStreamReader(new ByteArrayInputStream(file),
                decoder())));
        List<String> bytes = trace(new CsvRecordReader(new ByteArrayInputStream(file), decoder()));
        assertThat(bytes).as(what).isEqualTo(decoded);
    }

    /** ASCII records of about 100 bytes, up to a given size, with quotes, CRLF and a multi-line field. */
    private static ByteArrayOutputStream asciiRows(int size, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int row = 0;
        while (out.size() < size) {
            String line = switch (row++ % 5) {
                case 0 -> "a" + row + ",\"b,c\"\"d\"\"\",e" + "x".repeat(random.nextInt(120)) + "\r\n";
                case 1 -> "\"two\nlines\"," + row + ",z\n";
                case 2 -> "\n";
                default -> row + "," + "y".repeat(random.nextInt(90)) + ",w\n";
            };
            out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    @Test
    void asciiFilesReadTheSameWithAndWithoutTheDecoder() {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 100, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, 200_000}) {
            assertSameAsDecoding(asciiRows(size, random).toByteArray(), "size " + size);
        }
        assertSameAsDecoding("a,b,c".getBytes(StandardCharsets.US_ASCII), "no final line feed");
    }

    @Test
    void aFirstOtherByteAnywhereIsDecodedFromThereOn() {
        Random random = new Random(6);
        byte[][] others = {
            "é".getBytes(StandardCharsets.UTF_8), "日本".getBytes(StandardCharsets.UTF_8),
            "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xE9}, {(byte) 0xC3}, {(byte) 0xF0, (byte) 0x9F},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};
        for (int at : new int[] {0, 1, 5000, (1 << 16) - 3, (1 << 16) - 2, (1 << 16) - 1, 1 << 16, (1 << 16) + 1,
                70_000, 131_070, 131_071, 131_072}) {
            for (byte[] other : others) {
                byte[] ascii = asciiRows(200_000, random).toByteArray();
                ByteArrayOutputStream file = new ByteArrayOutputStream();
                file.write(ascii, 0, at);
                file.writeBytes(other);
                file.write(ascii, at, ascii.length - at);
                assertSameAsDecoding(file.toByteArray(), "at " + at + " " + java.util.Arrays.toString(other));
            }
        }
    }

    @Test
    void aByteOrderMarkNulBytesAndBadBytesTogetherEndTheSameWay() {
        Random random = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            byte[] file = asciiRows(20_000 + random.nextInt(200_000), random).toByteArray();
            if (trial % 3 == 0) {
                ByteArrayOutputStream bom = new ByteArrayOutputStream();
                bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                bom.writeBytes(file);
                file = bom.toByteArray();
            }
            for (int k = 0; k < 1 + trial % 3; k++) {
                int at = random.nextInt(file.length);
                file[at] = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> (byte) 0xFF;
                    case 2 -> (byte) 0xC3;
                    default -> (byte) 0xA9;
                };
            }
            assertSameAsDecoding(file, "trial " + trial);
        }
    }

    @Test
    void aVeryLongAsciiLineIsCutTheSameWay() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("a,b,c\n".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes("x".repeat(CsvRecordReader.MAX_LINE_CHARS + 10).getBytes(StandardCharsets.US_ASCII));
        file.writeBytes("\nd,e,f\n".getBytes(StandardCharsets.US_ASCII));
        assertSameAsDecoding(file.toByteArray(), "long line");
    }
}
