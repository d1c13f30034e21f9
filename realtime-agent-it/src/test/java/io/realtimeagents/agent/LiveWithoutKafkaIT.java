package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent without Kafka still delivers its own broadcasts to its clients, with SSE resume. */
class LiveWithoutKafkaIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void broadcastsReachThisReplicasClients_andSseResumes() throws Exception {
        AgentConfig config = AgentConfig.builder()
                .serviceName("local-live")
                .httpPort(0)
                .set(AgentSettings.REALTIME_ENABLED, false)
                .build();
        RealtimeAgent agent = new RealtimeAgent() {};
        try (RunningAgent running =
                        RealtimeAgents.app(() -> agent).config(config).start();
                WsTestClient ws = WsTestClient.connect(URI.create("ws://localhost:" + running.port() + "/ws"))) {
            URI stream = URI.create("http://localhost:" + running.port() + "/stream/topic/local");
            ws.send("subscribe", Map.of("topic", "local"), null);
            ws.next("subscription_confirmed", TIMEOUT);
            String lastId;
            try (SseTestClient sse = SseTestClient.open(stream)) {
                agent.broadcast("local", Map.of("n", 1));
                lastId = sse.next(TIMEOUT).id();
            }
            agent.broadcast("local", Map.of("n", 2));

            assertThat(ws.next("broadcast", TIMEOUT)
                            .path("payload")
                            .path("data")
                            .path("n")
                            .asInt())
                    .isEqualTo(1);
            assertThat(ws.next("broadcast", TIMEOUT)
                            .path("payload")
                            .path("data")
                            .path("n")
                            .asInt())
                    .isEqualTo(2);
            try (SseTestClient resumed = SseTestClient.open(stream, "Last-Event-ID", lastId)) {
                SseTestClient.Event missed = resumed.next(TIMEOUT);
                assertThat(missed.type()).isEqualTo("broadcast");
                assertThat(missed.data().path("payload").path("data").path("n").asInt())
                        .isEqualTo(2);
            }
        }
    }
}
