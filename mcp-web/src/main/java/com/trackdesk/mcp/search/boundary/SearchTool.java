package com.trackdesk.mcp.search.boundary;

import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.tool.control.CallerContext;
import com.trackdesk.mcp.tool.control.ResultText;
import com.trackdesk.mcp.tool.control.ToolSchemaLoader;
import com.trackdesk.mcp.search.control.HitFormatter;
import com.trackdesk.mcp.search.control.OperationDetails;
import com.trackdesk.mcp.search.entity.SearchHit;
import com.trackdesk.mcp.search.entity.SearchQuery;
import com.trackdesk.mcp.search.entity.SearchResult;
import com.trackdesk.mcp.tenant.control.TenantResolver;
import com.trackdesk.mcp.tool.boundary.McpTool;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import com.trackdesk.mcp.usage.control.UsageRecorder;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code search} tool: finds API operations from plain words. Works without an API key, since
 * the API description is not secret.
 */
@ApplicationScoped
public class SearchTool implements McpTool {

    public static final String NAME = "search";
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    @Inject
    ToolSchemaLoader schemas;
    @Inject
    OperationSearch search;
    @Inject
    HitFormatter hits;
    @Inject
    OperationDetails details;
    @Inject
    ResultText renderer;
    @Inject
    TenantResolver tenants;
    @Inject
    UsageRecorder recorder;

    @Override
    public int listPosition() {
        return 1;
    }

    /** Searching only reads the API description: the same tool on read-only connections. */
    @Override
    public SyncToolSpecification specification(boolean readOnlyConnection) {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Find Trackdesk API operations")
                .description("Finds the Trackdesk API operations that do what you describe in plain words, best "
                        + "first, with their parameters. Use it before `execute`. Query an exact operationId to get "
                        + "its full request schema and an example call.")
                .inputSchema(schemas.load("search.input.json"))
                .outputSchema(schemas.load("search.output.json"))
                .icons(schemas.icon("search.icon.svg"))
                .annotations(ToolAnnotations.builder()
                        .title("Find Trackdesk API operations")
                        .readOnlyHint(true)
                        .destructiveHint(false)
                        .idempotentHint(true)
                        .openWorldHint(false)
                        .build())
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler(this::call).build();
    }

    CallToolResult call(McpTransportContext context, CallToolRequest call) {
        long started = System.nanoTime();
        Map<String, Object> args = call.arguments() == null ? Map.of() : call.arguments();
        if (!(args.get("query") instanceof String text) || text.isBlank()) {
            CallToolResult refused = error("'query' must be a non-empty string: describe what you want to do, e.g. \"list affiliates\".");
            record(context, started, refused, Outcome.VALIDATION, List.of(), Optional.empty());
            return refused;
        }
        SearchQuery query = new SearchQuery(text, limit(args.get("limit")), optionalText(args.get("tag")),
                optionalText(args.get("method")).map(m -> m.toUpperCase(Locale.ROOT)));
        SearchResult result = search.search(query);
        CallToolResult answer = result.exactMatch() && !result.hits().isEmpty()
                ? exact(result.hits().get(0))
                : ranked(text, result.hits());
        record(context, started, answer, Outcome.OK, result.hits(), Optional.of(text));
        return answer;
    }

    /**
     * One metric row per search; the recorder keeps the query text only if an admin enabled it. The top hit is
     * kept so that an execute of it right after counts as the search's success; rankings of executed operations
     * leave search rows out.
     */
    private void record(McpTransportContext context, long started, CallToolResult answer, Outcome outcome,
                        List<SearchHit> found, Optional<String> text) {
        recorder.record(CallerContext.ledger(context), new CallMetric(Instant.now(), tenantOf(context), NAME,
                found.stream().findFirst().map(hit -> hit.operation().operationId()), outcome, 0,
                (System.nanoTime() - started) / 1_000, ResultText.length(answer),
                // a refused search looked for nothing: it is not a search without results
                outcome == Outcome.OK ? Optional.of(found.size()) : Optional.empty(), false, text)
                .withProtocolRevision(CallerContext.protocolRevision(context))
                .withAuthKind(CallerContext.authKind(context).map(Enum::name)));
    }

    private String tenantOf(McpTransportContext context) {
        try {
            return tenants.resolve(CallerContext.host(context).orElse("")).name();
        } catch (UnknownTenantException e) {
            return "(unknown)";
        }
    }

    private CallToolResult ranked(String text, List<SearchHit> found) {
        List<Map<String, Object>> results = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < found.size(); i++) {
            results.add(hits.compact(found.get(i)));
            lines.append(hits.line(i + 1, found.get(i))).append('\n');
        }
        String summary = found.isEmpty()
                ? "No operation matches \"" + shorten(text) + "\". Try other words (e.g. the thing you want: affiliates, conversions, offers, payouts)."
                : found.size() + " operations, best first. Call search with an operationId for its full schema, then execute.\n" + lines;
        return CallToolResult.builder()
                .addTextContent(summary.strip())
                .structuredContent(Map.of("results", results))
                .build();
    }

    private CallToolResult exact(SearchHit hit) {
        Map<String, Object> operation = details.describe(hit.operation());
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("results", List.of(hits.compact(hit.operation())));
        structured.put("operation", operation);
        return CallToolResult.builder()
                .addTextContent(hits.line(1, hit.operation()) + "\nFull request schema and an example call:\n"
                        + renderer.render(operation))
                .structuredContent(structured)
                .build();
    }

    private static int limit(Object value) {
        if (value instanceof Number number) {
            return (int) Math.max(1, Math.min(MAX_LIMIT, number.longValue()));
        }
        return DEFAULT_LIMIT;
    }

    private static Optional<String> optionalText(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text.trim()) : Optional.empty();
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
