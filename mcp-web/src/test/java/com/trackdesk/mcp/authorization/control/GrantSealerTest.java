package com.trackdesk.mcp.authorization.control;

import com.nimbusds.jose.util.Base64URL;
import com.trackdesk.mcp.authorization.entity.Grant;
import com.trackdesk.mcp.authorization.entity.GrantKind;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantSealerTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final String PAT = "pat-secret-0123456789";

    final String oldKey = randomKey();
    final String newKey = randomKey();
    final GrantSealer sealer = sealer(oldKey);

    @Test
    void aSealedGrantOpensToTheSameGrant() {
        Grant grant = access(NOW.plusSeconds(3600));
        Optional<Grant> opened = sealer.open(sealer.seal(grant), GrantKind.ACCESS);
        assertThat(opened).isPresent();
        assertThat(opened.get().apiKey()).isEqualTo(PAT);
        assertThat(opened.get().tenant()).isEqualTo("acme");
        assertThat(opened.get().resource()).isEqualTo("https://acme.trackdesk.com/mcp");
        assertThat(opened.get().clientId()).isEqualTo("client-1");
        assertThat(opened.get().scope()).isEqualTo(Grant.FULL_SCOPE);
    }

    @Test
    void theSealedFormRevealsNeitherTheTokenNorTheTenant() {
        String sealed = sealer.seal(access(NOW.plusSeconds(3600)));
        assertThat(sealed.split("\\.")).hasSize(5);
        assertThat(sealed).doesNotContain(PAT).doesNotContain("acme");
        for (String part : sealed.split("\\.")) {
            if (!part.isEmpty()) {
                assertThat(new String(new Base64URL(part).decode(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain(PAT);
            }
        }
    }

    @Test
    void aChangedCharacterIsRefused() {
        String sealed = sealer.seal(access(NOW.plusSeconds(3600)));
        int middle = sealed.lastIndexOf('.') - 5;
        String tampered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);
        assertThat(sealer.open(tampered, GrantKind.ACCESS)).isEmpty();
    }

    @Test
    void anExpiredGrantIsRefused() {
        String sealed = sealer.seal(access(NOW.minusSeconds(1)));
        assertThat(sealer.open(sealed, GrantKind.ACCESS)).isEmpty();
    }

    @Test
    void aGrantIsOnlyAcceptedAsTheKindItWasSealedAs() {
        String refresh = sealer.seal(new Grant(GrantKind.REFRESH, "r1", "acme", "https://acme.trackdesk.com/mcp",
                "client-1", Grant.FULL_SCOPE, PAT, NOW.plusSeconds(60), null, null));
        assertThat(sealer.open(refresh, GrantKind.ACCESS)).isEmpty();
        assertThat(sealer.open(refresh, GrantKind.CODE)).isEmpty();
        assertThat(sealer.open(refresh, GrantKind.REFRESH)).isPresent();
    }

    @Test
    void aValueSealedWithAnUnknownKeyIsRefused() {
        String sealed = sealer(newKey).seal(access(NOW.plusSeconds(3600)));
        assertThat(sealer.open(sealed, GrantKind.ACCESS)).isEmpty();
    }

    @Test
    void afterRotationTheNewKeySealsAndTheOldKeyStillOpens() {
        String sealedBefore = sealer.seal(access(NOW.plusSeconds(3600)));
        GrantSealer rotated = sealer(newKey + "," + oldKey);
        assertThat(rotated.open(sealedBefore, GrantKind.ACCESS)).isPresent();
        String sealedAfter = rotated.seal(access(NOW.plusSeconds(3600)));
        assertThat(sealer.open(sealedAfter, GrantKind.ACCESS)).as("old-only instance cannot open new tokens").isEmpty();
        assertThat(sealer(newKey).open(sealedAfter, GrantKind.ACCESS)).isPresent();
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String junk : List.of("", "x", "a.b.c.d.e", "eyJhbGciOiJub25lIn0.e30.", "a".repeat(10_000))) {
            assertThat(sealer.open(junk, GrantKind.ACCESS)).isEmpty();
        }
        assertThat(sealer.open(null, GrantKind.ACCESS)).isEmpty();
    }

    @Test
    void aRegisteredClientIsItsOwnClientId() {
        String clientId = sealer.sealClient("Claude", List.of("https://claude.ai/api/mcp/auth_callback"));
        assertThat(sealer.openClient(clientId)).hasValueSatisfying(client -> {
            assertThat(client.name()).isEqualTo("Claude");
            assertThat(client.redirectUris()).containsExactly("https://claude.ai/api/mcp/auth_callback");
        });
        assertThat(sealer.openClient(clientId.substring(0, clientId.length() - 2) + "xx")).isEmpty();
    }

    @Test
    void keysMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> new SealingKeys(Optional.of("c2hvcnQ"))).hasMessageContaining("32 random bytes");
        assertThat(new SealingKeys(Optional.empty()).sealing().getEncoded()).hasSize(32);
    }

    private static GrantSealer sealer(String keys) {
        return new GrantSealer(new SealingKeys(Optional.of(keys)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Grant access(Instant expiry) {
        return new Grant(GrantKind.ACCESS, "id-1", "acme", "https://acme.trackdesk.com/mcp", "client-1",
                Grant.FULL_SCOPE, PAT, expiry, null, null);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64URL.encode(key).toString();
    }

}
