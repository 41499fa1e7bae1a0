package com.trackdesk.mcp.catalog.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words an operationId is made of: {@code AffiliateService_ListAffiliates}, {@code repos/get-content}
 * and {@code get_guild} all name an action on a thing, spelled in different conventions.
 */
public final class OperationWords {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CASE_CHANGE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    private OperationWords() {
    }

    public static List<String> of(String operationId) {
        if (operationId == null) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(operationId))
                .flatMap(part -> Arrays.stream(CASE_CHANGE.split(part)))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .toList();
    }
}
