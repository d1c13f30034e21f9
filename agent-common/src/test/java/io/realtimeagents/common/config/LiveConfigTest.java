package io.realtimeagents.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.live.SlowClientPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveConfigTest {
    private static AgentConfig load(Map<String, String> env) {
        return ConfigLoader.standard()
                .withEnvironment(env)
                .withSystemProperties(Map.of())
                .withoutClassPathFile()
                .withFallback(AgentSettings.SERVICE_NAME, "dashboard-agent")
                .load();
    }

    @Test
    void defaults_areOpenAndCloseSlowClients() {
        AgentConfig config = load(Map.of());

        assertThat(config.get(AgentSettings.LIVE_SLOW_CLIENT_POLICY)).isEqualTo(SlowClientPolicy.CLOSE);
        assertThat(config.get(AgentSettings.LIVE_CLIENT_BUFFER_BYTES)).isEqualTo(1024 * 1024);
        assertThat(config.get(AgentSettings.LIVE_HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.get(AgentSettings.LIVE_AUTH_JWT_SECRET)).isNull();
        assertThat(config.get(AgentSettings.LIVE_ALLOWED_ORIGINS)).isEmpty();
        assertThat(config.get(AgentSettings.KAFKA_LIVE_TOPIC)).isEqualTo("realtime.live");
    }

    @Test
    void liveSettings_areParsedFromTheEnvironment() {
        AgentConfig config = load(Map.of(
                "WEBSOCKET_ENDPOINTS", "/ws/health=health_events|alerts, /ws/ops=system_metrics",
                "LIVE_CLIENT_BUFFER_BYTES", "256KiB",
                "LIVE_SLOW_CLIENT_POLICY", "drop",
                "LIVE_AUTH_API_KEYS", "key-0123456789abcdef=alerts|ward.*",
                "LIVE_ALLOWED_ORIGINS", "https://dashboard.example, http://localhost:8080"));

        assertThat(config.get(AgentSettings.WEBSOCKET_ENDPOINTS)).hasSize(2);
        assertThat(config.get(AgentSettings.WEBSOCKET_ENDPOINTS).get(0).autoSubscribe())
                .containsExactly("health_events", "alerts");
        assertThat(config.get(AgentSettings.LIVE_CLIENT_BUFFER_BYTES)).isEqualTo(256 * 1024);
        assertThat(config.get(AgentSettings.LIVE_SLOW_CLIENT_POLICY)).isEqualTo(SlowClientPolicy.DROP);
        assertThat(config.get(AgentSettings.LIVE_ALLOWED_ORIGINS))
                .isEqualTo(List.of("https://dashboard.example", "http://localhost:8080"));
    }

    @Test
    void badLiveSettings_failNamingTheSetting_withoutShowingSecrets() {
        assertThatThrownBy(() -> load(Map.of(
                        "WEBSOCKET_ENDPOINTS", "/live=alerts",
                        "LIVE_SLOW_CLIENT_POLICY", "block",
                        "LIVE_AUTH_JWT_SECRET", "short-secret",
                        "LIVE_AUTH_API_KEYS", "tiny=alerts",
                        "LIVE_ALLOWED_ORIGINS", "dashboard.example/path")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("configuration WEBSOCKET_ENDPOINTS")
                .hasMessageContaining("configuration LIVE_SLOW_CLIENT_POLICY")
                .hasMessageContaining("expected close or drop")
                .hasMessageContaining("configuration LIVE_AUTH_JWT_SECRET")
                .hasMessageContaining("at least 32 characters")
                .hasMessageContaining("configuration LIVE_AUTH_API_KEYS")
                .hasMessageContaining("configuration LIVE_ALLOWED_ORIGINS")
                .hasMessageNotContaining("short-secret")
                .hasMessageNotContaining("tiny=alerts");
    }

    @Test
    void apiKeys_withTaskAndScopeOptions_areAccepted_andOldEntriesStillAre() {
        AgentConfig config = load(Map.of(
                "LIVE_AUTH_API_KEYS",
                "key-0123456789abcdef=alerts|ward.*;tasks=analyze|summarize, ops-key-0123456789=;tasks=*;scope=status,"
                        + " old-key-0123456789ab=*"));

        assertThat(config.get(AgentSettings.LIVE_AUTH_API_KEYS)).contains("tasks=analyze|summarize");
    }

    @Test
    void apiKeys_withBadOptions_failNamingTheEntry_withoutShowingTheKey() {
        for (String bad : List.of(
                "key-0123456789abcdef=alerts;tasks=bad type",
                "key-0123456789abcdef=alerts;scope=admin",
                "key-0123456789abcdef=alerts;other-key-0123456789=alerts")) {
            assertThatThrownBy(() -> load(Map.of("LIVE_AUTH_API_KEYS", bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("configuration LIVE_AUTH_API_KEYS")
                    .hasMessageContaining("entry 1: ")
                    .hasMessageNotContaining("0123456789");
        }
    }

    @Test
    void protectedStatusEndpoints_withoutAnyCredential_failAtStartUp() {
        assertThatThrownBy(() -> load(Map.of("STATUS_ENDPOINTS_PROTECTED", "true")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Invalid value true for configuration STATUS_ENDPOINTS_PROTECTED")
                .hasMessageContaining("set LIVE_AUTH_JWT_SECRET, LIVE_AUTH_JWKS_URL or LIVE_AUTH_API_KEYS");
        assertThat(load(Map.of("STATUS_ENDPOINTS_PROTECTED", "true", "LIVE_AUTH_JWKS_URL", "https://idp.example/jwks"))
                        .get(AgentSettings.STATUS_ENDPOINTS_PROTECTED))
                .isTrue();
    }

    @Test
    void jwksUrl_mustBeHttp_andClockSkewDefaultsTo30s() {
        assertThat(load(Map.of()).get(AgentSettings.LIVE_AUTH_CLOCK_SKEW)).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> load(Map.of("LIVE_AUTH_JWKS_URL", "file:///etc/keys.json")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("configuration LIVE_AUTH_JWKS_URL")
                .hasMessageContaining("must be an http:// or https:// URL");
    }
}
