package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One character one unit of width, so the lines can be read off. */
class NameBreaksTest {
    private static String lines(String name, int width) {
        String lines = NameBreaks.lines(name, width, String::length);
        assertThat(lines.replace("\n", "")).as("the lines joined again").isEqualTo(name);
        return lines;
    }

    @Test
    void aLongKeyBreaksAfterItsDotsNotInsideAWord() {
        assertThat(lines("transform.channel_rules.click_id_rules[3].parameters", 26))
                .isEqualTo("transform.channel_rules.\nclick_id_rules[3].\nparameters");
    }

    @Test
    void aPartWiderThanTheColumnBreaksAfterAnUnderscore() {
        assertThat(lines("monitoring.sticky_referrer_jump_points", 16))
                .isEqualTo("monitoring.\nsticky_referrer_\njump_points");
    }

    @Test
    void aKeyThatFitsAndAWordWiderThanTheColumnStayWhole() {
        assertThat(lines("quality.bot_pattern", 40)).isEqualTo("quality.bot_pattern");
        assertThat(lines("quality.amazonproductdiscovery", 10)).isEqualTo("quality.\namazonproductdiscovery");
    }

    @Test
    void aPatternBreaksAfterItsBarsAndAListAfterItsCommas() {
        assertThat(lines("adds petalbot (built-in: bot|crawl|spider|slurp)", 20))
                .isEqualTo("adds petalbot \n(built-in: bot|\ncrawl|spider|slurp)");
    }
}
