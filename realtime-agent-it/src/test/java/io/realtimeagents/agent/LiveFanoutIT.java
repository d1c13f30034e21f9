package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.WsSubscribers;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.TestAgent;
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
    void aThousandConcurrentClientsAllReceiveABroadcast(KafkaBroker broker) throws Exception {
        List<WsTestClient> clients = new ArrayList<>();
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                () -> new RealtimeAgent() {},
                broker,
                c -> c.set(AgentSettings.WEBSOCKET_ENDPOINTS, List.of(WebSocketEndpoint.of("/ws/fan", "fan"))))) {
            WsSubscribers.connect(running.running(), "/ws/fan", "fan", CLIENTS, TIMEOUT, clients);

            running.agent().broadcast("fan", Map.of("hello", "everyone"));

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
