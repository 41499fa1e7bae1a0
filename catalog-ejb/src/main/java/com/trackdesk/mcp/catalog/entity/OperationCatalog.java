package com.trackdesk.mcp.catalog.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All operations of one loaded API description. Immutable, so a reload can swap a whole catalog
 * atomically while readers keep using the one they hold. Identity matters: a search index is
 * built for exactly one catalog instance.
 */
public final class OperationCatalog {

    private final List<Operation> operations;
    private final CatalogInfo info;
    private final String fingerprint;
    private final Map<String, Operation> byId;
    private final Map<String, Operation> bySignature;

    /**
     * @param fingerprint hash of the source document, so a scheduled refresh can tell "nothing changed"
     */
    public OperationCatalog(List<Operation> operations, CatalogInfo info, String fingerprint) {
        this.operations = List.copyOf(operations);
        this.info = info;
        this.fingerprint = fingerprint;
        this.byId = unique(this.operations, Operation::operationId);
        this.bySignature = unique(this.operations, Operation::signature);
    }

    public List<Operation> operations() {
        return operations;
    }

    public CatalogInfo info() {
        return info;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Optional<Operation> byId(String operationId) {
        return operationId == null ? Optional.empty() : Optional.ofNullable(byId.get(operationId));
    }

    /** @param method any case; @param pathTemplate exactly as written in the spec */
    public Optional<Operation> byMethodAndPath(String method, String pathTemplate) {
        if (method == null || pathTemplate == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySignature.get(method.toUpperCase(Locale.ROOT) + " " + pathTemplate));
    }

    /** The same operations, marked as the stand-in for a source that could not be reached. */
    public OperationCatalog asFallback() {
        var fallbackInfo = new CatalogInfo(info.title(), info.version(), info.source(),
                info.operationCount(), info.loadedAt(), true);
        return new OperationCatalog(operations, fallbackInfo, fingerprint);
    }

    @Override
    public String toString() {
        return "OperationCatalog[" + info.source() + ", " + operations.size() + " operations]";
    }

    private static Map<String, Operation> unique(List<Operation> operations, Function<Operation, String> key) {
        // Generated ids are made unique by the loader; a duplicate here can only be a repeated
        // signature, where the first declaration wins, as in most OpenAPI tools.
        return operations.stream()
                .collect(Collectors.toMap(key, o -> o, (first, later) -> first, LinkedHashMap::new));
    }
}
