package com.trackdesk.mcp.catalog.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.catalog.entity.Parameter;
import com.trackdesk.mcp.catalog.entity.ParameterLocation;
import com.trackdesk.mcp.catalog.entity.RequestBody;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Flattens a parsed OpenAPI document into {@link Operation}s: path-level parameters merged in,
 * {@code $ref}s resolved, serialisation defaults applied, ids made unique.
 */
public class OperationReader {

    private static final String PARAMETER_REF_PREFIX = "#/components/parameters/";
    private static final String BODY_REF_PREFIX = "#/components/requestBodies/";

    private final ReadOnlyRule readOnlyRule = new ReadOnlyRule();
    private final SerializationDefaults defaults = new SerializationDefaults();

    public List<Operation> read(OpenAPI api) {
        var components = Optional.ofNullable(api.getComponents()).orElseGet(Components::new);
        var schemas = new JsonSchemaInliner(components.getSchemas());
        var operations = new ArrayList<Operation>();
        if (api.getPaths() == null) {
            return operations;
        }
        var ids = new GeneratedOperationIds(declaredIds(api));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                operations.add(operation(path, item, method, op, components, schemas, ids))));
        return operations;
    }

    private Operation operation(String path, PathItem item, PathItem.HttpMethod httpMethod,
                                io.swagger.v3.oas.models.Operation op, Components components,
                                JsonSchemaInliner schemas, GeneratedOperationIds ids) {
        var method = httpMethod.name();
        var id = ids.idFor(op.getOperationId(), method, path);
        var summary = text(op.getSummary());
        var responses = op.getResponses() == null ? List.<String>of() : List.copyOf(op.getResponses().keySet());
        return new Operation(id, method, path, summary, text(op.getDescription()),
                op.getTags() == null ? List.of() : op.getTags(),
                parameters(item.getParameters(), op.getParameters(), components, schemas),
                requestBody(op.getRequestBody(), components, schemas),
                responses,
                readOnlyRule.isReadOnly(method, id, summary, path),
                VendorLabels.of(op.getExtensions()));
    }

    private static List<String> declaredIds(OpenAPI api) {
        return api.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .map(io.swagger.v3.oas.models.Operation::getOperationId)
                .filter(id -> id != null && !id.isBlank())
                .map(String::strip)
                .toList();
    }

    /** Operation-level parameters override path-level ones with the same name and location. */
    private List<Parameter> parameters(List<io.swagger.v3.oas.models.parameters.Parameter> pathLevel,
                                       List<io.swagger.v3.oas.models.parameters.Parameter> operationLevel,
                                       Components components, JsonSchemaInliner schemas) {
        var merged = new LinkedHashMap<String, Parameter>();
        for (var declared : concat(pathLevel, operationLevel)) {
            var resolved = resolve(declared, components);
            if (resolved == null || resolved.getName() == null || resolved.getIn() == null) {
                continue;
            }
            var parameter = parameter(resolved, schemas);
            merged.put(parameter.location() + " " + parameter.name(), parameter);
        }
        return List.copyOf(merged.values());
    }

    private Parameter parameter(io.swagger.v3.oas.models.parameters.Parameter p, JsonSchemaInliner schemas) {
        var location = ParameterLocation.of(p.getIn());
        var schema = schemas.inline(p.getSchema() != null ? p.getSchema() : firstSchema(p.getContent()));
        var style = defaults.style(location, p.getStyle() == null ? null : p.getStyle().toString());
        // Path parameters are always required, whatever the spec says.
        boolean required = location == ParameterLocation.PATH || Boolean.TRUE.equals(p.getRequired());
        return new Parameter(p.getName(), location, required, typeOf(schema), text(p.getDescription()),
                schema, style, defaults.explode(style, p.getExplode()));
    }

    private Optional<RequestBody> requestBody(io.swagger.v3.oas.models.parameters.RequestBody declared,
                                              Components components, JsonSchemaInliner schemas) {
        var body = declared;
        if (body != null && body.get$ref() != null && components.getRequestBodies() != null) {
            body = components.getRequestBodies().get(body.get$ref().replace(BODY_REF_PREFIX, ""));
        }
        if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
            return Optional.empty();
        }
        var contentType = preferredMediaType(body.getContent());
        Schema<?> declaredSchema = body.getContent().get(contentType).getSchema();
        var schema = new LinkedHashMap<>(schemas.inline(declaredSchema));
        var componentName = declaredSchema == null ? null : JsonSchemaInliner.componentName(declaredSchema.get$ref());
        if (componentName != null) {
            // The schema's name ("ListAffiliatesRequest") says what the body is; keep it as its title.
            schema.putIfAbsent("title", componentName);
        }
        return Optional.of(new RequestBody(Boolean.TRUE.equals(body.getRequired()), contentType,
                text(body.getDescription()), schema, topLevelFields(schema)));
    }

    private static String preferredMediaType(Content content) {
        if (content.containsKey("application/json")) {
            return "application/json";
        }
        return content.keySet().stream().filter(type -> type.endsWith("+json")).findFirst()
                .orElse(content.keySet().iterator().next());
    }

    @SuppressWarnings("unchecked")
    private static List<String> topLevelFields(Map<String, Object> schema) {
        var fields = new ArrayList<String>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.keySet().forEach(name -> fields.add(String.valueOf(name)));
        }
        if (schema.get("allOf") instanceof List<?> parts) {
            parts.stream().filter(Map.class::isInstance)
                    .forEach(part -> fields.addAll(topLevelFields((Map<String, Object>) part)));
        }
        return fields.stream().distinct().toList();
    }

    private static String typeOf(Map<String, Object> schema) {
        var type = schema.get("type");
        if (type instanceof List<?> types) {
            // OpenAPI 3.1 lists types, "null" marks an optional value rather than the value's type.
            return types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("null");
        }
        if (type == null && schema.get("types") instanceof List<?> types && !types.isEmpty()) {
            return String.valueOf(types.get(0));
        }
        return type == null ? "string" : String.valueOf(type);
    }

    private static Schema<?> firstSchema(Content content) {
        return content == null ? null : content.values().stream()
                .map(MediaType::getSchema).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static io.swagger.v3.oas.models.parameters.Parameter resolve(
            io.swagger.v3.oas.models.parameters.Parameter parameter, Components components) {
        if (parameter == null || parameter.get$ref() == null) {
            return parameter;
        }
        var name = parameter.get$ref().replace(PARAMETER_REF_PREFIX, "");
        return components.getParameters() == null ? null : components.getParameters().get(name);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        var all = new ArrayList<T>();
        if (first != null) {
            all.addAll(first);
        }
        if (second != null) {
            all.addAll(second);
        }
        return all;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
