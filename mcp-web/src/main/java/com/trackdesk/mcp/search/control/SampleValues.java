package com.trackdesk.mcp.search.control;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values for an example call that an assistant can send as they are and get data back: the schema's own
 * examples, a meaningful enum value, a page size of {@value #PAGE_SIZE}, a date range over the last week.
 * Optional fields that would only narrow the answer (a name, a list of ids) are left out, because a made-up
 * filter value matches nothing. Values the caller must supply (an id in the path) are named placeholders
 * such as {@code "<affiliateId>"}, never 0, "string" or "…".
 */
final class SampleValues {

    static final int PAGE_SIZE = 5;
    private static final Set<String> PAGE_SIZE_NAMES = Set.of("limit", "pagesize", "perpage", "size", "first", "count", "maxresults");
    private static final Set<String> PAGE_START_NAMES = Set.of("page", "pagenumber");
    private static final List<String> RANGE_ENDS = List.of("to", "until", "before", "end", "max");
    private static final List<String> RANGE_STARTS = List.of("from", "since", "after", "start", "min");

    private final Clock clock;

    SampleValues(Clock clock) {
        this.clock = clock;
    }

    /** A value for a field the call needs: never absent. */
    Object required(String name, Map<String, Object> schema, int depth) {
        return suggested(name, schema, depth).orElseGet(() -> placeholder(name));
    }

    /**
     * A value for an optional field, when sending it helps (paging, a time window, a nested object with such
     * fields); empty when the field is better left out of an example.
     */
    Optional<Object> optional(String name, Map<String, Object> schema, int depth) {
        if (schema == null) {
            return Optional.empty();
        }
        if (schema.get("example") != null) {
            return Optional.of(schema.get("example"));
        }
        return switch (typeOf(schema)) {
            case "object" -> {
                Map<String, Object> nested = object(schema, depth);
                yield nested.isEmpty() ? Optional.empty() : Optional.of(nested);
            }
            case "integer", "number" -> paging(name, schema);
            case "string" -> isDate(schema) ? Optional.of(date(name, schema)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** An example request body: required fields always, optional ones when they help. */
    Object body(Map<String, Object> schema, int depth) {
        return required("body", schema, depth);
    }

    private Optional<Object> suggested(String name, Map<String, Object> schema, int depth) {
        if (schema == null) {
            return Optional.empty();
        }
        if (schema.get("example") != null) {
            return Optional.of(schema.get("example"));
        }
        Optional<Object> meaningfulDefault = meaningful(schema.get("default"));
        if (meaningfulDefault.isPresent()) {
            return meaningfulDefault;
        }
        if (schema.get("enum") instanceof List<?> values) {
            Optional<Object> value = values.stream().map(SampleValues::meaningful).flatMap(Optional::stream).findFirst();
            if (value.isPresent()) {
                return value;
            }
        }
        return switch (typeOf(schema)) {
            case "object" -> Optional.of(object(schema, depth));
            case "array" -> Optional.of(depth > 0 && schema.get("items") instanceof Map<?, ?> items
                    ? List.of(required(singular(name), cast(items), depth - 1)) : List.of());
            case "integer", "number" -> paging(name, schema).or(() -> Optional.ofNullable(schema.get("minimum")));
            case "boolean" -> Optional.of(true);
            case "string" -> isDate(schema) ? Optional.of(date(name, schema)) : formatted(schema);
            default -> Optional.empty();
        };
    }

    private Map<String, Object> object(Map<String, Object> schema, int depth) {
        Map<String, Object> sample = new LinkedHashMap<>();
        if (depth <= 0 || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return sample;
        }
        List<?> requiredNames = schema.get("required") instanceof List<?> names ? names : List.of();
        properties.forEach((key, property) -> {
            String name = String.valueOf(key);
            Map<String, Object> propertySchema = property instanceof Map<?, ?> p ? cast(p) : null;
            if (propertySchema != null && Boolean.TRUE.equals(propertySchema.get("readOnly"))) {
                return; // the server sets it; sending it would be refused
            }
            if (requiredNames.contains(name)) {
                sample.put(name, required(name, propertySchema, depth - 1));
            } else {
                optional(name, propertySchema, depth - 1).ifPresent(value -> sample.put(name, value));
            }
        });
        return sample;
    }

    private static Optional<Object> paging(String name, Map<String, Object> schema) {
        String key = lastSegment(name).toLowerCase(Locale.ROOT).replace("_", "");
        if (PAGE_SIZE_NAMES.contains(key)) {
            return Optional.of(withinBounds(PAGE_SIZE, schema));
        }
        if (PAGE_START_NAMES.contains(key)) {
            return Optional.of(withinBounds(1, schema));
        }
        return Optional.empty();
    }

    private static Object withinBounds(long wanted, Map<String, Object> schema) {
        long value = wanted;
        if (schema.get("maximum") instanceof Number max) {
            value = Math.min(value, max.longValue());
        }
        if (schema.get("minimum") instanceof Number min) {
            value = Math.max(value, min.longValue());
        }
        return value;
    }

    /** A window over the last seven days: the start a week ago, the end now. */
    private Object date(String name, Map<String, Object> schema) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant when = isRangeEnd(name) ? now : now.minus(7, ChronoUnit.DAYS);
        return "date".equals(schema.get("format"))
                ? LocalDate.ofInstant(when, ZoneOffset.UTC).toString()
                : when.toString();
    }

    private static boolean isRangeEnd(String name) {
        String key = lastSegment(name).toLowerCase(Locale.ROOT);
        boolean end = RANGE_ENDS.stream().anyMatch(key::endsWith);
        boolean start = RANGE_STARTS.stream().anyMatch(key::endsWith);
        return end && !start;
    }

    private static Optional<Object> formatted(Map<String, Object> schema) {
        return Optional.ofNullable(switch (String.valueOf(schema.get("format"))) {
            case "email" -> "affiliate@example.com";
            case "uri", "url" -> "https://example.com/";
            case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
            case "ipv4" -> "203.0.113.7";
            default -> null;
        });
    }

    /** What the caller has to fill in, named so that nobody mistakes it for data. */
    private static Object placeholder(String name) {
        return "<" + name + ">";
    }

    /** Protobuf-style enums start with an "unspecified" value that means "no value": never an example. */
    private static Optional<Object> meaningful(Object value) {
        if (value == null || value instanceof String text
                && (text.isBlank() || text.toUpperCase(Locale.ROOT).endsWith("UNSPECIFIED"))) {
            return Optional.empty();
        }
        if (value instanceof Number number && number.doubleValue() == 0) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static boolean isDate(Map<String, Object> schema) {
        return "date-time".equals(schema.get("format")) || "date".equals(schema.get("format"));
    }

    private static String typeOf(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        if (type == null && schema.get("properties") != null) {
            return "object";
        }
        return String.valueOf(type);
    }

    /** Query parameters of nested request messages are named like {@code pagination.limit}. */
    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String singular(String name) {
        return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
