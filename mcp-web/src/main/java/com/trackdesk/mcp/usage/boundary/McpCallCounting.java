package com.trackdesk.mcp.usage.boundary;

import com.trackdesk.mcp.metrics.entity.CallMetric;
import com.trackdesk.mcp.tenant.control.TenantResolver;
import com.trackdesk.mcp.tenant.entity.UnknownTenantException;
import com.trackdesk.mcp.usage.control.CallLedger;
import com.trackdesk.mcp.usage.control.RejectionClassifier;
import com.trackdesk.mcp.usage.control.UsageRecorder;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Counts every POST that reaches {@code /mcp}: the tools record their own calls; what no tool recorded was
 * rejected before one ran (malformed JSON, unknown tool, invalid parameters, a refused Origin or size) and is
 * recorded here with the reason. Runs first, so that it also sees requests the other filters turn away. The
 * client is told apart by network address and User-Agent, hashed before storage; never by the API key.
 */
@Provider
@PreMatching
@Priority(1)
public class McpCallCounting implements ContainerRequestFilter, ContainerResponseFilter {

    static final String USER_AGENT = "User-Agent";
    static final Set<String> MCP_PATHS = Set.of("mcp", "/mcp", "mcp/", "/mcp/");

    @Inject
    UsageRecorder recorder;
    @Inject
    RejectionClassifier rejections;
    @Inject
    TenantResolver tenants;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isMcpPost(request)) {
            request.setProperty(CallLedger.PROPERTY, new CallLedger(System.nanoTime(), client(request)));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isMcpPost(request) || !(request.getProperty(CallLedger.PROPERTY) instanceof CallLedger ledger)
                || ledger.recorded()) {
            return;
        }
        rejections.classify(response.getStatus(), response.getEntity()).ifPresent(rejection ->
                recorder.record(Optional.of(ledger), new CallMetric(Instant.now(), tenantOf(request), rejection.tool(), Optional.empty(),
                        rejection.outcome(), rejection.httpStatus(), ledger.elapsedMicros(),
                        RejectionClassifier.text(response.getEntity()).map(String::length).orElse(0), Optional.empty(), false,
                        Optional.empty())));
    }

    private static boolean isMcpPost(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return HttpMethod.POST.equals(request.getMethod()) && MCP_PATHS.contains(path);
    }

    private String client(ContainerRequestContext request) {
        String address = servletRequest == null ? "" : servletRequest.getRemoteAddr();
        String forwarded = request.getHeaderString("X-Forwarded-For");
        return address + '|' + (forwarded == null ? "" : forwarded) + '|'
                + Optional.ofNullable(request.getHeaderString(USER_AGENT)).orElse("");
    }

    private String tenantOf(ContainerRequestContext request) {
        try {
            return tenants.resolve(Optional.ofNullable(request.getHeaderString(HttpHeaders.HOST)).orElse("")).name();
        } catch (UnknownTenantException e) {
            return "(unknown)";
        }
    }
}
