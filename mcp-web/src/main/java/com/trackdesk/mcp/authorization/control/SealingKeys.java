package com.trackdesk.mcp.authorization.control;

import com.nimbusds.jose.util.Base64URL;
import com.trackdesk.mcp.configuration.control.SettingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The AES-256 keys that seal codes and tokens, from {@code MCP_OAUTH_KEYS}: a comma-separated list of
 * base64url (or base64) encoded 32-byte keys. The first seals, every key unseals, so a new key can be put
 * first while tokens sealed with the old one still work until they expire. Every instance of a cluster must
 * have the same list. Without it a random key is made for this process: every token dies on restart and
 * instances of a cluster do not accept each other's tokens, which is said loudly at startup.
 */
@ApplicationScoped
public class SealingKeys {

    private static final Logger LOG = Logger.getLogger(SealingKeys.class.getName());
    static final int KEY_BYTES = 32;

    private SecretKey sealing;
    private String sealingId;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();

    SealingKeys() {
        // for CDI
    }

    @Inject
    public SealingKeys(@ConfigProperty(name = "MCP_OAUTH_KEYS") Optional<String> configured) {
        List<byte[]> keys = new ArrayList<>();
        configured.filter(text -> !text.isBlank()).ifPresent(text -> Arrays.stream(text.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> keys.add(decode(s))));
        if (keys.isEmpty()) {
            byte[] random = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(random);
            keys.add(random);
            LOG.warning("MCP_OAUTH_KEYS is not set: OAuth tokens are sealed with a random key of this process. "
                    + "Every OAuth connection must sign in again after a restart, and instances of a cluster reject "
                    + "each other's tokens. Set MCP_OAUTH_KEYS (see README, Configuration).");
        }
        for (byte[] key : keys) {
            SecretKey secret = new SecretKeySpec(key, "AES");
            byId.putIfAbsent(idOf(key), secret);
        }
        sealingId = idOf(keys.get(0));
        sealing = byId.get(sealingId);
    }

    /**
     * Creates this bean at deployment (beans are otherwise made on first use), so that a missing
     * {@code MCP_OAUTH_KEYS} is said at startup, not at the first sign-in.
     */
    void reportAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // delivering the event created the bean, and with it the warning
    }

    public SecretKey sealing() {
        return sealing;
    }

    /** Names the sealing key in the JWE header, so unsealing picks the right key without trying all. */
    public String sealingId() {
        return sealingId;
    }

    public Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    private static byte[] decode(String text) {
        byte[] key;
        try {
            key = new Base64URL(text.replace('+', '-').replace('/', '_').replace("=", "")).decode();
        } catch (RuntimeException e) {
            throw SettingRules.refused("MCP_OAUTH_KEYS must be base64url keys, one entry is not");
        }
        if (key.length != KEY_BYTES) {
            throw SettingRules.refused("MCP_OAUTH_KEYS must be keys of 32 random bytes, base64url encoded "
                    + "(e.g. `openssl rand -base64 32`), one has " + key.length + " bytes");
        }
        return key;
    }

    /** A short public name of a key: the start of its SHA-256, which reveals nothing usable about the key. */
    private static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("trackdesk-mcp-kid:" + Base64URL.encode(key))
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(digest, 9)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
