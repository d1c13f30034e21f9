package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.HttpProbe;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
            URI uri = URI.create("ws://localhost:" + running.port() + "/ws/fan");
            List<CompletableFuture<WsTestClient>> connecting = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                connecting.add(WsTestClient.connectAsync(uri));
            }
            for (CompletableFuture<WsTestClient> connected : connecting) {
                clients.add(connected.join());
            }
            for (WsTestClient each : clients) {
                each.next("subscription_confirmed", TIMEOUT);
            }
            Await.await(
                    TIMEOUT,
                    "all subscribers registered",
                    () -> HttpProbe.get(running, "/realtime/connections")
                                    .json()
                                    .path("topics")
                                    .path("fan")
                                    .asInt()
                            == CLIENTS);

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
