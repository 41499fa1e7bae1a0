package com.trackdesk.mcp.protocol.boundary;

import com.trackdesk.mcp.authorization.entity.Connection;
import com.trackdesk.mcp.execution.boundary.ExecuteTool;
import com.trackdesk.mcp.protocol.control.CallerContext;
import com.trackdesk.mcp.protocol.control.FailureContainment;
import com.trackdesk.mcp.protocol.control.JsonRpcErrors;
import com.trackdesk.mcp.protocol.control.ProgressStream;
import com.trackdesk.mcp.protocol.control.ServerIdentity;
import com.trackdesk.mcp.search.boundary.SearchTool;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * The MCP endpoint: Streamable HTTP, stateless, JSON answers. This resource is the MCP SDK's
 * stateless server transport: it hands every JSON-RPC message to the SDK's handler, which does the
 * protocol (initialize, version negotiation, ping, tools/list, tools/call, errors). JAX-RS filters in
 * front of it check headers and Origin and authenticate the caller ({@code authorization.boundary}); this class
 * only moves messages. Read-only connections ({@code /mcp/readonly} or a read-only OAuth grant) are served by a
 * second SDK server whose {@code execute} tool says and enforces that it is read-only.
 */
@Path("mcp")
@ApplicationScoped
public class McpResource implements McpStatelessServerTransport {

    @Inject
    SearchTool searchTool;
    @Inject
    ExecuteTool executeTool;
    @Inject
    ServerIdentity identity;
    @Inject
    McpJsonMapper json;

    /** How often a long call reports progress to clients that asked for it. */
    @Inject
    @ConfigProperty(name = "MCP_PROGRESS_INTERVAL_MS", defaultValue = "2000")
    long progressIntervalMillis;

    private Duration progressInterval;

    private McpStatelessServerHandler handler;
    private McpStatelessSyncServer server;
    private McpStatelessServerHandler readOnlyHandler;
    private McpStatelessSyncServer readOnlyServer;

    /** Built here, not in a producer: the SDK must call {@link #setMcpHandler} on this object, not on a CDI proxy. */
    @PostConstruct
    void start() {
        progressInterval = Duration.ofMillis(progressIntervalMillis);
        server = build(this, false);
        readOnlyServer = build(new ReadOnlyTransport(), true);
    }

    private McpStatelessSyncServer build(McpStatelessServerTransport transport, boolean readOnlyConnection) {
        return McpServer.sync(transport)
                .serverInfo(identity.implementation())
                .instructions(identity.instructions())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(FailureContainment.guarded(searchTool.specification()),
                        FailureContainment.guarded(executeTool.specification(readOnlyConnection)))
                .jsonMapper(json)
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
    public Response receive(String body, @Context ContainerRequestContext request,
                            @HeaderParam(HttpHeaders.HOST) String host, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
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
        Connection connection = (Connection) request.getProperty(Connection.PROPERTY);
        McpTransportContext context = CallerContext.of(connection, host);
        McpStatelessServerHandler handler = connection != null && connection.readOnly() ? readOnlyHandler : this.handler;
        if (message instanceof McpSchema.JSONRPCRequest rpcRequest) {
            Mono<McpSchema.JSONRPCResponse> answer = FailureContainment.contained(rpcRequest.id(),
                            () -> handler.handleRequest(context, rpcRequest))
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context));
            Object progressToken = progressToken(rpcRequest);
            if (progressToken != null && accept != null && accept.contains(MediaType.SERVER_SENT_EVENTS)) {
                return Response.ok(new ProgressStream(answer, progressToken, progressInterval, json),
                        MediaType.SERVER_SENT_EVENTS_TYPE).build();
            }
            return Response.ok(write(answer.block()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            handler.handleNotification(context, notification)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .block();
        }
        // notifications and client responses are accepted without a body
        return Response.accepted().build();
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

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not write a JSON-RPC answer", e);
        }
    }
}
