package com.trackdesk.mcp.catalog.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationWordsTest {

    @Test
    void splitsEveryNamingConvention() {
        assertThat(OperationWords.of("AffiliateService_ListAffiliates")).containsExactly("affiliate", "service", "list", "affiliates");
        assertThat(OperationWords.of("repos/get-content")).containsExactly("repos", "get", "content");
        assertThat(OperationWords.of("get_guild")).containsExactly("get", "guild");
        assertThat(OperationWords.of("getHTTPSettings")).containsExactly("get", "http", "settings");
        assertThat(OperationWords.of(null)).isEmpty();
    }
}
