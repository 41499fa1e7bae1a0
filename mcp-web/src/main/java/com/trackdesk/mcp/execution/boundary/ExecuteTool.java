package com.trackdesk.mcp.execution.boundary;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.execution.control.ArgumentChecker;
import com.trackdesk.mcp.execution.control.AttemptedOperation;
import com.trackdesk.mcp.execution.control.ExecutionArguments;
import com.trackdesk.mcp.execution.control.KeyRedaction;
import com.trackdesk.mcp.execution.control.OperationPolicy;
import com.trackdesk.mcp.execution.control.OutcomeClassifier;
import com.trackdesk.mcp.execution.control.OperationResolver;
import com.trackdesk.mcp.execution.control.ResultComposer;
import com.trackdesk.mcp.execution.control.UpstreamExchange;
import com.trackdesk.mcp.execution.control.UpstreamTargetBuilder;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.execution.entity.ExecutionReport;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import com.trackdesk.mcp.execution.entity.UpstreamFailure;
import com.trackdesk.mcp.execution.entity.UpstreamRequest;
import com.trackdesk.mcp.execution.entity.UpstreamResponse;
import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.tool.control.CallerContext;
import com.trackdesk.mcp.tool.control.ResultText;
import com.trackdesk.mcp.tool.control.ToolSchemaLoader;
import com.trackdesk.mcp.tenant.control.TenantResolver;
import com.trackdesk.mcp.tenant.entity.Tenant;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import com.trackdesk.mcp.tool.boundary.McpTool;
import com.trackdesk.mcp.usage.control.UsageRecorder;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code execute} tool: checks a call against the API description, sends it to the caller's
 * tenant with the caller's API key, and reports the answer. Nothing is sent when the call is invalid
 * or no key was given.
 */
@ApplicationScoped
public class ExecuteTool implements McpTool {

    public static final String NAME = "execute";
    static final String UNKNOWN_TENANT = "(unknown)";

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
    @Inject
    UsageRecorder recorder;

    @Override
    public int listPosition() {
        return 2;
    }

    /**
     * The tool as a connection sees it. A read-only connection ({@code /mcp/readonly}, or an OAuth grant of the
     * read-only scope) gets a tool announced and enforced as read-only, whatever the server's own policy.
     */
    @Override
    public SyncToolSpecification specification(boolean readOnlyConnection) {
        boolean readOnly = policy.readOnly() || readOnlyConnection;
        String readOnlyNote = readOnlyConnection
                ? " This connection is read-only: only operations that read data run; others are refused before anything is sent."
                : policy.readOnly() ? " This server is read-only: only reading operations run." : "";
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Call a Trackdesk API operation")
                .description("Calls one operation of the Trackdesk API on the user's program and returns its JSON "
                        + "answer. Find the operationId with `search` first. Pass path placeholders in pathParams, "
                        + "query parameters in query, and the JSON body in body. The user's API key is attached "
                        + "automatically." + readOnlyNote)
                .inputSchema(schemas.load("execute.input.json"))
                .outputSchema(schemas.load("execute.output.json"))
                .icons(schemas.icon("execute.icon.svg"))
                .annotations(ToolAnnotations.builder()
                        .title("Call a Trackdesk API operation")
                        .readOnlyHint(readOnly)
                        .destructiveHint(!readOnly)
                        .idempotentHint(false)
                        .openWorldHint(true)
                        .build())
                .build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((context, call) -> call(context, call, readOnlyConnection)).build();
    }

    CallToolResult call(McpTransportContext context, CallToolRequest call) {
        return call(context, call, false);
    }

    CallToolResult call(McpTransportContext context, CallToolRequest call, boolean readOnlyConnection) {
        long started = System.nanoTime();
        ExecutionReport report = execute(context, call, readOnlyConnection);
        recorder.record(CallerContext.ledger(context), new CallMetric(Instant.now(), report.tenant().orElse(UNKNOWN_TENANT), NAME,
                report.operationId(), report.outcome(), report.httpStatus(),
                (System.nanoTime() - started) / 1_000, ResultText.length(report.result()), Optional.empty(),
                report.truncated(), Optional.empty())
                .withProtocolRevision(CallerContext.protocolRevision(context))
                .withAuthKind(CallerContext.authKind(context).map(Enum::name)));
        return report.result();
    }

    private ExecutionReport execute(McpTransportContext context, CallToolRequest call, boolean readOnlyConnection) {
        String host = CallerContext.host(context).orElse("");
        Optional<Tenant> knownTenant = tenantOf(host);
        Optional<String> tenant = knownTenant.map(Tenant::name);
        Optional<String> operationId = Optional.empty();
        Optional<String> apiKey = CallerContext.apiKey(context);
        if (apiKey.isEmpty()) {
            return ExecutionReport.refused(results.failed(MISSING_KEY), Outcome.AUTH, tenant, operationId);
        }
        ExecutionRequest request = null;
        try {
            request = arguments.parse(call.arguments());
            Operation operation = operations.resolve(request);
            operationId = Optional.of(operation.operationId());
            policy.requirePermitted(operation);
            if (readOnlyConnection && !operation.readOnly()) {
                throw new ExecutionRefused(operation.operationId() + " changes data, and this connection is read-only "
                        + "(connected through /mcp/readonly, or signed in with read-only access): only reading "
                        + "operations may run. Nothing was sent to Trackdesk.");
            }
            checker.check(operation, request);
            // resolving again only to raise the explanation, once the call is known to need a tenant
            Tenant target = knownTenant.orElseGet(() -> tenants.resolve(host));
            UpstreamRequest upstream = new UpstreamRequest(target, operation.method(), targets.build(operation, request),
                    jsonBody(request), apiKey.get(), operation.readOnly());
            List<String> fields = request.fields();
            Optional<String> calledOperation = operationId;
            return exchange.send(upstream, answer -> {
                UpstreamResponse response = KeyRedaction.redact(answer, apiKey.get());
                CallToolResult result = results.fromResponse(operation, response, fields);
                return new ExecutionReport(result, OutcomeClassifier.ofStatus(response.status()), tenant,
                        calledOperation, response.status(), truncated(result));
            });
        } catch (ExecutionRefused e) {
            Optional<String> named = e.reason() == Outcome.UNKNOWN_OPERATION && request != null
                    ? AttemptedOperation.of(request) : operationId;
            return ExecutionReport.refused(results.refused(e.problems()), e.reason(), tenant, named);
        } catch (UnknownTenantException e) {
            return ExecutionReport.refused(results.failed(e.getMessage()), Outcome.UNKNOWN_TENANT, tenant, operationId);
        } catch (UpstreamFailure e) {
            return new ExecutionReport(results.failed(e.getMessage()), OutcomeClassifier.of(e), tenant, operationId,
                    0, false);
        }
    }

    private Optional<Tenant> tenantOf(String host) {
        try {
            return Optional.of(tenants.resolve(host));
        } catch (UnknownTenantException e) {
            return Optional.empty();
        }
    }

    private static boolean truncated(CallToolResult result) {
        return result.structuredContent() instanceof Map<?, ?> structured && Boolean.TRUE.equals(structured.get("truncated"));
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
