package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.configuration.control.SettingRules;
import com.trackdesk.mcp.execution.entity.ShapedBody;
import com.trackdesk.mcp.tool.control.ResultText;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes an answer fit a conversation: applies the caller's {@code fields} projection, then, when the
 * JSON is still longer than {@code MCP_MAX_RESPONSE_CHARS}, drops items from the end of its largest
 * list (never cutting JSON in half) and says how many there were and how to page.
 */
@ApplicationScoped
public class ResponseShaper {

    @Inject
    ResultText renderer;

    @Inject
    @ConfigProperty(name = "MCP_MAX_RESPONSE_CHARS", defaultValue = "20000")
    int maxChars;

    @PostConstruct
    void checkSettings() {
        SettingRules.positive("MCP_MAX_RESPONSE_CHARS", maxChars, "characters");
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    /**
     * @param answerChars the length of the upstream's text: an answer longer than the limit is measured item by item
     *                    instead of being rendered whole first
     */
    public ShapedBody shape(Operation operation, Object body, List<String> fields, int answerChars) {
        Object projected = FieldProjection.project(body, fields);
        String rendered = null;
        if (answerChars <= maxChars) {
            // the usual answer: one rendering tells whether it fits
            rendered = renderer.render(projected);
            if (rendered.length() <= maxChars) {
                return whole(projected, rendered);
            }
        }
        Optional<ListSlot> largest = largestList(projected);
        if (largest.isPresent()) {
            return shortened(operation, projected, largest.get());
        }
        return cut(operation, rendered == null ? renderer.render(projected) : rendered);
    }

    /** An answer that no list can make fit: its text cut at the limit, marked, never passed longer. */
    private ShapedBody cut(Operation operation, String rendered) {
        String cut = rendered.substring(0, maxChars);
        return new ShapedBody(cut, cut + "…", true, Optional.empty(), Optional.empty(), pagingHint(operation));
    }

    private static ShapedBody whole(Object body, String rendered) {
        return new ShapedBody(body, rendered, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Keeps the list's first items that fit, measured one at a time: compact JSON is as long as the answer around an
     * empty list plus each item plus a comma between two. A long answer is so never rendered whole: a 1 MB list
     * cost 20 MB of allocation per call when it was rendered whole and then cut by a quarter at a time, 9 MB when
     * cut in proportion, and 4.5 MB measured this way ({@code ExecuteCostTest}).
     */
    private ShapedBody shortened(Operation operation, Object projected, ListSlot slot) {
        List<?> items = slot.items();
        long room = maxChars - (long) renderer.render(slot.replace(projected, List.of())).length();
        int keep = 0;
        for (Object item : items) {
            int needs = renderer.renderAsJson(item).length() + (keep == 0 ? 0 : 1);
            if (needs > room) {
                break;
            }
            room -= needs;
            keep++;
        }
        if (keep == items.size()) {
            // every item fits: what the fields projection kept of a long answer, or an empty list in a long answer
            String text = renderer.render(projected);
            return text.length() <= maxChars ? whole(projected, text) : cut(operation, text);
        }
        Object shortened = slot.replace(projected, items.subList(0, keep));
        String text = renderer.render(shortened);
        while (keep > 0 && text.length() > maxChars) {
            // only if a serializer wrote an item differently inside the list than alone
            keep--;
            shortened = slot.replace(projected, items.subList(0, keep));
            text = renderer.render(shortened);
        }
        if (text.length() > maxChars) {
            // the rest of the answer is too long even around an empty list
            return cut(operation, text);
        }
        return new ShapedBody(shortened, text, true, Optional.of(totalCount(projected).orElse(items.size())),
                Optional.of(keep), pagingHint(operation));
    }

    /** The longest list at the top or one level down: where list answers keep their items. */
    private static Optional<ListSlot> largestList(Object body) {
        if (body instanceof List<?> items) {
            return Optional.of(new ListSlot(null, items));
        }
        if (body instanceof Map<?, ?> object) {
            return object.entrySet().stream()
                    .filter(e -> e.getValue() instanceof List<?>)
                    .map(e -> new ListSlot(String.valueOf(e.getKey()), (List<?>) e.getValue()))
                    .max((a, b) -> Integer.compare(a.items().size(), b.items().size()));
        }
        return Optional.empty();
    }

    /** Trackdesk list answers carry their total count; other APIs name it similarly. */
    private static Optional<Integer> totalCount(Object body) {
        if (!(body instanceof Map<?, ?> object)) {
            return Optional.empty();
        }
        List<Object> candidates = new ArrayList<>();
        Stream.of("total", "totalCount", "total_count", "count").forEach(name -> candidates.add(object.get(name)));
        if (object.get("pagination") instanceof Map<?, ?> pagination) {
            Stream.of("total", "totalCount", "totalItems").forEach(name -> candidates.add(pagination.get(name)));
        }
        return candidates.stream().filter(v -> v instanceof Number || v instanceof String s && s.matches("\\d+"))
                .map(v -> Integer.parseInt(v.toString())).findFirst();
    }

    private static Optional<String> pagingHint(Operation operation) {
        List<String> names = new ArrayList<>(operation.parameters().stream().map(Parameter::name).toList());
        operation.requestBody().ifPresent(body -> names.addAll(body.topLevelFields()));
        List<String> paging = names.stream().filter(ResponseShaper::isPagingName).toList();
        if (paging.isEmpty()) {
            return Optional.of("Ask for less: use the 'fields' argument to keep only the fields you need.");
        }
        return Optional.of("Ask for one page at a time with " + String.join(", ", paging)
                + ", and/or use the 'fields' argument to keep only the fields you need.");
    }

    private static boolean isPagingName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("limit") || n.contains("offset") || n.contains("page") || n.contains("cursor")
                || n.equals("pagination") || n.contains("per_page") || n.equals("after") || n.equals("before");
    }

    /** A list inside the answer, and how to put a shorter one in its place. */
    private record ListSlot(String key, List<?> items) {
        Object replace(Object body, List<?> shorter) {
            if (key == null) {
                return shorter;
            }
            Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) body);
            copy.put(key, shorter);
            return copy;
        }
    }
}
