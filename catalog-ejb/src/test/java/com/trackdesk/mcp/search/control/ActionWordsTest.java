package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActionWordsTest {

    @ParameterizedTest(name = "{0} {1} ({2}) is a {3}")
    @CsvSource(delimiter = '|', value = {
            "POST   | /api/node/affiliates/v1/registration-data/{accountId} | AffiliateService_CreateAffiliateRegistrationData | create",
            "DELETE | /orgs/{org}/members/{username}                        | orgs/remove-member                               | delete",
            "PUT    | /repos/{owner}/{repo}/issues/{issue_number}/labels    | issues/set-labels                                | update",
            "GET    | /v1/customers                                         | GetCustomers                                     | list",
            "GET    | /v1/customers/{customer}                              | GetCustomersCustomer                             | get",
            "GET    | /v1/balance                                           | GetBalance                                       | get",
            "POST   | /v1/customers                                         | PostCustomers                                    | create",
            "POST   | /v1/customers/{customer}                              | PostCustomersCustomer                            | update",
            "GET    | /guilds/{guild_id}/members                            | list_guild_members                               | list",
            "PUT    | /repos/{owner}/{repo}/pulls/{pull_number}/merge       | pulls/merge                                      | ''"})
    void theActionComesFromTheNameOrElseFromMethodAndPath(String method, String path, String operationId, String action) {
        var operation = new Operation(operationId, method, path, "", "", List.of(), List.of(), Optional.empty(), List.of(), false);

        assertThat(ActionWords.of(operation)).isEqualTo(action);
    }
}
