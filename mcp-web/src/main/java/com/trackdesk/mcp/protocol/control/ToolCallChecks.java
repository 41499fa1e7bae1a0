package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.util.ToolInputValidator;

import java.util.Map;

/**
 * What the MCP SDK does around a tool call for 2025 clients, done the same way for 2026-07-28 ones: arguments
 * that break the tool's input schema come back as a tool error ({@code isError}) the model can correct, using
 * the SDK's own {@link ToolInputValidator}; and a result that breaks the output schema is not passed on as if it
 * were valid.
 */
public final class ToolCallChecks {

    static final String MISSING_STRUCTURED_CONTENT =
            "Response missing structured content which is expected when calling tool with non-empty outputSchema";

    private final JsonSchemaValidator validator;

    public ToolCallChecks(JsonSchemaValidator validator) {
        this.validator = validator;
    }

    public CallToolResult call(SyncToolSpecification tool, McpTransportContext context, CallToolRequest call) {
        Map<String, Object> arguments = call.arguments() == null ? Map.of() : call.arguments();
        CallToolResult invalidInput = ToolInputValidator.validate(tool.tool(), arguments, true, validator);
        if (invalidInput != null) {
            return invalidInput;
        }
        CallToolResult result = tool.callHandler().apply(context, call);
        Map<String, Object> outputSchema = tool.tool().outputSchema();
        if (outputSchema == null || Boolean.TRUE.equals(result.isError())) {
            return result;
        }
        if (result.structuredContent() == null) {
            return failed(MISSING_STRUCTURED_CONTENT);
        }
        JsonSchemaValidator.ValidationResponse output = validator.validate(outputSchema, result.structuredContent());
        return output.valid() ? result : failed(output.errorMessage());
    }

    private static CallToolResult failed(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
