package com.trackdesk.mcp.execution.control;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Assistants often send numbers and booleans of query and path parameters as strings ("5", "true");
 * those travel as text in the URL anyway, so they are read as the declared type before checking
 * (and a number given for a string parameter is simply its text).
 */
final class ParameterValues {

    private ParameterValues() {
    }

    static Object coerce(Object value, Map<String, Object> schema) {
        if (schema == null) {
            return value;
        }
        String type = String.valueOf(schema.get("type"));
        if ("string".equals(type) && (value instanceof Number || value instanceof Boolean)) {
            return value.toString();
        }
        if (!(value instanceof String text)) {
            return value;
        }
        try {
            return switch (type) {
                case "integer" -> new BigDecimal(text.trim()).toBigIntegerExact();
                case "number" -> new BigDecimal(text.trim());
                case "boolean" -> text.equalsIgnoreCase("true") ? Boolean.TRUE
                        : text.equalsIgnoreCase("false") ? Boolean.FALSE : text;
                default -> text;
            };
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return text;
        }
    }
}
