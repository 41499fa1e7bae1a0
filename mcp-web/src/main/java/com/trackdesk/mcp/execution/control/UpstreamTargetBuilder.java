package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.execution.entity.ExecutionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an operation's path template and the call's values into the encoded path and query to
 * send. Encoding is left to JAX-RS's {@link UriBuilder}: every value goes in as a template value,
 * which UriBuilder encodes completely ('/', '%', '{', spaces, unicode), so no value can change the
 * path structure or the host.
 */
@ApplicationScoped
public class UpstreamTargetBuilder {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

    public String build(Operation operation, ExecutionRequest request) {
        Map<String, Object> values = new HashMap<>();
        for (Parameter parameter : operation.parametersIn(ParameterLocation.PATH)) {
            Object value = request.pathParams().get(parameter.name());
            if (value != null) {
                values.put(parameter.name(), pathValue(parameter, value));
            }
        }
        UriBuilder uri = UriBuilder.fromPath(operation.path());
        int slot = 0;
        for (Map.Entry<String, Object> entry : request.query().entrySet()) {
            Parameter parameter = operation.parameter(ParameterLocation.QUERY, entry.getKey()).orElseThrow();
            for (Map.Entry<String, String> pair : queryPairs(parameter, entry.getValue())) {
                String name = "__query" + slot++;
                values.put(name, pair.getValue());
                uri.queryParam(pair.getKey(), "{" + name + "}");
            }
        }
        String target = uri.buildFromMap(values, true).toString();
        if (!target.startsWith("/") || target.startsWith("//")) {
            throw new ExecutionRefused("the path must stay on the tenant's API host");
        }
        return target;
    }

    private static String pathValue(Parameter parameter, Object value) {
        String text = scalar(value);
        if (text.equals(".") || text.equals("..")) {
            throw new ExecutionRefused("path parameter '" + parameter.name() + "' cannot be '" + text + "'");
        }
        if (text.isEmpty()) {
            throw new ExecutionRefused("path parameter '" + parameter.name() + "' cannot be empty");
        }
        return text;
    }

    /**
     * Name/value pairs for one query parameter, following its OpenAPI style: form (default) repeats
     * exploded arrays and joins unexploded ones with commas; deepObject writes name[key]=value.
     */
    private static List<Map.Entry<String, String>> queryPairs(Parameter parameter, Object value) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        String name = parameter.name();
        if (value instanceof Collection<?> items) {
            if (parameter.explode()) {
                items.forEach(item -> pairs.add(Map.entry(name, scalar(item))));
            } else {
                String delimiter = switch (parameter.style()) {
                    case "spaceDelimited" -> " ";
                    case "pipeDelimited" -> "|";
                    default -> ",";
                };
                pairs.add(Map.entry(name, items.stream().map(UpstreamTargetBuilder::scalar)
                        .collect(Collectors.joining(delimiter))));
            }
        } else if (value instanceof Map<?, ?> object) {
            if ("deepObject".equals(parameter.style())) {
                object.forEach((k, v) -> pairs.add(Map.entry(name + "[" + propertyName(parameter, k) + "]", scalar(v))));
            } else if (parameter.explode()) {
                object.forEach((k, v) -> pairs.add(Map.entry(propertyName(parameter, k), scalar(v))));
            } else {
                pairs.add(Map.entry(name, object.entrySet().stream()
                        .map(e -> e.getKey() + "," + scalar(e.getValue())).collect(Collectors.joining(","))));
            }
        } else {
            pairs.add(Map.entry(name, scalar(value)));
        }
        return pairs;
    }

    /** Object keys become query names, which UriBuilder would read as templates: allow plain names only. */
    private static String propertyName(Parameter parameter, Object key) {
        String text = String.valueOf(key);
        if (!PLAIN_NAME.matcher(text).matches()) {
            throw new ExecutionRefused("query parameter '" + parameter.name() + "' has a property named '"
                    + text + "'; property names may use letters, digits, '_', '.' and '-' only");
        }
        return text;
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        String text = value.toString();
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new ExecutionRefused("parameter values cannot contain line breaks");
        }
        return text;
    }
}
