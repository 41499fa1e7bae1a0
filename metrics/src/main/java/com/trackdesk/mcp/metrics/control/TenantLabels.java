package com.trackdesk.mcp.metrics.control;

import com.trackdesk.mcp.metrics.entity.TenantMode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name a tenant is stored under. Hashed labels are an HMAC with a secret salt, so the database alone
 * does not reveal which customers use the server, while one tenant keeps one label over time and an
 * admin who knows a tenant's name can still filter by it.
 */
public final class TenantLabels {

    static final String NO_TENANT = "(none)";
    private static final int MAX_LENGTH = 100;
    private static final int CACHED_TENANTS = 10_000;

    private final TenantMode mode;
    private final SecretKeySpec salt;
    // tenants are few and hashing costs microseconds: remember each label
    private final Map<String, String> labels = new ConcurrentHashMap<>();

    public TenantLabels(TenantMode mode, byte[] salt) {
        this.mode = mode;
        this.salt = new SecretKeySpec(salt, "HmacSHA256");
    }

    public String labelOf(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return NO_TENANT;
        }
        if (labels.size() > CACHED_TENANTS) {
            labels.clear();
        }
        return labels.computeIfAbsent(tenant, this::computeLabel);
    }

    /** The label under the other mode too: rows written before a mode change stay findable. */
    public String hashedLabelOf(String tenant) {
        return hash(tenant);
    }

    /**
     * The label of a calling client: {@code c-} and 12 hex of an HMAC with the same secret salt. It tells the
     * calls of one client apart from another's and reveals neither its address nor anything else.
     */
    public String clientLabelOf(String source) {
        return "c-" + hex("client\u0000" + source, 6);
    }

    private String computeLabel(String tenant) {
        if (mode == TenantMode.HASHED) {
            return hash(tenant);
        }
        // "*" stands for all tenants in the rollups (Rollups.ALL_TENANTS)
        return tenant.equals(Rollups.ALL_TENANTS) ? "(" + tenant + ")" : truncate(tenant);
    }

    private String hash(String tenant) {
        // 64 bits: unique enough for any number of tenants, short enough to read in a table
        return "t-" + hex(tenant, 8);
    }

    private String hex(String text, int bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(salt);
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String truncate(String tenant) {
        return tenant.length() <= MAX_LENGTH ? tenant : tenant.substring(0, MAX_LENGTH);
    }
}
