package com.puffy.pipeline.quality;

import static com.puffy.pipeline.quality.QualityHarness.CID;
import static com.puffy.pipeline.quality.QualityHarness.HEADER;
import static com.puffy.pipeline.quality.QualityHarness.UA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §3 schema drift as change episodes, and value drift against the median of earlier files. */
class DriftTest {
    @TempDir
    Path dir;

    private static String day(int d) {
        return String.format("2025-03-%02d", d);
    }

    private static String name(int d) {
        return String.format("events_202503%02d.csv", d);
    }

    private static String row(String client, int d, int i) {
        return client + ",https://puffy.com/p" + (i % 3) + ",," + day(d) + "T10:00:" + String.format("%02d", i % 60)
                + ".000Z,page_viewed,," + UA;
    }

    private static String cid(int d, int i) {
        return String.format("17402%05d-abcdefghij%02d", d * 100 + i / 100, i % 100);
    }

    /** Writes days 1..n, each with rows from {@code rows(day)}, under the header from {@code header(day)}. */
    private QualityHarness days(int n, java.util.function.IntFunction<String> header,
                                java.util.function.IntFunction<List<String>> rows) throws Exception {
        QualityHarness h = new QualityHarness(dir);
        for (int d = 1; d <= n; d++) {
            List<String> lines = new ArrayList<>();
            lines.add(header.apply(d));
            lines.addAll(rows.apply(d));
            h.file(name(d), lines.toArray(new String[0]));
        }
        return h.run();
    }

    private static List<String> normalRows(int d) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row(cid(d, i), d, i));
        }
        return rows;
    }

    @Test
    void renameIsOneEpisodeWithItsLengthAndEndsRestored() throws Exception {
        String renamed = HEADER.replace("client_id", "clientId");
        QualityHarness h = days(6, d -> d >= 2 && d <= 4 ? renamed : HEADER, DriftTest::normalRows);
        List<Map<String, String>> drift = h.drift();
        assertThat(drift).extracting(r -> r.get("file") + "|" + r.get("change") + "|" + r.get("column") + "|"
                + r.get("raw_header") + "|" + r.get("episode_files")).containsExactly(
                name(2) + "|RENAMED|client_id|clientId|3",
                name(5) + "|RESTORED|client_id|client_id|2");
        assertThat(h.result.summary()).anyMatch(l -> l.contains("from " + name(2) + " (3 files): `client_id` arrives as `clientId`"));
        assertThat(h.valid()).hasSize(120);
    }

    @Test
    void headerVariantsAllMapByName() throws Exception {
        String[] variants = {"ClientID", "client-id", "Client Id", "clientId"};
        QualityHarness h = days(4, d -> HEADER.replace("client_id", variants[d - 1]), DriftTest::normalRows);
        assertThat(h.valid()).hasSize(80).allSatisfy(v -> assertThat(v.get("client_id")).isNotEmpty());
        assertThat(h.drift()).extracting(r -> r.get("raw_header")).containsExactly(variants);
    }

    @Test
    void capitalizedTimestampAndReferrerSpellingsMapByTheDefaultAliases() throws Exception {
        String header = "CLIENT_ID,Page URL,HTTPReferrer,TimeStamp,EVENT_NAME,Event Data,User-Agent";
        QualityHarness h = days(2, d -> d == 2 ? header : HEADER, DriftTest::normalRows);
        assertThat(h.valid()).hasSize(40);
        assertThat(h.valid().get(20)).containsEntry("timestamp", "2025-03-02T10:00:00.000Z");
        assertThat(h.drift()).extracting(r -> r.get("change") + "|" + r.get("column") + "|" + r.get("raw_header"))
                .contains("RENAMED|timestamp|TimeStamp", "RENAMED|referrer|HTTPReferrer");
    }

    @Test
    void missingColumnShiftsNothingAndIsReportedOnceWithoutAReorder() throws Exception {
        String noReferrer = "client_id,page_url,timestamp,event_name,event_data,user_agent";
        QualityHarness h = days(3, d -> d == 3 ? noReferrer : HEADER, d -> d == 3
                ? List.of(cid(3, 1) + ",https://puffy.com/,2025-03-03T10:00:00.000Z,page_viewed,," + UA)
                : normalRows(d));
        assertThat(h.drift()).extracting(r -> r.get("change") + "|" + r.get("column")).containsExactly("MISSING|referrer");
        assertThat(h.valid().get(h.valid().size() - 1)).containsEntry("referrer", "")
                .containsEntry("timestamp", "2025-03-03T10:00:00.000Z").containsEntry("event_name", "page_viewed");
    }

    @Test
    void reorderedColumnsAreMappedByNameAndReported() throws Exception {
        String reordered = "timestamp,event_name,client_id,page_url,referrer,event_data,user_agent";
        QualityHarness h = days(2, d -> d == 2 ? reordered : HEADER, d -> d == 2
                ? List.of("2025-03-02T10:00:00.000Z,page_viewed," + CID + ",https://puffy.com/,,," + UA)
                : normalRows(d));
        assertThat(h.drift()).extracting(r -> r.get("change")).containsExactly("REORDERED");
        assertThat(h.valid().get(20)).containsEntry("client_id", CID).containsEntry("event_name", "page_viewed");
    }

    @Test
    void extraColumnIsCarriedIntoValidatedEvents() throws Exception {
        QualityHarness h = days(2, d -> d == 2 ? HEADER + ",Session Source" : HEADER,
                d -> d == 2 ? List.of(row(CID, 2, 1) + ",ads") : normalRows(d));
        assertThat(h.header("validated_events.csv")).endsWith("revenue", "session_source");
        assertThat(h.valid().get(20)).containsEntry("session_source", "ads");
        assertThat(h.valid().get(0)).containsEntry("session_source", "");
        assertThat(h.drift()).extracting(r -> r.get("change") + "|" + r.get("column") + "|" + r.get("raw_header"))
                .containsExactly("EXTRA|session_source|Session Source");
    }

    @Test
    void extraColumnNamedLikeAnOutputColumnIsKeptUnderThePrefixedNameTheDriftDetailGives() throws Exception {
        QualityHarness h = days(2, d -> d == 2 ? HEADER + ",Flags" : HEADER,
                d -> d == 2 ? List.of(row(CID, 2, 1) + ",promo") : normalRows(d));
        assertThat(h.header("validated_events.csv")).endsWith("revenue", "extra_flags");
        assertThat(h.valid().get(20)).containsEntry("extra_flags", "promo").containsEntry("flags", "");
        assertThat(h.drift()).extracting(r -> r.get("change") + "|" + r.get("column") + "|" + r.get("detail"))
                .containsExactly("EXTRA|flags|extra column `Flags` (kept in validated_events.csv as `extra_flags`)");
    }

    @Test
    void aCanonicalColumnNamedTwiceIsCalledASecondColumnNotAnUnknownOne() throws Exception {
        QualityHarness h = days(2, d -> d == 2 ? HEADER + ",client_id" : HEADER,
                d -> d == 2 ? List.of(row(CID, 2, 1) + ",other") : normalRows(d));
        assertThat(h.valid().get(20)).containsEntry("client_id", CID).containsEntry("extra_client_id", "other");
        assertThat(h.drift()).extracting(r -> r.get("change") + "|" + r.get("column") + "|" + r.get("detail"))
                .containsExactly("EXTRA|client_id|a second `client_id` column (the header names `client_id` twice; "
                        + "the first is read, this one is kept in validated_events.csv as `extra_client_id`)");
    }

    @Test
    void aSecondClientIdColumnIsNotProfiledAsTheFirstSoItsValuesRaiseNoValueDrift() throws Exception {
        // Both columns went into one profile: "share matching the client-id pattern" halved on a day whose read
        // client ids were all standard.
        QualityHarness h = days(5, d -> d == 5 ? HEADER + ",client_id" : HEADER,
                d -> d == 5 ? normalRows(d).stream().map(r -> r + ",other").toList() : normalRows(d));
        assertThat(h.drift()).extracting(r -> r.get("change") + "|" + r.get("column"))
                .containsExactly("EXTRA|client_id");
    }

    @Test
    void aHundredExtraColumnsAreAllInTheCsvButTheSummaryNamesTheFirstTwenty() throws Exception {
        StringBuilder extraHeader = new StringBuilder();
        StringBuilder extraValues = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            extraHeader.append(",x").append(i);
            extraValues.append(",v");
        }
        QualityHarness h = days(2, d -> d == 2 ? HEADER + extraHeader : HEADER,
                d -> d == 2 ? List.of(row(CID, 2, 1) + extraValues) : normalRows(d));
        assertThat(h.drift()).hasSize(100);
        List<String> summary = h.result.summary();
        assertThat(summary).contains("Drift episodes: 100.", "  … and 80 more: see quality/schema_drift.csv.");
        assertThat(summary).filteredOn(l -> l.startsWith("  EXTRA ")).hasSize(QualitySummary.DRIFT_LINES_LIMIT);
    }

    @Test
    void clientIdNullSpikeIsOneValueDriftEpisode() throws Exception {
        QualityHarness h = days(10, d -> HEADER, d -> {
            List<String> rows = normalRows(d);
            if (d == 7 || d == 8) {
                for (int i = 0; i < 4; i++) {
                    rows.set(i, ",https://puffy.com/,,2025-03-0" + d + "T10:00:00.000Z,page_viewed,," + UA);
                }
            }
            return rows;
        });
        List<Map<String, String>> drift = h.drift();
        assertThat(drift).extracting(r -> r.get("file") + "|" + r.get("change") + "|" + r.get("column") + "|"
                + r.get("metric") + "|" + r.get("value") + "|" + r.get("baseline") + "|" + r.get("episode_files"))
                .containsExactly(name(7) + "|VALUE_DRIFT|client_id|null_share|0.2|0|2");
    }

    @Test
    void valueDriftNeedsThreeEarlierFilesWithData() throws Exception {
        QualityHarness h = days(3, d -> HEADER, d -> {
            List<String> rows = normalRows(d);
            if (d == 3) {
                for (int i = 0; i < 10; i++) {
                    rows.set(i, ",https://puffy.com/,,2025-03-03T10:00:00.000Z,page_viewed,," + UA);
                }
            }
            return rows;
        });
        assertThat(h.drift()).isEmpty();
    }

    @Test
    void itemPriceNullShareJumpIsValueDrift() throws Exception {
        QualityHarness h = days(5, d -> HEADER, d -> {
            List<String> rows = normalRows(d);
            String price = d == 5 ? "null" : "100";
            rows.add(QualityHarness.purchase(cid(d, 99), day(d) + "T11:00:00.000Z", "{\"transaction_id\":\"ORD-" + d
                    + "\",\"revenue\":100,\"items\":[{\"item_price\":" + price + "}]}"));
            return rows;
        });
        assertThat(h.drift()).extracting(r -> r.get("column") + "|" + r.get("metric") + "|" + r.get("value"))
                .contains("item_price|null_share|1");
    }

    @Test
    void driftRuleUsesTenPointsOrFivePointsAndThreeTimes() {
        var settings = new com.puffy.pipeline.config.QualityConfig.ValueDrift(7, 3, 10.0, 5.0, 3.0);
        assertThat(ValueDrift.drifts(0.11, 0.01, settings)).isTrue();
        assertThat(ValueDrift.drifts(0.50, 0.40, settings)).isTrue();
        assertThat(ValueDrift.drifts(0.49, 0.40, settings)).isFalse();
        assertThat(ValueDrift.drifts(0.07, 0.02, settings)).isTrue();
        assertThat(ValueDrift.drifts(0.10, 0.04, settings)).isFalse();
        assertThat(ValueDrift.drifts(0.04, 0.01, settings)).isFalse();
        assertThat(ValueDrift.median(List.of(3.0, 1.0, 2.0, 10.0))).isEqualTo(2.5);
    }
    @Test
    void theDriftRuleIsInclusiveAtItsBoundariesInFloatingPointAndAFallIsAMoveToo() {
        // "moves by ≥ 10 points, or by ≥ 5 points with the larger value ≥ 3× the smaller" (decision 0809).
        var settings = new com.puffy.pipeline.config.QualityConfig.ValueDrift(7, 3, 10.0, 5.0, 3.0);
        // (0.50 − 0.40) × 100 is 9.999999999999998 in doubles: still ten points, a fall as much as a rise.
        assertThat(ValueDrift.drifts(0.40, 0.50, settings)).isTrue();
        assertThat(ValueDrift.drifts(0.4001, 0.50, settings)).isFalse();
        // Exactly five points and exactly three times (3 × 0.025 is 0.07500000000000001 in doubles).
        assertThat(ValueDrift.drifts(0.075, 0.025, settings)).isTrue();
        assertThat(ValueDrift.drifts(0.025, 0.075, settings)).isTrue();
        assertThat(ValueDrift.drifts(0.0749, 0.025, settings)).isFalse();
        assertThat(ValueDrift.drifts(0.0751, 0.0251, settings)).isFalse();
    }

    @Test
    void theValueDriftBaselineIsTheMedianOfAtMostSevenEarlierFiles() throws Exception {
        // Files 1-4 have no client id on any row (quarantined rows are profiled too), files 5-9 have one on every row.
        // Files 5-8 drift from a median of 100 %; file 9's seven files before it (2-8) have a median of 0 %, and only
        // an eighth file (file 1) would pull it back to 50 % and the episode on to a fifth file.
        QualityHarness h = days(9, d -> HEADER, d -> {
            List<String> rows = normalRows(d);
            if (d <= 4) {
                rows.replaceAll(r -> r.substring(r.indexOf(',')));
            }
            return rows;
        });
        assertThat(h.drift()).filteredOn(r -> r.get("column").equals("client_id") && r.get("metric").equals("null_share"))
                .extracting(r -> r.get("file") + "|" + r.get("value") + "|" + r.get("baseline") + "|" + r.get("episode_files"))
                .containsExactly(name(5) + "|0|1|4");
    }
    @Test
    void anExtraColumnAmongTheCanonicalOnesIsNoReorderAndAMissingColumnsEpisodeEndsRestored() throws Exception {
        // SPEC §3: REORDERED is about the relative order of the canonical columns present, so neither an unknown column
        // between them nor a missing one is a reorder; both changes last two files and each ends with a
        // RESTORED ("a change ends"), which lasts as long as the contract form does.
        String changed = "client_id,Session Source,page_url,timestamp,event_name,event_data,user_agent";
        QualityHarness h = days(5, d -> d == 2 || d == 3 ? changed : HEADER, d -> d == 2 || d == 3
                ? List.of(cid(d, 1) + ",ads,https://puffy.com/," + day(d) + "T10:00:00.000Z,page_viewed,," + UA)
                : normalRows(d));
        assertThat(h.drift()).extracting(r -> r.get("file") + "|" + r.get("change") + "|" + r.get("column") + "|"
                + r.get("episode_files")).containsExactlyInAnyOrder(
                name(2) + "|EXTRA|session_source|2",
                name(2) + "|MISSING|referrer|2",
                name(4) + "|RESTORED|referrer|2",
                name(4) + "|RESTORED|session_source|2");
    }
}

