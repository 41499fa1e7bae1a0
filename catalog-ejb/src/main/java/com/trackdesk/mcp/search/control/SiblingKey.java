package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.entity.Operation;

import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What near-identical siblings share: the same method on the same resource, reached under different
 * scopes. {@code GET /orgs/{org}/actions/secrets} and {@code GET /repos/{owner}/{repo}/actions/secrets}
 * both list "actions/secrets" (of an organisation, of a repository), {@code POST /applications/{id}/emojis} and
 * {@code POST /guilds/{id}/emojis} both create "emojis": one hit with the other as a variant leaves room for more
 * distinct choices among five hits.
 * <p>
 * The resource is what the path names after the last parameter of its scope (the literal segments after the last
 * {@code {...}}, an item's own parameter aside, at most two of them): everything before it says whose the resource
 * is. Always counting two literal segments kept {@code applications/emojis} and {@code guilds/emojis} apart. A single
 * segment that is no plural after an item is an action on that item ({@code /quotes/{quote}/cancel}), not a resource
 * of its own: there the item's kind stays part of the key.
 */
final class SiblingKey {

    /** At most this many literal segments name the resource; before them (/user/firewall/...) is the scope. */
    static final int RESOURCE_SEGMENTS = 2;
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)?");

    private SiblingKey() {
    }

    static String of(Operation operation) {
        var segments = operation.path().split("/");
        int end = segments.length;
        while (end > 0 && (segments[end - 1].isEmpty() || isParameter(segments[end - 1]))) {
            end--;
        }
        var resource = new ArrayList<String>();
        for (int i = end - 1; i >= 0 && !isParameter(segments[i]) && resource.size() < RESOURCE_SEGMENTS; i--) {
            if (!segments[i].isEmpty() && !VERSION.matcher(segments[i]).matches()) {
                resource.add(0, segments[i].toLowerCase(Locale.ROOT));
            }
        }
        if (resource.size() == 1 && !resource.get(0).endsWith("s")) {
            // Not a collection but an action on one item (/quotes/{quote}/cancel, /payouts/{payout}/cancel): whose
            // item it is tells the operations apart.
            for (int i = end - 2; i >= 0; i--) {
                if (!segments[i].isEmpty() && !isParameter(segments[i]) && !VERSION.matcher(segments[i]).matches()) {
                    resource.add(0, segments[i].toLowerCase(Locale.ROOT));
                    break;
                }
            }
        }
        boolean onOneItem = operation.path().endsWith("}");
        return operation.method() + (onOneItem ? " item " : " ") + String.join("/", resource);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{");
    }
}
