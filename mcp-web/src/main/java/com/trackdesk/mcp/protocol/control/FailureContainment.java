package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps unexpected failures inside a proper MCP answer, and their text out of it.
 * <ul>
 *   <li>A tool handler that throws becomes a tool error ({@code isError: true}) with a fixed message; the
 *   MCP SDK would otherwise answer JSON-RPC -32603 with the exception's own message, which may quote
 *   request data or internals.</li>
 *   <li>Params of the wrong shape (e.g. {@code "arguments": "text"}) make the SDK throw
 *   {@link IllegalArgumentException} while converting them, outside its own error handling: that becomes
 *   JSON-RPC -32602 (invalid params) instead of an HTTP 500.</li>
 *   <li>Any other -32603 from the SDK keeps its code but gets a fixed message.</li>
 * </ul>
 * Only the exception's class name is logged: messages of third-party exceptions may quote request data.
 */
public final class FailureContainment {

    private static final Logger LOG = Logger.getLogger(FailureContainment.class.getName());

    static final String TOOL_FAILED = "The tool failed unexpectedly; the call may not have been completed. "
            + "Try again, or try a simpler call.";
    static final String INVALID_PARAMS = "Invalid params: the params of this method do not have the shape "
            + "the MCP specification gives them (e.g. 'arguments' must be an object)";
    static final String INTERNAL = "Internal error; the request was not completed";

    private FailureContainment() {
    }

    /** The same tool, whose handler answers a tool error instead of throwing. */
    public static SyncToolSpecification guarded(SyncToolSpecification tool) {
        return SyncToolSpecification.builder().tool(tool.tool()).callHandler((context, call) -> {
            try {
                return tool.callHandler().apply(context, call);
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "tool {0} failed unexpectedly: {1} at {2}",
                        new Object[] {tool.tool().name(), e.getClass().getName(), whereThrown(e)});
                return CallToolResult.builder().addTextContent(TOOL_FAILED).isError(true).build();
            }
        }).build();
    }

    /**
     * Where an exception was thrown, as class, method and line of its innermost cause's first frames: enough to find
     * the fault, and unlike a message it cannot quote request data.
     */
    static String whereThrown(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        StringBuilder where = new StringBuilder(innermost.getClass().getName());
        StackTraceElement[] frames = innermost.getStackTrace();
        for (int i = 0; i < Math.min(6, frames.length); i++) {
            where.append(" < ").append(frames[i].getClassName()).append('.').append(frames[i].getMethodName())
                    .append(':').append(frames[i].getLineNumber());
        }
        return where.toString();
    }

    /** One JSON-RPC request through the SDK, with failures outside the SDK's handling turned into JSON-RPC errors. */
    public static Mono<JSONRPCResponse> contained(Object requestId, Supplier<Mono<JSONRPCResponse>> call) {
        return Mono.defer(call)
                .map(FailureContainment::withoutInternalDetails)
                .onErrorResume(e -> {
                    boolean badParams = e instanceof IllegalArgumentException;
                    if (!badParams) {
                        LOG.log(Level.WARNING, "request failed unexpectedly: {0}", e.getClass().getName());
                    }
                    return Mono.just(error(requestId, badParams ? McpSchema.ErrorCodes.INVALID_PARAMS
                            : McpSchema.ErrorCodes.INTERNAL_ERROR, badParams ? INVALID_PARAMS : INTERNAL));
                });
    }

    private static JSONRPCResponse withoutInternalDetails(JSONRPCResponse response) {
        if (response.error() != null && response.error().code() == McpSchema.ErrorCodes.INTERNAL_ERROR
                && !INTERNAL.equals(response.error().message())) {
            return error(response.id(), McpSchema.ErrorCodes.INTERNAL_ERROR, INTERNAL);
        }
        return response;
    }

    private static JSONRPCResponse error(Object id, int code, String message) {
        return new JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, null,
                new JSONRPCResponse.JSONRPCError(code, message, null));
    }
}
