package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An unknown operation's attempted name is kept for the console; free text that is no name is not. */
class AttemptedOperationTest {

    static ExecutionRequest named(String operationId) {
        return new ExecutionRequest(Optional.of(operationId), Optional.empty(), Optional.empty(), Map.of(), Map.of(), null, List.of());
    }

    @Test
    void aMadeUpOperationIdIsKeptAsTyped() {
        assertThat(AttemptedOperation.of(named("AffiliateService_TeleportAffiliates"))).contains("AffiliateService_TeleportAffiliates");
    }

    @Test
    void textThatIsNoOperationIdIsNotStored() {
        assertThat(AttemptedOperation.of(named("list affiliates where email = 'ada@example.com'"))).contains("(not an operationId)");
        assertThat(AttemptedOperation.of(named("x".repeat(300)))).contains("(not an operationId)");
    }

    @Test
    void aPathIsNeverStoredBecauseItMayHoldValues() {
        ExecutionRequest byPath = new ExecutionRequest(Optional.empty(), Optional.of("GET"), Optional.of("/api/affiliates/ada@example.com"),
                Map.of(), Map.of(), null, List.of());

        assertThat(AttemptedOperation.of(byPath)).contains("(method and path)");
    }
}
