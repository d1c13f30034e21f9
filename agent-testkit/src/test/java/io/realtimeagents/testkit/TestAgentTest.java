package io.realtimeagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.model.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@WithKafka
class TestAgentTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Emits an alert for every reading on its streaming topic. */
    static final class AlertingAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            onMessage(
                    "reading",
                    Map.class,
                    (reading, context) -> emit(EventType.ALERT_TRIGGERED, Map.of("patient_id", reading.get("id"))));
        }
    }

    @Test
    void start_servesHealthOnAFreePortOfItsOwn(KafkaBroker broker) {
        try (TestAgent<AlertingAgent> one = TestAgent.start(AlertingAgent::new, broker);
                TestAgent<AlertingAgent> other = TestAgent.start(AlertingAgent::new, broker)) {
            assertThat(one.port()).isPositive().isNotEqualTo(other.port());
            assertThat(one.url()).hasToString("http://127.0.0.1:" + one.port());
            assertThat(one.url("/health")).hasToString("http://127.0.0.1:" + one.port() + "/health");
            assertThat(one.http().get("/health").status()).isEqualTo(200);
            assertThat(one.http().get("/health").json().path("status").asText()).isEqualTo("healthy");
            assertThat(one.config().serviceName())
                    .startsWith("alerting-agent-")
                    .isNotEqualTo(other.config().serviceName());
            assertThat(one.config().eventsTopic()).isEqualTo(one.config().serviceName() + ".events");
            assertThat(one.running().agent()).isSameAs(one.agent());
            assertThat(one.config().retryPolicy().maxRetries()).isEqualTo(TestAgent.RETRIES);
        }
    }

    @Test
    void kafka_roundTripsThroughTheAgentToItsOwnEventsTopic(KafkaBroker broker, KafkaTestClient client) {
        String readings = client.uniqueTopic("readings", 1);
        try (TestAgent<AlertingAgent> agent = TestAgent.start(
                AlertingAgent::new,
                broker,
                config -> config.streamingTopics(readings).topicMessageType(readings, "reading"))) {
            Await.await(
                    TIMEOUT,
                    "the agent holds its partition",
                    () -> agent.assignedPartitions().equals(List.of(readings + "-0")));
            agent.kafka().produce(readings, "p1", "{\"id\":\"p1\"}");

            ConsumerRecord<String, String> alert = agent.kafka()
                    .consume(agent.config().eventsTopic(), 1, TIMEOUT)
                    .get(0);
            assertThat(alert.value()).contains("alert_triggered").contains("\"patient_id\":\"p1\"");
        }
    }

    @Test
    void serviceNameSetByTheConfig_namesTheTopicsToo_unlessTheyAreSet(KafkaBroker broker, KafkaTestClient client) {
        String service = TestAgent.uniqueName("replica");
        String events = client.uniqueTopic("events", 1);
        try (TestAgent<AlertingAgent> a = TestAgent.start(AlertingAgent::new, broker, c -> c.serviceName(service));
                TestAgent<AlertingAgent> b = TestAgent.start(
                        AlertingAgent::new, broker, c -> c.serviceName(service).eventsTopic(events))) {
            assertThat(a.config().eventsTopic()).isEqualTo(service + ".events");
            assertThat(a.config().get(AgentSettings.KAFKA_LIVE_TOPIC)).isEqualTo(service + ".live");
            assertThat(b.config().eventsTopic()).isEqualTo(events);
        }
    }

    @Test
    void wsAndSse_connectToTheAgent_andCloseWithIt(KafkaBroker broker) throws Exception {
        WsTestClient ws;
        SseTestClient sse;
        try (TestAgent<AlertingAgent> agent = TestAgent.start(AlertingAgent::new, broker)) {
            ws = agent.ws("/ws");
            ws.send("ping", Map.of("n", 1), "c-1");
            JsonNode pong = ws.next("pong", TIMEOUT);
            assertThat(pong.path("correlation_id").asText()).isEqualTo("c-1");
            sse = agent.sse("/stream/events");
            assertThat(sse.status()).isEqualTo(200);
        }
        assertThat(ws.closed()).succeedsWithin(TIMEOUT);
        Await.await(TIMEOUT, "the SSE stream ended", sse::ended);
    }

    @Test
    void close_stopsTheAgent_andFreesItsPort(KafkaBroker broker) throws IOException {
        TestAgent<AlertingAgent> agent = TestAgent.start(AlertingAgent::new, broker);
        int port = agent.port();
        HttpTestClient http = agent.http();
        agent.close();
        agent.close();

        assertThatThrownBy(() -> http.get("/health")).isInstanceOf(UncheckedIOException.class);
        try (ServerSocket socket = new ServerSocket(port)) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void uniqueName_isNewEveryTime() {
        assertThat(TestAgent.uniqueName("svc")).startsWith("svc-").isNotEqualTo(TestAgent.uniqueName("svc"));
        assertThatThrownBy(() -> TestAgent.uniqueName(" ")).hasMessageContaining("prefix");
    }
}
