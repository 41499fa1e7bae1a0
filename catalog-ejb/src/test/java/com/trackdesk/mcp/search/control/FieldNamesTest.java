package com.trackdesk.mcp.search.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNamesTest {

    @Test
    void snakeCaseDottedAndCamelCaseWordsAreFieldNamesSpelledOut() {
        assertThat(FieldNames.typedIn("time out by setting communication_disabled_until, filters.emails or affiliateId"))
                .containsExactly("communication_disabled_until", "filters.emails", "affiliateid");
    }

    @Test
    void aWordGivenAValueIsAFieldName() {
        assertThat(FieldNames.typedIn("stop proxying my zone (paused = true), status: active")).containsExactly("paused", "status");
    }

    @Test
    void plainWordsAndSentencesNameNoField() {
        assertThat(FieldNames.typedIn("list the affiliates who joined last week. Then stop.")).isEmpty();
    }
}
