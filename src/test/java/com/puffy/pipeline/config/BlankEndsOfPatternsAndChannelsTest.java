package com.puffy.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Decision 0834: the two regular expressions and the channel names, which 0829 left unchecked, with a blank at an
 * end. A channel name with any blank there is refused (it only ever shows, and would be another channel); a pattern
 * keeps a plain space (a character to find) but not an invisible blank, which the user agent or client id would have
 * to hold.
 */
class BlankEndsOfPatternsAndChannelsTest {
    private static final String SOURCE = "configuration file my.yaml";

    private static ConfigException refused(String yaml) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ConfigLoader.fromText(yaml, SOURCE));
        assertThat(thrown).as(yaml).isInstanceOf(ConfigException.class);
        return (ConfigException) thrown;
    }

    @Test
    void aNewChannelNamedWithAnInvisibleBlankAtAnEndIsRefusedSayingWhatToWrite() {
        // Before: accepted, and sessions.csv wrote "Podcast\u00A0", a channel the report showed as "Podcast".
        ConfigException e = refused("transform:\n  channel_rules:\n    medium_keywords:\n"
                + "      add: [{channel: \"Podcast\\u00A0\", keywords: [podcast]}]\n");
        assertThat(e.getMessage()).isEqualTo("The configuration file my.yaml (line 4) gives "
                + "`transform.channel_rules.medium_keywords.add[1].channel` the value \"Podcast<U+00A0>\", with a blank at "
                + "its end: a channel name is written into the sessions and channel reports, where the blank does not "
                + "show and the name with it and without it would be two channels. Write it as \"Podcast\".");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void aChannelNameWithAQuotedSpaceAtAnEndIsRefusedToo() {
        assertThat(refused("transform:\n  channel_rules:\n    campaign_channel: \" Other Campaign\"\n").getMessage())
                .contains("`transform.channel_rules.campaign_channel` the value \" Other Campaign\", with a blank at "
                        + "its start", "Write it as \"Other Campaign\".");
    }

    @Test
    void aBuiltInChannelNameWithAZeroWidthSpaceIsNamedByItsBlankNotAsANearMiss() {
        // Before: "gives `transform.channel_rules.direct_channel` the channel `Direct​`, close to the built-in `Direct`
        // but not the same", the difference unseen.
        assertThat(refused("transform:\n  channel_rules:\n    direct_channel: \"Direct\\u200B\"\n").getMessage())
                .contains("(line 3)", "`transform.channel_rules.direct_channel` the value \"Direct<U+200B>\", with a "
                        + "blank at its end", "Write it as \"Direct\".")
                .doesNotContain("close to the built-in");
        assertThat(refused("transform:\n  channel_rules:\n    ambiguous_medium:\n"
                + "      channel_with_click_id: \"Paid Social\\t\"\n").getMessage())
                .contains("`transform.channel_rules.ambiguous_medium.channel_with_click_id` the value "
                        + "\"Paid Social<U+0009>\"");
    }

    @Test
    void aBotPatternEndingInAnInvisibleBlankIsRefusedWithTheEscapeThatWouldFindIt() {
        // Before: accepted; "crawl\u00A0" then found no crawler, as no user agent holds a no-break space after it.
        ConfigException e = refused("quality:\n  bot_pattern: \"bot|crawl\\u00A0\"\n");
        assertThat(e.getMessage()).isEqualTo("The configuration file my.yaml (line 2) gives `quality.bot_pattern` the "
                + "value \"bot|crawl<U+00A0>\", with a blank at its end: the pattern would have to find that invisible "
                + "character in a user agent, where it hardly ever is, so it would hardly ever match. Write it as "
                + "\"bot|crawl\". A pattern meant to find that character writes it visibly, as the escape \\x{A0}.");
        // The line end a YAML block scalar keeps, and a blank beyond U+FFFF at the start.
        assertThat(refused("quality:\n  bot_pattern: |\n    bot|crawl\n").getMessage())
                .contains("\"bot|crawl<U+000A>\"", "Write it as \"bot|crawl\".", "\\x{A}");
        assertThat(refused("quality:\n  bot_pattern: \"\\U000E0001bot\"\n").getMessage())
                .contains("\"<U+E0001>bot\", with a blank at its start", "\\x{E0001}");
    }

    @Test
    void anAddedBotAlternativeIsCheckedAtItsOwnEnds() {
        // Joined to the built-in pattern, the alternative's end is inside the whole pattern, not at its end.
        assertThat(refused("quality:\n  bot_pattern: {add: [petalbot, \"gptbot\\u200B\"]}\n").getMessage())
                .contains("(line 2)", "`quality.bot_pattern.add[2]` the value \"gptbot<U+200B>\"",
                        "Write it as \"gptbot\".");
    }

    @Test
    void aClientIdPatternEndingInAByteOrderMarkIsRefused() {
        assertThat(refused("quality:\n  client_id_pattern: \"^[0-9]{10}-[A-Za-z0-9_-]{12}$\\uFEFF\"\n").getMessage())
                .contains("`quality.client_id_pattern` the value \"^[0-9]{10}-[A-Za-z0-9_-]{12}$<U+FEFF>\"",
                        "in a client id", "Write it as \"^[0-9]{10}-[A-Za-z0-9_-]{12}$\".");
    }

    @Test
    void aPatternOfOnlyAnInvisibleBlankIsRefusedAskingForThePatternMeant() {
        assertThat(refused("quality:\n  bot_pattern: \"\\u00A0\"\n").getMessage())
                .contains("the value \"<U+00A0>\", with only blanks", "Write the value meant.");
    }

    @Test
    void aPlainSpaceAtAPatternsEndIsACharacterToFindAndStays() {
        // A space survives YAML only between quotes, so it was written on purpose: " bot" finds a word starting bot.
        PipelineConfig config = ConfigLoader.fromText("quality:\n  bot_pattern: \" bot|crawler \"\n"
                + "  client_id_pattern: \"^id \"\n", SOURCE);
        assertThat(config.quality().botPattern()).isEqualTo(" bot|crawler ");
        assertThat(config.quality().clientIdPattern()).isEqualTo("^id ");
        // An invisible blank behind a space is still refused, and what to write keeps the space.
        assertThat(refused("quality:\n  bot_pattern: \"bot \\u00A0\"\n").getMessage())
                .contains("Write it as \"bot \".");
    }

    @Test
    void thePrintedDefaultsStillLoadAsTheBuiltInConfiguration() {
        PipelineConfig printed = ConfigLoader.fromText(ConfigLoader.defaultsText(), "printed defaults");
        assertThat(ConfigLoader.differences(printed)).isEmpty();
        assertThat(printed.transform().channelRules().directChannel()).isEqualTo("Direct");
    }
}
