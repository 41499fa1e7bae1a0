package com.trackdesk.mcp.protocol.boundary;

import com.trackdesk.mcp.authorization.entity.Connection;
import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.protocol.control.FailureContainment;
import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import com.trackdesk.mcp.protocol.control.ModernProtocol;
import com.trackdesk.mcp.protocol.control.ProgressStream;
import com.trackdesk.mcp.protocol.control.ProtocolEraSelector;
import com.trackdesk.mcp.protocol.control.ServerIdentity;
import com.trackdesk.mcp.protocol.control.ToolCallChecks;
import com.trackdesk.mcp.protocol.control.ToolSchemaValidator;
import com.trackdesk.mcp.protocol.entity.ProtocolEra;
import com.trackdesk.mcp.protocol.entity.ProtocolRevisions;
import com.trackdesk.mcp.tool.boundary.McpTool;
import com.trackdesk.mcp.tool.control.CallerContext;
import com.trackdesk.mcp.usage.control.CallLedger;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The MCP endpoint: Streamable HTTP, stateless, JSON answers, both protocol eras on the one path. Requests of
 * the 2025 revisions go to the MCP SDK's handler (this resource is the SDK's stateless server transport), which
 * does initialize, version negotiation, ping, tools/list, tools/call and their errors; requests of 2026-07-28
 * go to {@link ModernProtocol}. Both serve the same tool specifications. JAX-RS filters in front check Origin,
 * size and media types and authenticate the caller ({@code authorization.boundary}); this class only picks the
 * era and moves messages. Read-only connections ({@code /mcp/readonly} or a read-only OAuth grant) are served by
 * a second set of the same tools whose {@code execute} says and enforces that it is read-only.
 */
@Path("mcp")
@ApplicationScoped
public class McpResource implements McpStatelessServerTransport {

    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

    /** Every tool bean of the application; the protocol knows them only through {@link McpTool}. */
    @Inject
    Instance<McpTool> toolBeans;
    @Inject
    ServerIdentity identity;
    @Inject
    McpJsonMapper json;

    /** Runs a tool while the request thread streams its progress (see {@link ProgressStream}). */
    @Resource
    ManagedExecutorService workers;

    /** How often a long call reports progress to clients that asked for it. */
    @Inject
    @ConfigProperty(name = "MCP_PROGRESS_INTERVAL_MS", defaultValue = "2000")
    long progressIntervalMillis;

    /** How long a client may reuse server/discover and tools/list answers (2026-07-28 caching hint). */
    @Inject
    @ConfigProperty(name = "MCP_LIST_CACHE_TTL_SECONDS", defaultValue = "3600")
    long listCacheTtlSeconds;

    /** One for every tool and era, so each tool schema is compiled once. */
    private final ToolSchemaValidator schemaValidator = new ToolSchemaValidator();
    private Duration progressInterval;
    private ModernProtocol modern;
    private ModernProtocol readOnlyModern;

    private McpStatelessServerHandler handler;
    private McpStatelessSyncServer server;
    private McpStatelessServerHandler readOnlyHandler;
    private McpStatelessSyncServer readOnlyServer;

    /** Built here, not in a producer: the SDK must call {@link #setMcpHandler} on this object, not on a CDI proxy. */
    @PostConstruct
    void start() {
        progressInterval = Duration.ofMillis(SettingRules.positive("MCP_PROGRESS_INTERVAL_MS", progressIntervalMillis, "milliseconds"));
        SettingRules.notNegative("MCP_LIST_CACHE_TTL_SECONDS", listCacheTtlSeconds, "seconds");
        List<SyncToolSpecification> tools = tools(false);
        List<SyncToolSpecification> readOnlyTools = tools(true);
        modern = modernProtocol(tools);
        readOnlyModern = modernProtocol(readOnlyTools);
        server = legacyServer(this, tools);
        readOnlyServer = legacyServer(new ReadOnlyTransport(), readOnlyTools);
    }

    /** One implementation of each tool for both eras, in a fixed order (tools/list is deterministic). */
    private List<SyncToolSpecification> tools(boolean readOnlyConnection) {
        return toolBeans.stream()
                .sorted(Comparator.comparingInt(McpTool::listPosition))
                .map(tool -> FailureContainment.guarded(tool.specification(readOnlyConnection)))
                .toList();
    }

    private ModernProtocol modernProtocol(List<SyncToolSpecification> tools) {
        return new ModernProtocol(tools, identity.implementation(), identity.instructions(),
                Duration.ofSeconds(listCacheTtlSeconds).toMillis(), json,
                new ToolCallChecks(schemaValidator));
    }

    private McpStatelessSyncServer legacyServer(McpStatelessServerTransport transport, List<SyncToolSpecification> tools) {
        return McpServer.sync(transport)
                .serverInfo(identity.implementation())
                .instructions(identity.instructions())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools)
                .jsonMapper(json)
                .jsonSchemaValidator(schemaValidator)
                // tool handlers run on the request thread: no hop to a Reactor pool for blocking work
                .immediateExecution(true)
                .build();
    }

    /** Receives the handler of the read-only server; messages still arrive through this resource. */
    private final class ReadOnlyTransport implements McpStatelessServerTransport {
        @Override
        public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
            readOnlyHandler = mcpHandler;
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }

    /** Builds the MCP server at deployment, so the first client does not pay for it. */
    void buildAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        server.getServerInfo();
        readOnlyServer.getServerInfo();
    }

    @PreDestroy
    void stop() {
        server.close();
        readOnlyServer.close();
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
        this.handler = mcpHandler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public Response receive(String body, @Context ContainerRequestContext httpRequest,
                            @HeaderParam(HttpHeaders.HOST) String host, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                            @HeaderParam(PROTOCOL_VERSION_HEADER) String protocolVersion, @Context HttpHeaders headers,
                            @Context Sse sse, @Context Providers providers) {
        McpSchema.JSONRPCMessage message;
        try {
            if (body == null || body.isBlank()) {
                return JsonRpcErrors.response(Response.Status.BAD_REQUEST, JsonRpcErrors.PARSE_ERROR, "Empty request body");
            }
            if (body.stripLeading().startsWith("[")) {
                return JsonRpcErrors.response(Response.Status.BAD_REQUEST, JsonRpcErrors.INVALID_REQUEST,
                        "JSON-RPC batches are not supported: send one message per request");
            }
            message = McpSchema.deserializeJsonRpcMessage(json, body);
        } catch (IllegalArgumentException notJsonRpc) {
            return JsonRpcErrors.response(Response.Status.BAD_REQUEST, JsonRpcErrors.INVALID_REQUEST,
                    "Not a JSON-RPC 2.0 request, notification or response");
        } catch (Exception unparseable) {
            return JsonRpcErrors.response(Response.Status.BAD_REQUEST, JsonRpcErrors.PARSE_ERROR, "Body is not valid JSON");
        }
        // set by authorization.boundary.McpAuthentication, which lets no unauthenticated request through
        Connection connection = (Connection) httpRequest.getProperty(Connection.PROPERTY);
        boolean readOnly = connection != null && connection.readOnly();
        // set by usage.boundary.McpCallCounting for every POST to /mcp
        CallLedger ledger = (CallLedger) httpRequest.getProperty(CallLedger.PROPERTY);
        McpStatelessServerHandler handler = readOnly ? readOnlyHandler : this.handler;
        EventStreams events = new EventStreams(sse, providers);
        if (message instanceof McpSchema.JSONRPCRequest request) {
            if (ProtocolEraSelector.of(request, protocolVersion) == ProtocolEra.MODERN) {
                return modern(readOnly ? readOnlyModern : modern, request, connection, ledger, host, accept, headers, events);
            }
            McpTransportContext context = CallerContext.of(connection, host,
                    ProtocolEraSelector.legacyRevision(request, protocolVersion), ledger);
            return respond(request, accept, events, context, () -> handler.handleRequest(context, request));
        }
        McpTransportContext context = CallerContext.of(connection, host, null);
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            handler.handleNotification(context, notification)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .block();
        }
        // notifications and client responses are accepted without a body
        return Response.accepted().build();
    }

    /** 2026-07-28: refused with the status and error the revision prescribes, or answered like any request. */
    private Response modern(ModernProtocol modern, McpSchema.JSONRPCRequest request, Connection connection,
                            CallLedger ledger, String host, String accept, HttpHeaders headers, EventStreams events) {
        Optional<McpSchema.JSONRPCResponse> refused = modern.refusal(request, headers::getHeaderString);
        if (refused.isPresent()) {
            return Response.status(JsonRpcErrors.modernHttpStatus(refused.get().error().code()))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(write(refused.get())).build();
        }
        McpTransportContext context = CallerContext.of(connection, host, ProtocolRevisions.MODERN, ledger);
        return respond(request, accept, events, context, () -> Mono.fromSupplier(() -> modern.answer(context, request)));
    }

    /** A JSON answer, or a short SSE stream with progress when the client sent a progress token and accepts SSE. */
    private Response respond(McpSchema.JSONRPCRequest request, String accept, EventStreams events, McpTransportContext context,
                             Supplier<Mono<McpSchema.JSONRPCResponse>> work) {
        Mono<McpSchema.JSONRPCResponse> answer = FailureContainment.contained(request.id(), work)
                .contextWrite(c -> c.put(McpTransportContext.KEY, context));
        Object progressToken = progressToken(request);
        if (progressToken != null && accept != null && accept.contains(MediaType.SERVER_SENT_EVENTS)) {
            return Response.ok(new ProgressStream(answer, progressToken, progressInterval, json, workers, events.sse(), events.providers()),
                    MediaType.SERVER_SENT_EVENTS_TYPE).header("X-Accel-Buffering", "no").build();
        }
        return Response.ok(utf8(answer.block()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** What a progress stream needs of this request's JAX-RS runtime: the event builder and the event writer. */
    private record EventStreams(Sse sse, Providers providers) {
    }

    /** The client's progress token ({@code params._meta.progressToken}), when it asked for progress. */
    private static Object progressToken(McpSchema.JSONRPCRequest request) {
        if (request.params() instanceof Map<?, ?> params && params.get("_meta") instanceof Map<?, ?> meta) {
            return meta.get("progressToken");
        }
        return null;
    }

    /** Stateless server: no server-to-client stream to open. */
    @GET
    public Response openStream() {
        return notAllowed("This server is stateless and offers no SSE stream: POST JSON-RPC messages to /mcp.");
    }

    /** Stateless server: there is no session to end. */
    @DELETE
    public Response endSession() {
        return notAllowed("This server is stateless and keeps no sessions to end.");
    }

    private static Response notAllowed(String message) {
        return Response.fromResponse(JsonRpcErrors.response(Response.Status.METHOD_NOT_ALLOWED,
                JsonRpcErrors.INVALID_REQUEST, message)).header(HttpHeaders.ALLOW, "POST").build();
    }

    /**
     * The answer as UTF-8 bytes in one pass of Jackson's byte generator: a string entity would be built as chars,
     * compacted into a string, then copied back into chars and encoded by the response's writer (issue 17).
     */
    private byte[] utf8(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not write a JSON-RPC answer", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not write a JSON-RPC answer", e);
        }
    }
}
