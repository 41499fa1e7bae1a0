package com.trackdesk.mcp.execution.boundary;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.execution.control.ArgumentChecker;
import com.trackdesk.mcp.execution.control.ExecutionArguments;
import com.trackdesk.mcp.execution.control.OperationPolicy;
import com.trackdesk.mcp.execution.control.OperationResolver;
import com.trackdesk.mcp.execution.control.ResultComposer;
import com.trackdesk.mcp.execution.control.UpstreamExchange;
import com.trackdesk.mcp.execution.control.UpstreamTargetBuilder;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.protocol.control.CallerContext;
import com.trackdesk.mcp.protocol.control.ToolSchemaLoader;
import com.trackdesk.mcp.tenant.control.TenantResolver;
import com.trackdesk.mcp.tenant.entity.Tenant;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.Optional;

/**
 * The {@code execute} tool: checks a call against the API description, sends it to the caller's
 * tenant with the caller's API key, and reports the answer. Nothing is sent when the call is invalid
 * or no key was given.
 */
@ApplicationScoped
public class ExecuteTool {

    public static final String NAME = "execute";

    static final String MISSING_KEY = "No API key: add the header 'X-Api-Key: <your personal access token>' to this "
            + "MCP server's connection settings in your MCP client. Create a token in Trackdesk under "
            + "Settings → Integrations → Personal access tokens. Nothing was sent to Trackdesk.";

    @Inject
    ToolSchemaLoader schemas;
    @Inject
    ExecutionArguments arguments;
    @Inject
    OperationResolver operations;
    @Inject
    ArgumentChecker checker;
    @Inject
    TenantResolver tenants;
    @Inject
    UpstreamTargetBuilder targets;
    @Inject
    UpstreamExchange exchange;
    @Inject
    ResultComposer results;
    @Inject
    McpJsonMapper json;

    @Inject
    OperationPolicy policy;

    public SyncToolSpecification specification() {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Call a Trackdesk API operation")
                .description("Calls one operation of the Trackdesk API on the user's program and returns its JSON "
                        + "answer. Find the operationId with `search` first. Pass path placeholders in pathParams, "
                        + "query parameters in query, and the JSON body in body. The user's API key is attached "
                        + "automatically." + (policy.readOnly() ? " This server is read-only: only reading operations run." : ""))
                .inputSchema(schemas.load("execute.input.json"))
                .outputSchema(schemas.load("execute.output.json"))
                .annotations(ToolAnnotations.builder()
                        .title("Call a Trackdesk API operation")
                        .readOnlyHint(policy.readOnly())
                        .destructiveHint(!policy.readOnly())
                        .idempotentHint(false)
                        .openWorldHint(true)
                        .build())
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler(this::call).build();
    }

    CallToolResult call(McpTransportContext context, CallToolRequest call) {
        Optional<String> apiKey = CallerContext.apiKey(context);
        if (apiKey.isEmpty()) {
            return results.failed(MISSING_KEY);
        }
        try {
            ExecutionRequest request = arguments.parse(call.arguments());
            Operation operation = operations.resolve(request);
            policy.requirePermitted(operation);
            checker.check(operation, request);
            Tenant tenant = tenants.resolve(CallerContext.host(context).orElse(""));
            UpstreamRequest upstream = new UpstreamRequest(tenant, operation.method(), targets.build(operation, request),
                    jsonBody(request), apiKey.get(), operation.readOnly());
            return results.fromResponse(operation, exchange.send(upstream), request.fields());
        } catch (ExecutionRefused e) {
            return results.refused(e.problems());
        } catch (UnknownTenantException | UpstreamFailure e) {
            return results.failed(e.getMessage());
        }
    }

    private Optional<String> jsonBody(ExecutionRequest request) {
        if (request.body() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.writeValueAsString(request.body()));
        } catch (IOException e) {
            throw new ExecutionRefused("the body could not be written as JSON");
        }
    }
}
