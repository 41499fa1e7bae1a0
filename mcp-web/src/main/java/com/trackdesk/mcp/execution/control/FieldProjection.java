package com.trackdesk.mcp.execution.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps only the requested dotted paths of a JSON answer, e.g. {@code affiliates.id} and
 * {@code affiliates.createdAt} of {@code {"affiliates": [...], "total": 3}}. Lists are walked through
 * transparently, so a path names the field of every item.
 */
final class FieldProjection {

    private FieldProjection() {
    }

    static Object project(Object body, List<String> paths) {
        if (paths == null || paths.isEmpty()) {
            return body;
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        for (String path : paths) {
            insert(tree, path.split("\\."), 0);
        }
        return select(body, tree);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> tree, String[] segments, int index) {
        if (index == segments.length) {
            return;
        }
        Object child = tree.get(segments[index]);
        if (index == segments.length - 1) {
            tree.put(segments[index], ALL);
            return;
        }
        if (child == ALL) {
            return;
        }
        Map<String, Object> next = child instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        tree.put(segments[index], next);
        insert(next, segments, index + 1);
    }

    /** Marks "keep this whole subtree". */
    private static final Object ALL = new Object();

    @SuppressWarnings("unchecked")
    private static Object select(Object node, Object wanted) {
        if (wanted == ALL) {
            return node;
        }
        Map<String, Object> fields = (Map<String, Object>) wanted;
        if (node instanceof List<?> items) {
            List<Object> projected = new ArrayList<>(items.size());
            items.forEach(item -> projected.add(select(item, fields)));
            return projected;
        }
        if (node instanceof Map<?, ?> object) {
            Map<String, Object> projected = new LinkedHashMap<>();
            fields.forEach((name, sub) -> {
                if (object.containsKey(name)) {
                    projected.put(name, select(object.get(name), sub));
                }
            });
            return projected;
        }
        return node;
    }
}
