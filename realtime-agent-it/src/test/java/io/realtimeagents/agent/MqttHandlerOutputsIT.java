package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.MqttTestAgents;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.MqttBrokers;
import io.realtimeagents.testkit.MqttTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/**
 * An MQTT message is acknowledged only once the outputs of its handler were acknowledged: an output that fails after
 * the handler returned makes the message be handled again, and dead-lettered with reason {@code output_failed} when
 * no retry is left, while the subscription keeps flowing.
 */
@WithKafka
@WithMqtt
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class MqttHandlerOutputsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int OUTPUT_MAX_BYTES = 2_000;

    record Note(String id, int size) {}

    record Attempt(String id, int attempt) {}

    /** Sends each note to a Kafka topic without waiting; the first attempt of note {@code once} sends too much. */
    static final class NoteAgent extends RealtimeAgent {
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        private final String filter;
        private final String output;

        NoteAgent(String filter, String output) {
            this.filter = filter;
            this.output = output;
        }

        @Override
        protected void initialize() {
            subscribeMqtt(filter, "note", 1);
            onMessage("note", Note.class, (note, context) -> {
                attempts.add(new Attempt(note.id(), context.attempt()));
                int size = note.id().equals("once") && context.attempt() == 1 ? OUTPUT_MAX_BYTES * 4 : note.size();
                sendKafkaMessage(output, note.id(), "x".repeat(size));
            });
        }

        List<Integer> attemptsOf(String id) {
            return attempts.stream()
                    .filter(attempt -> attempt.id().equals(id))
                    .map(Attempt::attempt)
                    .toList();
        }
    }

    @Test
    void outputsFailingAfterTheHandlerReturned_areRetried_thenDeadLettered_andLaterMessagesFlow(
            KafkaBroker kafka, KafkaTestClient client) throws Exception {
        String p = MqttTestClient.uniqueTopic("outputs");
        String deadLetters = client.uniqueTopic("mqtt-outputs-dlq", 1);
        String output = TestAgent.uniqueName("mqtt-outputs");
        NewTopic small = new NewTopic(output, 1, (short) 1)
                .configs(Map.of("max.message.bytes", Integer.toString(OUTPUT_MAX_BYTES)));
        client.admin().createTopics(List.of(small)).all().get(30, TimeUnit.SECONDS);
        try (TestAgent<NoteAgent> running = TestAgent.start(
                        () -> new NoteAgent(p + "/notes", output),
                        kafka,
                        MqttTestAgents.mqtt(MqttBrokers.shared(), "mqtt-outputs", deadLetters));
                MqttTestClient devices = MqttTestClient.connect(MqttBrokers.shared())) {
            NoteAgent agent = running.agent();
            devices.publish(p + "/notes", "{\"id\":\"too-big\",\"size\":" + OUTPUT_MAX_BYTES * 4 + "}", 1);
            devices.publish(p + "/notes", "{\"id\":\"once\",\"size\":10}", 1);
            devices.publish(p + "/notes", "{\"id\":\"fine\",\"size\":10}", 1);

            ConsumerRecord<String, String> letter =
                    client.consume(deadLetters, 1, TIMEOUT).get(0);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_OUTPUT);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.OUTPUT)).isEqualTo("kafka topic " + output);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_CLASS))
                    .isEqualTo(RecordTooLargeException.class.getName());
            assertThat(agent.attemptsOf("too-big")).containsExactly(1, 2, 3);

            List<String> forwarded = client.consume(output, 2, TIMEOUT).stream()
                    .map(ConsumerRecord::key)
                    .toList();
            assertThat(forwarded).containsExactlyInAnyOrder("once", "fine");
            assertThat(agent.attemptsOf("once")).containsExactly(1, 2);
            Await.await(
                    TIMEOUT,
                    "every message acknowledged",
                    () -> running.http().get("/realtime/status").body().contains("\"unacknowledged\":0"));
        }
    }
}
