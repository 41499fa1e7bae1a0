package com.trackdesk.mcp.authorization.control;

import com.trackdesk.mcp.authorization.entity.Grant;
import com.trackdesk.mcp.authorization.entity.GrantKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Opens the access token of a request to /mcp and checks its binding: sealed by us as an access token, not
 * expired, issued on this tenant for this resource. A token for {@code /mcp} also opens {@code /mcp/readonly}
 * (which only narrows it); a token for {@code /mcp/readonly} never opens {@code /mcp}.
 */
@ApplicationScoped
public class BearerTokens {

    @Inject
    GrantSealer sealer;

    public Optional<Grant> open(String token, String tenant, PublicAddress address, boolean readOnlyPath) {
        return sealer.open(token, GrantKind.ACCESS)
                .filter(grant -> tenant.equals(grant.tenant()))
                .filter(grant -> grant.resource().equals(address.resource(readOnlyPath))
                        || (readOnlyPath && grant.resource().equals(address.resource(false))));
    }
}
