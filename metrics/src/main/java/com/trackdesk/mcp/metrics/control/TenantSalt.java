package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.MetricsSetting;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The salt of tenant hashes: the configured one, else the one kept in the database, else a new random
 * one that is kept there. Kept in the database rather than a file so every instance (and the console,
 * which hashes a tenant name typed into its filter) uses the same salt.
 */
public final class TenantSalt {

    static final String SETTING = "tenant-salt";

    private TenantSalt() {
    }

    /** Within the caller's transaction; a concurrent first write fails that transaction, and a retry reads it. */
    public static byte[] obtain(EntityManager em, Optional<String> configured) {
        if (configured.isPresent()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        MetricsSetting stored = em.find(MetricsSetting.class, SETTING);
        if (stored != null) {
            return Base64.getDecoder().decode(stored.value());
        }
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        em.persist(new MetricsSetting(SETTING, Base64.getEncoder().encodeToString(salt)));
        em.flush();
        return salt;
    }

    /** Read-only: the stored salt, if the recorder has created one. */
    public static Optional<byte[]> find(EntityManager em, Optional<String> configured) {
        if (configured.isPresent()) {
            return Optional.of(configured.get().getBytes(StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(em.find(MetricsSetting.class, SETTING))
                .map(setting -> Base64.getDecoder().decode(setting.value()));
    }
}
