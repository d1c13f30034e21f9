package io.realtimeagents.agent.internal.live.auth;

import static io.realtimeagents.agent.internal.live.auth.JwtVerifierTest.denied;
import static io.realtimeagents.agent.internal.live.auth.JwtVerifierTest.granted;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.SECRET;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.hs256;
import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.internal.live.TopicPermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveAccessTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final String KEY_1 = "key-one-0123456789abcdef";
    static final String KEY_2 = "key-two-fedcba9876543210";
    static final String API_KEYS = KEY_1 + "=alerts|patient.p-17.*, " + KEY_2 + "=*";

    static AgentConfig.Builder config() {
        return AgentConfig.builder().serviceName("live-auth-test");
    }

    @Test
    void withoutSecretOrKeys_everyClientReadsEverythingAsAnonymous() {
        LiveAccess access = LiveAccess.from(config().build());

        assertThat(access.enabled()).isFalse();
        for (AccessDecision decision : List.of(
                access.check(null, null, null, NOW),
                access.check("https://any.example", "Bearer whatever-this-is", "x", NOW))) {
            AccessDecision.Granted granted = granted(decision);
            assertThat(granted.subject()).isEqualTo("anonymous");
            assertThat(granted.topics()).isSameAs(TopicPermissions.all());
        }
    }

    @Test
    void describe_whenOpen_saysSo() {
        assertThat(LiveAccess.from(config().build()).describe())
                .isEqualTo("open: no LIVE_AUTH_JWT_SECRET, LIVE_AUTH_JWKS_URL or LIVE_AUTH_API_KEYS set, any client"
                        + " may connect, read every topic and run every task; origins: any");
    }

    @Test
    void describe_listsWhatIsRequired_withoutSecrets() {
        LiveAccess access = LiveAccess.from(config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
                .set(AgentSettings.LIVE_AUTH_JWT_ISSUER, "https://auth.example")
                .set(AgentSettings.LIVE_AUTH_JWT_AUDIENCE, "dashboard")
                .set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEYS)
                .set(AgentSettings.LIVE_ALLOWED_ORIGINS, List.of("https://a.example", "https://b.example:8443"))
                .build());

        assertThat(access.enabled()).isTrue();
        assertThat(access.describe())
                .isEqualTo("JWT (HS256/384/512, issuer https://auth.example, audience dashboard) or one of 2 API keys"
                        + " required; origins: https://a.example, https://b.example:8443")
                .doesNotContain(SECRET)
                .doesNotContain(KEY_1)
                .doesNotContain(KEY_2);
    }

    @Test
    void describe_withJwtOnlyOrOneKeyOnly() {
        assertThat(LiveAccess.from(config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
                                .build())
                        .describe())
                .isEqualTo("JWT (HS256/384/512) required; origins: any");
        assertThat(LiveAccess.from(config().set(AgentSettings.LIVE_AUTH_API_KEYS, KEY_1 + "=alerts")
                                .build())
                        .describe())
                .isEqualTo("the API key required; origins: any");
    }

    @Test
    void jwtSecretAlone_enablesAccessControl() {
        LiveAccess access = LiveAccess.from(
                config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET).build());
        String token = hs256(Map.of("sub", "nurse-7", "topics", List.of("alerts")));

        assertThat(access.enabled()).isTrue();
        AccessDecision.Granted viaHeader = granted(access.check(null, "Bearer " + token, null, NOW));
        assertThat(viaHeader.subject()).isEqualTo("nurse-7");
        assertThat(viaHeader.topics().allows("alerts")).isTrue();
        assertThat(granted(access.check(null, null, token, NOW)).subject()).isEqualTo("nurse-7");
    }

    @Test
    void jwtChecksIssuerAndAudienceFromTheConfiguration() {
        LiveAccess access = LiveAccess.from(config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
                .set(AgentSettings.LIVE_AUTH_JWT_ISSUER, "https://auth.example")
                .set(AgentSettings.LIVE_AUTH_JWT_AUDIENCE, "dashboard")
                .build());

        AccessDecision.Denied wrongIssuer = denied(access.check(
                null, "Bearer " + hs256(Map.of("iss", "https://other.example", "aud", "dashboard")), null, NOW));
        assertThat(wrongIssuer.reason())
                .isEqualTo("iss https://other.example is not LIVE_AUTH_JWT_ISSUER https://auth.example");
        AccessDecision.Denied wrongAudience = denied(access.check(
                null, "Bearer " + hs256(Map.of("iss", "https://auth.example", "aud", List.of("mobile"))), null, NOW));
        assertThat(wrongAudience.reason()).isEqualTo("aud mobile does not contain LIVE_AUTH_JWT_AUDIENCE dashboard");
        assertThat(access.check(
                        null,
                        "Bearer " + hs256(Map.of("iss", "https://auth.example", "aud", List.of("mobile", "dashboard"))),
                        null,
                        NOW))
                .isInstanceOf(AccessDecision.Granted.class);
    }

    @Test
    void jwtOnly_valueThatIsNotAJwt_isMalformed() {
        LiveAccess access = LiveAccess.from(
                config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET).build());

        AccessDecision.Denied denied = denied(access.check(null, "Bearer just-some-opaque-value", null, NOW));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.reason())
                .isEqualTo("malformed token: a JWT has three base64url parts separated by dots, this one has 1")
                .doesNotContain("just-some-opaque-value");
    }

    @Test
    void noToken_isDeniedSayingHowToSendOne() {
        LiveAccess access = LiveAccess.from(
                config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET).build());

        for (AccessDecision decision : List.of(
                access.check(null, null, null, NOW),
                access.check(null, "  ", "", NOW),
                access.check("https://a.example", null, "   ", NOW))) {
            AccessDecision.Denied denied = denied(decision);
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.reason())
                    .isEqualTo("no token: send Authorization: Bearer <token> or ?access_token=<token>");
        }
    }

    @Test
    void authorizationHeader_mustBeBearer() {
        LiveAccess access = LiveAccess.from(
                config().set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEYS).build());

        AccessDecision.Denied basic = denied(access.check(null, "Basic dXNlcjpwYXNzd29yZA==", null, NOW));
        assertThat(basic.reason())
                .isEqualTo("the Authorization header is not a Bearer token: send Authorization: Bearer <token>")
                .doesNotContain("dXNlcjpwYXNzd29yZA==");
        AccessDecision.Denied bare = denied(access.check(null, KEY_1, null, NOW));
        assertThat(bare.reason()).doesNotContain(KEY_1).startsWith("the Authorization header is not a Bearer token");
        assertThat(denied(access.check(null, "Bearer   ", null, NOW)).reason())
                .isEqualTo("no token after Bearer: send Authorization: Bearer <token>");
        assertThat(granted(access.check(null, "bearer  " + KEY_1 + " ", null, NOW))
                        .subject())
                .isEqualTo("api-key-1");
    }

    @Test
    void headerWins_overQueryParameter() {
        LiveAccess access = LiveAccess.from(
                config().set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEYS).build());

        assertThat(granted(access.check(null, "Bearer " + KEY_2, KEY_1, NOW)).subject())
                .isEqualTo("api-key-2");
    }

    @Test
    void denialReasons_neverQuoteWhatWasPresented_aKeyOrTheSecret() {
        LiveAccess access = LiveAccess.from(config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
                .set(AgentSettings.LIVE_AUTH_JWT_ISSUER, "https://auth.example")
                .set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEYS)
                .build());
        List<String> presented = List.of(
                hs256(Map.of("iss", "https://auth.example", "exp", NOW.getEpochSecond() - 600)),
                hs256(Map.of("iss", "https://other.example")),
                TestJwts.sign("HS512", Map.of("iss", "https://auth.example"), TestJwts.OTHER_SECRET),
                TestJwts.signRaw("{\"alg\":\"none\"}", "{\"topics\":\"*\"}", "HS256", SECRET),
                TestJwts.signRaw("{\"alg\":\"HS256\"}", "[1,2]", "HS256", SECRET),
                KEY_1 + "-but-longer",
                KEY_2.toUpperCase(java.util.Locale.ROOT),
                "opaque-value-that-matches-nothing");

        for (String value : presented) {
            for (AccessDecision decision :
                    List.of(access.check(null, "Bearer " + value, null, NOW), access.check(null, null, value, NOW))) {
                assertThat(denied(decision).reason())
                        .doesNotContain(value)
                        .doesNotContain(SECRET)
                        .doesNotContain(TestJwts.OTHER_SECRET)
                        .doesNotContain(KEY_1)
                        .doesNotContain(KEY_2);
            }
        }
    }

    @Test
    void authenticate_skipsTheOriginCheck_andGrantsEverythingWhenOpen() {
        LiveAccess open = LiveAccess.from(config().set(AgentSettings.LIVE_ALLOWED_ORIGINS, List.of("https://a.example"))
                .build());
        AccessDecision.Granted anonymous = granted(open.authenticate(null, null, NOW));
        assertThat(anonymous.tasks()).isSameAs(TaskPermissions.all());
        assertThat(anonymous.status()).isTrue();
        assertThat(open.statusProtected()).isFalse();

        LiveAccess closed = LiveAccess.from(config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
                .set(AgentSettings.STATUS_ENDPOINTS_PROTECTED, true)
                .build());
        assertThat(closed.statusProtected()).isTrue();
        assertThat(denied(closed.authenticate(null, null, NOW)).status()).isEqualTo(401);
        assertThat(closed.describe()).endsWith("; status endpoints protected");
    }

    @Test
    void clockSkew_isConfigurable() {
        LiveAccess strict = LiveAccess.from(config().set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
                .set(AgentSettings.LIVE_AUTH_CLOCK_SKEW, java.time.Duration.ZERO)
                .build());

        assertThat(denied(strict.authenticate("Bearer " + hs256(Map.of("exp", NOW.getEpochSecond() - 1)), null, NOW))
                        .reason())
                .startsWith("token expired at");
        assertThat(granted(strict.authenticate("Bearer " + hs256(Map.of("exp", NOW.getEpochSecond() + 5)), null, NOW))
                        .expiresAt())
                .isEqualTo(NOW.plusSeconds(5));
    }
}
