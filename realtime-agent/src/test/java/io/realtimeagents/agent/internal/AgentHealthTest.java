package io.realtimeagents.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.agent.internal.transport.TransportHealth;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Health, probes and status are assembled from the transports in list order, with the fields the HTTP endpoints have
 * always shown. Real parts (meters, task executor, live service) without Kafka; the transports are small real
 * implementations of the SPI.
 */
class AgentHealthTest {
    private final AgentConfig config = AgentConfig.builder()
            .serviceName("health-test")
            .httpPort(0)
            .set(AgentSettings.REALTIME_ENABLED, false)
            .build();
    private final AgentWiring parts = AgentWiring.of(
            config,
            new AgentInfo("checks health", () -> Set.of("b", "a"), List.of(), List.of()),
            AgentHealthTest::noTasks);
    private final List<InboundTransport> transports = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AgentHealth health = new AgentHealth(
            () -> config,
            new AgentInfo("checks health", () -> Set.of("b", "a"), List.of(), List.of()),
            parts,
            transports,
            stopping::get);

    private static List<String> keys(Map<?, ?> body) {
        return body.keySet().stream().map(String::valueOf).toList();
    }

    private static TaskResult noTasks(TaskRequest request) {
        throw new UnsupportedOperationException("no tasks here");
    }

    @AfterEach
    void close() {
        parts.taskExecutor().close();
        parts.live().close();
        parts.metrics().close();
    }

    @Test
    void health_withoutTransports_showsTheReferenceFieldsOnly() {
        HttpReply reply = health.health();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.encodeToString(reply.body()))
                .isEqualTo("{\"status\":\"healthy\",\"service\":\"health-test\",\"realtime_enabled\":false,"
                        + "\"websocket_enabled\":true,\"connections\":0,\"message_count\":0,\"error_count\":0}");
        assertThat(Json.encodeToString(health.readiness().body())).isEqualTo("{\"status\":\"UP\",\"problems\":[]}");
        assertThat(Json.encodeToString(health.liveness().body())).isEqualTo("{\"status\":\"UP\",\"problems\":[]}");
    }

    @Test
    void health_addsEachTransportsFragmentUnderItsName_inListOrder_andSkipsTransportsWithout() {
        transports.add(new TestTransport("quiet", null));
        transports.add(new TestTransport("mesh", Map.of("peers", 2)));

        Map<?, ?> body = (Map<?, ?>) health.health().body();

        assertThat(keys(body))
                .containsExactly(
                        "status",
                        "service",
                        "realtime_enabled",
                        "websocket_enabled",
                        "connections",
                        "message_count",
                        "error_count",
                        "mesh");
        assertThat(body.get("mesh")).isEqualTo(Map.of("peers", 2));
    }

    @Test
    void aTransportDown_failsLivenessAndHealth_withItsReason_first_inReadiness() {
        TestTransport first = new TestTransport("first", null);
        TestTransport second = new TestTransport("second", null);
        transports.add(first);
        transports.add(second);
        first.readiness.add("first is not connected");
        second.health = TransportHealth.down("second's loop died");
        stopping.set(true);

        assertThat(health.liveness().status()).isEqualTo(503);
        assertThat(Json.encodeToString(health.liveness().body()))
                .isEqualTo("{\"status\":\"DOWN\",\"problems\":[\"second's loop died\"]}");
        assertThat(Json.encodeToString(health.readiness().body()))
                .isEqualTo("{\"status\":\"DOWN\",\"problems\":[\"second's loop died\",\"the agent is shutting down\","
                        + "\"first is not connected\"]}");
        HttpReply reply = health.health();
        assertThat(reply.status()).isEqualTo(503);
        assertThat(((Map<?, ?>) reply.body()).get("status")).isEqualTo("unhealthy");
    }

    @Test
    void notReadyButAlive_isDegraded_with200() {
        TestTransport transport = new TestTransport("mqtt", null);
        transports.add(transport);
        transport.readiness.add("not connected to the MQTT broker tcp://nowhere:1883");

        HttpReply reply = health.health();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(((Map<?, ?>) reply.body()).get("status")).isEqualTo("degraded");
        assertThat(health.readiness().status()).isEqualTo(503);
        assertThat(health.liveness().status()).isEqualTo(200);
    }

    @Test
    void status_showsTransportsThatAreOff_asBefore_thenEachTransportsStatus_andTheirStreams() {
        Map<?, ?> off = (Map<?, ?>) health.status().body();

        assertThat(keys(off))
                .containsExactly(
                        "agent_type",
                        "service",
                        "description",
                        "realtime_enabled",
                        "websocket_enabled",
                        "connections",
                        "live",
                        "active_streams",
                        "message_count",
                        "error_count",
                        "uptime_seconds",
                        "task_types",
                        "tasks",
                        "message_types",
                        "event_types",
                        "kafka",
                        "mqtt");
        assertThat(Json.encodeToString(off.get("kafka"))).isEqualTo("{}");
        assertThat(Json.encodeToString(off.get("mqtt"))).isEqualTo("{\"enabled\":false}");
        assertThat(off.get("task_types")).isEqualTo(List.of("a", "b"));
        assertThat(off.get("active_streams")).isEqualTo(List.of());

        TestTransport mqtt = new TestTransport("mqtt", null);
        mqtt.status.put("enabled", true);
        TestTransport mesh = new TestTransport("mesh", null);
        mesh.streams = List.of("requests");
        transports.add(mqtt);
        transports.add(mesh);
        Map<?, ?> on = (Map<?, ?>) health.status().body();

        assertThat(keys(on)).endsWith("kafka", "mqtt", "mesh");
        assertThat(Json.encodeToString(on.get("mqtt"))).isEqualTo("{\"enabled\":true}");
        assertThat(on.get("active_streams")).isEqualTo(List.of("requests"));
    }

    @Test
    void rotation_appliesEveryTransport_andReportsOnlySettingsNoTransportReconnects() {
        TestTransport transport = new TestTransport("mesh", null);
        transport.reconnect = Set.of(AgentSettings.AGENT_TYPE);
        transports.add(transport);
        SecretRotation rotation = new SecretRotation(config, transports, Set.of(AgentSettings.MQTT_PASSWORD));
        AgentConfig next = AgentConfig.builder()
                .serviceName("health-test")
                .httpPort(0)
                .set(AgentSettings.REALTIME_ENABLED, false)
                .set(AgentSettings.AGENT_TYPE, "rotated")
                .set(AgentSettings.MQTT_PASSWORD, "new")
                .set(AgentSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(3))
                .build();

        List<String> needRestart = rotation.rotate(next);

        assertThat(needRestart).containsExactly(AgentSettings.SHUTDOWN_TIMEOUT.env());
        assertThat(transport.applied).containsExactly(next);
        assertThat(rotation.current()).isSameAs(next);
    }

    /** A transport whose reports the test sets. */
    private static final class TestTransport implements InboundTransport {
        private final String name;
        private final Map<String, Object> fragment;
        private final List<String> readiness = new ArrayList<>();
        private final Map<String, Object> status = new LinkedHashMap<>();
        private final List<AgentConfig> applied = new ArrayList<>();
        private volatile TransportHealth health = TransportHealth.UP;
        private volatile List<String> streams = List.of();
        private volatile Set<Setting<?>> reconnect = Set.of();

        TestTransport(String name, Map<String, Object> fragment) {
            this.name = name;
            this.fragment = fragment;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {}

        @Override
        public void drainAndStop(Duration timeout) {}

        @Override
        public Set<Setting<?>> reconnectSettings() {
            return reconnect;
        }

        @Override
        public void applySettings(AgentConfig previous, AgentConfig next) {
            applied.add(next);
        }

        @Override
        public TransportHealth health() {
            return health;
        }

        @Override
        public List<String> readinessProblems() {
            return List.copyOf(readiness);
        }

        @Override
        public Map<String, Object> healthFragment() {
            return fragment;
        }

        @Override
        public Map<String, Object> status() {
            return status;
        }

        @Override
        public List<String> activeStreams() {
            return streams;
        }

        @Override
        public void close() {}
    }
}
