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

    public ShapedBody shape(Operation operation, Object body, List<String> fields) {
        Object projected = FieldProjection.project(body, fields);
        String rendered = renderer.render(projected);
        if (rendered.length() <= maxChars) {
            return new ShapedBody(projected, rendered, false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<ListSlot> largest = largestList(projected);
        if (largest.isEmpty()) {
            String cut = rendered.substring(0, maxChars);
            return new ShapedBody(cut, cut + "…", true, Optional.empty(), Optional.empty(), pagingHint(operation));
        }
        ListSlot slot = largest.get();
        List<?> items = slot.items();
        int keep = items.size();
        Object shortened = projected;
        String text = rendered;
        while (keep > 0 && text.length() > maxChars) {
            keep = keep > 8 ? keep * 3 / 4 : keep - 1;
            shortened = slot.replace(projected, items.subList(0, keep));
            text = renderer.render(shortened);
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
