package io.realtimeagents.agent.internal.live.auth;

import static io.realtimeagents.agent.internal.live.auth.JwtVerifierTest.assertDenied;
import static io.realtimeagents.agent.internal.live.auth.JwtVerifierTest.granted;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.SECRET;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.hs256;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RS256 and ES256 tokens verified with the keys of a real JWKS endpoint on loopback. */
class JwksVerifierTest {
    private static final Instant NOW = Instant.now();
    private static final JwtVerifier.Checks ANY = new JwtVerifier.Checks(null, null, JwtVerifier.LEEWAY);
    private static final RSAKey RSA = JwksServer.rsaKey("rsa-1");
    private static final ECKey EC = JwksServer.ecKey("ec-1");

    private JwksServer idp;
    private final List<JwksKeys> opened = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        idp = JwksServer.start();
        idp.publish(RSA, EC);
    }

    @AfterEach
    void stop() {
        opened.forEach(JwksKeys::close);
        idp.close();
    }

    private JwksKeys keys(String url) {
        JwksKeys keys = new JwksKeys(url, JwksKeys.MIN_REFRESH);
        opened.add(keys);
        return keys;
    }

    private JwtVerifier verifier(String secret) {
        return new JwtVerifier(secret, keys(idp.url()), ANY);
    }

    @Test
    void rs256AndEs256Tokens_areVerifiedWithThePublishedKeys_andTheSetIsCached() {
        JwtVerifier verifier = verifier(null);

        AccessDecision.Granted rsa = granted(verifier.verify(
                JwksServer.sign(RSA, Map.of("sub", "svc-a", "topics", List.of("alerts"), "tasks", "analyze")), NOW));
        AccessDecision.Granted ec = granted(verifier.verify(
                JwksServer.sign(EC, Map.of("sub", "svc-b", "topics", "ward.*", "scope", "status")), NOW));

        assertThat(rsa.subject()).isEqualTo("svc-a");
        assertThat(rsa.topics().allows("alerts")).isTrue();
        assertThat(rsa.tasks().allows("analyze")).isTrue();
        assertThat(ec.subject()).isEqualTo("svc-b");
        assertThat(ec.topics().allows("ward.7")).isTrue();
        assertThat(ec.status()).isTrue();
        assertThat(idp.fetches()).isEqualTo(1);
    }

    @Test
    void rotatedKey_withAnUnknownKid_fetchesTheSetAgain() {
        JwtVerifier verifier = verifier(null);
        assertThat(verifier.verify(JwksServer.sign(RSA, Map.of("topics", "a")), NOW))
                .isInstanceOf(AccessDecision.Granted.class);
        RSAKey rotated = JwksServer.rsaKey("rsa-2");
        idp.publish(rotated);

        assertThat(granted(verifier.verify(JwksServer.sign(rotated, Map.of("sub", "after-rotation")), NOW))
                        .subject())
                .isEqualTo("after-rotation");
        assertThat(idp.fetches()).isEqualTo(2);
    }

    @Test
    void madeUpKids_fetchTheSetAtMostTwicePerInterval() {
        JwtVerifier verifier = verifier(null);

        for (int i = 0; i < 25; i++) {
            RSAKey stranger = new RSAKey.Builder(RSA).keyID("made-up-" + i).build();
            assertDenied(
                    verifier.verify(JwksServer.sign(stranger, Map.of("topics", "*")), NOW),
                    "no RS256 key with kid made-up-" + i + " in LIVE_AUTH_JWKS_URL");
        }

        assertThat(idp.fetches()).isEqualTo(2);
    }

    @Test
    void tokenSignedWithAnotherKeyUnderAPublishedKid_isDenied() {
        RSAKey impostor = JwksServer.rsaKey("rsa-1");

        assertDenied(
                verifier(null).verify(JwksServer.sign(impostor, Map.of("topics", "*")), NOW),
                "signature does not match the keys of LIVE_AUTH_JWKS_URL: sign tokens with a key the identity"
                        + " provider publishes");
    }

    @Test
    void hs256_stillWorksBesideTheJwks_butNotWithoutTheSecret() {
        String token = hs256(Map.of("sub", "hmac-client", "topics", "alerts"));

        assertThat(granted(verifier(SECRET).verify(token, NOW)).subject()).isEqualTo("hmac-client");
        assertDenied(
                verifier(null).verify(token, NOW),
                "alg HS256 is not accepted: sign with RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512"
                        + " using a key of LIVE_AUTH_JWKS_URL");
        assertThat(verifier(SECRET).describe()).isEqualTo("HS256/384/512, RS/PS/ES keys of " + idp.url());
    }

    @Test
    void unreachableJwks_isDeniedSayingTheKeysCouldNotBeFetched() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            closedPort = socket.getLocalPort();
        }
        JwtVerifier verifier = new JwtVerifier(null, keys("http://127.0.0.1:" + closedPort + "/jwks"), ANY);

        assertDenied(
                verifier.verify(JwksServer.sign(EC, Map.of("topics", "*")), NOW),
                "the keys of LIVE_AUTH_JWKS_URL could not be fetched to check the token: try again later");
    }
}
