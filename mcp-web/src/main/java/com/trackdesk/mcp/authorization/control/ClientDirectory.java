package com.trackdesk.mcp.authorization.control;

import com.trackdesk.mcp.authorization.entity.ClientRegistration;
import com.trackdesk.mcp.authorization.entity.OAuthProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds the client behind a client_id without any storage: an https URL is a Client ID Metadata Document,
 * anything else must be a client_id this server sealed at dynamic registration.
 */
@ApplicationScoped
public class ClientDirectory {

    @Inject
    GrantSealer sealer;
    @Inject
    MetadataDocuments documents;

    public ClientRegistration find(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new OAuthProblem("invalid_request", "client_id is missing");
        }
        if (MetadataDocuments.isDocumentUrl(clientId)) {
            return documents.fetch(clientId);
        }
        return sealer.openClient(clientId).orElseThrow(() -> new OAuthProblem("invalid_client",
                "unknown client_id: register the client first (registration endpoint) or use a client metadata document URL"));
    }
}
