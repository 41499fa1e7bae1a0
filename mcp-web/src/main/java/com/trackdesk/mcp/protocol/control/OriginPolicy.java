package com.trackdesk.mcp.protocol.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call the MCP endpoint. Requests without an Origin header (desktop and
 * server clients) are not affected. Pages on this machine (localhost, 127.0.0.1, [::1]) are always
 * allowed, so local inspectors work; any other origin must be listed in MCP_ALLOWED_ORIGINS.
 */
@ApplicationScoped
public class OriginPolicy {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private Set<String> allowed;

    OriginPolicy() {
        // for CDI
    }

    @Inject
    public OriginPolicy(@ConfigProperty(name = "MCP_ALLOWED_ORIGINS") Optional<String> configured) {
        this.allowed = configured.map(list -> Arrays.stream(list.split(","))
                        .map(String::trim).filter(s -> !s.isEmpty())
                        .map(OriginPolicy::normalise).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    public boolean allows(String origin) {
        String normalised = normalise(origin);
        if (allowed.contains("*") || allowed.contains(normalised)) {
            return true;
        }
        try {
            String host = URI.create(normalised).getHost();
            return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    public List<String> allowedOrigins() {
        return allowed.stream().sorted().toList();
    }

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
