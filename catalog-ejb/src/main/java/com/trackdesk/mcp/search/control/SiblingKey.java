package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;

import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * What near-identical siblings share: the same method on the same resource, reached under different
 * scopes. {@code GET /orgs/{org}/actions/secrets} and {@code GET /repos/{owner}/{repo}/actions/secrets}
 * both list "actions/secrets" (of an organisation, of a repository): one hit with the other as a variant
 * leaves room for more distinct choices among five hits.
 */
final class SiblingKey {

    /** The resource is named by the last literal segments; the ones before it are the scope. */
    static final int RESOURCE_SEGMENTS = 2;
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)?");

    private SiblingKey() {
    }

    static String of(Operation operation) {
        var literal = new ArrayList<String>();
        for (var segment : operation.path().split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{") && !VERSION.matcher(segment).matches()) {
                literal.add(segment.toLowerCase(java.util.Locale.ROOT));
            }
        }
        var resource = literal.subList(Math.max(0, literal.size() - RESOURCE_SEGMENTS), literal.size());
        boolean onOneItem = operation.path().endsWith("}");
        return operation.method() + (onOneItem ? " item " : " ") + String.join("/", resource);
    }
}
