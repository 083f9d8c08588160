package com.puffy.pipeline.config;

import java.util.List;

/**
 * Sessionization, channel and attribution settings (SPEC §5, §5.1). The channel rules live here, not in code, so an
 * analyst can add a medium keyword, a click id or a referrer host without a new build.
 */
public record TransformConfig(
        int sessionGapMinutes,
        int lookbackDays,
        double timeDecayHalfLifeDays,
        List<String> ownDomains,
        ChannelRules channelRules) {

    /**
     * The channel rule table of SPEC §5.1, evaluated in this order: the medium keywords (rule 1), the click-id
     * rules (2–5), any campaign parameter (6), the referrer rules (7–9), then Direct (10) and Referral (11).
     */
    public record ChannelRules(
            String mediumParameter,
            List<KeywordRule> mediumKeywords,
            AmbiguousMedium ambiguousMedium,
            List<ParameterRule> clickIdRules,
            String campaignParameterPrefix,
            String campaignChannel,
            List<ReferrerRule> referrerRules,
            List<String> pseudonymizedExtraHosts,
            List<String> pseudonymizedTlds,
            String directChannel,
            String referralChannel) {
    }

    /** Rule 1: a medium value that "is" one of these keywords (in clear or MD5-pseudonymized) gives the channel. */
    public record KeywordRule(String channel, List<String> keywords) {
    }

    /**
     * Rule 1's ambiguous medium ({@code paid}): {@code channelWithClickId} when a parameter of that channel's
     * click-id rule is present, else {@code channel}.
     */
    public record AmbiguousMedium(List<String> keywords, String channel, String channelWithClickId) {
    }

    /** Rules 2–5: the channel when any of these parameters is present (even with an empty value). */
    public record ParameterRule(String channel, List<String> parameters) {
    }

    /**
     * Rules 7–9: the referrer's host equals one of {@code hosts}, is one of {@code domains} or a subdomain of one,
     * is {@code <name>.<tld>} for one of {@code anyTldNames}, or is an {@code android-app://} referrer whose package
     * is one of {@code apps} (or whose package is itself such a host).
     */
    public record ReferrerRule(String channel, List<String> hosts, List<String> domains, List<String> anyTldNames,
                               List<String> apps) {
    }
}
