package com.trackdesk.mcp.execution.control;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …" for parameter names: the known names closest to a misspelt one. */
final class NameSuggestions {

    private NameSuggestions() {
    }

    static List<String> closest(String given, Collection<String> known, int max) {
        String wanted = given.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, wanted.length() / 3);
        return known.stream()
                .filter(name -> distance(wanted, name.toLowerCase(Locale.ROOT)) <= tolerance
                        || dottedRelative(wanted, name.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt(name -> distance(wanted, name.toLowerCase(Locale.ROOT))))
                .limit(max)
                .toList();
    }

    /** "limit" for "pagination.limit", or "sourcePublicId" for "sourcePublicId.value": the dotted names grpc-gateway uses. */
    private static boolean dottedRelative(String wanted, String name) {
        return name.endsWith("." + wanted) || name.startsWith(wanted + ".");
    }

    /** Levenshtein distance, two rows: parameter names are short. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
