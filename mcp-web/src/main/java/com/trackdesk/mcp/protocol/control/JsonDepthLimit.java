package com.trackdesk.mcp.protocol.control;

import com.trackdesk.mcp.configuration.control.SettingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How deeply a request's JSON may nest ({@code MCP_MAX_JSON_DEPTH}, default 64). A legitimate MCP
 * message nests a handful of levels (envelope, params, arguments, body); hundreds of levels only
 * cost stack and CPU in every recursive step after parsing (schema validation, projection, the
 * upstream body). Checked on the raw bytes with a linear scan, before anything is parsed.
 */
@ApplicationScoped
public class JsonDepthLimit {

    public static final int DEFAULT_MAX_DEPTH = 64;

    private int maxDepth;

    JsonDepthLimit() {
        // for CDI
    }

    @Inject
    public JsonDepthLimit(@ConfigProperty(name = "MCP_MAX_JSON_DEPTH", defaultValue = "64") int maxDepth) {
        if (maxDepth < 2) {
            throw SettingRules.refused("MCP_MAX_JSON_DEPTH must be at least 2, was " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    /** Created when the application starts, so a wrong setting fails the deployment instead of the first call. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // creating this bean to deliver the event is the check
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** True when the JSON text nests objects/arrays deeper than allowed. Malformed JSON is left to the parser. */
    public boolean exceeded(byte[] json, int length) {
        return depthExceeds(json, length, maxDepth);
    }

    /**
     * Scans UTF-8 (or any ASCII-compatible) JSON text; brackets inside strings do not count. Stops at
     * the first level beyond {@code max}.
     */
    public static boolean depthExceeds(byte[] json, int length, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > max) {
                        return true;
                    }
                }
                case '}', ']' -> depth = Math.max(0, depth - 1);
                default -> {
                    // scalars and whitespace
                }
            }
        }
        return false;
    }
}
