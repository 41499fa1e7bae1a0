package com.trackdesk.mcp.catalog.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The short names a vendor files an operation under in its own {@code x-*} extensions: GitHub's
 * {@code x-github} category and subcategory ("pulls", "reviews"), OpenAI's {@code x-oaiMeta} name and group
 * ("Create speech", "audio"). No extension is known by name: every short text value of an extension, or of
 * an object directly inside one, counts; code samples, URLs, flags and lists do not.
 */
public final class VendorLabels {

    /** Longer values are prose or code, not a label. */
    static final int MAX_CHARS = 60;
    static final int MAX_WORDS = 6;
    static final int MAX_LABELS = 12;
    private static final Pattern NOT_A_LABEL = Pattern.compile("[\\n{}<>\\\\$]|://");

    private VendorLabels() {
    }

    public static List<String> of(Map<String, Object> extensions) {
        if (extensions == null) {
            return List.of();
        }
        var labels = new LinkedHashSet<String>();
        extensions.forEach((name, value) -> {
            if (name.startsWith("x-")) {
                add(value, labels);
                if (value instanceof Map<?, ?> nested) {
                    nested.values().forEach(inner -> add(inner, labels));
                }
            }
        });
        return new ArrayList<>(labels).subList(0, Math.min(labels.size(), MAX_LABELS));
    }

    private static void add(Object value, LinkedHashSet<String> labels) {
        if (value instanceof String text) {
            var label = text.strip();
            if (!label.isEmpty() && label.length() <= MAX_CHARS && label.split("\\s+").length <= MAX_WORDS
                    && !NOT_A_LABEL.matcher(label).find()) {
                labels.add(label);
            }
        }
    }
}
