package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.LogCapture;
import io.realtimeagents.agent.support.MqttTestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.MqttBrokers;
import io.realtimeagents.testkit.MqttTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The correlation id of a handling comes from the inbound message (Kafka header, MQTT user property, JSON envelope
 * field) or is made new; it is in the handler's context, on every output of the handling (record header, event field,
 * MQTT user property) and in the handler's log lines through the MDC, which no other thread sees.
 */
@WithKafka
@WithMqtt
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class CorrelationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(CorrelationIT.class);

    record Note(String id) {}

    /** For each note: logs, sends a record, emits an event and (when given a topic) publishes to MQTT. */
    static final class NoteAgent extends RealtimeAgent {
        final List<String> contextIds = new CopyOnWriteArrayList<>();
        final List<String> mdcOnOutputThreads = new CopyOnWriteArrayList<>();
        private final String output;
        private final String mqttFilter;
        private final String mqttOutput;
        private final String kafkaInput;

        NoteAgent(String kafkaInput, String output, String mqttFilter, String mqttOutput) {
            this.kafkaInput = kafkaInput;
            this.output = output;
            this.mqttFilter = mqttFilter;
            this.mqttOutput = mqttOutput;
        }

        @Override
        protected void initialize() {
            if (kafkaInput != null) {
                subscribeKafka(kafkaInput, "note");
            }
            if (mqttFilter != null) {
                subscribeMqtt(mqttFilter, "note", 1);
            }
            onMessage("note", Note.class, (note, context) -> {
                contextIds.add(note.id() + "=" + context.correlationId());
                LOG.info("handling note {}", note.id());
                sendKafkaMessage(output, note.id(), note.id())
                        .whenComplete(
                                (sent, error) -> mdcOnOutputThreads.add(String.valueOf(MDC.get("correlation_id"))));
                emit(EventType.ALERT_TRIGGERED, Map.of("note", note.id()));
                if (mqttOutput != null) {
                    publishMqtt(mqttOutput, note.id());
                }
            });
        }

        String idOf(String noteId) {
            return contextIds.stream()
                    .filter(entry -> entry.startsWith(noteId + "="))
                    .map(entry -> entry.substring(noteId.length() + 1))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void aKafkaHeadersId_andANewId_areInTheContext_theOutputs_andTheMdc(KafkaBroker broker, KafkaTestClient client) {
        String input = client.uniqueTopic("corr-in", 1);
        String output = client.uniqueTopic("corr-out", 1);
        String events = client.uniqueTopic("corr-events", 1);
        NoteAgent agent = new NoteAgent(input, output, null, null);
        try (LogCapture logs = LogCapture.of(CorrelationIT.class);
                TestAgent<NoteAgent> running = TestAgent.start(() -> agent, broker, c -> c.eventsTopic(events))) {
            client.produce(input, "h", "{\"id\":\"h\"}", Map.of("correlation_id", "from-header"));
            client.produce(input, "n", "{\"id\":\"n\"}");
            client.produce(
                    input,
                    "e",
                    "{\"message_type\":\"note\",\"payload\":{\"id\":\"e\"},\"correlation_id\":\"from-body\"}");

            List<ConsumerRecord<String, String>> sent = client.consume(output, 3, TIMEOUT);
            List<ConsumerRecord<String, String>> emitted = client.consume(events, 3, TIMEOUT);
            assertThat(agent.idOf("h")).isEqualTo("from-header");
            assertThat(agent.idOf("e")).isEqualTo("from-body");
            String made = agent.idOf("n");
            assertThat(UUID.fromString(made).version()).as(made).isEqualTo(4);

            for (String note : List.of("h", "n", "e")) {
                String id = agent.idOf(note);
                ConsumerRecord<String, String> record = sent.stream()
                        .filter(r -> r.key().equals(note))
                        .findFirst()
                        .orElseThrow();
                assertThat(KafkaTestClient.header(record, "correlation_id"))
                        .as("sent record of " + note)
                        .isEqualTo(id);
                JsonNode event = emitted.stream()
                        .map(r -> Json.tree(r.value().getBytes(StandardCharsets.UTF_8)))
                        .filter(e -> e.get("data").get("note").asText().equals(note))
                        .findFirst()
                        .orElseThrow();
                assertThat(event.get("correlation_id").asText())
                        .as("event of " + note)
                        .isEqualTo(id);
                ILoggingEvent line = logs.events().stream()
                        .filter(e -> e.getFormattedMessage().equals("handling note " + note))
                        .findFirst()
                        .orElseThrow();
                assertThat(line.getMDCPropertyMap())
                        .as("MDC of the handler's log line of " + note)
                        .containsEntry("correlation_id", id)
                        .containsEntry("message_type", "note")
                        .containsEntry("topic", input);
            }
            Await.await(TIMEOUT, "every send's callback ran", () -> agent.mdcOnOutputThreads.size() == 3);
            assertThat(agent.mdcOnOutputThreads)
                    .as("the producer's thread does not see the handler's MDC")
                    .containsOnly("null");
        }
    }

    @Test
    void anMqttUserPropertysId_isInTheContext_andOnTheKafkaAndMqttOutputs(KafkaBroker broker, KafkaTestClient client) {
        String p = MqttTestClient.uniqueTopic("corr");
        String output = client.uniqueTopic("corr-mqtt-out", 1);
        String events = client.uniqueTopic("corr-mqtt-events", 1);
        String deadLetters = client.uniqueTopic("corr-mqtt-dlq", 1);
        UnaryOperator<AgentConfig.Builder> mqtt = MqttTestAgents.mqtt(MqttBrokers.shared(), "corr-mqtt", deadLetters);
        NoteAgent agent = new NoteAgent(null, output, p + "/notes", p + "/out");
        try (TestAgent<NoteAgent> running =
                        TestAgent.start(() -> agent, broker, c -> mqtt.apply(c).eventsTopic(events));
                MqttTestClient devices = MqttTestClient.connect(MqttBrokers.shared())) {
            devices.subscribe(p + "/out", 1);
            devices.publish(
                    p + "/notes",
                    "{\"id\":\"m\"}".getBytes(StandardCharsets.UTF_8),
                    1,
                    Map.of("correlation_id", "mqtt-1"));
            devices.publish(p + "/notes", "{\"id\":\"fresh\"}", 1);

            List<ConsumerRecord<String, String>> sent = client.consume(output, 2, TIMEOUT);
            assertThat(agent.idOf("m")).isEqualTo("mqtt-1");
            String made = agent.idOf("fresh");
            assertThat(UUID.fromString(made).version()).isEqualTo(4);
            List<MqttTestClient.Received> published = devices.awaitMessages(message -> true, 2, TIMEOUT);
            for (String note : List.of("m", "fresh")) {
                String id = agent.idOf(note);
                assertThat(sent.stream()
                                .filter(r -> r.key().equals(note))
                                .map(r -> KafkaTestClient.header(r, "correlation_id")))
                        .as("sent record of " + note)
                        .containsExactly(id);
                assertThat(published.stream()
                                .filter(m -> m.payload().equals(note))
                                .map(m -> m.userProperties().get("correlation_id")))
                        .as("MQTT publish of " + note)
                        .containsExactly(id);
            }
        }
    }

    /** A task that logs and emits an event. */
    static final class TaskAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            onTask("note", "Emits a note", request -> {
                LOG.info("running task {}", request.taskId());
                emit(EventType.ALERT_TRIGGERED, Map.of("task", request.taskId()));
                return Map.of("done", true);
            });
        }
    }

    @Test
    void anHttpTasksXCorrelationIdHeader_isInTheResult_theEmittedEvent_andTheMdc(
            KafkaBroker broker, KafkaTestClient client) {
        String events = client.uniqueTopic("corr-task-events", 1);
        try (LogCapture logs = LogCapture.of(CorrelationIT.class);
                TestAgent<TaskAgent> running = TestAgent.start(TaskAgent::new, broker, c -> c.eventsTopic(events))) {
            HttpTestClient.Response reply = running.http()
                    .post("/tasks", "{\"task_id\":\"t1\",\"task_type\":\"note\"}", "X-Correlation-Id", "http-1");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(Json.tree(reply.body().getBytes(StandardCharsets.UTF_8))
                            .get("correlation_id")
                            .asText())
                    .isEqualTo("http-1");
            JsonNode event =
                    Json.tree(client.consume(events, 1, TIMEOUT).get(0).value().getBytes(StandardCharsets.UTF_8));
            assertThat(event.get("correlation_id").asText()).isEqualTo("http-1");
            ILoggingEvent line = logs.events().stream()
                    .filter(e -> e.getFormattedMessage().equals("running task t1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(line.getMDCPropertyMap())
                    .containsEntry("correlation_id", "http-1")
                    .containsEntry("message_type", "note");

            HttpTestClient.Response fresh =
                    running.http().post("/tasks", "{\"task_id\":\"t2\",\"task_type\":\"note\"}");
            String made = Json.tree(fresh.body().getBytes(StandardCharsets.UTF_8))
                    .get("correlation_id")
                    .asText();
            assertThat(UUID.fromString(made).version()).as(fresh.body()).isEqualTo(4);
        }
    }
}
