package com.trackdesk.mcp.authorization.boundary;

import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON answers of the OAuth endpoints, written with Jackson; never cached (RFC 6749 §5.1). */
final class OAuthJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OAuthJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Response ok(ObjectNode body) {
        return answer(200, body);
    }

    static Response answer(int status, ObjectNode body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore)
                .header("Pragma", "no-cache").entity(JSON.writeValueAsString(body)).build();
    }

    static Response problem(OAuthProblem problem) {
        ObjectNode body = object().put("error", problem.error()).put("error_description", problem.getMessage());
        return answer(problem.status(), body);
    }
}
