package com.trackdesk.mcp.search.control;

import com.trackdesk.mcp.catalog.control.OperationWords;
import com.trackdesk.mcp.catalog.entity.Operation;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of action an operation performs as one plain verb: get, list, create, update or delete.
 * People say "remove", "look up", "add" (synonyms bring those to these five); specs say it in the
 * operationId ({@code CreateTag}, {@code repos/delete}) or only through the HTTP method and the path's
 * shape (Stripe's {@code PostCustomersCustomer} updates). This field lets the two meet even when no
 * summary says it.
 */
public final class ActionWords {

    /** The verbs this field is made of; what everyday verbs are mapped to by the synonyms. */
    public static final Set<String> CANONICAL = Set.of("get", "list", "create", "update", "delete");
    private static final Pattern VERSION = Pattern.compile("v\\d+");

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("delete", "delete"), Map.entry("remove", "delete"), Map.entry("destroy", "delete"),
            Map.entry("update", "update"), Map.entry("edit", "update"), Map.entry("set", "update"),
            Map.entry("change", "update"), Map.entry("modify", "update"), Map.entry("rename", "update"),
            Map.entry("replace", "update"),
            Map.entry("create", "create"), Map.entry("add", "create"), Map.entry("register", "create"),
            Map.entry("insert", "create"), Map.entry("new", "create"),
            Map.entry("list", "list"), Map.entry("search", "list"), Map.entry("find", "list"),
            Map.entry("query", "list"));
    /** Verbs that name what happens better than any of the five; the name field already holds them. */
    private static final Set<String> OWN_VERBS = Set.of(
            "send", "merge", "capture", "star", "unstar", "follow", "unfollow", "approve", "reject", "suspend",
            "cancel", "confirm", "finalize", "void", "pay", "attach", "detach", "verify", "lock", "unlock", "pin",
            "unpin", "rerun", "dispatch", "transfer", "check", "mark", "render", "download", "upload", "sync",
            "test", "ping", "enable", "disable", "archive", "restore", "move", "assign", "unassign", "revoke",
            "accept", "decline", "block", "unblock", "build", "generate", "settle", "claim", "refund", "expire");
    private static final Set<String> LOOKUP_VERBS = Set.of("get", "retrieve", "fetch", "read", "show", "view");

    private ActionWords() {
    }

    public static String of(Operation operation) {
        for (var word : OperationWords.of(operation.operationId())) {
            if (NAMED.containsKey(word)) {
                return NAMED.get(word);
            }
            if (OWN_VERBS.contains(word)) {
                return "";
            }
            if (LOOKUP_VERBS.contains(word)) {
                break;
            }
        }
        return fromMethodAndPath(operation);
    }

    private static String fromMethodAndPath(Operation operation) {
        boolean onOneItem = operation.path().endsWith("}");
        return switch (operation.method()) {
            case "GET", "HEAD" -> onOneItem || !endsInPlural(operation.path()) ? "get" : "list";
            case "POST" -> operation.readOnly() ? "list" : onOneItem ? "update" : "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> "";
        };
    }

    /** {@code /clients/v1/metrics} is a collection, {@code /v1/balance} or {@code /user} a single thing. */
    private static boolean endsInPlural(String path) {
        var segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            var segment = segments[i];
            if (!segment.isEmpty() && !VERSION.matcher(segment).matches()) {
                return segment.endsWith("s");
            }
        }
        return false;
    }
}
