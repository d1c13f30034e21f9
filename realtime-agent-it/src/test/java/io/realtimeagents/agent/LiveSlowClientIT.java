package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.PrometheusText;
import io.realtimeagents.agent.support.StalledWsClient;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.live.SlowClientPolicy;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A client that stops reading is closed without holding back the others or growing the heap. */
@WithKafka
class LiveSlowClientIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int BUFFER = 64 * 1024;
    private static final int FAST_CLIENTS = 100;
    private static final int MESSAGES = 300;
    private static final String PAD = "x".repeat(1024);
    private static final Duration SLOW_TIMEOUT = Duration.ofSeconds(4);

    @Test
    void stalledClientIsClosedAfterTheConfiguredTime_whileAHundredFastClientsGetEverythingWithoutExtraLatency(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        List<WsTestClient> fast = new ArrayList<>();
        try (TestAgent<RealtimeAgent> running =
                TestAgent.start(() -> new RealtimeAgent() {}, broker, config(SlowClientPolicy.DROP))) {
            RealtimeAgent agent = running.agent();
            URI uri = URI.create("ws://localhost:" + running.port() + "/ws/load");
            List<CompletableFuture<WsTestClient>> connecting = new ArrayList<>();
            for (int i = 0; i < FAST_CLIENTS; i++) {
                connecting.add(WsTestClient.connectAsync(uri));
            }
            for (CompletableFuture<WsTestClient> connected : connecting) {
                fast.add(connected.join());
                fast.getLast().next("subscription_confirmed", TIMEOUT);
            }
            long[] alone = sendAndMeasure(agent, fast, 0);

            try (StalledWsClient stalled = StalledWsClient.connect(running.port(), "/ws/bulk", "{}")) {
                Await.await(TIMEOUT, "the stalled client's subscription", () -> subscribers(running, "bulk") == 1);
                flood(agent, "bulk", 1000); // fills the stalled client's buffer; the fast clients get none of it
                Await.await(TIMEOUT, "messages dropped for the stalled client", () -> dropped(running) > 0);
                long firstDrop = System.nanoTime();

                long[] withStalled = sendAndMeasure(agent, fast, MESSAGES);

                Await.await(
                        TIMEOUT, "the stalled client to be closed as a slow client", () -> slowCloses(running) == 1);
                assertThat(Duration.ofNanos(System.nanoTime() - firstDrop))
                        .as("closed within LIVE_SLOW_CLIENT_TIMEOUT (%s) and some slack", SLOW_TIMEOUT)
                        .isLessThan(SLOW_TIMEOUT.plusSeconds(4));
                assertThat(stalled.readsToEndOfStream())
                        .as("the server closed the stalled connection")
                        .isTrue();
                long p99Alone = percentile(alone, 0.99);
                long p99WithStalled = percentile(withStalled, 0.99);
                assertThat(p99WithStalled)
                        .as(
                                "p99 latency of fast clients with a stalled one (%d ms) vs alone (%d ms)",
                                p99WithStalled / 1_000_000, p99Alone / 1_000_000)
                        .isLessThanOrEqualTo(Math.max(2 * p99Alone, p99Alone + TimeUnit.MILLISECONDS.toNanos(300)));
            }
        } finally {
            fast.forEach(WsTestClient::close);
        }
    }

    /** Broadcasts the messages and returns every fast client's latency of each, checking all arrived in order. */
    private static long[] sendAndMeasure(RealtimeAgent agent, List<WsTestClient> clients, int firstSeq)
            throws Exception {
        List<CompletableFuture<SentRecord>> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            sent.add(agent.broadcast("load", Map.of("seq", firstSeq + i, "sent_nanos", System.nanoTime(), "pad", PAD))
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long[] latencies = new long[clients.size() * MESSAGES];
        int at = 0;
        for (WsTestClient each : clients) {
            for (int i = 0; i < MESSAGES; i++) {
                JsonNode message = each.next("broadcast", TIMEOUT);
                long received = System.nanoTime();
                JsonNode data = message.path("payload").path("data");
                assertThat(data.path("seq").asInt()).isEqualTo(firstSeq + i);
                latencies[at++] = received - data.path("sent_nanos").asLong();
            }
        }
        return latencies;
    }

    @Test
    void underTheClosePolicyAClientIsClosedOnceItsBufferIsFull_andItsBacklogNeverGrowsMemory(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        try (TestAgent<RealtimeAgent> running =
                TestAgent.start(() -> new RealtimeAgent() {}, broker, config(SlowClientPolicy.CLOSE))) {
            RealtimeAgent agent = running.agent();
            flood(agent, "bulk", 1000); // nobody listens: warms up the producer, the feed and the pools
            Await.await(TIMEOUT, "the warm-up to be read", () -> received(running) >= 1000);
            long heapBefore = heapAfterGc();

            try (StalledWsClient stalled = StalledWsClient.connect(running.port(), "/ws/bulk", "{}")) {
                Await.await(TIMEOUT, "the stalled client's subscription", () -> subscribers(running, "bulk") == 1);
                flood(agent, "bulk", 1000); // 8 MiB for a client whose buffer holds 64 KiB

                Await.await(
                        TIMEOUT, "the stalled client to be closed as a slow client", () -> slowCloses(running) == 1);
                Await.await(TIMEOUT, "the flood to be read", () -> received(running) >= 2000);
                assertThat(stalled.readsToEndOfStream()).isTrue();
                Await.await(
                        TIMEOUT,
                        "the bytes of live messages held to come down to the history of 10",
                        () -> retainedBytes(running) < 10 * 2 * 9 * 1024);
                assertThat(heapAfterGc() - heapBefore)
                        .as("heap growth from an 8 MiB flood at a stalled client, after the same flood without it")
                        .isLessThan(8L * 1024 * 1024);
            }
        }
    }

    private static void flood(RealtimeAgent agent, String topic, int messages) throws Exception {
        String big = "y".repeat(8 * 1024);
        List<CompletableFuture<SentRecord>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            sent.add(agent.broadcast(topic, Map.of("seq", i, "pad", big)).toCompletableFuture());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private static UnaryOperator<AgentConfig.Builder> config(SlowClientPolicy policy) {
        return c -> c.set(AgentSettings.LIVE_CLIENT_BUFFER_BYTES, BUFFER)
                .set(AgentSettings.LIVE_SLOW_CLIENT_POLICY, policy)
                .set(AgentSettings.LIVE_SLOW_CLIENT_TIMEOUT, SLOW_TIMEOUT)
                .set(AgentSettings.LIVE_HISTORY_SIZE, 10)
                .set(
                        AgentSettings.WEBSOCKET_ENDPOINTS,
                        List.of(WebSocketEndpoint.of("/ws/load", "load"), WebSocketEndpoint.of("/ws/bulk", "bulk")))
                .kafkaProducerProperty("max.request.size", "4194304");
    }

    private static int subscribers(TestAgent<?> running, String topic) {
        return running.http()
                .get("/realtime/connections")
                .json()
                .path("topics")
                .path(topic)
                .asInt();
    }

    private static double received(TestAgent<?> running) {
        return metric(running, "realtime_live_messages_received_total", Map.of("kind", "broadcast"));
    }

    private static double retainedBytes(TestAgent<?> running) {
        return metric(running, "realtime_live_retained_bytes", Map.of());
    }

    private static double slowCloses(TestAgent<?> running) {
        return metric(running, "realtime_live_closed_total", Map.of("transport", "websocket", "reason", "slow_client"));
    }

    private static double dropped(TestAgent<?> running) {
        return metric(running, "realtime_live_messages_dropped_total", Map.of("transport", "websocket"));
    }

    private static double metric(TestAgent<?> running, String name, Map<String, String> labels) {
        return PrometheusText.value(running.http().get("/metrics").body(), name, labels)
                .orElse(0);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long percentile(long[] values, double quantile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))];
    }
}
