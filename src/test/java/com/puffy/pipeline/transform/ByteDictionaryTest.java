package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteDictionaryTest {
    @Test
    void theHashDependsOnlyOnTheBytesNotOnWhereTheyAre() {
        Random random = new Random(3);
        for (int length = 0; length <= 40; length++) {
            byte[] value = new byte[length];
            random.nextBytes(value);
            for (int offset = 0; offset < 9; offset++) {
                byte[] padded = new byte[offset + length + 9];
                random.nextBytes(padded);
                System.arraycopy(value, 0, padded, offset, length);
                assertThat(ByteDictionary.hash(padded, offset, offset + length))
                        .as("length %d at %d", length, offset).isEqualTo(ByteDictionary.hash(value, 0, length));
            }
        }
    }

    /** Values that differ in one byte anywhere, the tail after the last full eight included, stay apart. */
    @Test
    void idsAreDenseInOrderOfFirstAppearanceAndEachDistinctValueHasItsOwn() {
        ByteDictionary dictionary = new ByteDictionary(4);
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        String base = "1740268800-wpqBciZ3y4Kp-Mozilla/5.0 (Windows NT 10.0; Win64; x64)";
        for (int length = 0; length <= base.length(); length++) {
            String value = base.substring(0, length);
            values.add(value);
            for (int at = 0; at < length; at++) {
                values.add(value.substring(0, at) + '#' + value.substring(at + 1));
            }
        }
        List<String> twice = new ArrayList<>(values);
        twice.addAll(values);
        java.util.Collections.shuffle(twice, new Random(9));
        for (String value : twice) {
            byte[] bytes = ("xx" + value + "yyyyyyyy").getBytes(StandardCharsets.UTF_8);
            int id = dictionary.intern(bytes, 2, 2 + value.length());
            Integer known = expected.putIfAbsent(value, expected.size());
            assertThat(id).as(value).isEqualTo(known == null ? expected.size() - 1 : known);
        }
        assertThat(dictionary.size()).isEqualTo(expected.size());
        expected.forEach((value, id) -> assertThat(dictionary.get(id)).isEqualTo(value));
    }
}
