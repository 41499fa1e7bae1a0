package com.trackdesk.mcp.protocol.control;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON-RPC error answers for problems found outside the MCP SDK (unparseable body, wrong headers, oversize
 * requests, the 2026-07-28 rules). Always a JSON body: a body-less error status would get the server's HTML
 * error page.
 */
public final class JsonRpcErrors {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** 2026-07-28: HTTP headers disagree with the body, or a required header is missing. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the request needs a client capability the client did not declare. */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    /** 2026-07-28: the request names a protocol version this server does not speak. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    /** Plain Jackson for these few fixed shapes: the id may be null here, which the SDK's records refuse to write. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonRpcErrors() {
    }

    public static Response response(Response.Status status, int code, String message) {
        return response(status.getStatusCode(), code, message);
    }

    public static Response response(int status, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(code, message)).build();
    }

    /** An error answer without id: the request could not be read far enough to know it. */
    public static String body(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        answer.put("id", null);
        answer.put("error", error);
        return JSON.writeValueAsString(answer);
    }

    /** An error answer to a request whose id is known. */
    public static JSONRPCResponse error(Object id, int code, String message, Object data) {
        return new JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, null, new JSONRPCResponse.JSONRPCError(code, message, data));
    }

    /**
     * The HTTP status 2026-07-28 Streamable HTTP gives a JSON-RPC error: 404 for an unknown method, 400 for a
     * request the server refuses to process as sent (malformed, invalid params, header mismatch, missing
     * capability, unsupported version); errors that happen while working keep 200.
     */
    public static int modernHttpStatus(int code) {
        return switch (code) {
            case METHOD_NOT_FOUND -> 404;
            case PARSE_ERROR, INVALID_REQUEST, INVALID_PARAMS, HEADER_MISMATCH, MISSING_REQUIRED_CLIENT_CAPABILITY,
                 UNSUPPORTED_PROTOCOL_VERSION -> 400;
            default -> 200;
        };
    }
}
