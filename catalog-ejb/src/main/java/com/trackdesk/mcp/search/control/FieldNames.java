package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field names typed as they are spelled: a request that says {@code communication_disabled_until} or
 * {@code paused = true} names a parameter or body field outright, which is a stronger sign than any word
 * it splits into. Matched exactly (lower case) against the names an operation takes.
 */
final class FieldNames {

    /** snake_case, dotted or camelCase names, and any word followed by "=" or ":". */
    private static final Pattern TYPED_NAME = Pattern.compile(
            "\\b(\\p{L}[\\p{L}\\p{N}]*(?:[_.]\\p{L}[\\p{L}\\p{N}]*)+|\\p{Ll}+\\p{Lu}[\\p{L}\\p{N}]*|\\p{L}[\\p{L}\\p{N}_]*(?=\\s*[=:]))");

    private FieldNames() {
    }

    /** The names an operation takes: query and path parameters, and its body's fields a few levels deep. */
    static Set<String> of(Operation operation) {
        var names = new LinkedHashSet<String>();
        operation.parameters().stream()
                .filter(p -> p.location() != ParameterLocation.HEADER && p.location() != ParameterLocation.COOKIE)
                .forEach(p -> names.add(p.name().toLowerCase(Locale.ROOT)));
        operation.requestBody().ifPresent(body -> BodyWords.names(body).forEach(n -> names.add(n.toLowerCase(Locale.ROOT))));
        return names;
    }

    /** The field names a request spells out. */
    static Set<String> typedIn(String text) {
        var names = new LinkedHashSet<String>();
        var matcher = TYPED_NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
