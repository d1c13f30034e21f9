package io.realtimeagents.agent.internal.live.auth;

import static io.realtimeagents.agent.internal.live.auth.JwtVerifierTest.denied;
import static io.realtimeagents.agent.internal.live.auth.JwtVerifierTest.granted;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.API_KEYS;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.KEY_1;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.KEY_2;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.NOW;
import static io.realtimeagents.agent.internal.live.auth.LiveAccessTest.config;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.OTHER_SECRET;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.SECRET;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.hs256;
import static io.realtimeagents.agent.internal.live.auth.TestJwts.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.config.AgentSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveAccessApiKeyTest {
    private final LiveAccess keysOnly = LiveAccess.from(
            config().set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEYS).build());
    private final LiveAccess keysAndJwt = LiveAccess.from(config().set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEYS)
            .set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
            .build());

    @Test
    void keyInHeader_isGrantedItsPrefixPermissions() {
        AccessDecision.Granted granted = granted(keysOnly.check(null, "Bearer " + KEY_1, null, NOW));

        assertThat(granted.subject()).isEqualTo("api-key-1");
        assertThat(granted.topics().allows("alerts")).isTrue();
        assertThat(granted.topics().allows("patient.p-17.vitals")).isTrue();
        assertThat(granted.topics().allows("patient.p-17")).isFalse();
        assertThat(granted.topics().allows("patient.p-18.vitals")).isFalse();
        assertThat(granted.topics().allowsAll()).isFalse();
    }

    @Test
    void keyInQueryParameter_isGranted() {
        AccessDecision.Granted granted = granted(keysOnly.check("https://a.example", null, KEY_2, NOW));

        assertThat(granted.subject()).isEqualTo("api-key-2");
        assertThat(granted.topics().allowsAll()).isTrue();
    }

    @Test
    void unknownKey_isDeniedWithoutQuotingAnyKey() {
        for (String presented : List.of("key-three-0000000000000000", KEY_1.substring(0, 20), KEY_1 + "x")) {
            AccessDecision.Denied denied = denied(keysOnly.check(null, "Bearer " + presented, null, NOW));

            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.reason())
                    .isEqualTo("unknown API key: present one of the keys in LIVE_AUTH_API_KEYS")
                    .doesNotContain(presented)
                    .doesNotContain(KEY_1)
                    .doesNotContain(KEY_2);
        }
    }

    @Test
    void keysOnly_jwtShapedValue_isAnUnknownKey() {
        AccessDecision.Denied denied =
                denied(keysOnly.check(null, "Bearer " + hs256(Map.of("topics", "*")), null, NOW));

        assertThat(denied.reason()).isEqualTo("unknown API key: present one of the keys in LIVE_AUTH_API_KEYS");
    }

    @Test
    void keysAndJwt_acceptEither() {
        assertThat(granted(keysAndJwt.check(null, "Bearer " + KEY_1, null, NOW)).subject())
                .isEqualTo("api-key-1");
        assertThat(granted(keysAndJwt.check(null, null, hs256(Map.of("sub", "ward-3", "topics", "alerts")), NOW))
                        .subject())
                .isEqualTo("ward-3");
    }

    @Test
    void keysAndJwt_opaqueUnknownValue_namesBothOptions() {
        AccessDecision.Denied denied = denied(keysAndJwt.check(null, "Bearer not-a-key-and-not-a-jwt", null, NOW));

        assertThat(denied.reason())
                .isEqualTo("unknown API key, and not a JWT (three base64url parts separated by dots): present a key"
                        + " from LIVE_AUTH_API_KEYS or a JWT signed with LIVE_AUTH_JWT_SECRET");
    }

    @Test
    void keysAndJwt_jwtShapedValue_isVerifiedAsAJwt() {
        String forged = sign("HS256", Map.of("topics", "*"), OTHER_SECRET);

        AccessDecision.Denied denied = denied(keysAndJwt.check(null, "Bearer " + forged, null, NOW));

        assertThat(denied.reason()).startsWith("signature does not match LIVE_AUTH_JWT_SECRET");
        assertThat(denied(keysAndJwt.check(
                                null, "Bearer " + TestJwts.base64url("{\"alg\":\"HS256\"}") + ".b$.c", null, NOW))
                        .reason())
                .startsWith("signature does not match LIVE_AUTH_JWT_SECRET");
    }

    @Test
    void subjectNeverContainsTheKey() {
        for (String key : List.of(KEY_1, KEY_2)) {
            assertThat(granted(keysOnly.check(null, null, key, NOW)).subject())
                    .doesNotContain(key)
                    .startsWith("api-key-");
        }
    }

    @Test
    void invalidEntry_failsNamingItsPositionNotTheKey() {
        assertThatThrownBy(() -> ApiKeys.parse(KEY_1 + "=alerts,=nokey"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LIVE_AUTH_API_KEYS entry 2 must be <key>=<topic>|<topic>, e.g. a random key of 32"
                        + " characters=alerts|patient.*");
        assertThatThrownBy(() -> ApiKeys.parse(KEY_1 + "=alerts," + KEY_2 + "=bad topic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("LIVE_AUTH_API_KEYS entry 2: Invalid live topic 'bad topic'")
                .hasMessageNotContaining(KEY_2);
    }

    @Test
    void oldEntries_keepTheirTopics_andRunNoTasks() {
        AccessDecision.Granted granted = granted(keysOnly.authenticate("Bearer " + KEY_1, null, NOW));

        assertThat(granted.topics().allows("alerts")).isTrue();
        assertThat(granted.tasks()).isSameAs(TaskPermissions.none());
        assertThat(granted.status()).isFalse();
        assertThat(granted.expiresAt()).isNull();
    }

    @Test
    void taskAndScopeOptions_grantTasksAndStatus() {
        LiveAccess access = LiveAccess.from(config().set(
                        AgentSettings.LIVE_AUTH_API_KEYS,
                        KEY_1 + "=alerts;tasks=analyze|summarize, " + KEY_2 + "=;tasks=*;scope=status")
                .build());

        AccessDecision.Granted first = granted(access.authenticate("Bearer " + KEY_1, null, NOW));
        assertThat(first.topics().allows("alerts")).isTrue();
        assertThat(first.tasks().allows("analyze")).isTrue();
        assertThat(first.tasks().allows("summarize")).isTrue();
        assertThat(first.tasks().allows("purge")).isFalse();
        assertThat(first.status()).isFalse();
        AccessDecision.Granted second = granted(access.authenticate(null, KEY_2, NOW));
        assertThat(second.topics().allows("alerts")).isFalse();
        assertThat(second.tasks().allows("purge")).isTrue();
        assertThat(second.status()).isTrue();
    }

    @Test
    void unknownOption_failsNamingItsEntry_withoutQuotingIt() {
        assertThatThrownBy(() -> ApiKeys.parse(KEY_1 + "=alerts;" + KEY_2 + "=alerts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LIVE_AUTH_API_KEYS entry 1: an option after ';' is neither tasks=<type>|<type> nor"
                        + " scope=status");
        assertThatThrownBy(() -> ApiKeys.parse(KEY_1 + "=alerts;tasks=no spaces"))
                .hasMessageStartingWith("LIVE_AUTH_API_KEYS entry 1: 'no spaces' is not a task type");
    }
}
