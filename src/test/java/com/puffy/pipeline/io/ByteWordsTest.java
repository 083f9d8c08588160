package com.puffy.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time tests answer what a byte-by-byte loop answers, in every lane and in the tail. */
class ByteWordsTest {
    @Test
    void indexOfAndIndexOfEitherFindTheFirstMatchLikeAByteByByteSearch() {
        Random random = new Random(17);
        byte[] alphabet = {'a', '=', '&', '#', (byte) 0xC3, (byte) 0xA9, 0, (byte) 0xFF, '\n'};
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                // Mostly filler, so matches land at every distance from the start.
                b[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            for (byte wanted : alphabet) {
                assertThat(ByteWords.indexOf(b, wanted, from, to)).isEqualTo(slowIndexOf(b, wanted, wanted, from, to));
                byte other = alphabet[random.nextInt(alphabet.length)];
                assertThat(ByteWords.indexOfEither(b, wanted, other, from, to))
                        .isEqualTo(slowIndexOf(b, wanted, other, from, to));
            }
        }
    }

    @Test
    void asciiCheckFindsOneHighByteAtAnyPosition() {
        for (int length = 0; length <= 24; length++) {
            byte[] text = new byte[length + 2];
            Arrays.fill(text, (byte) 'a');
            text[0] = (byte) 0xC3;
            text[length + 1] = (byte) 0xA9;
            assertThat(ByteWords.isAscii(text, 1, length + 1)).isTrue();
            for (int at = 1; at <= length; at++) {
                text[at] = (byte) 0x80;
                assertThat(ByteWords.isAscii(text, 1, length + 1)).as("%d at %d", length, at)
                        .isFalse();
                text[at] = 'a';
            }
        }
    }

    private static int slowIndexOf(byte[] b, byte one, byte other, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == one || b[i] == other) {
                return i;
            }
        }
        return -1;
    }
}
