package com.trackdesk.mcp.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/** Checks user name and password against the admin account; the admin gets the role {@code admin}. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    AdminAccount account;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        if (account.verify(credential.getCaller(), credential.getPassword().getValue())) {
            return new CredentialValidationResult(credential.getCaller(), Set.of(AdminAccount.ROLE));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
