package com.trackdesk.mcp.execution.entity;

import com.trackdesk.mcp.metrics.entity.Outcome;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.util.Optional;

/**
 * What one {@code execute} call produced, and the facts about it that call metrics keep.
 *
 * @param tenant      the tenant it was for, when known
 * @param operationId the operation, when it was resolved
 * @param httpStatus  the upstream status, 0 when nothing was sent
 */
public record ExecutionReport(CallToolResult result, Outcome outcome, Optional<String> tenant,
                              Optional<String> operationId, int httpStatus, boolean truncated) {

    public static ExecutionReport refused(CallToolResult result, Outcome reason, Optional<String> tenant,
                                          Optional<String> operationId) {
        return new ExecutionReport(result, reason, tenant, operationId, 0, false);
    }
}
