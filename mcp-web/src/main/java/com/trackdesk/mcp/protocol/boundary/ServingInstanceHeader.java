package com.trackdesk.mcp.protocol.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Names the instance that answered ({@code MCP_INSTANCE_NAME}) in a response header, so that behind the
 * cluster's load balancer an operator, the fault drill and ClusterIT can tell which instance served a call
 * and match it with the "By instance" rows of the console. Sent only when the name is configured: the
 * fallback name of the metrics (the host name) is not disclosed to clients.
 */
@Provider
public class ServingInstanceHeader implements ContainerResponseFilter {

    public static final String HEADER = "Trackdesk-Instance";

    @Inject
    @ConfigProperty(name = "MCP_INSTANCE_NAME")
    Optional<String> instanceName;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        instanceName.map(String::strip).filter(name -> !name.isEmpty())
                .ifPresent(name -> response.getHeaders().putSingle(HEADER, name));
    }
}
