package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.WsSubscribers;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Many concurrent WebSocket clients all receive a broadcast. */
@WithKafka
class LiveFanoutIT {
    private static final int CLIENTS = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aThousandConcurrentClientsAllReceiveABroadcast(KafkaBroker broker, KafkaTestClient client) throws Exception {
        AgentConfig config = TestAgents.config(broker, "fanout")
                .eventsTopic(client.uniqueTopic("events", 1))
                .set(AgentSettings.KAFKA_LIVE_TOPIC, client.uniqueTopic("live", 1))
                .set(AgentSettings.WEBSOCKET_ENDPOINTS, List.of(WebSocketEndpoint.of("/ws/fan", "fan")))
                .build();
        RealtimeAgent agent = new RealtimeAgent() {};
        List<WsTestClient> clients = new ArrayList<>();
        try (RunningAgent running = TestAgents.start(agent, config)) {
            WsSubscribers.connect(running, "/ws/fan", "fan", CLIENTS, TIMEOUT, clients);

            agent.broadcast("fan", Map.of("hello", "everyone"));

            for (WsTestClient each : clients) {
                assertThat(each.next("broadcast", TIMEOUT)
                                .path("payload")
                                .path("data")
                                .path("hello")
                                .asText())
                        .isEqualTo("everyone");
            }
        } finally {
            clients.forEach(WsTestClient::close);
        }
    }
}
