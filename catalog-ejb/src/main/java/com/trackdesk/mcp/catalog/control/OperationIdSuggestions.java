package com.trackdesk.mcp.catalog.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import org.apache.lucene.search.spell.LevenshteinDistance;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * "Did you mean ...?" for an operationId or "METHOD /path" that does not exist: the closest known names
 * by edit distance, ignoring case. A name is also compared without its service prefix, because people
 * remember {@code DeleteCoupon} rather than {@code CouponsService_DeleteCoupon}.
 */
public class OperationIdSuggestions {

    /** Below this similarity (0..1) a name is not a plausible misspelling any more. */
    static final float MIN_SIMILARITY = 0.5f;
    private static final Pattern SIGNATURE = Pattern.compile("(?i)^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\\s+/.*");
    private static final Pattern PREFIX_SEPARATOR = Pattern.compile("[_/.]");

    private final LevenshteinDistance distance = new LevenshteinDistance();

    public List<String> closest(List<Operation> operations, String misspelt, int max) {
        if (misspelt == null || misspelt.isBlank() || max <= 0) {
            return List.of();
        }
        var wanted = misspelt.strip().toLowerCase(Locale.ROOT);
        boolean signature = SIGNATURE.matcher(wanted).matches();
        Function<Operation, String> name = signature ? Operation::signature : Operation::operationId;
        record Scored(Operation operation, float similarity) {
        }
        return operations.stream()
                .map(op -> new Scored(op, similarity(wanted, name.apply(op).toLowerCase(Locale.ROOT), signature)))
                .filter(s -> s.similarity() >= MIN_SIMILARITY)
                .sorted(Comparator.comparingDouble(Scored::similarity).reversed())
                .limit(max)
                .map(s -> s.operation().operationId())
                .toList();
    }

    private float similarity(String wanted, String known, boolean signature) {
        float whole = distance.getDistance(wanted, known);
        if (signature) {
            return whole;
        }
        var parts = PREFIX_SEPARATOR.split(known);
        var withoutPrefix = parts[parts.length - 1];
        return Math.max(whole, distance.getDistance(wanted, withoutPrefix));
    }
}
