package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.OperationCatalog;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises search text that names one operation outright: its operationId (any capitalisation) or
 * "METHOD /path", with the path as a template ({@code /tags/v1/{id}}) or filled in ({@code /tags/v1/12}). The path may
 * come as a whole URL copied from a log or a docs page ({@code GET https://acme.trackdesk.com/api/node/tags/v1/12?x=1}):
 * scheme, host, query and fragment say nothing about which operation it is, and neither does a server's base path
 * ({@code /client/v4} of {@code https://api.cloudflare.com/client/v4/zones}) that the spec's paths leave out.
 */
public final class ExactMatch {

    private static final Pattern SIGNATURE =
            Pattern.compile("(?i)^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\\s+(?:https?://[^/\\s?#]+)?(/[^\\s?#]*)(?:[?#]\\S*)?$");
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
            return named(catalog, method, path).or(() -> withoutBasePath(catalog, method, path));
        }
        if (trimmed.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        // People retype ids from memory with other capitalisation; that still names one operation.
        return catalog.operations().stream().filter(o -> o.operationId().equalsIgnoreCase(trimmed)).findFirst();
    }

    private static Optional<Operation> named(OperationCatalog catalog, String method, String path) {
        return catalog.byMethodAndPath(method, path).or(() -> filledIn(catalog, method, path));
    }

    /** The longest tail of the path that names an operation: what is left once a base path is dropped. */
    private static Optional<Operation> withoutBasePath(OperationCatalog catalog, String method, String path) {
        for (int slash = path.indexOf('/', 1); slash > 0 && slash < path.length() - 1; slash = path.indexOf('/', slash + 1)) {
            var found = named(catalog, method, path.substring(slash));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
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
