package com.puffy.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** `{add: [...]}` in place of a list keeps the built-in list and adds to it (decision 0761). */
class AddToBuiltInListTest {
    private static final PipelineConfig DEFAULTS = ConfigLoader.defaults();

    @Test
    void anAddedEventNameKeepsTheBuiltInNames() {
        PipelineConfig config = ConfigLoader.fromText("quality:\n  event_names: {add: [add_to_wishlist]}\n", "test");
        List<String> expected = new java.util.ArrayList<>(DEFAULTS.quality().eventNames());
        expected.add("add_to_wishlist");
        assertThat(config.quality().eventNames()).containsExactlyElementsOf(expected);
    }

    @Test
    void theBlockFormAndANameAlreadyBuiltInAreAccepted() {
        PipelineConfig config = ConfigLoader.fromText("""
                transform:
                  own_domains:
                    add:
                      - puffy.co.uk
                      - puffy.com
                """, "test");
        assertThat(config.transform().ownDomains()).containsExactly("puffy.com", "puffy.co.uk");
    }

    @Test
    void anAddedRuleFollowsTheBuiltInRules() {
        PipelineConfig config = ConfigLoader.fromText("""
                transform:
                  channel_rules:
                    click_id_rules:
                      add:
                        - {channel: Paid Social, parameters: [sccid]}
                    medium_keywords: {add: [{channel: Paid Social, keywords: [snap]}]}
                """, "test");
        TransformConfig.ChannelRules rules = config.transform().channelRules();
        TransformConfig.ChannelRules builtIn = DEFAULTS.transform().channelRules();
        assertThat(rules.clickIdRules()).hasSize(builtIn.clickIdRules().size() + 1)
                .startsWith(builtIn.clickIdRules().toArray(TransformConfig.ParameterRule[]::new))
                .endsWith(new TransformConfig.ParameterRule("Paid Social", List.of("sccid")));
        assertThat(rules.mediumKeywords()).hasSize(builtIn.mediumKeywords().size() + 1)
                .endsWith(new TransformConfig.KeywordRule("Paid Social", List.of("snap")));
        assertThat(ConfigLoader.differences(config)).extracting(ConfigLoader.Difference::described).containsExactly(
                "transform.channel_rules.medium_keywords[8]: {channel: Paid Social, keywords: [snap]} "
                        + "(not in the built-in defaults)",
                "transform.channel_rules.click_id_rules[5]: {channel: Paid Social, parameters: [sccid]} "
                        + "(not in the built-in defaults)");
    }

    @Test
    void anAddedBotPatternIsOneMoreAlternative() {
        PipelineConfig config = ConfigLoader.fromText("quality:\n  bot_pattern: {add: [petalbot, \"gpt(bot)?\"]}\n",
                "test");
        assertThat(config.quality().botPattern()).isEqualTo(DEFAULTS.quality().botPattern() + "|petalbot|gpt(bot)?");
        assertThat(ConfigLoader.differences(config)).extracting(ConfigLoader.Difference::described).containsExactly(
                "quality.bot_pattern: adds petalbot, gpt(bot)? (built-in: " + DEFAULTS.quality().botPattern() + ")");
    }

    @Test
    void anAddedKeywordListSaysWhatItAdds() {
        PipelineConfig config = ConfigLoader.fromText("quality:\n  event_names: {add: [add_to_wishlist]}\n", "test");
        assertThat(ConfigLoader.differences(config)).extracting(ConfigLoader.Difference::described)
                .singleElement().asString().startsWith("quality.event_names: adds add_to_wishlist (built-in: [");
    }

    @Test
    void anAddThatIsNoListSaysHowToWriteIt() {
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  event_names:\n    add: add_to_wishlist\n",
                "configuration file my.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("The configuration file my.yaml (line 3) gives `quality.event_names.add` the value "
                        + "add_to_wishlist, which is not a list: write what to add in brackets, like "
                        + "`add: [add_to_wishlist]`.")
                .extracting(e -> ((ConfigException) e).line()).isEqualTo(3);
    }

    @Test
    void aSlipInTheAddKeyIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  event_names:\n    add: [a]\n    ad: [b]\n",
                "configuration file my.yaml"))
                .hasMessage("The configuration file my.yaml (line 4) gives `quality.event_names` the key `ad`, which "
                        + "a list does not take: did you mean `add`? write `event_names: {add: [a, b]}` to keep the "
                        + "built-in list and add a and b to it, or the list itself, like [a, b], to replace it.");
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  event_names:\n    add:\n      - a\n      -\n",
                "test"))
                .hasMessage("The test (line 5) has an empty entry in `quality.event_names.add` (entry 2): remove it or "
                        + "give it a value.");
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  event_names: {extend: [b]}\n", "test"))
                .hasMessageContaining("the key `extend`, which a list does not take: write `event_names: {add:");
    }

    @Test
    void addOnASingleValueOrASectionIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.fromText("transform:\n  session_gap_minutes: {add: [5]}\n", "test"))
                .hasMessageContaining("`transform.session_gap_minutes` is a single value, not a list")
                .extracting(e -> ((ConfigException) e).line()).isEqualTo(2);
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  header_aliases:\n    add: {cust: client_id}\n",
                "test"))
                .hasMessageContaining("the keys written under a section join its built-in keys already")
                .extracting(e -> ((ConfigException) e).line()).isEqualTo(3);
    }

    @Test
    void addInsideAListWrittenOutWholeIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.fromText("""
                transform:
                  channel_rules:
                    click_id_rules:
                      - channel: Paid Social
                        parameters: {add: [sccid]}
                """, "test"))
                .hasMessageContaining("gives `transform.channel_rules.click_id_rules[1].parameters` an `add:` inside "
                        + "`transform.channel_rules.click_id_rules`, a list written out whole")
                .extracting(e -> ((ConfigException) e).line()).isEqualTo(5);
    }

    @Test
    void anEmptyAddedPatternWouldMakeEveryoneABotAndIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  bot_pattern: {add: [\"\"]}\n", "test"))
                .hasMessageContaining("make every user agent a bot");
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  bot_pattern: {add: [\"gpt(bot\"]}\n", "test"))
                .hasMessageContaining("`quality.bot_pattern.add[1]` that is not a valid regular expression");
    }

    @Test
    void aProblemInAnAddedRuleIsNamedAsTheFileWritesIt() {
        assertThatThrownBy(() -> ConfigLoader.fromText("""
                transform:
                  channel_rules:
                    medium_keywords:
                      add:
                        - {channel: Influencer, keywords: [creator]}
                        - {channel: Paid Socail, keywords: [snap]}
                """, "configuration file my.yaml"))
                .hasMessageStartingWith("The configuration file my.yaml (line 6) gives "
                        + "`transform.channel_rules.medium_keywords.add[2].channel` the channel `Paid Socail`, close to "
                        + "the built-in `Paid Social`")
                .extracting(e -> ((ConfigException) e).key())
                .isEqualTo("transform.channel_rules.medium_keywords.add[2].channel");
        assertThatThrownBy(() -> ConfigLoader.fromText("transform:\n  channel_rules:\n    click_id_rules:\n"
                + "      add:\n        - {channel: Paid Social}\n", "test"))
                .hasMessageContaining("`transform.channel_rules.click_id_rules.add[1].parameters` without a value")
                .extracting(e -> ((ConfigException) e).line()).isEqualTo(5);
    }

    @Test
    void anAddedPurchaseNameStillNeedsToBeAnEventName() {
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  purchase_event_names: {add: [order]}\n", "test"))
                .hasMessageContaining("lists `order` in `quality.purchase_event_names` but not in `quality.event_names`");
        PipelineConfig both = ConfigLoader.fromText(
                "quality:\n  event_names: {add: [order]}\n  purchase_event_names: {add: [order]}\n", "test");
        assertThat(both.quality().purchaseEventNames()).endsWith("order");
    }
}
