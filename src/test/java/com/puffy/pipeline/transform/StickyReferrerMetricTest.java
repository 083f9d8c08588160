package com.puffy.pipeline.transform;

import static com.puffy.pipeline.transform.QualityFixture.GOOGLEBOT;
import static com.puffy.pipeline.transform.QualityFixture.HOME;
import static com.puffy.pipeline.transform.QualityFixture.IPHONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * daily_metrics.csv's {@code non_landing_external_referrer_share} (decision 0403): of the events after the first of a
 * non-bot session, the share whose referrer the channel rules would not credit to Direct.
 */
class StickyReferrerMetricTest {
    static final String COLUMN = "non_landing_external_referrer_share";
    static final String A = "1740268798-AAAAAAAAAAAA";
    static final String B = "1740268798-BBBBBBBBBBBB";
    static final String C = "1740268798-CCCCCCCCCCCC";
    static final String G = "1740268798-GGGGGGGGGGGG";
    static final String GOOGLE = "https://www.google.com/";

    @TempDir
    Path dir;

    private Map<String, Map<String, String>> run(QualityFixture q) throws Exception {
        q.run();
        return TransformStageTest.byKey(q.read("daily_metrics.csv"), "date");
    }

    @Test
    void theColumnIsAppendedAfterEveryExistingColumn() {
        assertThat(TransformStage.DAILY_COLUMNS).endsWith("direct_revenue_last_click", COLUMN);
    }

    @Test
    void aLandingFromSearchFollowedByTheShopsOwnPagesIsZero() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.event(A, "2025-02-23T10:00:00.000Z", "page_viewed", HOME, GOOGLE, IPHONE);
        q.event(A, "2025-02-23T10:01:00.000Z", "page_viewed", HOME + "products/x", HOME, IPHONE);
        q.event(A, "2025-02-23T10:02:00.000Z", "product_added_to_cart", HOME + "products/x", "", IPHONE);
        // The checkout subdomain is the shop's own (transform.own_domains covers subdomains).
        q.event(A, "2025-02-23T10:03:00.000Z", "checkout_started", "https://checkout.puffy.com/c/1",
                "https://checkout.puffy.com/c/1", IPHONE);
        assertThat(run(q).get("2025-02-23").get(COLUMN)).isEqualTo("0");
    }

    @Test
    void laterEventsRepeatingAnExternalReferrerAreCounted() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        // A: three later events, all internal or empty.
        q.event(A, "2025-02-23T10:00:00.000Z", "page_viewed", HOME, GOOGLE, IPHONE);
        q.event(A, "2025-02-23T10:01:00.000Z", "page_viewed", HOME + "a", HOME, IPHONE);
        q.event(A, "2025-02-23T10:02:00.000Z", "page_viewed", HOME + "b", "", IPHONE);
        q.event(A, "2025-02-23T10:03:00.000Z", "page_viewed", HOME + "c", HOME + "b", IPHONE);
        // B: three later events, all external: the same search referrer, the Google app, a pseudonymized host.
        q.event(B, "2025-02-23T11:00:00.000Z", "page_viewed", HOME, GOOGLE, IPHONE);
        q.event(B, "2025-02-23T11:01:00.000Z", "page_viewed", HOME + "a", GOOGLE, IPHONE);
        q.event(B, "2025-02-23T11:02:00.000Z", "page_viewed", HOME + "b",
                "android-app://com.google.android.googlequicksearchbox/", IPHONE);
        q.event(B, "2025-02-23T11:03:00.000Z", "page_viewed", HOME + "c", "https://source-660328a7.com/", IPHONE);
        assertThat(Double.parseDouble(run(q).get("2025-02-23").get(COLUMN))).isEqualTo(3.0 / 6);
    }

    @Test
    void aSessionsFirstEventIsNeverCountedEvenAfterAGap() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.event(C, "2025-02-23T09:00:00.000Z", "page_viewed", HOME, GOOGLE, IPHONE);
        // 30 min + 1 ms later: a new session whose landing carries an external referrer; not an event "after".
        q.event(C, "2025-02-23T09:30:00.001Z", "page_viewed", HOME, GOOGLE, IPHONE);
        q.event(C, "2025-02-23T09:31:00.000Z", "page_viewed", HOME + "a", HOME, IPHONE);
        assertThat(run(q).get("2025-02-23").get(COLUMN)).isEqualTo("0");
    }

    @Test
    void aDayWithOnlySingleEventSessionsIsZero() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.event(A, "2025-02-23T09:00:00.000Z", "page_viewed", HOME, GOOGLE, IPHONE);
        q.event(B, "2025-02-23T09:00:00.000Z", "page_viewed", HOME, "https://source-660328a7.com/", IPHONE);
        assertThat(run(q).get("2025-02-23").get(COLUMN)).isEqualTo("0");
    }

    @Test
    void botSessionsAreLeftOut() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.event(G, "2025-02-23T16:00:00.000Z", "page_viewed", HOME, "", GOOGLEBOT);
        q.event(G, "2025-02-23T16:00:05.000Z", "page_viewed", HOME + "a", GOOGLE, GOOGLEBOT);
        q.event(A, "2025-02-23T10:00:00.000Z", "page_viewed", HOME, GOOGLE, IPHONE);
        q.event(A, "2025-02-23T10:01:00.000Z", "page_viewed", HOME + "a", HOME, IPHONE);
        assertThat(run(q).get("2025-02-23").get(COLUMN)).isEqualTo("0");
    }

    @Test
    void eventsCountOnTheirOwnPartitionDay() throws Exception {
        QualityFixture q = new QualityFixture(dir);
        q.event(B, "2025-02-23T10:00:00.000Z", "page_viewed", HOME, GOOGLE, IPHONE);
        q.event(B, "2025-02-23T10:01:00.000Z", "page_viewed", HOME + "a", HOME, IPHONE);
        // One session across midnight: its later event belongs to the 24th.
        q.event(A, "2025-02-23T23:59:00.000Z", "page_viewed", HOME, GOOGLE, IPHONE);
        q.event(A, "2025-02-24T00:01:00.000Z", "page_viewed", HOME + "a", GOOGLE, IPHONE);
        Map<String, Map<String, String>> daily = run(q);
        assertThat(daily.get("2025-02-23").get(COLUMN)).isEqualTo("0");
        assertThat(daily.get("2025-02-24").get(COLUMN)).isEqualTo("1");
        assertThat(List.copyOf(daily.keySet())).containsExactly("2025-02-23", "2025-02-24");
    }
}
