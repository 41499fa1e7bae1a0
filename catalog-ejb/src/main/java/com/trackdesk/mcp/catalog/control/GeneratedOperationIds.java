package com.trackdesk.mcp.catalog.control;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out operationIds that are unique within one spec. Operations without an id get a stable
 * {@code METHOD_path} one (e.g. {@code GET_pets_petId}) so they survive reloads; a repeated id gets a suffix.
 */
public class GeneratedOperationIds {

    private final Set<String> taken = new HashSet<>();

    public String idFor(String declared, String method, String path) {
        var wanted = declared != null && !declared.isBlank() ? declared.strip() : fromSignature(method, path);
        var id = wanted;
        for (int n = 2; !taken.add(id); n++) {
            id = wanted + "_" + n;
        }
        return id;
    }

    static String fromSignature(String method, String path) {
        var readablePath = path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        var upperMethod = method.toUpperCase(Locale.ROOT);
        return readablePath.isEmpty() ? upperMethod : upperMethod + "_" + readablePath;
    }
}
