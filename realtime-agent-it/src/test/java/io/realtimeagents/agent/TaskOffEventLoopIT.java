package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.HoldingAgent;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.WsSubscribers;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.HttpTestClient.Response;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task that blocks for 2 s does not hold up live delivery: it runs on the task executor, not on the Netty event
 * loops that serve the WebSocket clients too (each loop serves about a quarter of them), so every broadcast sent
 * meanwhile reaches all 100 clients within the usual latency.
 */
@WithKafka
class TaskOffEventLoopIT {
    private static final Logger LOG = LoggerFactory.getLogger(TaskOffEventLoopIT.class);
    private static final int CLIENTS = 100;
    private static final Duration BLOCKING = Duration.ofSeconds(2);
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void broadcastsReachAHundredClientsWithinASecond_whileATaskBlocksForTwoSeconds(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        AgentConfig config = TestAgents.config(broker, "offloop")
                .set(AgentSettings.WEBSOCKET_ENDPOINTS, List.of(WebSocketEndpoint.of("/ws/fan", "fan")))
                .build();
        HoldingAgent agent = new HoldingAgent();
        List<WsTestClient> clients = new ArrayList<>();
        try (RunningAgent running = RealtimeAgents.app(() -> agent)
                .config(config)
                .endpoint("/block", "hold")
                .start()) {
            WsSubscribers.connect(running, "/ws/fan", "fan", CLIENTS, TIMEOUT, clients);

            CompletableFuture<Response> task = CompletableFuture.supplyAsync(
                    () -> HttpTestClient.of(running.url()).post("/block", "{}"));
            assertThat(agent.started.tryAcquire(20, TimeUnit.SECONDS))
                    .as("the task started")
                    .isTrue();
            long blockedSince = System.nanoTime();
            int sent = 0;
            long slowestNanos = 0;
            while (System.nanoTime() - blockedSince < BLOCKING.toNanos()) {
                sent++;
                long start = System.nanoTime();
                agent.broadcast("fan", Map.of("n", sent));
                int expected = sent;
                Await.await(
                        DELIVERY_BOUND,
                        "broadcast " + sent + " at all " + CLIENTS + " clients while the task blocks",
                        () -> clients.stream()
                                .allMatch(each -> each.broadcasts("fan").size() >= expected));
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
            }
            assertThat(task).as("the task was still blocked while broadcasting").isNotDone();
            agent.release.countDown();

            Response reply = task.get(20, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(sent).isGreaterThanOrEqualTo(2);
            LOG.info(
                    "{} broadcasts reached {} clients during a blocking task; slowest {} ms",
                    sent,
                    CLIENTS,
                    slowestNanos / 1_000_000);
        } finally {
            agent.release.countDown();
            clients.forEach(WsTestClient::close);
        }
    }
}
