package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.boundary.Catalog;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.metrics.entity.Outcome;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/** Finds the operation an {@code execute} call names, or explains which ones it probably meant. */
@ApplicationScoped
public class OperationResolver {

    @Inject
    Catalog catalog;

    public Operation resolve(ExecutionRequest request) {
        if (request.operationId().isPresent()) {
            String id = request.operationId().get();
            return catalog.byId(id).orElseThrow(() -> unknown("operationId '" + id + "'", id));
        }
        if (request.method().isEmpty() || request.path().isEmpty()) {
            throw new ExecutionRefused("Name the operation: pass 'operationId' (as returned by search), "
                    + "or both 'method' and 'path' (the path template from the API description).");
        }
        String method = request.method().get().toUpperCase(Locale.ROOT);
        String path = request.path().get();
        if (path.contains("://") || path.startsWith("//")) {
            throw new ExecutionRefused("'path' must be a path template of the API such as /api/node/affiliates/v1, "
                    + "not a URL: the host is always the tenant's own Trackdesk API.");
        }
        return catalog.byMethodAndPath(method, path)
                .orElseThrow(() -> unknown("operation '" + method + " " + path + "'", method + " " + path));
    }

    private ExecutionRefused unknown(String what, String asTyped) {
        List<String> close = catalog.closestOperationIds(asTyped, 3);
        String hint = close.isEmpty()
                ? " Use the search tool to find the right operation."
                : " Did you mean " + String.join(", ", close) + "? Use the search tool to be sure.";
        return new ExecutionRefused(Outcome.UNKNOWN_OPERATION, "Unknown " + what + " in the API description." + hint);
    }
}
