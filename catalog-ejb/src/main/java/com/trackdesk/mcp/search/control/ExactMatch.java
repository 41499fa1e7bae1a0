package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises search text that names one operation outright: its operationId (any capitalisation) or
 * "METHOD /path", with the path as a template ({@code /tags/v1/{id}}) or filled in ({@code /tags/v1/12}).
 */
public final class ExactMatch {

    private static final Pattern SIGNATURE =
            Pattern.compile("(?i)^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\\s+(/\\S*)$");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^}/]+}");

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
            var method = signature.group(1).toUpperCase(Locale.ROOT);
            var path = signature.group(2);
            return catalog.byMethodAndPath(method, path).or(() -> filledIn(catalog, method, path));
        }
        if (trimmed.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        // People retype ids from memory with other capitalisation; that still names one operation.
        return catalog.operations().stream().filter(o -> o.operationId().equalsIgnoreCase(trimmed)).findFirst();
    }

    /** The template a concrete path was made from; literal segments beat parameters ({@code /users/me}). */
    private static Optional<Operation> filledIn(OperationCatalog catalog, String method, String path) {
        return catalog.operations().stream()
                .filter(o -> o.method().equals(method) && matches(o.path(), path))
                .min(Comparator.comparingLong(o -> TEMPLATE_PARAMETER.matcher(o.path()).results().count()));
    }

    private static boolean matches(String template, String path) {
        var regex = new StringBuilder("^");
        var parameters = TEMPLATE_PARAMETER.matcher(template);
        int last = 0;
        while (parameters.find()) {
            regex.append(Pattern.quote(template.substring(last, parameters.start()))).append("[^/]+");
            last = parameters.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        return Pattern.matches(regex.toString(), path);
    }
}
