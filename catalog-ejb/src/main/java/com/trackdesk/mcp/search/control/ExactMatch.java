package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;

import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises search text that names one operation outright: its operationId or "METHOD /path". */
public final class ExactMatch {

    private static final Pattern SIGNATURE =
            Pattern.compile("(?i)^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\\s+(\\S+)$");

    private ExactMatch() {
    }

    public static Optional<Operation> in(OperationCatalog catalog, String text) {
        var trimmed = text.strip();
        var byId = catalog.byId(trimmed);
        if (byId.isPresent()) {
            return byId;
        }
        var signature = SIGNATURE.matcher(trimmed);
        if (signature.matches()) {
            return catalog.byMethodAndPath(signature.group(1), signature.group(2));
        }
        // People retype ids from memory with other capitalisation; that still names one operation.
        return catalog.operations().stream()
                .filter(o -> o.operationId().equalsIgnoreCase(trimmed))
                .findFirst();
    }
}
