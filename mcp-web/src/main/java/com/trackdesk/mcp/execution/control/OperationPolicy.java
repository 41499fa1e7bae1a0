package com.trackdesk.mcp.execution.control;

import com.trackdesk.mcp.catalog.entity.Operation;
import com.trackdesk.mcp.execution.entity.ExecutionRefused;
import com.trackdesk.mcp.metrics.entity.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which operations {@code execute} may run on this server: read-only mode, an allow list and a deny
 * list. List entries are operationIds or {@code tag:<tag name>}; the deny list wins.
 */
@ApplicationScoped
public class OperationPolicy {

    private boolean readOnly;
    private Set<String> allowed;
    private Set<String> denied;

    OperationPolicy() {
        // for CDI
    }

    @Inject
    public OperationPolicy(@ConfigProperty(name = "MCP_READ_ONLY", defaultValue = "false") boolean readOnly,
                           @ConfigProperty(name = "MCP_ALLOWED_OPERATIONS") Optional<String> allowed,
                           @ConfigProperty(name = "MCP_DENIED_OPERATIONS") Optional<String> denied) {
        this.readOnly = readOnly;
        this.allowed = entries(allowed);
        this.denied = entries(denied);
    }

    public boolean readOnly() {
        return readOnly;
    }

    public void requirePermitted(Operation operation) {
        if (matches(denied, operation)) {
            throw new ExecutionRefused(Outcome.POLICY, operation.operationId() + " is blocked on this server (MCP_DENIED_OPERATIONS).");
        }
        if (!allowed.isEmpty() && !matches(allowed, operation)) {
            throw new ExecutionRefused(Outcome.POLICY, operation.operationId() + " is not among the operations this server may run "
                    + "(MCP_ALLOWED_OPERATIONS).");
        }
        if (readOnly && !operation.readOnly()) {
            throw new ExecutionRefused(Outcome.POLICY, operation.operationId() + " changes data, and this server is read-only "
                    + "(MCP_READ_ONLY=true): only reading operations may run.");
        }
    }

    private static boolean matches(Set<String> entries, Operation operation) {
        return entries.contains(operation.operationId().toLowerCase(Locale.ROOT))
                || operation.tags().stream().anyMatch(tag -> entries.contains("tag:" + tag.toLowerCase(Locale.ROOT)));
    }

    private static Set<String> entries(Optional<String> list) {
        return list.map(text -> Arrays.stream(text.split(","))
                        .map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
