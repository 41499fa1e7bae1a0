package com.trackdesk.mcp.catalog.control;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether an operation only reads. The HTTP method is the starting point, but gRPC-style APIs
 * search and report through POST, and some expose writes through GET (Trackdesk's postback
 * {@code ConversionService_CreateConversion2}), so the operation's own naming has the last word.
 */
public class ReadOnlyRule {

    private static final Set<String> READING_VERBS = Set.of("list", "search", "find", "query", "count", "lookup");
    private static final Set<String> WRITING_VERBS = Set.of(
            "create", "update", "delete", "remove", "set", "add", "insert", "upsert", "put", "post", "patch",
            "register", "cancel", "send", "track", "move", "rename", "replace", "revoke", "approve", "reject");
    private static final Set<String> REPORT_WORDS = Set.of("report", "reports");
    private static final Set<String> ALL_VERBS = union(READING_VERBS, WRITING_VERBS, Set.of("get", "read", "fetch"));

    public boolean isReadOnly(String method, String operationId, String summary, String path) {
        var verb = leadingVerb(OperationWords.of(operationId));
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD" -> !WRITING_VERBS.contains(verb);
            case "POST" -> READING_VERBS.contains(verb)
                    || OperationWords.of(operationId).stream().anyMatch(REPORT_WORDS::contains)
                    || readingPath(path)
                    || READING_VERBS.contains(firstWord(summary));
            default -> false;
        };
    }

    private static boolean readingPath(String path) {
        var words = OperationWords.of(path);
        if (words.stream().anyMatch(REPORT_WORDS::contains)) {
            return true;
        }
        var segments = path.split("/");
        var last = segments.length == 0 ? "" : segments[segments.length - 1].toLowerCase(Locale.ROOT);
        return READING_VERBS.contains(last) || last.startsWith("list-");
    }

    /** The first word that is an action, so service prefixes ("AffiliateService_") are skipped. */
    private static String leadingVerb(List<String> words) {
        return words.stream().filter(ALL_VERBS::contains).findFirst().orElse("");
    }

    private static String firstWord(String text) {
        var words = OperationWords.of(text);
        return words.isEmpty() ? "" : words.get(0);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        var all = new java.util.HashSet<String>();
        for (var set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
