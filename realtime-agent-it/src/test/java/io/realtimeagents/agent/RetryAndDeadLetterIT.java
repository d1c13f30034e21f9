package io.realtimeagents.agent;

import static io.realtimeagents.agent.support.Commits.committed;
import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.PrometheusText;
import io.realtimeagents.agent.support.ReadingAgent;
import io.realtimeagents.agent.support.ReadingAgent.Attempt;
import io.realtimeagents.agent.support.ReadingAgent.Reading;
import io.realtimeagents.common.InvalidMessageException;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.UnhandledMessagePolicy;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** Failed handlers are retried with backoff, then dead-lettered with the documented headers; the partition moves on. */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class RetryAndDeadLetterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void handlerFailingTwice_isRetriedAndSucceedsOnTheThirdAttempt(KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("flaky", 1);
        try (TestAgent<ReadingAgent> running = TestAgent.start(
                () -> ReadingAgent.failingFirst(2),
                broker,
                c -> c.streamingTopics(topic)
                        .topicMessageType(topic, "reading")
                        .retries(3, Duration.ofMillis(20), Duration.ofMillis(50)))) {
            ReadingAgent agent = running.agent();
            AgentConfig config = running.config();
            client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":7}");

            Await.await(TIMEOUT, "the reading handled", () -> agent.handled.size() == 1);
            assertThat(agent.handled).containsExactly(new Reading("p1", 7));
            assertThat(agent.attempts)
                    .containsExactly(new Attempt("p1", 1), new Attempt("p1", 2), new Attempt("p1", 3));

            String metrics = running.http().get("/metrics").body();
            Map<String, String> labels = Map.of("topic", topic, "message_type", "reading");
            assertThat(PrometheusText.value(metrics, "realtime_records_retried_total", labels))
                    .hasValue(2.0);
            assertThat(PrometheusText.value(metrics, "realtime_records_failed_total", labels))
                    .hasValue(2.0);
            assertThat(PrometheusText.value(metrics, "realtime_records_processed_total", labels))
                    .hasValue(1.0);
            assertThat(PrometheusText.has(metrics, "realtime_records_dead_lettered_total", Map.of("topic", topic)))
                    .isFalse();
            Await.await(TIMEOUT, "offset committed", () -> committed(client, config, topic) == 1);
        }
    }

    @Test
    void handlerAlwaysFailing_deadLettersTheRecordWithHeaders_andThePartitionMovesOn(
            KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("poison", 1);
        String deadLetters = topic + ".dlq";
        try (TestAgent<ReadingAgent> running = readingAgent(broker, topic)) {
            ReadingAgent agent = running.agent();
            AgentConfig config = running.config();
            String poison = "{\"patient_id\":\"p2\",\"value\":-1}";
            client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":1}");
            RecordMetadata failed = client.produce(topic, "p2", poison, Map.of("trace_id", "trace-42"));
            client.produce(topic, "p3", "{\"patient_id\":\"p3\",\"value\":3}");
            client.produce(topic, "p4", "{\"patient_id\":\"p4\",\"value\":4}");

            ConsumerRecord<String, String> letter =
                    client.consume(deadLetters, 1, TIMEOUT).get(0);
            assertThat(letter.key()).isEqualTo("p2");
            assertThat(letter.value()).isEqualTo(poison);
            assertThat(KafkaTestClient.header(letter, "trace_id")).isEqualTo("trace-42");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(topic);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_PARTITION))
                    .isEqualTo("0");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .isEqualTo(Long.toString(failed.offset()));
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.MESSAGE_TYPE))
                    .isEqualTo("reading");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_HANDLER);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_CLASS))
                    .isEqualTo(IllegalStateException.class.getName());
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                    .isEqualTo("negative reading -1 of p2");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ATTEMPTS))
                    .isEqualTo("3");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.SERVICE))
                    .isEqualTo(config.serviceName());
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.FAILED_AT))
                    .isNotBlank();

            Await.await(TIMEOUT, "the records after the poison handled", () -> agent.handled.size() == 3);
            assertThat(agent.handled).containsExactly(new Reading("p1", 1), new Reading("p3", 3), new Reading("p4", 4));
            assertThat(agent.attempts.stream().filter(a -> a.patientId().equals("p2")))
                    .containsExactly(new Attempt("p2", 1), new Attempt("p2", 2), new Attempt("p2", 3));
            Await.await(TIMEOUT, "the group's offset past the poison", () -> committed(client, config, topic) == 4);

            String metrics = running.http().get("/metrics").body();
            assertThat(PrometheusText.value(
                            metrics,
                            "realtime_records_dead_lettered_total",
                            Map.of("topic", topic, "message_type", "reading", "reason", "handler")))
                    .hasValue(1.0);
        }
    }

    @Test
    void invalidMessageException_deadLettersAtOnceWithReasonInvalid_withoutRetries(
            KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("invalid", 1);
        String deadLetters = topic + ".dlq";
        broker.createTopic(deadLetters, 1);
        List<Integer> handled = new CopyOnWriteArrayList<>();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        RealtimeAgent agent = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("reading", Reading.class, (reading, context) -> {
                    attempts.add(reading.value());
                    if (reading.value() > 300) {
                        throw new InvalidMessageException("a heart rate of " + reading.value() + " bpm is impossible");
                    }
                    handled.add(reading.value());
                });
            }
        };
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                () -> agent, broker, c -> c.streamingTopics(topic).topicMessageType(topic, "reading"))) {
            client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":900}");
            client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":72}");

            ConsumerRecord<String, String> letter =
                    client.consume(deadLetters, 1, TIMEOUT).get(0);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_INVALID);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                    .isEqualTo("a heart rate of 900 bpm is impossible");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ATTEMPTS))
                    .isEqualTo("1");
            Await.await(TIMEOUT, "the valid reading handled", () -> handled.equals(List.of(72)));
            assertThat(attempts).containsExactly(900, 72);
        }
    }

    @Test
    void malformedJson_isDeadLetteredAtOnceWithReasonDecode_andTheAgentKeepsGoing(
            KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("malformed", 1);
        String deadLetters = topic + ".dlq";
        try (TestAgent<ReadingAgent> running = readingAgent(broker, topic)) {
            ReadingAgent agent = running.agent();
            AgentConfig config = running.config();
            RecordMetadata broken = client.produce(topic, "k1", "{\"patient_id\": \"p1\", \"value\": ");
            RecordMetadata brokenEnvelope = client.produce(topic, "k2", "{\"message_type\":\"reading\",\"payload\":{");
            RecordMetadata wrongShape = client.produce(topic, "k3", "{\"patient_id\":\"p3\",\"value\":\"high\"}");
            client.produce(topic, "k4", "{\"patient_id\":\"p4\",\"value\":4}");

            List<ConsumerRecord<String, String>> letters = client.consume(deadLetters, 3, TIMEOUT);
            assertThat(letters).extracting(ConsumerRecord::key).containsExactly("k1", "k2", "k3");
            assertThat(letters)
                    .extracting(letter -> KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .containsExactly(
                            Long.toString(broken.offset()),
                            Long.toString(brokenEnvelope.offset()),
                            Long.toString(wrongShape.offset()));
            for (ConsumerRecord<String, String> letter : letters) {
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                        .isEqualTo(DeadLetterHeaders.REASON_DECODE);
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ATTEMPTS))
                        .isEqualTo("0");
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_CLASS))
                        .isEqualTo(PayloadDecodingException.class.getName());
                assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                        .contains(topic);
            }
            assertThat(KafkaTestClient.header(letters.get(0), DeadLetterHeaders.ERROR_MESSAGE))
                    .contains("Reading");
            assertThat(KafkaTestClient.header(letters.get(1), DeadLetterHeaders.ERROR_MESSAGE))
                    .contains("Malformed JSON");

            Await.await(TIMEOUT, "the valid record handled", () -> agent.handled.size() == 1);
            assertThat(agent.handled).containsExactly(new Reading("p4", 4));
            assertThat(agent.attempts).containsExactly(new Attempt("p4", 1));
            Await.await(TIMEOUT, "all offsets committed", () -> committed(client, config, topic) == 4);
            String metrics = running.http().get("/metrics").body();
            assertThat(PrometheusText.value(
                            metrics,
                            "realtime_records_dead_lettered_total",
                            Map.of("topic", topic, "message_type", "unknown", "reason", "decode")))
                    .hasValue(3.0);
            assertThat(running.http().get("/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void messageTypeWithoutHandler_isDeadLetteredWithReasonUnhandled(KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("unhandled", 1);
        String deadLetters = topic + ".dlq";
        broker.createTopic(deadLetters, 1);
        try (TestAgent<ReadingAgent> running =
                TestAgent.start(ReadingAgent::failingNegative, broker, c -> c.streamingTopics(topic))) {
            ReadingAgent agent = running.agent();
            AgentConfig config = running.config();
            String body = "{\"patient_id\":\"p1\",\"temperature\":38.5}";
            client.produce(topic, "p1", body, Map.of("message_type", "temperature"));
            client.produce(topic, "p2", "{\"patient_id\":\"p2\",\"value\":2}", Map.of("message_type", "reading"));

            ConsumerRecord<String, String> letter =
                    client.consume(deadLetters, 1, TIMEOUT).get(0);
            assertThat(letter.key()).isEqualTo("p1");
            assertThat(letter.value()).isEqualTo(body);
            assertThat(KafkaTestClient.header(letter, "message_type")).isEqualTo("temperature");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_UNHANDLED);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.MESSAGE_TYPE))
                    .isEqualTo("temperature");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ATTEMPTS))
                    .isEqualTo("0");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                    .contains("temperature", "HANDLER_UNHANDLED=ignore");

            Await.await(TIMEOUT, "the handled type still handled", () -> agent.handled.size() == 1);
            Await.await(TIMEOUT, "all offsets committed", () -> committed(client, config, topic) == 2);
        }
    }

    @Test
    void messageTypeWithoutHandler_isSkipped_whenHandlerUnhandledIsIgnore(KafkaBroker broker, KafkaTestClient client)
            throws Exception {
        String topic = client.uniqueTopic("ignored", 1);
        String deadLetters = topic + ".dlq";
        broker.createTopic(deadLetters, 1);
        try (TestAgent<ReadingAgent> running = TestAgent.start(
                ReadingAgent::failingNegative,
                broker,
                c -> c.streamingTopics(topic).set(AgentSettings.HANDLER_UNHANDLED, UnhandledMessagePolicy.IGNORE))) {
            ReadingAgent agent = running.agent();
            AgentConfig config = running.config();
            client.produce(topic, "p1", "{\"patient_id\":\"p1\"}", Map.of("message_type", "temperature"));
            client.produce(topic, "p2", "{\"message_type\":\"reading\",\"patient_id\":\"p2\",\"value\":2}");

            Await.await(TIMEOUT, "the handled type handled", () -> agent.handled.size() == 1);
            assertThat(agent.handled).containsExactly(new Reading("p2", 2));
            Await.await(TIMEOUT, "both offsets committed", () -> committed(client, config, topic) == 2);
            assertThat(client.endOffset(deadLetters))
                    .as("records in %s", deadLetters)
                    .isZero();
        }
    }

    @Test
    void deadLetterTopicTemplate_namesWhereFailedRecordsGo(KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("templated", 1);
        String deadLetters = "failed." + topic;
        broker.createTopic(deadLetters, 1);
        try (TestAgent<ReadingAgent> running = TestAgent.start(
                ReadingAgent::failingNegative,
                broker,
                c -> c.streamingTopics(topic)
                        .topicMessageType(topic, "reading")
                        .set(AgentSettings.KAFKA_DEAD_LETTER_TOPIC, "failed.{topic}")
                        .retries(0, Duration.ZERO, Duration.ZERO))) {
            ReadingAgent agent = running.agent();
            AgentConfig config = running.config();
            client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":-5}");

            ConsumerRecord<String, String> letter =
                    client.consume(deadLetters, 1, TIMEOUT).get(0);
            assertThat(letter.key()).isEqualTo("p1");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(topic);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_HANDLER);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ATTEMPTS))
                    .isEqualTo("1");
            assertThat(agent.attempts).containsExactly(new Attempt("p1", 1));
        }
    }

    @Test
    void errorEscapingTheHandler_deadLettersTheRecordWithReasonInternalError_andTheConsumerGoesOn(
            KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("erroring", 2);
        String deadLetters = topic + ".dlq";
        broker.createTopic(deadLetters, 1);
        List<String> handled = new CopyOnWriteArrayList<>();
        RealtimeAgent agent = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("reading", Reading.class, (reading, context) -> {
                    if (reading.value() < 0) {
                        // An error the dispatcher does not treat as a handler failure: it used to stop the loop.
                        throw new StackOverflowError("deep recursion on " + reading.patientId());
                    }
                    handled.add(reading.patientId());
                });
            }
        };
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                () -> agent, broker, c -> c.streamingTopics(topic).topicMessageType(topic, "reading"))) {
            AgentConfig config = running.config();
            client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":-1}");
            ConsumerRecord<String, String> letter =
                    client.consume(deadLetters, 1, TIMEOUT).get(0);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_INTERNAL);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_CLASS))
                    .isEqualTo(StackOverflowError.class.getName());
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ATTEMPTS))
                    .isEqualTo("3");

            for (int i = 0; i < 10; i++) {
                client.produce(topic, "k" + i, "{\"patient_id\":\"q" + i + "\",\"value\":1}");
            }
            Await.await(TIMEOUT, "later records of both partitions handled", () -> handled.size() == 10);
            Await.await(TIMEOUT, "every record committed", () -> committed(client, config, topic) == 11);
            assertThat(running.http().get("/health/live").status()).isEqualTo(200);
        }
    }

    /** A {@link ReadingAgent} failing negative readings of {@code topic}, whose dead letters go to {@code topic.dlq}. */
    private static TestAgent<ReadingAgent> readingAgent(KafkaBroker broker, String topic) {
        broker.createTopic(topic + ".dlq", 1);
        return TestAgent.start(
                ReadingAgent::failingNegative,
                broker,
                c -> c.streamingTopics(topic).topicMessageType(topic, "reading"));
    }
}
