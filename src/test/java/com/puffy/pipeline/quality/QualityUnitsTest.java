package com.puffy.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.io.CsvCells;
import com.puffy.pipeline.io.CsvInput;
import com.puffy.pipeline.io.CsvOutput;
import com.puffy.pipeline.model.CanonicalColumn;
import com.puffy.pipeline.model.ReasonCode;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small parts: header normalization, partition dates, timestamps, the client-id fast path, CSV cells. */
class QualityUnitsTest {
    private final HeaderNormalizer headers = new HeaderNormalizer(ConfigLoader.defaults().quality().headerAliases());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"clientId,client_id", "ClientID,client_id", "client-id,client_id", "Client Id,client_id",
            "' client_id ',client_id", "\uFEFFclient_id,client_id", "userAgent,user_agent", "EventData,event_data",
            "pageURL,page_url", "Event Name,event_name", "HTTPReferrer,http_referrer"})
    void headersNormalizeToSnakeCase(String raw, String normalized) {
        assertThat(HeaderNormalizer.normalize(raw)).isEqualTo(normalized);
    }

    @Test
    void aliasesMapKnownSynonyms() {
        assertThat(headers.canonical("ua")).contains(CanonicalColumn.USER_AGENT);
        assertThat(headers.canonical("referer")).contains(CanonicalColumn.REFERRER);
        assertThat(headers.canonical("favourite_colour")).isEmpty();
    }

    @Test
    void headersFoldedByAWarehouseStillMapToTheirColumn() {
        // Redshift folds clientId to clientid, Snowflake and Oracle to CLIENTID: such files were skipped as not
        // event files.
        HeaderMapping m = headers.map(List.of("CLIENTID", "PAGEURL", "REFERRER", "TIMESTAMP", "EVENTNAME", "eventdata",
                "USERAGENT"));
        assertThat(m.isEventFile()).isTrue();
        assertThat(m.fieldOf()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(headers.canonical("client_i_d")).contains(CanonicalColumn.CLIENT_ID);
        assertThat(headers.canonical("clientids")).isEmpty();
    }

    @Test
    void aliasKeysAreMatchedAsWrittenInTheExport() {
        // Keys are looked up normalized: "Visitor ID" as a key never matched the header "Visitor ID".
        HeaderNormalizer mine = new HeaderNormalizer(java.util.Map.of("Visitor ID", "client_id", "Hit Time", "timestamp"));
        HeaderMapping m = mine.map(List.of("Visitor ID", "Hit Time", "event_name"));
        assertThat(m.isEventFile()).isTrue();
        assertThat(mine.canonical(HeaderNormalizer.normalize("Visitor ID"))).contains(CanonicalColumn.CLIENT_ID);
    }

    @Test
    void canonicallySpelledHeaderWinsOverASynonym() {
        HeaderMapping m = headers.map(List.of("ua", "client_id", "timestamp", "event_name", "user_agent"));
        assertThat(m.fieldOf()[CanonicalColumn.USER_AGENT.ordinal()]).isEqualTo(4);
        assertThat(m.extraNames()).containsExactly("ua");
        assertThat(m.isEventFile()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {"events_20250223.csv,2025-02-23", "export-2025-02-24.csv,2025-02-24",
            "events_20251345_20250301.csv,2025-03-01", "dump.csv,none", "id_1740268798123.csv,none",
            "v2_events_20250223_final.csv,2025-02-23"})
    void partitionDateIsTheFirstRealDateInTheName(String name, String date) {
        assertThat(PartitionDates.fromName(name)).isEqualTo(Optional.ofNullable(date).map(LocalDate::parse));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025-02-23T00:00:01.750Z,2025-02-23T00:00:01.750Z", "2025-02-23T00:00:01Z,2025-02-23T00:00:01.000Z",
            "2025-02-23T01:00:00+01:00,2025-02-23T00:00:00.000Z", "2025-02-23T00:00:01.123456Z,2025-02-23T00:00:01.123Z",
            "2025-02-23T00:00:01.750,2025-02-23T00:00:01.750Z", "2024-02-29T12:00:00.000Z,2024-02-29T12:00:00.000Z",
            "2025-02-23T10:15Z,2025-02-23T10:15:00.000Z"})
    void iso8601TimestampsParseAsUtc(String text, String normalized) {
        long millis = Timestamps.parse(text);
        assertThat(millis).isNotEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.format(millis)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025-02-23 00:00:01", "2025-02-23", "2025-02-29T00:00:00.000Z", "2025-13-01T00:00:00.000Z",
            "20250223T000001Z", "yesterday", "2025-02-23T00:00:60.000Z"})
    void nonIsoOrImpossibleTimestampsAreInvalid(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(Timestamps.INVALID);
    }

    @ParameterizedTest
    @CsvSource({"1740268798-lvfV1k5nHCN8", "1740268798-lvfV1k5nHCN", "1740268798-lvfV1k5nHCN8x", "174026879a-lvfV1k5nHCN8",
            "1740268798_lvfV1k5nHCN8", "1740268798-lvfV1k5n_-N8", "1740268798-lvfV1k5nHC.8",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "1740268798-lvfV1k5nHCNé", "1740268798-lvfV1k5nHCN`",
            "1740268798-lvfV1k5nHCN@", "1740268798-lvfV1k5nHCN[", "1740268798-lvfV1k5nHCN{", "1740268798-lvfV1k5nHCN/",
            "1740268798-lvfV1k5nHCN:", "1740268798-lvfV1k5nHCN", "1740268798-lvfV1k5nHCNĀ"})
    void defaultClientIdFastPathAgreesWithTheRegex(String id) {
        boolean regex = Pattern.compile(RowRule.Context.DEFAULT_CLIENT_ID_PATTERN).matcher(id).find();
        assertThat(RowRule.Context.matchesDefaultPattern(id)).isEqualTo(regex);
    }

    @Test
    void fastCsvCellsReadBackLikeCsvOutput() throws Exception {
        List<String> cells = List.of("plain", "with,comma", "with \"quotes\"", "line\nbreak", "=SUM(A1)", "-12.5",
                "@user", "+1", "", " spaced ", "{\"a\":\"b,c\"}", "-x");
        StringBuilder fast = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                fast.append(',');
            }
            CsvCells.appendText(fast, cells.get(i));
        }
        StringWriter slow = new StringWriter();
        try (CsvOutput out = new CsvOutput(slow, List.of("h"))) {
            out.row(cells.toArray());
        }
        try (CSVParser a = CSVParser.parse(new StringReader(fast + "\n"), CSVFormat.RFC4180);
             CSVParser b = CSVParser.parse(new StringReader(slow.toString()), CSVFormat.RFC4180)) {
            List<String> fromFast = a.getRecords().get(0).toList();
            List<String> fromSlow = b.getRecords().get(1).toList();
            assertThat(fromFast).isEqualTo(fromSlow);
            assertThat(fromFast.get(4)).isEqualTo("'=SUM(A1)");
            assertThat(CsvInput.unprotect(fromFast.get(4))).isEqualTo("=SUM(A1)");
        }
    }

    @Test
    void fingerprintSetFindsTheFirstAndGrows() {
        FingerprintSet set = new FingerprintSet(4);
        for (int i = 0; i < 10_000; i++) {
            assertThat(set.putIfAbsent(i * 31L, i, i)).isEqualTo(-1);
        }
        assertThat(set.putIfAbsent(31L * 77, 77, 5)).isEqualTo(77);
        assertThat(set.size()).isEqualTo(10_000);
        // (0, 0) marks empty slots inside the set, so that fingerprint is kept aside; its neighbours are not.
        assertThat(set.putIfAbsent(0, 0, 9)).isEqualTo(0);
        assertThat(set.putIfAbsent(0, 5, 10)).isEqualTo(-1);
        assertThat(set.putIfAbsent(0, 5, 11)).isEqualTo(10);
        assertThat(set.putIfAbsent(5, 0, 12)).isEqualTo(-1);
        assertThat(set.putIfAbsent(5, 0, 13)).isEqualTo(12);
        assertThat(set.size()).isEqualTo(10_002);
    }

    @Test
    void murmurDistinguishesFieldBoundaries() {
        Murmur3.Hash128 a = new Murmur3.Hash128();
        Murmur3.Hash128 b = new Murmur3.Hash128();
        Murmur3.hash("ab", 0, a);
        Murmur3.hash("ab ", 0, b);
        assertThat(a.h1).isNotEqualTo(b.h1);
        Murmur3.hash("exactly eight ch", 0, a);
        Murmur3.hash("exactly eight ch", 0, b);
        assertThat(a.h1).isEqualTo(b.h1);
        assertThat(a.h2).isEqualTo(b.h2);
    }

    @Test
    void latin1HashEqualsTheCodeUnitHashAtEveryLength() {
        java.util.Random random = new java.util.Random(7);
        Murmur3.Hash128 chars = new Murmur3.Hash128();
        Murmur3.Hash128 bytes = new Murmur3.Hash128();
        for (int length = 0; length <= 70; length++) {
            for (int trial = 0; trial < 20; trial++) {
                char[] text = new char[length];
                byte[] units = new byte[length];
                for (int i = 0; i < length; i++) {
                    // Code units up to 255, so bytes with the sign bit set are widened correctly too.
                    text[i] = (char) random.nextInt(trial % 2 == 0 ? 128 : 256);
                    units[i] = (byte) text[i];
                }
                Murmur3.hash(new String(text), 0, chars);
                Murmur3.hashLatin1(units, 0, length, 0, bytes);
                assertThat(bytes.h1).as("length %d", length).isEqualTo(chars.h1);
                assertThat(bytes.h2).as("length %d", length).isEqualTo(chars.h2);
                // The same units inside a longer buffer, where the tail is read as one word and masked.
                byte[] inside = new byte[length + 11];
                java.util.Arrays.fill(inside, (byte) 0xA5);
                System.arraycopy(units, 0, inside, 3, length);
                Murmur3.hashLatin1(inside, 3, length, 0, bytes);
                assertThat(bytes.h1).as("length %d inside a buffer", length).isEqualTo(chars.h1);
                assertThat(bytes.h2).as("length %d inside a buffer", length).isEqualTo(chars.h2);
            }
        }
    }

    @Test
    void utf8LineRendersCellsAsCsvCellsDoes() {
        List<String> cells = List.of("", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "=SUM(1)", "-12.5",
                "+1", "@x", "-", "'quoted", "café", "日本,語", "emoji 😀", " padded ", "tab\tin");
        for (String cell : cells) {
            for (boolean quote : new boolean[] {false, true}) {
                StringBuilder expected = new StringBuilder("x,");
                Utf8Line line = new Utf8Line();
                line.append("x,", true);
                if (quote) {
                    CsvCells.appendQuoted(expected, cell);
                    line.appendQuoted(cell, Utf8Line.isAscii(cell));
                } else {
                    CsvCells.appendText(expected, cell);
                    line.appendText(cell, Utf8Line.isAscii(cell));
                }
                expected.append(',').append(0).append(',').append(7).append(',').append(1234567890);
                line.append(',').append(0).append(',').append(7).append(',').append(1234567890);
                byte[] bytes = java.util.Arrays.copyOf(line.bytes(), line.length());
                assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).as(cell)
                        .isEqualTo(expected.toString());
                // Text not known to be ASCII takes the encoding path, with the same result.
                Utf8Line encoded = new Utf8Line();
                encoded.append("x,", false);
                if (quote) {
                    encoded.appendQuoted(cell, false);
                } else {
                    encoded.appendText(cell, false);
                }
                assertThat(java.util.Arrays.copyOf(encoded.bytes(), encoded.length()))
                        .isEqualTo(expected.substring(0, expected.indexOf(",0,7,")).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(Utf8Line.isAscii("abc~\u007f")).isTrue();
        assertThat(Utf8Line.isAscii("abcé")).isFalse();
    }

    @Test
    void aFindingAssembledFromItsCachedMiddleEqualsTheRenderedFinding() {
        for (String value : List.of("Googlebot/2.1", "bot, \"quoted\"", "=bot", "-1", "", "x".repeat(400),
                "crawler\nnext")) {
            for (String date : List.of("", "2025-02-23")) {
                StringBuilder expected = new StringBuilder();
                String message = RowText.warningMessage(ReasonCode.BOT_USER_AGENT, value, null, "");
                RowText.finding(expected, "events_20250223.csv", 17, ReasonCode.BOT_USER_AGENT, value, message, date);
                String middle = RowText.findingMiddle(ReasonCode.BOT_USER_AGENT, value, message);
                assertThat("events_20250223.csv,17" + middle + date + "\n").as(value).isEqualTo(expected.toString());
            }
        }
    }

    @Test
    void hashCacheFindsValuesByBothHalvesOfTheKeyAndSurvivesBeingEmptied() {
        HashCache<String> cache = new HashCache<>();
        cache.put(1, 2, "a");
        cache.put(1, 3, "b");
        assertThat(cache.get(1, 2)).isEqualTo("a");
        assertThat(cache.get(1, 3)).isEqualTo("b");
        assertThat(cache.get(2, 2)).isNull();
        for (long i = 0; i < 100_000; i++) {
            cache.put(i * 0x9e3779b97f4a7c15L, i, "v" + i);
        }
        assertThat(cache.get(99_999 * 0x9e3779b97f4a7c15L, 99_999)).isEqualTo("v99999");
        assertThat(cache.get(1, 2)).isNull();
    }

    @Test
    void strictJsonObjectsOnly() {
        assertThat(EventData.isObject("{\"a\":[1,2,{\"b\":null}]}")).isTrue();
        assertThat(EventData.isObject("{'a':1}")).isFalse();
        assertThat(EventData.isObject("{\"a\":1,}")).isFalse();
        assertThat(EventData.isObject("{\"a\":NaN}")).isFalse();
        assertThat(EventData.isObject("{\"a\":01}")).isFalse();
        assertThat(EventData.isObject("\"text\"")).isFalse();
        assertThat(EventData.isObject("{} {}")).isFalse();
        assertThat(EventData.parseObject("{\"a\":1} trailing")).isNull();
        assertThat(EventData.canonical(EventData.parseObject("{\"b\":1.50,\"a\":[2]}")))
                .isEqualTo(EventData.canonical(EventData.parseObject("{\"a\":[2],\"b\":1.5}")));
    }
}
