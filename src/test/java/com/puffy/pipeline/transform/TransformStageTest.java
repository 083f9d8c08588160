package com.puffy.pipeline.transform;

import static com.puffy.pipeline.transform.QualityFixture.DESKTOP;
import static com.puffy.pipeline.transform.QualityFixture.GOOGLEBOT;
import static com.puffy.pipeline.transform.QualityFixture.HOME;
import static com.puffy.pipeline.transform.QualityFixture.IPHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.CancelledException;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transform stage on a small hand-written quality/ folder whose every figure is computed by hand in the
 * comments (SPEC §5 edges: the 30-minute gap, the 7-day lookback, Direct-only journeys, several purchases and
 * collisions, bot sessions).
 */
class TransformStageTest {
    static final String A = "1740268798-AAAAAAAAAAAA";
    static final String B = "1740268798-BBBBBBBBBBBB";
    static final String C = "1740268798-CCCCCCCCCCCC";
    static final String D = "1740268798-DDDDDDDDDDDD";
    static final String E = "1740268798-EEEEEEEEEEEE";
    static final String F = "1740268798-FFFFFFFFFFFF";
    static final String G = "1740268798-GGGGGGGGGGGG";

    @TempDir
    Path dir;

    /** The small case; figures below are derived from it by hand. */
    QualityFixture smallCase() {
        QualityFixture q = new QualityFixture(dir);
        // A: Paid Search visit; 10:30:00.000 is exactly 30 min later (same session); 11:00:00.001 is 30 min + 1 ms
        // later (new session, Direct) in which A buys ORD-1 for 800.
        q.event(A, "2025-02-23T10:00:00.000Z", "page_viewed", HOME + "?utm_medium=AE24AC&utm_source=google", "", IPHONE);
        q.event(A, "2025-02-23T10:30:00.000Z", "page_viewed", HOME + "products/x", HOME, IPHONE);
        q.event(A, "2025-02-23T11:00:00.001Z", "page_viewed", HOME, "", IPHONE);
        q.event(A, "2025-02-23T11:05:00.000Z", "product_added_to_cart", HOME + "cart", HOME, IPHONE);
        q.event(A, "2025-02-23T11:06:00.000Z", "checkout_started", HOME + "checkout", HOME, IPHONE);
        q.purchase(A, "2025-02-23T11:10:00.000Z", "ORD-1", 800);
        // B: only Direct sessions: a visit three days before, then the purchase (ORD-2, 200).
        q.event(B, "2025-02-20T12:00:00.000Z", "page_viewed", HOME, "", DESKTOP);
        q.purchase(B, "2025-02-23T12:00:00.000Z", "ORD-2", 200);
        // C: an Organic Search session exactly 7 days before its purchase (inside the lookback).
        q.event(C, "2025-02-16T09:00:00.000Z", "page_viewed", HOME, "https://www.google.com/", IPHONE);
        q.purchase(C, "2025-02-23T09:00:00.000Z", "ORD-3", 100);
        // D: a Paid Social session 7 days and 1 ms before its purchase (outside the lookback).
        q.event(D, "2025-02-16T08:59:59.999Z", "page_viewed", HOME + "?fbclid=abc", "", IPHONE);
        q.purchase(D, "2025-02-23T09:00:00.000Z", "ORD-4", 100);
        // E: Organic Social, two purchases in one session: a colliding transaction id and a zero-revenue order.
        q.event(E, "2025-02-23T14:00:00.000Z", "page_viewed", HOME, "https://source-660328a7.com/", IPHONE);
        q.purchase(E, "2025-02-23T14:05:00.000Z", "ORD-5~1", 300, "TRANSACTION_ID_COLLISION",
                "[{\"item_id\":\"P1\",\"item_name\":\"Pillow\",\"item_variant\":\"Std\",\"quantity\":2,\"item_price\":100},"
                        + "{\"item_id\":\"T1\",\"item_name\":\"Topper\",\"item_variant\":\"Queen\",\"quantity\":1,\"item_price\":200}]");
        q.purchase(E, "2025-02-23T14:06:00.000Z", "ORD-6", 0,
                "PURCHASE_ZERO_REVENUE;PURCHASE_ITEM_PRICE_MISSING",
                "[{\"item_id\":\"X\",\"item_name\":\"Gift\",\"item_variant\":null,\"quantity\":1,\"item_price\":null}]");
        // F: the other order with the colliding transaction id.
        q.purchase(F, "2025-02-23T15:00:00.000Z", "ORD-5~2", 50, "TRANSACTION_ID_COLLISION",
                "[{\"item_id\":\"S1\",\"item_name\":\"Sheets\",\"item_variant\":\"King\",\"quantity\":1,\"item_price\":50}]");
        // G: a crawler.
        q.event(G, "2025-02-23T16:00:00.000Z", "page_viewed", HOME, "", GOOGLEBOT);
        // Stage 1 also read 6 rows it did not pass on, 4 of them without client id.
        q.unreadRows("2025-02-23", 6, 4);
        return q;
    }

    static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String... key) {
        return rows.stream().collect(Collectors.toMap(
                r -> java.util.Arrays.stream(key).map(r::get).collect(Collectors.joining("|")), r -> r,
                (a, b) -> {
                    throw new AssertionError("duplicate key " + a);
                }, java.util.LinkedHashMap::new));
    }

    @Test
    void progressMessagesWriteCountsAsPeopleReadThem() throws Exception {
        // The app's stage card shows these: "Read 491243 valid events" had to be counted digit by digit.
        QualityFixture q = new QualityFixture(dir);
        for (int i = 0; i < 1_200; i++) {
            q.view(String.format("17402687%02d-lvfV1k5nHCN8", i % 100),
                    String.format("2025-02-23T%02d:%02d:00.000Z", i / 100, i % 60));
        }
        q.purchase(A, "2025-02-23T23:00:00.000Z", "ORD-1", 10);
        q.write();
        List<String> messages = new java.util.ArrayList<>();
        q.runWritten(ConfigLoader.defaults(), Cancellation.none(), new TransformStage(),
                (done, total, message) -> messages.add(message));
        assertThat(messages).contains("Read 1,201 valid events", "Attributed 1 conversion")
                .anySatisfy(m -> assertThat(m).matches("Cut [0-9],[0-9]{3} sessions"))
                .noneSatisfy(m -> assertThat(m).containsPattern("[0-9]{4}"));
    }

    @Test
    void everyOutputHasTheContractColumns() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        assertThat(q.header("sessions.csv")).containsExactlyElementsOf(TransformStage.SESSION_COLUMNS);
        assertThat(q.header("users.csv")).containsExactlyElementsOf(TransformStage.USER_COLUMNS);
        assertThat(q.header("conversions.csv")).containsExactlyElementsOf(TransformStage.CONVERSION_COLUMNS);
        assertThat(q.header("order_items.csv")).containsExactlyElementsOf(TransformStage.ORDER_ITEM_COLUMNS);
        assertThat(q.header("attribution.csv")).containsExactlyElementsOf(TransformStage.ATTRIBUTION_COLUMNS);
        assertThat(q.header("daily_metrics.csv")).containsExactlyElementsOf(TransformStage.DAILY_COLUMNS);
        assertThat(q.header("funnel.csv")).containsExactlyElementsOf(TransformStage.FUNNEL_COLUMNS);
        assertThat(q.header("channel_performance.csv")).containsExactlyElementsOf(TransformStage.CHANNEL_COLUMNS);
        assertThat(q.header("reconciliation.csv")).containsExactlyElementsOf(TransformStage.RECONCILIATION_COLUMNS);
        assertThat(TransformStage.DAILY_COLUMNS).startsWith("date", "events", "sessions", "users", "conversions",
                "revenue", "session_cvr", "bot_share", "client_id_null_rate");
    }

    @Test
    void aGapOfExactly30MinutesStaysInTheSessionAndOneMillisecondMoreStartsANewOne() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> sessions = byKey(q.read("sessions.csv"), "session_id");
        Map<String, String> first = sessions.get(A + "-1");
        assertThat(first.get("session_start")).isEqualTo("2025-02-23T10:00:00.000Z");
        assertThat(first.get("session_end")).isEqualTo("2025-02-23T10:30:00.000Z");
        assertThat(first.get("events")).isEqualTo("2");
        assertThat(first.get("duration_s")).isEqualTo("1800");
        assertThat(first.get("channel")).isEqualTo("Paid Search");
        assertThat(first.get("is_new_user")).isEqualTo("true");
        Map<String, String> second = sessions.get(A + "-2");
        assertThat(second.get("session_start")).isEqualTo("2025-02-23T11:00:00.001Z");
        assertThat(second.get("events")).isEqualTo("4");
        assertThat(second.get("page_views")).isEqualTo("1");
        assertThat(second.get("channel")).isEqualTo("Direct");
        assertThat(second.get("added_to_cart")).isEqualTo("true");
        assertThat(second.get("started_checkout")).isEqualTo("true");
        assertThat(second.get("converted")).isEqualTo("true");
        assertThat(second.get("revenue")).isEqualTo("800");
        assertThat(second.get("is_new_user")).isEqualTo("false");
        assertThat(sessions).hasSize(11);
    }

    @Test
    void sessionsCarryLandingPageReferrerDeviceAndTheFirstEventsBotFlag() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> sessions = byKey(q.read("sessions.csv"), "session_id");
        Map<String, String> a1 = sessions.get(A + "-1");
        assertThat(a1.get("landing_page")).isEqualTo(HOME + "?utm_medium=AE24AC&utm_source=google");
        assertThat(a1.get("landing_referrer")).isEmpty();
        assertThat(a1.get("device")).isEqualTo("mobile");
        assertThat(a1.get("os")).isEqualTo("iOS");
        assertThat(a1.get("browser")).isEqualTo("Mobile Safari");
        assertThat(a1.get("date")).isEqualTo("2025-02-23");
        assertThat(sessions.get(B + "-1").get("device")).isEqualTo("desktop");
        assertThat(sessions.get(C + "-1").get("landing_referrer")).isEqualTo("https://www.google.com/");
        assertThat(sessions.get(C + "-1").get("channel")).isEqualTo("Organic Search");
        assertThat(sessions.get(E + "-1").get("channel")).isEqualTo("Organic Social");
        assertThat(sessions.get(E + "-1").get("revenue")).isEqualTo("300");
        assertThat(sessions.get(G + "-1").get("is_bot")).isEqualTo("true");
        assertThat(sessions.get(G + "-1").get("device")).isEqualTo("bot");
        assertThat(sessions.get(A + "-1").get("is_bot")).isEqualTo("false");
    }

    @Test
    void aQuantityOrItemPriceThatIsNotAFiniteNumberIsEmptyLikeTextAndAddsNothing() throws Exception {
        // "NaN", "Infinity" and "1e400" were read as numbers: the order's quantity and the product's units became
        // NaN or Infinity. They are text, as "two" is: the line keeps an empty quantity and adds nothing.
        QualityFixture q = new QualityFixture(dir);
        q.purchase(A, "2025-02-23T11:10:00.000Z", "ORD-1", 100, "PURCHASE_ITEM_PRICE_MISSING",
                "[{\"item_id\":\"A\",\"quantity\":\"NaN\",\"item_price\":\"NaN\"},"
                        + "{\"item_id\":\"B\",\"quantity\":\"Infinity\",\"item_price\":\"-Infinity\"},"
                        + "{\"item_id\":\"C\",\"quantity\":\"1e400\",\"item_price\":1e400},"
                        + "{\"item_id\":\"D\",\"quantity\":1e400,\"item_price\":\"1e400\"},"
                        + "{\"item_id\":\"E\",\"quantity\":\"two\",\"item_price\":\"2d\"},"
                        + "{\"item_id\":\"F\",\"quantity\":\"2\",\"item_price\":\"100.00\"}]");
        q.run();
        Map<String, Map<String, String>> items = byKey(q.read("order_items.csv"), "item_id");
        assertThat(items.keySet()).containsExactly("A", "B", "C", "D", "E", "F");
        for (String id : List.of("A", "B", "C", "D", "E")) {
            assertThat(items.get(id)).as(id).containsEntry("quantity", "").containsEntry("item_price", "");
        }
        assertThat(items.get("F")).containsEntry("quantity", "2").containsEntry("item_price", "100");
        assertThat(q.read("conversions.csv")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("quantity", "2").containsEntry("items", "6"));
    }

    @Test
    void conversionsAreOnePerOrderWithSessionItemsAndFlags() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> conversions = byKey(q.read("conversions.csv"), "order_key");
        assertThat(conversions.keySet()).containsExactly("ORD-1", "ORD-2", "ORD-3", "ORD-4", "ORD-5~1", "ORD-6",
                "ORD-5~2");
        Map<String, String> collided = conversions.get("ORD-5~1");
        assertThat(collided.get("transaction_id")).isEqualTo("ORD-5");
        assertThat(collided.get("client_id")).isEqualTo(E);
        assertThat(collided.get("session_id")).isEqualTo(E + "-1");
        assertThat(collided.get("flags")).isEqualTo("TRANSACTION_ID_COLLISION");
        assertThat(collided.get("items")).isEqualTo("2");
        assertThat(collided.get("quantity")).isEqualTo("3");
        assertThat(collided.get("revenue")).isEqualTo("300");
        assertThat(collided.get("timestamp")).isEqualTo("2025-02-23T14:05:00.000Z");
        assertThat(collided.get("date")).isEqualTo("2025-02-23");
        assertThat(collided.get("channel_last_click")).isEqualTo("Organic Social");
        assertThat(collided.get("user_email")).isEqualTo("e" + E.hashCode());
        assertThat(conversions.get("ORD-5~2").get("client_id")).isEqualTo(F);
        assertThat(conversions.get("ORD-6").get("flags")).isEqualTo("PURCHASE_ZERO_REVENUE;PURCHASE_ITEM_PRICE_MISSING");
        assertThat(conversions.get("ORD-1").get("session_id")).isEqualTo(A + "-2");
        assertThat(conversions.get("ORD-1").get("channel_last_click")).isEqualTo("Direct");

        List<Map<String, String>> items = q.read("order_items.csv");
        assertThat(items).hasSize(8);
        Map<String, String> gift = items.stream().filter(i -> i.get("order_key").equals("ORD-6")).findFirst().orElseThrow();
        assertThat(gift.get("item_price")).isEmpty();
        assertThat(gift.get("item_name")).isEqualTo("Gift");
        assertThat(items.stream().filter(i -> i.get("order_key").equals("ORD-5~1")).map(i -> i.get("item_price")))
                .containsExactly("100", "200");
    }

    @Test
    void aTouchpointExactly7DaysBeforeCountsAnd1MillisecondMoreDoesNot() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> attribution = byKey(q.read("attribution.csv"), "order_key", "model",
                "session_id");
        Map<String, String> c = attribution.get("ORD-3|first_click|" + C + "-1");
        assertThat(c.get("channel")).isEqualTo("Organic Search");
        assertThat(c.get("touchpoints")).isEqualTo("2");
        assertThat(c.get("session_start")).isEqualTo("2025-02-16T09:00:00.000Z");
        Map<String, String> d = attribution.get("ORD-4|first_click|" + D + "-2");
        assertThat(d.get("channel")).isEqualTo("Direct");
        assertThat(d.get("touchpoints")).isEqualTo("1");
        assertThat(attribution).doesNotContainKey("ORD-4|first_click|" + D + "-1");
    }

    @Test
    void lastNonDirectSkipsDirectAndFallsBackToTheLastTouchpointWhenAllAreDirect() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> attribution = byKey(q.read("attribution.csv"), "order_key", "model",
                "session_id");
        assertThat(attribution.get("ORD-1|last_non_direct|" + A + "-1").get("channel")).isEqualTo("Paid Search");
        assertThat(attribution.get("ORD-1|last_click|" + A + "-2").get("channel")).isEqualTo("Direct");
        assertThat(attribution.get("ORD-2|last_non_direct|" + B + "-2").get("credit")).isEqualTo("1");
        assertThat(attribution).doesNotContainKey("ORD-2|last_non_direct|" + B + "-1");
    }

    @Test
    void everyModelCreditsSumToOneAndRevenueToTheOrder() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        List<Map<String, String>> attribution = q.read("attribution.csv");
        Map<String, Double> creditSums = attribution.stream().collect(Collectors.groupingBy(
                r -> r.get("order_key") + "|" + r.get("model"), Collectors.summingDouble(r -> Double.parseDouble(r.get("credit")))));
        assertThat(creditSums).hasSize(7 * 6);
        creditSums.values().forEach(sum -> assertThat(sum).isCloseTo(1.0, within(1e-6)));
        Map<String, String> linear = byKey(attribution, "order_key", "model", "session_id").get("ORD-1|linear|" + A + "-1");
        assertThat(linear.get("credit")).isEqualTo("0.5");
        assertThat(linear.get("revenue_credit")).isEqualTo("400");
        // Time decay for ORD-1: Δ = 70 min and 9:59.999 before the purchase, half-life 7 days.
        double w1 = Math.pow(0.5, 4_200_000.0 / 604_800_000.0);
        double w2 = Math.pow(0.5, 599_999.0 / 604_800_000.0);
        Map<String, String> decay = byKey(attribution, "order_key", "model", "session_id").get("ORD-1|time_decay|" + A + "-1");
        assertThat(Double.parseDouble(decay.get("credit"))).isCloseTo(w1 / (w1 + w2), within(1e-6));
    }

    @Test
    void dailyMetricsMatchTheHandComputedFigures() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> daily = byKey(q.read("daily_metrics.csv"), "date");
        // Only partition days with rows: 16, 20 and 23 February (monitoring sees the gaps).
        assertThat(daily.keySet()).containsExactly("2025-02-16", "2025-02-20", "2025-02-23");
        Map<String, String> d = daily.get("2025-02-23");
        assertThat(d.get("events")).isEqualTo("14");
        assertThat(d.get("sessions")).isEqualTo("7");
        assertThat(d.get("users")).isEqualTo("7");
        assertThat(d.get("conversions")).isEqualTo("7");
        assertThat(d.get("revenue")).isEqualTo("1550");
        assertThat(Double.parseDouble(d.get("session_cvr"))).isCloseTo(6.0 / 7, within(1e-6));
        assertThat(Double.parseDouble(d.get("bot_share"))).isCloseTo(1.0 / 14, within(1e-6));
        assertThat(d.get("rows_read")).isEqualTo("20");
        assertThat(d.get("rows_missing_client_id")).isEqualTo("4");
        assertThat(d.get("client_id_null_rate")).isEqualTo("0.2");
        assertThat(d.get("bot_rows")).isEqualTo("1");
        assertThat(d.get("orders_zero_revenue")).isEqualTo("1");
        assertThat(d.get("orders_item_price_missing")).isEqualTo("1");
        assertThat(d.get("orders_collided")).isEqualTo("2");
        assertThat(d.get("direct_revenue_last_click")).isEqualTo("1250");
        Map<String, String> d16 = daily.get("2025-02-16");
        assertThat(d16.get("events")).isEqualTo("2");
        assertThat(d16.get("sessions")).isEqualTo("2");
        assertThat(d16.get("users")).isEqualTo("2");
        assertThat(d16.get("conversions")).isEqualTo("0");
        assertThat(d16.get("session_cvr")).isEqualTo("0");
    }

    @Test
    void funnelCountsNonBotSessionsContainingEachStep() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> funnel = byKey(q.read("funnel.csv"), "step");
        assertThat(funnel.keySet()).containsExactly("sessions", "page_viewed", "product_added_to_cart",
                "checkout_started", "purchase");
        assertThat(funnel.get("sessions").get("sessions")).isEqualTo("10");
        assertThat(funnel.get("page_viewed").get("sessions")).isEqualTo("6");
        assertThat(funnel.get("product_added_to_cart").get("sessions")).isEqualTo("1");
        assertThat(funnel.get("checkout_started").get("sessions")).isEqualTo("1");
        // Not "sessions that passed every earlier step": five converting sessions never viewed a page.
        assertThat(funnel.get("purchase").get("sessions")).isEqualTo("6");
        assertThat(funnel.get("purchase").get("rate_from_previous")).isEqualTo("6");
        assertThat(funnel.get("page_viewed").get("rate_from_start")).isEqualTo("0.6");
    }

    @Test
    void channelPerformancePerModelSumsToTotalRevenue() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> perf = byKey(q.read("channel_performance.csv"), "model", "channel");
        assertThat(perf.get("first_click|Paid Search").get("sessions")).isEqualTo("1");
        assertThat(perf.get("first_click|Paid Search").get("revenue")).isEqualTo("800");
        assertThat(perf.get("first_click|Direct").get("sessions")).isEqualTo("6");
        assertThat(perf.get("first_click|Direct").get("conversions")).isEqualTo("3");
        assertThat(perf.get("first_click|Direct").get("revenue")).isEqualTo("350");
        assertThat(perf.get("first_click|Organic Social").get("conversions")).isEqualTo("2");
        assertThat(perf.get("last_click|Direct").get("revenue")).isEqualTo("1250");
        assertThat(perf.get("last_non_direct|Paid Search").get("revenue")).isEqualTo("800");
        assertThat(perf.get("first_click|Paid Social").get("revenue")).isEqualTo("0");
        for (AttributionModel model : AttributionModel.values()) {
            double total = perf.values().stream().filter(r -> r.get("model").equals(model.id()))
                    .mapToDouble(r -> Double.parseDouble(r.get("revenue"))).sum();
            assertThat(total).as(model.id()).isCloseTo(1550, within(1e-6));
        }
    }

    @Test
    void usersHaveOneRowPerClientWithFirstChannelAndDevice() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Map<String, Map<String, String>> users = byKey(q.read("users.csv"), "client_id");
        assertThat(users).hasSize(7);
        Map<String, String> a = users.get(A);
        assertThat(a.get("first_seen")).isEqualTo("2025-02-23T10:00:00.000Z");
        assertThat(a.get("last_seen")).isEqualTo("2025-02-23T11:10:00.000Z");
        assertThat(a.get("sessions")).isEqualTo("2");
        assertThat(a.get("events")).isEqualTo("6");
        assertThat(a.get("conversions")).isEqualTo("1");
        assertThat(a.get("revenue")).isEqualTo("800");
        assertThat(a.get("first_channel")).isEqualTo("Paid Search");
        assertThat(a.get("device")).isEqualTo("mobile");
        assertThat(users.get(E).get("conversions")).isEqualTo("2");
    }

    @Test
    void reconciliationHoldsAndIsReportedInTheFigures() throws Exception {
        QualityFixture q = smallCase();
        StageResult result = q.run();
        assertThat(result.figures().get("reconciliation_ok")).isEqualTo(true);
        assertThat(result.figures().get("events")).isEqualTo(17);
        assertThat(result.figures().get("sessions")).isEqualTo(11);
        assertThat(result.figures().get("conversions")).isEqualTo(7);
        assertThat(result.figures().get("revenue")).isEqualTo(1550.0);
        Map<String, Map<String, String>> rec = byKey(q.read("reconciliation.csv"), "date", "check");
        assertThat(rec.get("ALL|conversions_revenue").get("expected")).isEqualTo("1550");
        assertThat(rec.get("ALL|attributed_revenue:time_decay").get("ok")).isEqualTo("true");
        assertThat(rec.get("ALL|events_in_sessions").get("actual")).isEqualTo("17");
        assertThat(rec.get("2025-02-23|events_in_sessions").get("expected")).isEqualTo("14");
        assertThat(rec.values()).allSatisfy(r -> assertThat(r.get("ok")).isEqualTo("true"));
        assertThat(result.summary().get(1)).startsWith("Reconciliation holds");
    }

    @Test
    void sameInputGivesByteIdenticalOutputs() throws Exception {
        QualityFixture q = smallCase();
        q.run();
        Path transform = q.outputDir().resolve("transform");
        Map<String, byte[]> first = new java.util.TreeMap<>();
        for (String file : TransformStage.OUTPUTS) {
            first.put(file, Files.readAllBytes(transform.resolve(file)));
        }
        q.runWritten(ConfigLoader.defaults(), Cancellation.none());
        for (String file : TransformStage.OUTPUTS) {
            assertThat(Files.readAllBytes(transform.resolve(file))).as(file).isEqualTo(first.get(file));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 11, 12})
    void sessionsCutIntoChunksOfAnySizeWriteTheSameFilesAsOneChunk(int chunkRows) throws Exception {
        QualityFixture q = smallCase();
        q.run();
        q.runWritten(ConfigLoader.defaults(), Cancellation.none(), new TransformStage(Integer.MAX_VALUE));
        Path transform = q.outputDir().resolve("transform");
        Map<String, byte[]> single = new java.util.TreeMap<>();
        for (String file : TransformStage.OUTPUTS) {
            single.put(file, Files.readAllBytes(transform.resolve(file)));
        }
        q.runWritten(ConfigLoader.defaults(), Cancellation.none(), new TransformStage(chunkRows));
        for (String file : TransformStage.OUTPUTS) {
            assertThat(Files.readAllBytes(transform.resolve(file))).as(file).isEqualTo(single.get(file));
        }
        try (var files = Files.list(transform)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(TransformStage.OUTPUTS::contains);
        }
    }

    @Test
    void eventsOutOfFileOrderAreSortedByTimeAndTiesKeepFileOrder() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.event(A, "2025-02-23T12:00:00.000Z", "product_added_to_cart", HOME + "b", "", IPHONE);
        q.event(A, "2025-02-23T11:50:00.000Z", "page_viewed", HOME + "?gclid=1", "", IPHONE);
        q.event(A, "2025-02-23T11:50:00.000Z", "page_viewed", HOME + "?utm_medium=sms", "", IPHONE);
        q.run();
        List<Map<String, String>> sessions = q.read("sessions.csv");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("landing_page")).isEqualTo(HOME + "?gclid=1");
        assertThat(sessions.get(0).get("channel")).isEqualTo("Paid Search");
        assertThat(sessions.get(0).get("session_start")).isEqualTo("2025-02-23T11:50:00.000Z");
        assertThat(sessions.get(0).get("events")).isEqualTo("3");
    }

    @Test
    void aClientWithManyEventsInShuffledOrderIsCutByTime() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        // 100 events, one a minute from 10:00, written in a shuffled order; a 45-minute pause after the 60th.
        List<Integer> minutes = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 100).boxed().toList());
        java.util.Collections.shuffle(minutes, new java.util.Random(7));
        for (int m : minutes) {
            java.time.Instant at = java.time.Instant.parse("2025-02-23T10:00:00Z").plusSeconds(60L * (m < 60 ? m : m + 45));
            q.event(A, at.toString().replace("Z", ".000Z"), "page_viewed", HOME + "p" + m, "", IPHONE);
        }
        q.run();
        List<Map<String, String>> sessions = q.read("sessions.csv");
        // sessions.csv lists sessions by landing row (decision 0302); ids count in start order.
        assertThat(sessions).extracting(s -> s.get("session_id") + "|" + s.get("events") + "|" + s.get("landing_page")
                + "|" + s.get("session_start")).containsExactlyInAnyOrder(
                A + "-1|60|" + HOME + "p0|2025-02-23T10:00:00.000Z", A + "-2|40|" + HOME + "p60|2025-02-23T11:45:00.000Z");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, TransformStage.CHUNK_ROWS})
    void landingPagesAndReferrersThatNeedQuotesOrProtectionRoundTripWithTheirChannel(int chunkRows)
            throws Exception {
        QualityFixture q = new QualityFixture(dir);
        String[][] landings = {
                {"https://puffy.com/a,b?utm_medium=cpc", ""},
                {"https://puffy.com/\"q\"?gclid=1", "https://www.google.com/"},
                {"=HYPERLINK(\"x\")", "https://www.google.com/"},
                {"https://puffy.com/ünï?fbclid=é", "https://x.com/?a=1,2"},
                {"", "=bad"},
                {" https://puffy.com/?utm_medium=email ", "'x"},
                {"-12", "https://www.facebook.com/"},
                {"https://puffy.com/line\nbreak?utm_medium=cpc", "android-app://com.google.android.gm/"},
        };
        for (int i = 0; i < landings.length; i++) {
            String client = "1740268798-L" + i;
            q.event(client, "2025-02-23T10:00:0" + i + ".000Z", "page_viewed", landings[i][0], landings[i][1],
                    i % 2 == 0 ? IPHONE : DESKTOP);
            q.view(client, "2025-02-23T10:05:0" + i + ".000Z");
        }
        q.write();
        q.runWritten(ConfigLoader.defaults(), Cancellation.none(), new TransformStage(chunkRows));
        List<Map<String, String>> sessions = q.read("sessions.csv");
        ChannelClassifier classifier = new ChannelClassifier(ConfigLoader.defaults().transform());
        assertThat(sessions).hasSize(landings.length);
        for (int i = 0; i < landings.length; i++) {
            Map<String, String> session = sessions.get(i);
            assertThat(session.get("session_id")).isEqualTo("1740268798-L" + i + "-1");
            assertThat(session.get("landing_page")).isEqualTo(landings[i][0]);
            assertThat(session.get("landing_referrer")).isEqualTo(landings[i][1]);
            assertThat(session.get("channel")).as(landings[i][0])
                    .isEqualTo(classifier.classify(landings[i][0], landings[i][1]));
            assertThat(session.get("duration_s")).isEqualTo("300");
        }
        String raw = Files.readString(q.outputDir().resolve("transform").resolve("sessions.csv"));
        assertThat(raw).contains(",\"'=HYPERLINK(\"\"x\"\")\",").contains(",'=bad,").contains(",-12,");
    }

    @Test
    void formulaLikeClientIdsRoundTripAndStayProtected() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.view("=cmd|x", "2025-02-23T10:00:00.000Z");
        q.run();
        String raw = Files.readString(q.outputDir().resolve("transform").resolve("sessions.csv"));
        assertThat(raw).contains("'=cmd|x-1");
        assertThat(q.read("users.csv").get(0).get("client_id")).isEqualTo("=cmd|x");
    }

    @Test
    void aMissingQualityOutputNamesTheFileAndWhatToDo() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.view(A, "2025-02-23T10:00:00.000Z");
        q.write();
        Files.delete(q.outputDir().resolve("quality").resolve("validated_events.csv"));
        assertThatThrownBy(() -> q.runWritten(ConfigLoader.defaults(), Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("validated_events.csv")
                .hasMessageContaining("eventpipe validate");
    }

    @Test
    void aMissingFileSummaryNamesTheFile() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.view(A, "2025-02-23T10:00:00.000Z");
        q.write();
        Files.delete(q.outputDir().resolve("quality").resolve("file_summary.csv"));
        assertThatThrownBy(() -> q.runWritten(ConfigLoader.defaults(), Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("file_summary.csv");
    }

    @Test
    void aValidatedFileWithoutAContractColumnIsRejectedByName() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.write();
        Files.writeString(q.outputDir().resolve("quality").resolve("validated_events.csv"),
                "client_id,timestamp,event_name\nx,2025-02-23T10:00:00.000Z,page_viewed\n");
        assertThatThrownBy(() -> q.runWritten(ConfigLoader.defaults(), Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("no column 'page_url'");
    }

    @Test
    void aBadTimestampNamesTheLine() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.view(A, "2025-02-23T10:00:00.000Z");
        q.row(B, HOME, "", "yesterday", "page_viewed", "", IPHONE, "2025-02-23", false, "", "", "");
        q.write();
        assertThatThrownBy(() -> q.runWritten(ConfigLoader.defaults(), Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("yesterday");
    }

    @Test
    void aPurchaseWithoutOrderKeyIsRejected() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.row(B, HOME, "", "2025-02-23T10:00:00.000Z", "purchase", "{}", IPHONE, "2025-02-23", false, "", "", "5");
        q.write();
        assertThatThrownBy(() -> q.runWritten(ConfigLoader.defaults(), Cancellation.none()))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("without order_key");
    }

    @Test
    void aCancelledRunStops() throws Exception {
        QualityFixture q = smallCase();
        q.write();
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        assertThatThrownBy(() -> q.runWritten(ConfigLoader.defaults(), cancellation))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void anEmptyValidatedFileGivesEmptyDatasetsAndDailyRowsFromTheSummary() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.unreadRows("2025-02-23", 5, 5);
        StageResult result = q.run();
        assertThat(q.read("sessions.csv")).isEmpty();
        Map<String, String> day = q.read("daily_metrics.csv").get(0);
        assertThat(day.get("events")).isEqualTo("0");
        assertThat(day.get("client_id_null_rate")).isEqualTo("1");
        assertThat(result.figures().get("reconciliation_ok")).isEqualTo(true);
    }
}
