package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.metrics.entity.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What {@code execute} may run, on the bundled Trackdesk description: read-only mode lets only reading operations
 * through (also reads sent as POST), the allow list narrows, the deny list wins over everything, and entries are
 * operationIds or {@code tag:<name>}, case-insensitive.
 */
class OperationPolicyTest {

    static OperationCatalog trackdesk;
    static Operation listAffiliates;   // POST that only reads
    static Operation getAffiliate;     // GET
    static Operation deleteAffiliate;  // DELETE
    static Operation createConversion; // POST that writes

    @BeforeAll
    static void loadBundledSpec() {
        trackdesk = new SpecLoader().load("classpath:trackdesk-openapi.json");
        listAffiliates = operation("AffiliateService_ListAffiliates");
        getAffiliate = operation("AffiliateService_GetAffiliate");
        deleteAffiliate = operation("AffiliateService_DeleteAffiliate");
        createConversion = operation("ConversionService_CreateConversion");
    }

    @Test
    void withoutSettingsEveryOperationMayRun() {
        var policy = policy(false, null, null);

        assertThat(policy.readOnly()).isFalse();
        for (Operation operation : trackdesk.operations()) {
            assertThatCode(() -> policy.requirePermitted(operation)).doesNotThrowAnyException();
        }
    }

    @Test
    void readOnlyModeLetsReadsThroughAndRefusesWrites() {
        var policy = policy(true, null, null);

        assertThat(policy.readOnly()).isTrue();
        assertThatCode(() -> policy.requirePermitted(getAffiliate)).doesNotThrowAnyException();
        assertThatCode(() -> policy.requirePermitted(listAffiliates)).as("a list sent as POST only reads")
                .doesNotThrowAnyException();
        assertRefused(policy, deleteAffiliate, "changes data, and this server is read-only (MCP_READ_ONLY=true)");
        assertRefused(policy, createConversion, "changes data");
    }

    @Test
    void anAllowListLetsOnlyItsEntriesRun() {
        var policy = policy(false, " AffiliateService_GetAffiliate , tag:Reports V1", null);

        assertThatCode(() -> policy.requirePermitted(getAffiliate)).doesNotThrowAnyException();
        assertThatCode(() -> policy.requirePermitted(operation("ReportsService_AffiliateOverviewReport")))
                .as("allowed by its tag").doesNotThrowAnyException();
        assertRefused(policy, listAffiliates, "is not among the operations this server may run (MCP_ALLOWED_OPERATIONS)");
    }

    @Test
    void theDenyListWinsOverTheAllowList() {
        var policy = policy(false, "AffiliateService_GetAffiliate,AffiliateService_DeleteAffiliate",
                "affiliateservice_deleteaffiliate");

        assertThatCode(() -> policy.requirePermitted(getAffiliate)).doesNotThrowAnyException();
        assertRefused(policy, deleteAffiliate, "AffiliateService_DeleteAffiliate is blocked on this server (MCP_DENIED_OPERATIONS)");
    }

    @Test
    void aDeniedTagBlocksEveryOperationOfThatTagWhateverTheCase() {
        var policy = policy(false, null, "TAG:affiliates affiliate v1");

        assertRefused(policy, listAffiliates, "blocked on this server");
        assertRefused(policy, getAffiliate, "blocked on this server");
        assertThatCode(() -> policy.requirePermitted(createConversion)).doesNotThrowAnyException();
    }

    @Test
    void emptyEntriesAndBlankListsChangeNothing() {
        var policy = policy(false, " , ,", ",");

        assertThatCode(() -> policy.requirePermitted(deleteAffiliate)).doesNotThrowAnyException();
    }

    private static void assertRefused(OperationPolicy policy, Operation operation, String reason) {
        ExecutionRefused refused = catchThrowableOfType(ExecutionRefused.class, () -> policy.requirePermitted(operation));
        assertThat(refused).as(operation.operationId() + " refused").isNotNull();
        assertThat(refused.reason()).isEqualTo(Outcome.POLICY);
        assertThat(refused.getMessage()).contains(reason);
    }

    private static OperationPolicy policy(boolean readOnly, String allowed, String denied) {
        return new OperationPolicy(readOnly, Optional.ofNullable(allowed), Optional.ofNullable(denied));
    }

    private static Operation operation(String operationId) {
        return trackdesk.byId(operationId).orElseThrow();
    }
}
