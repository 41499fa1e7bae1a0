package com.trackdesk.mcp.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one admin account. Its password is held only as a PBKDF2 hash: either given ready-made
 * (MCP_ADMIN_PASSWORD_HASH) or hashed once at startup from MCP_ADMIN_PASSWORD. There is no default
 * password: without either setting nobody can log in.
 */
@ApplicationScoped
public class AdminAccount {

    public static final String ROLE = "admin";
    static final String USER_KEY = "MCP_ADMIN_USER";
    static final String PASSWORD_KEY = "MCP_ADMIN_PASSWORD";
    static final String HASH_KEY = "MCP_ADMIN_PASSWORD_HASH";
    /** OWASP's 2023 advice for PBKDF2-HMAC-SHA512; about 0.1–0.3 s per check on a small server. */
    static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");
    private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());

    @Inject
    @ConfigProperty(name = USER_KEY, defaultValue = "admin")
    String configuredUser;

    @Inject
    @ConfigProperty(name = HASH_KEY)
    Optional<String> configuredHash;

    /** Hashed at startup, then dropped: this bean never keeps the password itself. */
    @Inject
    @ConfigProperty(name = PASSWORD_KEY)
    Optional<String> configuredPassword;

    @Inject
    Pbkdf2PasswordHash hasher;

    private String user;
    private Optional<String> passwordHash;

    @PostConstruct
    void readConfiguration() {
        hasher.initialize(HASH_PARAMETERS);
        user = configuredUser.trim();
        passwordHash = configuredHash.map(String::trim)
                .or(() -> configuredPassword.map(p -> hasher.generate(p.toCharArray())));
        configuredPassword = Optional.empty();
        if (passwordHash.isEmpty()) {
            LOG.warning("No admin password: the console at /admin refuses every login until "
                    + PASSWORD_KEY + " or " + HASH_KEY + " is set");
        }
    }

    public boolean passwordConfigured() {
        return passwordHash.isPresent();
    }

    public String user() {
        return user;
    }

    /** Both parts are always checked, in time that does not tell which one was wrong. */
    public boolean verify(String candidateUser, char[] candidatePassword) {
        if (passwordHash.isEmpty()) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                String.valueOf(candidateUser).getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches;
        try {
            passwordMatches = hasher.verify(candidatePassword, passwordHash.get());
        } catch (RuntimeException e) {
            LOG.warning(HASH_KEY + " is not a PBKDF2 hash of the form ALGORITHM:ITERATIONS:SALT:HASH; no login possible");
            passwordMatches = false;
        }
        return userMatches && passwordMatches;
    }
}
