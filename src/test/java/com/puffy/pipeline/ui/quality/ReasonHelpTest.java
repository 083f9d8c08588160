package com.puffy.pipeline.ui.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.model.ReasonCode;
import org.junit.jupiter.api.Test;

class ReasonHelpTest {
    @Test
    void everyCodeOfTheCatalogueSaysWhatItChecksWhatBecameOfTheRowAndWhatToDo() {
        for (ReasonCode reason : ReasonCode.values()) {
            String text = ReasonHelp.explain(reason.code(), reason.severity().name());
            assertThat(text).as(reason.name()).startsWith(reason.code() + ": " + reason.description() + ". ")
                    .doesNotEndWith(" null").endsWith(".");
            assertThat(text.length()).as(reason.name() + " has a next step").isGreaterThan(
                    (reason.code() + ": " + reason.description()).length() + 60);
        }
    }

    @Test
    void theOutcomeFollowsTheRule() {
        assertThat(ReasonHelp.explain("MISSING_CLIENT_ID", "ERROR")).contains("The row is quarantined");
        assertThat(ReasonHelp.explain("PURCHASE_REVENUE_MISMATCH", "WARNING"))
                .contains("The row stays valid and counts, flagged.").contains("discount");
        assertThat(ReasonHelp.explain("DUPLICATE_EVENT", "INFO")).contains("dropped; the first copy is kept");
        assertThat(ReasonHelp.explain("EMPTY_FILE", "WARNING")).contains("whole file");
    }

    @Test
    void theSeverityTellsTheRowsMalformedCsvFromTheFiles() {
        assertThat(ReasonHelp.explain("MALFORMED_CSV", "ERROR")).contains("The row is quarantined");
        assertThat(ReasonHelp.explain("MALFORMED_CSV", "WARNING")).contains("whole file");
        assertThat(ReasonHelp.rule("MALFORMED_CSV")).isEqualTo("MALFORMED_CSV: The record cannot be parsed as CSV.");
    }

    @Test
    void aCodeOutsideTheCatalogueReadsAsItself() {
        assertThat(ReasonHelp.explain("SOMETHING_NEW", "ERROR")).isEqualTo("SOMETHING_NEW");
        assertThat(ReasonHelp.rule("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
    }
}
