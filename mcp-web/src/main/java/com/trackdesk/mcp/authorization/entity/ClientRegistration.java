package com.trackdesk.mcp.authorization.entity;

import java.util.List;

/**
 * A client that may ask for sign-in: from a dynamic registration (its client_id is this record, sealed)
 * or from a Client ID Metadata Document (its client_id is the document's https URL).
 */
public record ClientRegistration(String clientId, String name, List<String> redirectUris) {

    public ClientRegistration {
        redirectUris = List.copyOf(redirectUris);
    }
}
