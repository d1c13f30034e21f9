package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.PrometheusText;
import io.realtimeagents.agent.support.StatusJson;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.HttpTestClient.Response;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Health, probes, status, connections and metrics over real HTTP. */
@WithKafka
class HttpEndpointsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Reading(String patientId, int value) {}

    static final class ReadingAgent extends RealtimeAgent {
        final List<Reading> handled = new CopyOnWriteArrayList<>();

        @Override
        protected void initialize() {
            onMessage("reading", Reading.class, (reading, context) -> {
                if (reading.value() < 0) {
                    throw new IllegalArgumentException("negative reading");
                }
                handled.add(reading);
            });
        }
    }

    @Test
    void healthStatusConnectionsAndMetrics_reportTheAgentAfterMessagesAndAFailure(
            KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("observed", 1);
        broker.createTopic(topic + ".dlq", 1);
        try (TestAgent<ReadingAgent> running = TestAgent.start(
                ReadingAgent::new,
                broker,
                c -> c.streamingTopics(topic)
                        .topicMessageType(topic, "reading")
                        .set(AgentSettings.AGENT_TYPE, "vitals-monitor")
                        .retries(0, Duration.ZERO, Duration.ZERO))) {
            ReadingAgent agent = running.agent();
            AgentConfig config = running.config();
            for (int value : new int[] {1, 2, -3, 4}) {
                client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":" + value + "}");
            }
            Await.await(TIMEOUT, "three readings handled", () -> agent.handled.size() == 3);
            Await.await(
                    TIMEOUT, "the failed reading dead-lettered", () -> client.lag(config.consumerGroup(), topic) == 0);

            Response health = running.http().get("/health");
            assertThat(health.status()).isEqualTo(200);
            JsonNode body = health.json();
            assertThat(fieldNames(body))
                    .containsExactly(
                            "status",
                            "service",
                            "realtime_enabled",
                            "websocket_enabled",
                            "connections",
                            "message_count",
                            "error_count");
            assertThat(body.get("status").asText()).isEqualTo("healthy");
            assertThat(body.get("service").asText()).isEqualTo(config.serviceName());
            assertThat(body.get("realtime_enabled").asBoolean()).isTrue();
            assertThat(body.get("websocket_enabled").isBoolean()).isTrue();
            assertThat(body.get("connections").asInt()).isZero();
            assertThat(body.get("message_count").asLong()).isEqualTo(3);
            assertThat(body.get("error_count").asLong()).isEqualTo(1);

            assertProbe(running.http().get("/health/live"), 200, "UP");
            assertProbe(running.http().get("/health/ready"), 200, "UP");

            Response status = running.http().get("/realtime/status");
            assertThat(status.status()).isEqualTo(200);
            JsonNode realtime = status.json();
            assertThat(realtime.get("agent_type").asText()).isEqualTo("vitals-monitor");
            assertThat(StatusJson.texts(realtime.get("active_streams"))).containsExactly(topic);
            assertThat(StatusJson.texts(realtime.get("message_types"))).containsExactly("reading");
            assertThat(realtime.get("message_count").asLong()).isEqualTo(3);
            assertThat(StatusJson.texts(realtime.path("kafka").path("assigned_partitions")))
                    .containsExactly(topic + "-0");
            assertThat(realtime.path("kafka").path("consumer_group").asText()).isEqualTo(config.consumerGroup());

            Response connections = running.http().get("/realtime/connections");
            assertThat(connections.status()).isEqualTo(200);
            assertThat(connections.json().get("total_connections").asInt()).isZero();
            assertThat(connections.json().get("total_topics").asInt()).isZero();
            assertThat(connections.json().get("topics").isEmpty()).isTrue();

            assertMetrics(running.http().get("/metrics"), topic, config.serviceName());

            Response page = running.http().get("/");
            assertThat(page.status())
                    .as("public/index.html on the class path is served at /")
                    .isEqualTo(200);
            assertThat(page.body()).contains("served from public/");
            Response missing = running.http().get("/no-such-page.html");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("message").asText()).isEqualTo("No endpoint at GET /no-such-page.html");
            assertThat(running.http().get("/tasks").status()).isEqualTo(405);
        }
    }

    private static void assertMetrics(Response metrics, String topic, String service) {
        assertThat(metrics.status()).isEqualTo(200);
        String text = metrics.body();
        Map<String, String> typed = Map.of("topic", topic, "message_type", "reading", "service", service);
        assertThat(PrometheusText.value(text, "realtime_records_consumed_total", Map.of("topic", topic)))
                .hasValue(4.0);
        assertThat(PrometheusText.value(text, "realtime_records_processed_total", typed))
                .hasValue(3.0);
        assertThat(PrometheusText.value(text, "realtime_records_failed_total", typed))
                .hasValue(1.0);
        assertThat(PrometheusText.value(text, "realtime_records_retried_total", typed))
                .hasValue(0.0);
        assertThat(PrometheusText.value(
                        text, "realtime_records_dead_lettered_total", Map.of("topic", topic, "reason", "handler")))
                .hasValue(1.0);
        assertThat(PrometheusText.value(text, "realtime_handler_latency_seconds_count", typed))
                .hasValue(4.0);
        assertThat(PrometheusText.has(text, "realtime_handler_latency_seconds_bucket", typed))
                .isTrue();
        assertThat(PrometheusText.has(text, "realtime_consumer_lag", Map.of("topic", topic, "partition", "0")))
                .isTrue();
    }

    @Test
    void readiness_isDownNamingTheBootstrapServers_whenBrokersAreUnreachable_whileLivenessStaysUp() {
        AgentConfig config = AgentConfig.builder()
                .serviceName(TestAgents.uniqueName("unreachable"))
                .kafkaBootstrapServers("127.0.0.1:1")
                .streamingTopics("nowhere")
                .topicMessageType("nowhere", "reading")
                .httpPort(0)
                .set(AgentSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(2))
                .build();
        try (RunningAgent running = TestAgents.start(new ReadingAgent(), config)) {
            Await.await(
                    TIMEOUT,
                    "readiness down",
                    () -> HttpTestClient.of(running.url()).get("/health/ready").status() == 503);

            Response ready = HttpTestClient.of(running.url()).get("/health/ready");
            assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(StatusJson.texts(ready.json().get("problems")))
                    .anySatisfy(problem -> assertThat(problem).contains("127.0.0.1:1", "not reachable"));
            assertProbe(HttpTestClient.of(running.url()).get("/health/live"), 200, "UP");
            Response health = HttpTestClient.of(running.url()).get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("degraded");
            assertThat(HttpTestClient.of(running.url())
                            .get("/realtime/status")
                            .json()
                            .path("kafka")
                            .path("brokers_reachable")
                            .asBoolean())
                    .isFalse();
        }
    }

    static final class StuckAgent extends RealtimeAgent {
        final CountDownLatch release = new CountDownLatch(1);
        final List<Reading> handled = new CopyOnWriteArrayList<>();

        @Override
        protected void initialize() {
            onMessage("reading", Reading.class, (reading, context) -> {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the handler");
                }
                handled.add(reading);
            });
        }
    }

    @Test
    void liveness_staysUp_whileAPartitionIsPausedBehindABlockedHandler(KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("paused", 1);
        try (TestAgent<StuckAgent> running = TestAgent.start(
                StuckAgent::new,
                broker,
                c -> c.streamingTopics(topic)
                        .topicMessageType(topic, "reading")
                        .set(AgentSettings.KAFKA_PARTITION_BUFFER_BYTES, 4 * 40))) {
            StuckAgent agent = running.agent();
            for (int i = 0; i < 20; i++) {
                client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":" + i + "}");
            }
            Await.await(
                    TIMEOUT,
                    "the partition paused",
                    () -> StatusJson.pausedPartitions(running).equals(List.of(topic + "-0")));

            assertProbe(running.http().get("/health/live"), 200, "UP");
            assertProbe(running.http().get("/health/ready"), 200, "UP");
            assertThat(running.http().get("/health").json().get("status").asText())
                    .isEqualTo("healthy");

            agent.release.countDown();
            Await.await(TIMEOUT, "every reading handled", () -> agent.handled.size() == 20);
            Await.await(
                    TIMEOUT,
                    "the partition resumed",
                    () -> StatusJson.pausedPartitions(running).isEmpty());
            assertThat(agent.handled).extracting(Reading::value).isSorted().doesNotHaveDuplicates();
        }
    }

    private static void assertProbe(Response reply, int status, String state) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("status").asText()).isEqualTo(state);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
