package io.realtimeagents.agent.internal.live.auth;

import static io.realtimeagents.agent.internal.live.auth.JwtVerifierTest.denied;
import static io.realtimeagents.agent.internal.live.auth.JwtVerifierTest.granted;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.API_KEYS;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.KEY_1;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.NOW;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveAccessOriginTest {
    private static final List<String> ORIGINS = List.of("https://dashboard.example.com", "http://localhost:5173");

    private final LiveAccess open = LiveAccess.from(
            config().set(AgentSettings.LIVE_ALLOWED_ORIGINS, ORIGINS).build());
    private final LiveAccess withKeys = LiveAccess.from(config().set(AgentSettings.LIVE_ALLOWED_ORIGINS, ORIGINS)
            .set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEYS)
            .build());

    @Test
    void listedOrigin_passes_caseInsensitively() {
        assertThat(open.check("https://dashboard.example.com", null, null, NOW))
                .isInstanceOf(AccessDecision.Granted.class);
        assertThat(open.check("HTTPS://Dashboard.Example.COM", null, null, NOW))
                .isInstanceOf(AccessDecision.Granted.class);
        assertThat(open.check("http://localhost:5173", null, null, NOW)).isInstanceOf(AccessDecision.Granted.class);
    }

    @Test
    void otherOrigin_isForbidden_evenWhenAccessControlIsOff() {
        AccessDecision.Denied denied = denied(open.check("https://evil.example", null, null, NOW));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.reason())
                .isEqualTo("Origin https://evil.example is not in LIVE_ALLOWED_ORIGINS: add it there to let pages"
                        + " from it connect");
    }

    @Test
    void originsDifferingInPortOrScheme_areForbidden() {
        assertThat(denied(open.check("http://dashboard.example.com", null, null, NOW))
                        .status())
                .isEqualTo(403);
        assertThat(denied(open.check("http://localhost:3000", null, null, NOW)).status())
                .isEqualTo(403);
        assertThat(denied(open.check("null", null, null, NOW)).reason())
                .startsWith("Origin null is not in LIVE_ALLOWED_ORIGINS");
    }

    @Test
    void noOriginHeader_passesTheOriginCheck() {
        assertThat(granted(open.check(null, null, null, NOW)).subject()).isEqualTo("anonymous");
        assertThat(granted(withKeys.check(null, "Bearer " + KEY_1, null, NOW)).subject())
                .isEqualTo("api-key-1");
    }

    @Test
    void forbiddenOrigin_isRefusedBeforeCredentials() {
        AccessDecision.Denied denied = denied(withKeys.check("https://evil.example", "Bearer " + KEY_1, null, NOW));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.reason()).doesNotContain(KEY_1).startsWith("Origin https://evil.example is not in");
    }

    @Test
    void allowedOrigin_stillNeedsCredentials() {
        AccessDecision.Denied denied = denied(withKeys.check("https://dashboard.example.com", null, null, NOW));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.reason()).startsWith("no token:");
    }

    @Test
    void noOriginsConfigured_anyOriginPasses() {
        LiveAccess any = LiveAccess.from(config().build());

        assertThat(any.check("https://evil.example", null, null, NOW)).isInstanceOf(AccessDecision.Granted.class);
    }

    @Test
    void hostileOriginHeader_isShownOnOneShortLine() {
        String hostile = "https://evil.example\r\nSet-Cookie: x=" + "y".repeat(200);

        String reason = denied(open.check(hostile, null, null, NOW)).reason();

        assertThat(reason)
                .startsWith("Origin https://evil.example??Set-Cookie: x=yyy")
                .contains("... is not in LIVE_ALLOWED_ORIGINS")
                .doesNotContain("\r")
                .doesNotContain("\n")
                .hasSizeLessThan(160);
    }
}
