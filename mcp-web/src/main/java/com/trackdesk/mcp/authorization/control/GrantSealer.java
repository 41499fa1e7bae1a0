package com.trackdesk.mcp.authorization.control;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.trackdesk.mcp.authorization.entity.ClientRegistration;
import com.trackdesk.mcp.authorization.entity.Grant;
import com.trackdesk.mcp.authorization.entity.GrantKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.SecretKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seals grants and client registrations into compact JWE (alg {@code dir}, enc {@code A256GCM}: authenticated
 * encryption with Nimbus JOSE+JWT) and opens them again. A value that was changed, sealed with an unknown key,
 * sealed as another kind, or has expired is refused with {@link Optional#empty()}; the reason is not told, as it
 * would only help someone probing.
 */
@ApplicationScoped
public class GrantSealer {

    static final String KIND = "knd";

    @Inject
    SealingKeys keys;

    Clock clock = Clock.systemUTC();

    GrantSealer() {
        // for CDI
    }

    public GrantSealer(SealingKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public String seal(Grant grant) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(grant.id())
                .claim(KIND, grant.kind().name())
                .claim("tnt", grant.tenant())
                .audience(grant.resource())
                .claim("cid", grant.clientId())
                .claim("scope", grant.scope())
                .claim("pat", grant.apiKey())
                .expirationTime(Date.from(grant.expiresAt()));
        if (grant.redirectUri() != null) {
            claims.claim("ruri", grant.redirectUri());
        }
        if (grant.codeChallenge() != null) {
            claims.claim("cc", grant.codeChallenge());
        }
        return seal(claims.build());
    }

    public Optional<Grant> open(String sealed, GrantKind expected) {
        return claims(sealed, expected).map(c -> {
            try {
                return new Grant(expected, c.getJWTID(), c.getStringClaim("tnt"),
                        c.getAudience().isEmpty() ? null : c.getAudience().get(0), c.getStringClaim("cid"),
                        c.getStringClaim("scope"), c.getStringClaim("pat"), c.getExpirationTime().toInstant(),
                        c.getStringClaim("ruri"), c.getStringClaim("cc"));
            } catch (ParseException e) {
                return null;
            }
        });
    }

    /** A dynamically registered client: the client_id is the registration itself; it never expires. */
    public String sealClient(String name, List<String> redirectUris) {
        return seal(new JWTClaimsSet.Builder().claim(KIND, GrantKind.CLIENT.name()).claim("name", name)
                .claim("ruris", redirectUris).build());
    }

    public Optional<ClientRegistration> openClient(String clientId) {
        return claims(clientId, GrantKind.CLIENT).map(c -> {
            try {
                return new ClientRegistration(clientId, c.getStringClaim("name"), c.getStringListClaim("ruris"));
            } catch (ParseException | RuntimeException e) {
                return null;
            }
        });
    }

    /** The sign-in form's hidden request: the authorization parameters and the CSRF nonce, for a short while. */
    public String sealForm(Map<String, String> values, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim(KIND, GrantKind.SIGN_IN.name())
                .expirationTime(Date.from(expiresAt));
        values.forEach(claims::claim);
        return seal(claims.build());
    }

    public Optional<Map<String, Object>> openForm(String sealed) {
        return claims(sealed, GrantKind.SIGN_IN).map(JWTClaimsSet::getClaims);
    }

    private String seal(JWTClaimsSet claims) {
        EncryptedJWT jwt = new EncryptedJWT(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(keys.sealingId()).build(), claims);
        try {
            jwt.encrypt(new DirectEncrypter(keys.sealing()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not seal", e);
        }
        return jwt.serialize();
    }

    private Optional<JWTClaimsSet> claims(String sealed, GrantKind expected) {
        if (sealed == null || sealed.isBlank() || sealed.length() > 8192) {
            return Optional.empty();
        }
        try {
            EncryptedJWT jwt = EncryptedJWT.parse(sealed);
            JWEHeader header = jwt.getHeader();
            if (!JWEAlgorithm.DIR.equals(header.getAlgorithm()) || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
                return Optional.empty();
            }
            Optional<SecretKey> key = keys.byId(header.getKeyID());
            if (key.isEmpty()) {
                return Optional.empty();
            }
            jwt.decrypt(new DirectDecrypter(key.get()));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!expected.name().equals(claims.getStringClaim(KIND))) {
                return Optional.empty();
            }
            Date expiry = claims.getExpirationTime();
            if (expected != GrantKind.CLIENT && (expiry == null || !clock.instant().isBefore(expiry.toInstant()))) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
