package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search's word-at-a-time look at a record's bytes ({@link FileTable#asciiWithout}) lets a record go unsplit
 * exactly when a byte-by-byte look would: all ASCII and no needle, ignoring ASCII case, wherever the needle or a byte
 * past ASCII falls against the 8-byte words, the record's ends included.
 */
class SearchPrefilterTest {
    /** The byte-by-byte look the search had. */
    private static boolean asciiWithoutByBytes(byte[] b, int from, int to, byte[] needle) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        for (int i = from; i + needle.length <= to; i++) {
            int k = 0;
            while (k < needle.length && Character.toLowerCase((char) b[i + k]) == needle[k]) {
                k++;
            }
            if (k == needle.length) {
                return false;
            }
        }
        return true;
    }

    @Test
    void agreesWithAByteByByteLookWhereverTheNeedleFalls() {
        Random random = new Random(7);
        String alphabet = "aAbBcC0-,\"6é@ \n";
        String[] needles = {"a", "ab", "000c6", "paid social", "-", "6", ",c", "bbbbbbbbbba", "@"};
        int cleared = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                text.insert(random.nextInt(text.length() + 1), "PaId SoCiAl");
            }
            byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
            int from = random.nextInt(3);
            int to = bytes.length - random.nextInt(3);
            byte[] needle = needles[random.nextInt(needles.length)].getBytes(StandardCharsets.US_ASCII);
            boolean expected = asciiWithoutByBytes(bytes, from, to, needle);
            assertThat(FileTable.asciiWithout(bytes, from, to, needle)).as("%s in [%d, %d) of %s",
                    new String(needle, StandardCharsets.US_ASCII), from, to, text).isEqualTo(expected);
            cleared += expected ? 1 : 0;
        }
        assertThat(cleared).as("both answers seen").isBetween(1, 199_999);
    }
}
