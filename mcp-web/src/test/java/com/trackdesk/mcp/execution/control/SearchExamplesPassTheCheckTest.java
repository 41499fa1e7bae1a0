package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.control.SpecLoader;
import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import com.trackdesk.mcp.search.control.OperationDetails;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code search} shows as an example call is accepted by {@code execute}'s argument check, for every
 * operation of the bundled Trackdesk API: only the named placeholders ({@code "<id>"}) need the caller's values.
 */
class SearchExamplesPassTheCheckTest {

    static final Pattern PLACEHOLDER = Pattern.compile("<([^>]+)>");

    final ArgumentChecker checker = new ArgumentChecker();

    {
        checker.schemas = new RequestSchemas();
    }

    @Test
    void everyExampleCallOfTheBundledApiPassesTheArgumentCheck() {
        OperationDetails details = new OperationDetails();
        List<String> refused = new ArrayList<>();
        for (Operation operation : new SpecLoader().load("trackdesk-openapi.json").operations()) {
            Map<String, Object> call = map(details.describe(operation).get("exampleCall"));
            List<String> placeholders = placeholders(call);
            ExecutionRequest request = new ExecutionRequest(Optional.of(operation.operationId()), Optional.empty(),
                    Optional.empty(), map(call.get("pathParams")), map(call.get("query")), call.get("body"), List.of());
            try {
                checker.check(operation, request);
            } catch (ExecutionRefused e) {
                List<String> real = e.problems().stream()
                        .filter(problem -> placeholders.stream().noneMatch(problem::contains)).toList();
                if (!real.isEmpty()) {
                    refused.add(operation.operationId() + " " + call + ": " + real);
                }
            }
        }

        assertThat(refused).isEmpty();
    }

    /** Names of the fields the example leaves to the caller. */
    static List<String> placeholders(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> names.addAll(placeholders(v)));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> names.addAll(placeholders(v)));
        } else if (value instanceof String text) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
