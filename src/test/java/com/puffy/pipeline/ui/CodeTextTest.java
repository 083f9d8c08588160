package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.CodeText.Span;
import org.junit.jupiter.api.Test;

/** Names in backticks in monitoring's texts: which runs are code, and what is left as written. */
class CodeTextTest {
    @Test
    void aNameInAPairOfBackticksIsCodeWithoutItsBackticks() {
        assertThat(CodeText.parse("from events.csv (2 files): `referrer` is missing (read as empty)."))
                .containsExactly(new Span("from events.csv (2 files): ", false), new Span("referrer", true),
                        new Span(" is missing (read as empty).", false));
    }

    @Test
    void severalPairsEachMakeARunAndTheTextBetweenStaysPlain() {
        assertThat(CodeText.parse("`client_id` arrives as `clientId`"))
                .containsExactly(new Span("client_id", true), new Span(" arrives as ", false),
                        new Span("clientId", true));
    }

    @Test
    void adjacentPairsAreTwoCodeRuns() {
        assertThat(CodeText.parse("`a``b`")).containsExactly(new Span("a", true), new Span("b", true));
    }

    @Test
    void anUnmatchedBacktickStaysAsWrittenWithEverythingAfterIt() {
        assertThat(CodeText.parse("it's a ` quote and more text"))
                .containsExactly(new Span("it's a ` quote and more text", false));
        assertThat(CodeText.parse("`one` then ` alone")).containsExactly(new Span("one", true),
                new Span(" then ` alone", false));
        assertThat(CodeText.plain("ends with `")).isEqualTo("ends with `");
    }

    @Test
    void anEmptyPairNamesNothingAndStaysAsWritten() {
        assertThat(CodeText.parse("empty `` here `x`")).containsExactly(new Span("empty `` here ", false),
                new Span("x", true));
        assertThat(CodeText.hasCode("only ``")).isFalse();
    }

    @Test
    void textWithoutBackticksIsOnePlainRunAndNothingGivesNoRun() {
        assertThat(CodeText.parse("no names here")).containsExactly(new Span("no names here", false));
        assertThat(CodeText.parse("")).isEmpty();
        assertThat(CodeText.parse(null)).isEmpty();
        assertThat(CodeText.hasCode("no names here")).isFalse();
    }

    @Test
    void plainTextDropsOnlyTheBackticksOfPairs() {
        assertThat(CodeText.plain("Next: `referrer` is read as empty; `` and ` stay"))
                .isEqualTo("Next: referrer is read as empty; `` and ` stay");
    }
}
