package com.puffy.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.puffy.pipeline.config.ConfigLoader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean output: formats, mix, pseudonymization, payloads, determinism. */
class EventGeneratorTest {
    @TempDir
    static Path tmp;
    static Generated clean;
    static List<Map<String, String>> rows = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        clean = Generated.make(tmp.resolve("clean"), 14, 1500, 3, EnumSet.noneOf(FaultKind.class));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (Path file : clean.eventFiles()) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                assertThat(parser.getHeaderNames()).containsExactlyElementsOf(EventGenerator.canonicalHeader());
                for (CSVRecord record : parser) {
                    assertThat(record.size()).as("fields in %s line %d", file, record.getRecordNumber()).isEqualTo(7);
                    Map<String, String> row = new HashMap<>(record.toMap());
                    row.put("_file", file.getFileName().toString());
                    rows.add(row);
                }
            }
        }
    }

    @Test
    void writesOneFilePerDayWithTheEventsAskedForAndAFaultsFile() throws IOException {
        assertThat(clean.eventFiles()).hasSize(14);
        assertThat(clean.eventFiles().get(0).getFileName()).hasToString("events_20250223.csv");
        assertThat(clean.eventFiles().get(13).getFileName()).hasToString("events_20250308.csv");
        assertThat(rows).hasSize(14 * 1500);
        assertThat(clean.faults.get("faults")).isEmpty();
        assertThat(clean.faults.get("expected_rows")).isEmpty();
    }

    @Test
    void everyPayloadIsAStrictJsonObjectAndEveryRowHasAValidTimestampInsideItsDay() throws IOException {
        for (Map<String, String> row : rows) {
            String data = row.get("event_data");
            if (!data.isEmpty()) {
                assertThat(Generated.JSON.readTree(data).isObject()).isTrue();
            }
            assertThat(row.get("timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            LocalDate day = Instant.parse(row.get("timestamp")).atZone(ZoneOffset.UTC).toLocalDate();
            assertThat(row.get("_file")).isEqualTo("events_" + day.format(EventGenerator.COMPACT_DATE) + ".csv");
        }
    }

    @Test
    void everyFileRoundTripsThroughCommonsCsvByteForByte() throws IOException {
        for (Path file : clean.eventFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            StringBuilder again = new StringBuilder();
            try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text))
                    .setFormat(CSVFormat.RFC4180).get()) {
                for (CSVRecord record : parser) {
                    com.puffy.pipeline.io.CsvOutput.FORMAT.printRecord(again, record.toList().toArray());
                }
            }
            assertThat(again.toString()).as(file.toString()).isEqualTo(text);
        }
    }

    @Test
    void aCancelledGenerationStopsWithoutWritingFaultsJson() {
        com.puffy.pipeline.core.Cancellation cancel = com.puffy.pipeline.core.Cancellation.none();
        Path dir = tmp.resolve("cancelled");
        GenerateSettings settings = new GenerateSettings(dir, 5, 300, LocalDate.of(2025, 2, 23), 1,
                EnumSet.noneOf(FaultKind.class));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventGenerator.generate(settings,
                        (done, total, message) -> cancel.cancel(), cancel))
                .isInstanceOf(com.puffy.pipeline.core.CancelledException.class);
        assertThat(dir.resolve("faults.json")).doesNotExist();
        assertThat(dir.resolve("events_20250223.csv")).exists();
        assertThat(dir.resolve("events_20250224.csv")).doesNotExist();
        assertThat(dir.resolve("events_20250224.csv" + EventGenerator.PART)).doesNotExist();
        // The same command again takes the folder it left, faults.json or not.
        EventGenerator.generate(settings, com.puffy.pipeline.core.Progress.NONE,
                com.puffy.pipeline.core.Cancellation.none());
        assertThat(dir.resolve("faults.json")).exists();
        assertThat(dir.resolve(EventGenerator.IN_PROGRESS)).doesNotExist();
    }

    @Test
    void aGenerationThatDiedHalfWayIsStartedAfreshByTheSameCommand() throws Exception {
        // What a killed `eventpipe generate` leaves: complete days, the day it was writing, no faults.json.
        Path dir = Files.createDirectories(tmp.resolve("died"));
        Files.writeString(dir.resolve(EventGenerator.IN_PROGRESS), "");
        Files.writeString(dir.resolve("events_20250223.csv"), "client_id,timestamp\n1,2\n");
        Files.writeString(dir.resolve("events_20250224.csv" + EventGenerator.PART), "client_id,times");
        Files.writeString(dir.resolve("faults.json.tmp"), "{\"format\"");
        EventGenerator.generate(new GenerateSettings(dir, 2, 100, LocalDate.of(2025, 2, 23), 1,
                EnumSet.noneOf(FaultKind.class)), com.puffy.pipeline.core.Progress.NONE,
                com.puffy.pipeline.core.Cancellation.none());
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("events_20250223.csv", "events_20250224.csv", "faults.json");
        }
    }

    @Test
    void aFailedWriteIsExitTwoNamingTheFolderAndLeavesNoHalfWrittenFaultsJson() {
        Path dir = tmp.resolve("blocked");
        GenerateSettings settings = new GenerateSettings(dir, 2, 100, LocalDate.of(2025, 2, 23), 1,
                EnumSet.noneOf(FaultKind.class));
        // Something takes faults.json's place while the days are written (a full disk fails the same way).
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventGenerator.generate(settings,
                        (done, total, message) -> {
                            if (done == total) {
                                try {
                                    Files.createDirectories(dir.resolve("faults.json").resolve("in-the-way"));
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }
                        }, com.puffy.pipeline.core.Cancellation.none()))
                .isInstanceOf(com.puffy.pipeline.core.PipelineException.class)
                .hasMessageStartingWith("Cannot write the generated files into " + dir)
                .extracting(e -> ((com.puffy.pipeline.core.PipelineException) e).exitCode())
                .isEqualTo(com.puffy.pipeline.core.ExitCode.USAGE);
        assertThat(dir.resolve("faults.json.tmp")).doesNotExist();
    }

    @Test
    void progressCountsTheDays() {
        List<Long> done = new ArrayList<>();
        EventGenerator.generate(new GenerateSettings(tmp.resolve("progress"), 3, 100, LocalDate.of(2025, 2, 23), 1,
                EnumSet.noneOf(FaultKind.class)), (d, total, message) -> {
                    assertThat(total).isEqualTo(3);
                    done.add(d);
                }, com.puffy.pipeline.core.Cancellation.none());
        assertThat(done).containsExactly(1L, 2L, 3L);
    }

    @Test
    void settingsRejectImpossibleValuesInOneSentence() {
        Path dir = tmp.resolve("x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GenerateSettings(dir, 4000, 10,
                LocalDate.of(2025, 1, 1), 1, EnumSet.noneOf(FaultKind.class)))
                .isInstanceOf(com.puffy.pipeline.core.PipelineException.class).hasMessageContaining("--days 4000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GenerateSettings(dir, 1, 0,
                LocalDate.of(2025, 1, 1), 1, EnumSet.noneOf(FaultKind.class)))
                .hasMessageContaining("--events-per-day 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FaultKind.parse("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column_rename");
        assertThat(FaultKind.parse("common,BOM-CRLF")).contains(FaultKind.BOM_CRLF, FaultKind.COLUMN_RENAME)
                .hasSize(FaultKind.common().size() + 1);
        assertThat(FaultKind.parse("none")).isEmpty();
        assertThat(FaultKind.parse("all")).hasSize(FaultKind.values().length);
    }

    @Test
    void aFolderLargerThanTheFreeDiskOrADayLargerThanTheHeapIsRefusedInOneSentence() {
        GenerateSettings settings = GenerateSettings.defaults(tmp.resolve("big"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventGenerator.checkResources(settings,
                        1L << 30, 1L << 20))
                .isInstanceOf(com.puffy.pipeline.core.PipelineException.class)
                .hasMessage("--days 14 with --events-per-day 3500 would write about 14 MiB into " + settings.outDir()
                        + ", but only 1 MiB is free there: ask for fewer days or events, or pass another --out.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventGenerator.checkResources(settings,
                        8L << 20, 1L << 40))
                .hasMessage("--events-per-day 3500 needs about 16 MiB of memory for one day, more than the 8 MiB Java "
                        + "may use: give a smaller --events-per-day, or start Java with a larger -Xmx.");
        // A pseudo file system such as /proc has no free space at all: said as it is, not rounded up to 1 MiB.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventGenerator.checkResources(
                        new GenerateSettings(tmp.resolve("one"), 1, 100, LocalDate.of(2025, 1, 1), 1,
                                EnumSet.noneOf(FaultKind.class)), 1L << 30, 0))
                .hasMessageContaining("would write about 30 KiB into").hasMessageContaining("only 0 KiB is free there");
        EventGenerator.checkResources(settings, 1L << 30, 1L << 30);
        EventGenerator.checkResources(settings, 1L << 30, -1);
    }

    @Test
    void aRefusedFolderSaysWhyInWordsNotThePathAgain() {
        assertThat(EventGenerator.reason(new java.nio.file.AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(EventGenerator.reason(new java.nio.file.FileSystemException("/proc/x"))).isEqualTo(
                "the file system refused");
        assertThat(EventGenerator.reason(new java.nio.file.FileSystemException("/a/b", null, "Not a directory")))
                .isEqualTo("Not a directory");
    }

    @Test
    void clientIdsAfter2038AreStillTenDigitSecondsAndTwelveCharacters() throws IOException {
        // The cookie's creation second overflowed a signed int: 2040 gave "-208610780-V-YvdQUu8Tlh" on every row.
        Generated late = Generated.make(tmp.resolve("late2040"), 1, 50, 1, EnumSet.noneOf(FaultKind.class),
                LocalDate.of(2040, 1, 1));
        List<String> lines = late.lines("events_20400101.csv");
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line).matches("(\\d{10}-[A-Za-z0-9_-]{12}|[0-9a-f]{8}-[0-9a-f-]{27}),.*");
            if (line.matches("\\d{10}-.*")) {
                // Created at most a week before 2040-01-01 (2208988800).
                assertThat(Long.parseLong(line.substring(0, 10))).isGreaterThan(2_208_000_000L);
            }
        }
        Generated last = Generated.make(tmp.resolve("late2095"), 2, 50, 1, EnumSet.noneOf(FaultKind.class),
                LocalDate.of(2095, 12, 30));
        assertThat(last.lines("events_20951231.csv").get(1)).matches("\\d{10}-.*");
    }

    @Test
    void eachFileIsSortedByTimestamp() {
        String previousFile = "";
        String previous = "";
        for (Map<String, String> row : rows) {
            if (row.get("_file").equals(previousFile)) {
                assertThat(row.get("timestamp")).isGreaterThanOrEqualTo(previous);
            }
            previousFile = row.get("_file");
            previous = row.get("timestamp");
        }
    }

    @Test
    void eventMixFollowsTheRealExport() {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.get("event_name"), 1, Integer::sum));
        double n = rows.size();
        assertThat(counts.keySet()).containsExactlyInAnyOrder("page_viewed", "product_added_to_cart",
                "checkout_started", "email_filled_on_popup", "checkout_completed");
        assertThat(counts.get("page_viewed") / n).isBetween(0.90, 0.94);
        assertThat(counts.get("product_added_to_cart") / n).isBetween(0.035, 0.057);
        assertThat(counts.get("checkout_started") / n).isBetween(0.012, 0.023);
        assertThat(counts.get("email_filled_on_popup") / n).isBetween(0.007, 0.016);
        assertThat(counts.get("checkout_completed") / n).isBetween(0.004, 0.008);
    }

    @Test
    void botsAreAboutThirteenPercentOfRowsAndCarryClientIds() {
        Pattern bot = Pattern.compile(ConfigLoader.defaults().quality().botPattern(), Pattern.CASE_INSENSITIVE);
        long bots = rows.stream().filter(r -> bot.matcher(r.get("user_agent")).find()).count();
        assertThat(bots / (double) rows.size()).isBetween(0.11, 0.15);
        assertThat(rows.stream().filter(r -> bot.matcher(r.get("user_agent")).find()))
                .allMatch(r -> r.get("client_id").matches("\\d{10}-[A-Za-z0-9_-]{12}"));
    }

    @Test
    void catalogBotAgentsMatchTheDefaultBotPatternAndHumanAgentsDoNot() {
        Pattern bot = Pattern.compile(ConfigLoader.defaults().quality().botPattern(), Pattern.CASE_INSENSITIVE);
        assertThat(Catalog.BOT_AGENTS).allMatch(a -> bot.matcher(a.text()).find());
        assertThat(bot.matcher(Catalog.HEADLESS_AGENT).find()).isTrue();
        assertThat(Catalog.HUMAN_AGENTS).noneMatch(a -> bot.matcher(a.text()).find());
    }

    @Test
    void clientIdsAreCookieIdsWithAFewUuidsAndNeverEmptyInCleanData() {
        Pattern standard = Pattern.compile(ConfigLoader.defaults().quality().clientIdPattern());
        long uuids = rows.stream().filter(r -> r.get("client_id")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")).count();
        long standards = rows.stream().filter(r -> standard.matcher(r.get("client_id")).matches()).count();
        assertThat(uuids).isPositive().isLessThan(rows.size() / 50);
        assertThat(standards + uuids).isEqualTo(rows.size());
    }

    @Test
    void multiSessionUsersReturnOnLaterDays() {
        Map<String, Set<String>> days = new HashMap<>();
        rows.forEach(r -> days.computeIfAbsent(r.get("client_id"), k -> new HashSet<>()).add(r.get("_file")));
        long returning = days.values().stream().filter(d -> d.size() > 1).count();
        assertThat(returning).isGreaterThan(days.size() / 50);
        Set<String> buyers = new HashSet<>();
        rows.stream().filter(r -> r.get("event_name").equals("checkout_completed"))
                .forEach(r -> buyers.add(r.get("client_id")));
        long buyersWithEarlierDays = buyers.stream().filter(c -> days.get(c).size() > 1).count();
        assertThat(buyersWithEarlierDays).isGreaterThan(buyers.size() / 5);
    }

    @Test
    void queryValuesAreUpperCaseMd5PrefixesOfKnownValues() throws Exception {
        Map<String, String> hashes = new HashMap<>();
        for (String v : List.of("cpc", "paid", "paid_social", "email", "sms", "Affiliates", "google", "bing",
                "facebook", "tiktok", "klaviyo", "attentive", "1")) {
            hashes.put(md5(v).substring(0, 6).toUpperCase(Locale.ROOT), v);
        }
        assertThat(md5("cpc").substring(0, 6).toUpperCase(Locale.ROOT)).isEqualTo("AE24AC");
        assertThat(md5("Affiliates").substring(0, 6).toUpperCase(Locale.ROOT)).isEqualTo("7B4C8A");
        Pattern param = Pattern.compile("[?&]([a-z_0-9]+)=([^&]*)");
        Set<String> mediums = new HashSet<>();
        int withQuery = 0;
        for (Map<String, String> row : rows) {
            String url = row.get("page_url");
            assertThat(url).startsWith("https://");
            assertThat(url).matches("https://(puffy\\.com|checkout\\.puffy\\.com)/.*");
            if (url.contains("?")) {
                withQuery++;
            }
            Matcher m = param.matcher(url);
            while (m.find()) {
                assertThat(m.group(2)).as("value of %s in %s", m.group(1), url).matches("[0-9A-F]{6}");
                if (m.group(1).equals("utm_medium")) {
                    mediums.add(hashes.get(m.group(2)));
                }
            }
        }
        assertThat(mediums).containsExactlyInAnyOrder("cpc", "paid", "paid_social", "email", "sms", "Affiliates");
        // Every query key DATA.md names for the real export occurs.
        Set<String> keys = new HashSet<>();
        rows.forEach(row -> {
            Matcher m = param.matcher(row.get("page_url"));
            while (m.find()) {
                keys.add(m.group(1));
            }
        });
        assertThat(keys).contains("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "gclid",
                "gbraid", "wbraid", "gad_source", "msclkid", "fbclid", "affid", "oid", "sub1", "sub2", "sub3",
                "irclickid", "im_ref", "sfdr_ptcid", "_kx", "size");
        assertThat(withQuery).isBetween(rows.size() / 10, rows.size() * 6 / 10);
    }

    @Test
    void referrersAreEmptyOwnGoogleAndroidAppOrPseudonymizedThirdParties() throws Exception {
        Set<String> known = new HashSet<>();
        for (String[] hosts : List.of(Catalog.SOCIAL_HOSTS, Catalog.SEARCH_HOSTS, Catalog.REFERRAL_HOSTS)) {
            for (String h : hosts) {
                known.add("source-" + md5(h).substring(0, 8) + ".com");
            }
        }
        known.add("source-" + md5("m.facebook.com").substring(0, 8) + ".com");
        assertThat(known).contains("source-660328a7.com", "source-afb1343a.com");
        Pattern source = Pattern.compile("https://(source-[0-9a-f]{8}\\.com)/.*");
        Map<String, Integer> kinds = new HashMap<>();
        for (Map<String, String> row : rows) {
            String ref = row.get("referrer");
            String kind;
            if (ref.isEmpty()) {
                kind = "none";
            } else if (ref.startsWith("https://puffy.com/") || ref.startsWith("https://checkout.puffy.com/")) {
                kind = "own";
            } else if (ref.equals("https://www.google.com/")) {
                kind = "google";
            } else if (ref.startsWith("android-app://")) {
                kind = "app";
            } else {
                Matcher m = source.matcher(ref);
                assertThat(m.matches()).as(ref).isTrue();
                assertThat(known).contains(m.group(1));
                kind = "source";
            }
            kinds.merge(kind, 1, Integer::sum);
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrder("none", "own", "google", "app", "source");
        assertThat(kinds.get("none")).isGreaterThan(rows.size() / 2);
    }

    @Test
    void purchasesHaveUniqueIdsLineTotalsThatSumToRevenueAndAMedianNear800() throws IOException {
        Set<String> ids = new HashSet<>();
        List<BigDecimal> revenues = new ArrayList<>();
        boolean inchMarks = false;
        for (Map<String, String> row : rows) {
            if (!row.get("event_name").equals("checkout_completed")) {
                continue;
            }
            JsonNode data = Generated.JSON.readTree(row.get("event_data"));
            String id = data.get("transaction_id").asText();
            assertThat(id).matches("ORD-\\d{8}-\\d{3,}");
            assertThat(id.substring(4, 12)).isEqualTo(row.get("timestamp").substring(0, 10).replace("-", ""));
            assertThat(ids.add(id)).as("unique %s", id).isTrue();
            assertThat(data.get("user_email").asText()).matches("[0-9a-f]{64}");
            JsonNode items = data.get("items");
            assertThat(items.size()).isBetween(1, 6);
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode item : items) {
                assertThat(item.fieldNames()).toIterable().containsExactly("item_id", "item_name", "item_variant",
                        "quantity", "item_price");
                assertThat(item.get("quantity").asInt()).isPositive();
                sum = sum.add(item.get("item_price").decimalValue());
                inchMarks |= item.get("item_variant").asText().contains("\"W x ");
            }
            BigDecimal revenue = data.get("revenue").decimalValue();
            assertThat(revenue).isEqualByComparingTo(sum);
            revenues.add(revenue);
        }
        assertThat(inchMarks).isTrue();
        revenues.sort(null);
        assertThat(revenues.size() / 14.0).isBetween(5.0, 14.0);
        assertThat(revenues.get(revenues.size() / 2)).isBetween(new BigDecimal("600"), new BigDecimal("1000"));
        assertThat(revenues.stream().anyMatch(r -> r.scale() > 0 && r.stripTrailingZeros().scale() > 0)).isTrue();
    }

    @Test
    void mostSessionsAreSingleEventAndDevicesAreMostlyMobile() {
        long mobile = rows.stream().filter(r -> r.get("user_agent").contains("Mobile")).count();
        assertThat(mobile / (double) rows.size()).isBetween(0.45, 0.75);
        Map<String, Integer> perClient = new HashMap<>();
        rows.forEach(r -> perClient.merge(r.get("client_id"), 1, Integer::sum));
        long single = perClient.values().stream().filter(n -> n == 1).count();
        assertThat(single / (double) perClient.size()).isGreaterThan(0.7);
    }

    @Test
    void theSameArgumentsGiveByteIdenticalFoldersAndAnotherSeedDoesNot() throws IOException {
        Generated a = Generated.make(tmp.resolve("a"), 4, 300, 11, FaultKind.parse("all"));
        Generated b = Generated.make(tmp.resolve("b"), 4, 300, 11, FaultKind.parse("all"));
        Generated c = Generated.make(tmp.resolve("c"), 4, 300, 12, FaultKind.parse("all"));
        assertThat(digest(a.dir)).isEqualTo(digest(b.dir));
        assertThat(digest(a.dir)).isNotEqualTo(digest(c.dir));
        // A second run into the same folder replaces it with the same bytes.
        Map<String, String> before = digest(a.dir);
        Generated.make(a.dir, 4, 300, 11, FaultKind.parse("all"));
        assertThat(digest(a.dir)).isEqualTo(before);
    }

    static Map<String, String> digest(Path dir) throws IOException {
        Map<String, String> digests = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                digests.put(f.getFileName().toString(), md5Bytes(Files.readAllBytes(f)));
            }
        }
        return digests;
    }

    static String md5(String text) throws Exception {
        return md5Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Bytes(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
