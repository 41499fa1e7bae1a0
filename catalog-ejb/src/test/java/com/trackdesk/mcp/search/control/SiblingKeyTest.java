package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SiblingKeyTest {

    @Test
    void theSameResourceUnderAnotherScopeIsASibling() {
        assertThat(key("POST", "/applications/{application_id}/emojis"))
                .isEqualTo(key("POST", "/guilds/{guild_id}/emojis"));
        assertThat(key("GET", "/orgs/{org}/actions/secrets"))
                .isEqualTo(key("GET", "/repos/{owner}/{repo}/actions/secrets"));
        assertThat(key("DELETE", "/accounts/{account_id}/firewall/access_rules/rules/{rule_id}"))
                .isEqualTo(key("DELETE", "/user/firewall/access_rules/rules/{rule_id}"));
    }

    @Test
    void anotherMethodOrOneItemInsteadOfTheCollectionIsNot() {
        assertThat(key("GET", "/guilds/{guild_id}/emojis")).isNotEqualTo(key("POST", "/guilds/{guild_id}/emojis"));
        assertThat(key("GET", "/guilds/{guild_id}/emojis/{emoji_id}")).isNotEqualTo(key("GET", "/guilds/{guild_id}/emojis"));
        assertThat(key("GET", "/repos/{owner}/{repo}/issues/comments"))
                .isNotEqualTo(key("GET", "/gists/{gist_id}/comments"));
    }

    @Test
    void anActionOnOneItemKeepsTheItemsKind() {
        assertThat(key("POST", "/v1/quotes/{quote}/cancel")).isNotEqualTo(key("POST", "/v1/payouts/{payout}/cancel"));
        assertThat(key("POST", "/v1/quotes/{quote}/cancel")).isEqualTo(key("POST", "/v2/quotes/{id}/cancel"));
    }

    private static String key(String method, String path) {
        return SiblingKey.of(new Operation("op", method, path, "", "", List.of(), List.of(), Optional.empty(), List.of(),
                false, List.of()));
    }
}
