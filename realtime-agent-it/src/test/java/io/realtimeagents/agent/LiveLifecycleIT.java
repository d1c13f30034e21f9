package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.StalledWsClient;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Heartbeats, the idle timeout, and closing clients when the agent stops. */
@WithKafka
class LiveLifecycleIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void quietHealthyClientsStay_silentOnesAreClosedAfterTheIdleTimeout_andStopSendsGoingAway(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        TestAgent<RealtimeAgent> running = TestAgent.start(
                () -> new RealtimeAgent() {},
                broker,
                c -> c.set(AgentSettings.LIVE_HEARTBEAT_INTERVAL, Duration.ofMillis(200))
                        .set(AgentSettings.LIVE_IDLE_TIMEOUT, Duration.ofSeconds(1)));
        try (WsTestClient quiet = WsTestClient.connect(URI.create("ws://localhost:" + running.port() + "/ws"));
                StalledWsClient silent = StalledWsClient.connect(running.port(), "/ws", "{}");
                SseTestClient stream =
                        SseTestClient.open(URI.create("http://localhost:" + running.port() + "/stream/events"))) {
            long start = System.nanoTime();
            assertThat(silent.readsToEndOfStream())
                    .as("a client that never answers pings is closed")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            Await.await(TIMEOUT, "three idle timeouts to pass", () -> System.nanoTime() - start > 3_000_000_000L);
            quiet.send("ping", Map.of(), "alive");
            assertThat(quiet.next("pong", TIMEOUT).path("correlation_id").asText())
                    .isEqualTo("alive");
            assertThat(quiet.closed()).isNotDone();

            running.close();

            WsTestClient.Closed closed = quiet.closed().get(20, TimeUnit.SECONDS);
            assertThat(closed.status()).isEqualTo(1001);
            assertThat(closed.reason()).contains("shutting down");
            Await.await(TIMEOUT, "the SSE stream to end", stream::ended);
        } finally {
            running.close();
        }
    }
}
