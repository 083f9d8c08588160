package com.puffy.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.config.TransformConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per rule of SPEC §5.1 (and its edges): landing page, referrer → channel. */
class ChannelClassifierTest {
    private static final ChannelClassifier CLASSIFIER = new ChannelClassifier(ConfigLoader.defaults().transform());
    private static final String SHOP = "https://puffy.com/products/puffy-lux-mattress";

    @ParameterizedTest(name = "rule 1: utm_medium={0} → {1}")
    @CsvSource({
            "cpc, Paid Search", "ppc, Paid Search", "paidsearch, Paid Search", "paid_search, Paid Search",
            "sem, Paid Search", "CPC, Paid Search", "AE24AC, Paid Search",
            "paid_social, Paid Social", "paidsocial, Paid Social", "social_paid, Paid Social",
            "social-paid, Paid Social",
            "affiliate, Affiliate", "affiliates, Affiliate", "7B4C8A, Affiliate",
            "email, Email", "e-mail, Email", "newsletter, Email", "klaviyo, Email",
            "sms, SMS", "text, SMS", "18B43C, SMS",
            "social, Organic Social", "referral, Referral", "website, Referral"})
    void rule1MediumKeywordsInClearAndPseudonymized(String medium, String channel) {
        assertThat(CLASSIFIER.classify(SHOP + "?utm_source=x&utm_medium=" + medium, "")).isEqualTo(channel);
    }

    @ParameterizedTest(name = "rule 1: md5 of {0} as written, lower, upper, capitalized")
    @CsvSource({"Affiliates, Affiliate", "affiliates, Affiliate", "AFFILIATES, Affiliate", "Cpc, Paid Search",
            "Newsletter, Email"})
    void rule1PseudonymsOfEachSpellingOfAKeyword(String spelling, String channel) {
        String pseudonym = ChannelClassifier.pseudonyms(spelling).iterator().next();
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=" + pseudonym, "")).isEqualTo(channel);
    }

    @Test
    void rule1PaidIsPaidSocialWithASocialClickIdElsePaidSearch() {
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=paid&fbclid=abc", "")).isEqualTo("Paid Social");
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=76E084&ttclid=", "")).isEqualTo("Paid Social");
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=paid&gclid=abc", "")).isEqualTo("Paid Search");
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=Paid", "")).isEqualTo("Paid Search");
    }

    @Test
    void rule1OutranksClickIdsAndTheReferrer() {
        assertThat(CLASSIFIER.classify(SHOP + "?gclid=1&utm_medium=email", "https://www.google.com/"))
                .isEqualTo("Email");
    }

    @ParameterizedTest(name = "rules 2-5: {0} → {1}")
    @CsvSource({
            "_kx=abc, Email",
            "gclid=abc, Paid Search", "gbraid=1, Paid Search", "wbraid=1, Paid Search", "msclkid=1, Paid Search",
            "gad_source=1, Paid Search",
            "fbclid=1, Paid Social", "ttclid=1, Paid Social", "igshid=1, Paid Social", "li_fat_id=1, Paid Social",
            "affid=1, Affiliate", "irclickid=1, Affiliate", "im_ref=1, Affiliate", "sfdr_ptcid=1, Affiliate",
            "GCLID=1, Paid Search", "gclid=, Paid Search", "_kx, Email"})
    void rules2To5ClickIdsCountWhenPresentEvenEmpty(String query, String channel) {
        assertThat(CLASSIFIER.classify(SHOP + "?size=queen&" + query, "https://www.facebook.com/"))
                .isEqualTo(channel);
    }

    @Test
    void rule2EmailMarkerOutranksPaidClickIds() {
        assertThat(CLASSIFIER.classify(SHOP + "?gclid=1&_kx=2", "")).isEqualTo("Email");
        assertThat(CLASSIFIER.classify(SHOP + "?fbclid=1&gclid=2", "")).isEqualTo("Paid Search");
    }

    @ParameterizedTest(name = "rule 6: {0} → Other Campaign")
    @CsvSource({"utm_source=newsletter", "utm_campaign=spring", "utm_medium=display", "utm_medium=",
            "UTM_Content=x"})
    void rule6AnyOtherUtmParameterIsOtherCampaign(String query) {
        assertThat(CLASSIFIER.classify(SHOP + "?" + query, "https://www.google.com/")).isEqualTo("Other Campaign");
    }

    @ParameterizedTest(name = "rules 7-11: referrer {0} → {1}")
    @CsvSource({
            "https://mail.google.com/mail/u/0/, Email",
            "https://outlook.live.com/, Email",
            "android-app://com.google.android.gm/, Email",
            "https://www.facebook.com/, Organic Social",
            "https://l.facebook.com/l.php?u=x, Organic Social",
            "https://m.facebook.com/, Organic Social",
            "https://instagram.com/, Organic Social",
            "https://t.co/abc, Organic Social",
            "https://twitter.com/, Organic Social",
            "https://x.com/, Organic Social",
            "https://www.linkedin.com/, Organic Social",
            "https://pinterest.com/, Organic Social",
            "https://www.reddit.com/r/x, Organic Social",
            "https://www.tiktok.com/, Organic Social",
            "https://m.youtube.com/, Organic Social",
            "android-app://m.facebook.com/, Organic Social",
            "android-app://com.linkedin.android/, Organic Social",
            "https://www.google.com/, Organic Search",
            "https://google.co.uk/, Organic Search",
            "https://www.google.de/search?q=x, Organic Search",
            "https://bing.com/, Organic Search",
            "https://www.bing.com/, Organic Search",
            "https://search.yahoo.com/, Organic Search",
            "https://duckduckgo.com/, Organic Search",
            "https://baidu.com/, Organic Search",
            "https://ecosia.org/, Organic Search",
            "https://yandex.ru/, Organic Search",
            "android-app://com.google.android.googlequicksearchbox/, Organic Search",
            "https://docs.google.com/document/d/1, Referral",
            "'', Direct",
            "'   ', Direct",
            "https://puffy.com/collections/mattresses, Direct",
            "https://checkout.puffy.com/checkouts/cn/abc, Direct",
            "https://notpuffy.com/, Referral",
            "https://www.mattress-reviews.example/, Referral",
            "android-app://com.example.reader/, Referral",
            "https://WWW.FACEBOOK.COM/, Organic Social",
            "https://www.google.com:443/, Organic Search",
            "http://duckduckgo.com, Organic Search",
            "www.facebook.com/, Organic Social",
            "https://puffy.com.evil.example/, Referral",
            "https://SHOP.PUFFY.COM/cart, Direct"})
    void rules7To11ReferrerHosts(String referrer, String channel) {
        assertThat(CLASSIFIER.classify(SHOP, referrer)).isEqualTo(channel);
    }

    @ParameterizedTest(name = "pseudonymized referrer {0} → {1}")
    @CsvSource({
            "https://source-660328a7.com/, Organic Social",
            "https://source-afb1343a.com/?q=mattress, Organic Search",
            "https://source-0000dead.com/, Referral"})
    void pseudonymizedReferrerHostsFromTheSpec(String referrer, String channel) {
        assertThat(CLASSIFIER.classify(SHOP, referrer)).isEqualTo(channel);
    }

    @ParameterizedTest(name = "pseudonymized {0} → {1}")
    @CsvSource({"mail.google.com, Email", "outlook.live.com, Email", "facebook.com, Organic Social",
            "www.instagram.com, Organic Social", "l.facebook.com, Organic Social", "lm.facebook.com, Organic Social",
            "l.instagram.com, Organic Social", "m.facebook.com, Organic Social", "google.com, Organic Search",
            "www.google.com, Organic Search", "www.google.co.uk, Organic Search", "bing.com, Organic Search",
            "www.duckduckgo.com, Organic Search", "docs.google.com, Referral", "example.com, Referral"})
    void pseudonymizedHostsAreTheNamedHostsHashed(String host, String channel) {
        String referrer = "https://source-" + ChannelClassifier.hostHash(host) + ".com/some/path?x=1";
        assertThat(CLASSIFIER.classify(SHOP, referrer)).isEqualTo(channel);
    }

    @Test
    void parameterValuesAreDecodedAndTrimmedAndTheFirstOfARepeatedKeyWins() {
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=%20cpc%20", "")).isEqualTo("Paid Search");
        assertThat(CLASSIFIER.classify(SHOP + "?UTM_MEDIUM=e%2Dmail", "")).isEqualTo("Email");
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=sms&utm_medium=cpc", "")).isEqualTo("SMS");
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=sms#utm_medium=cpc", "")).isEqualTo("SMS");
        assertThat(CLASSIFIER.classify(SHOP + "?utm_medium=100%", "")).isEqualTo("Other Campaign");
    }

    @Test
    void aUrlWithoutCampaignParametersFallsThroughToTheReferrer() {
        assertThat(CLASSIFIER.classify(SHOP + "?size=queen&oid=3", "https://www.google.com/"))
                .isEqualTo("Organic Search");
        assertThat(CLASSIFIER.campaignChannel(SHOP)).isNull();
    }

    @Test
    void anAnalystCanChangeTheRulesInTheConfiguration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                transform:
                  own_domains: [puffy.com, puffy.co.uk]
                  channel_rules:
                    medium_keywords:
                      - {channel: Paid Search, keywords: [cpc]}
                      - {channel: Podcast, keywords: [podcast]}
                """);
        TransformConfig config = ConfigLoader.load(file).transform();
        ChannelClassifier custom = new ChannelClassifier(config);
        assertThat(custom.classify(SHOP + "?utm_medium=podcast", "")).isEqualTo("Podcast");
        assertThat(custom.classify(SHOP + "?utm_medium=email", "")).isEqualTo("Other Campaign");
        assertThat(custom.classify(SHOP, "https://www.puffy.co.uk/")).isEqualTo("Direct");
        assertThat(custom.channels()).contains("Podcast");
    }

    @Test
    void tldsAreShortAlphabeticSuffixes() {
        assertThat(ChannelClassifier.isTld("com")).isTrue();
        assertThat(ChannelClassifier.isTld("co.uk")).isTrue();
        assertThat(ChannelClassifier.isTld("example.com")).isFalse();
        assertThat(ChannelClassifier.isTld("")).isFalse();
    }

    @Test
    void campaignChannelOfPageBytesEqualsTheStringRulesForAnyPage() {
        ChannelClassifier classifier = new ChannelClassifier(ConfigLoader.defaults().transform());
        ChannelClassifier.Query query = classifier.new Query();
        String[] parts = {"?", "&", "=", "#", " ", "\t", "utm_medium", "UTM_Medium", " utm_medium ", "cpc", "CPC", "paid",
                "PAID", "AE24AC", "gclid", "fbclid", "FBCLID", "_kx", "utm_", "utm_source", "affid", "%41", "+", "é",
                "'", "'=", "x", "https://puffy.com/", "sem", "social", ""};
        java.util.Random random = new java.util.Random(5);
        int campaigns = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder page = new StringBuilder(random.nextBoolean() ? "https://puffy.com/p?" : "");
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                page.append(parts[random.nextInt(parts.length)]);
            }
            String text = page.toString();
            byte[] bytes = ("[" + text + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String expected = classifier.campaignChannel(com.puffy.pipeline.io.CsvInput.unprotect(text));
            assertThat(classifier.campaignChannel(bytes, 1, bytes.length - 1, query)).as(text).isEqualTo(expected);
            if (expected != null) {
                campaigns++;
            }
        }
        assertThat(campaigns).isGreaterThan(10_000);
    }
}
