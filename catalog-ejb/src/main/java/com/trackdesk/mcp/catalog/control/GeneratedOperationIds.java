package com.trackdesk.mcp.catalog.control;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out operationIds that are unique within one spec. Operations without an id get a stable
 * {@code METHOD_path} one (e.g. {@code GET_pets_petId}) so they survive reloads; it never takes an id
 * the spec declares elsewhere. A repeated declared id gets a numbered suffix from its second use on.
 */
public class GeneratedOperationIds {

    private final Set<String> declared;
    private final Set<String> taken = new HashSet<>();

    public GeneratedOperationIds() {
        this(Set.of());
    }

    /** @param declared every operationId the spec declares, reserved for its owners */
    public GeneratedOperationIds(Collection<String> declared) {
        this.declared = Set.copyOf(declared);
    }

    public String idFor(String declaredId, String method, String path) {
        boolean hasOwn = declaredId != null && !declaredId.isBlank();
        var wanted = hasOwn ? declaredId.strip() : fromSignature(method, path);
        var id = wanted;
        for (int n = 2; taken.contains(id) || (!hasOwn && declared.contains(id)); n++) {
            id = wanted + "_" + n;
        }
        taken.add(id);
        return id;
    }

    static String fromSignature(String method, String path) {
        var readablePath = path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        var upperMethod = method.toUpperCase(Locale.ROOT);
        return readablePath.isEmpty() ? upperMethod : upperMethod + "_" + readablePath;
    }
}
