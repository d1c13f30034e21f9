package io.realtimeagents.agent;

import static io.realtimeagents.agent.support.Commits.committed;
import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.TopicWatcher;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/**
 * What a handler sends is part of handling it: a record is committed only once its outputs were acknowledged, and an
 * output that fails makes the handling fail (retried, then dead-lettered with reason {@code output_failed}).
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class HandlerOutputsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Outputs larger than this are refused by the broker for the topic of small outputs. */
    private static final int SMALL_TOPIC_MAX_BYTES = 2_000;

    record Item(int id, int size) {}

    record Attempt(int id, int attempt) {}

    /** Forwards each item to the output topic without waiting, padded to the item's size. */
    static final class SendingAgent extends RealtimeAgent {
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        private final String output;
        private final int failFirstAttemptsOf;

        /** @param failFirstAttemptsOf the id whose first attempt sends an output the broker refuses, or -1 */
        SendingAgent(String output, int failFirstAttemptsOf) {
            this.output = output;
            this.failFirstAttemptsOf = failFirstAttemptsOf;
        }

        @Override
        protected void initialize() {
            onMessage("item", Item.class, (item, context) -> {
                attempts.add(new Attempt(item.id(), context.attempt()));
                int size = item.id() == failFirstAttemptsOf && context.attempt() == 1
                        ? SMALL_TOPIC_MAX_BYTES * 4
                        : item.size();
                if (size > 0) {
                    sendKafkaMessage(output, Integer.toString(item.id()), item.id() + ":" + "x".repeat(size));
                }
            });
        }

        List<Integer> attemptsOf(int id) {
            return attempts.stream()
                    .filter(attempt -> attempt.id() == id)
                    .map(Attempt::attempt)
                    .toList();
        }
    }

    @Test
    void outputsStillInTheProducersBuffer_holdBackTheCommit_untilAcknowledged(
            KafkaBroker broker, KafkaTestClient client) {
        String input = client.uniqueTopic("held-input", 1);
        String quiet = client.uniqueTopic("held-quiet", 1);
        String output = client.uniqueTopic("held-output", 1);
        // The producer holds every output for a minute before sending it: only a flush sends it earlier.
        AgentConfig config = config(broker, input)
                .streamingTopics(input, quiet)
                .topicMessageType(quiet, "item")
                .kafkaProducerProperty("linger.ms", "60000")
                .kafkaProducerProperty("batch.size", "1048576")
                .build();
        SendingAgent agent = new SendingAgent(output, -1);
        try (RunningAgent running = TestAgents.start(agent, config)) {
            produceItems(client, input, 10, 10);
            Await.await(TIMEOUT, "every item handled", () -> agent.attempts.size() == 10);
            // Items without output, handled after those: once they are committed, commits have run since.
            for (int id = 100; id < 105; id++) {
                client.produce(quiet, Integer.toString(id), "{\"id\":" + id + ",\"size\":0}");
            }
            Await.await(TIMEOUT, "the items without output committed", () -> committed(client, config, quiet) == 5);
            assertThat(committed(client, config, input))
                    .as("offset committed while the outputs wait in the producer")
                    .isZero();
        }
        // A graceful stop flushes the outputs, waits for their acknowledgements and then commits.
        assertThat(committed(client, config, input)).isEqualTo(10);
        assertThat(client.consume(output, 10, TIMEOUT)).hasSize(10);
    }

    @Test
    void outputRefusedByTheBrokerAfterTheHandlerReturned_isRetried_thenDeadLetteredWithReasonOutputFailed(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String input = client.uniqueTopic("refused-input", 1);
        String output = smallOutputTopic(client, "refused-output");
        broker.createTopic(input + ".dlq", 1);
        AgentConfig config = config(broker, input).build();
        SendingAgent agent = new SendingAgent(output, -1);
        try (RunningAgent running = TestAgents.start(agent, config)) {
            client.produce(input, "1", "{\"id\":1,\"size\":10}");
            client.produce(input, "2", "{\"id\":2,\"size\":" + SMALL_TOPIC_MAX_BYTES * 4 + "}");
            client.produce(input, "3", "{\"id\":3,\"size\":10}");

            ConsumerRecord<String, String> letter =
                    client.consume(input + ".dlq", 1, TIMEOUT).get(0);
            assertThat(letter.key()).isEqualTo("2");
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_OUTPUT);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.OUTPUT)).isEqualTo("kafka topic " + output);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_CLASS))
                    .isEqualTo(RecordTooLargeException.class.getName());
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ATTEMPTS))
                    .isEqualTo("3");
            assertThat(agent.attemptsOf(2)).containsExactly(1, 2, 3);

            Await.await(TIMEOUT, "all input committed", () -> committed(client, config, input) == 3);
            Set<Integer> forwarded = client.consume(output, 2, TIMEOUT).stream()
                    .map(record -> Integer.valueOf(record.key()))
                    .collect(Collectors.toSet());
            assertThat(forwarded).containsExactlyInAnyOrder(1, 3);
        }
    }

    @Test
    void outputFailingOnce_isHandledAgain_withTheRecordsAfterIt_andNothingIsDeadLettered(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String input = client.uniqueTopic("again-input", 1);
        String output = smallOutputTopic(client, "again-output");
        broker.createTopic(input + ".dlq", 1);
        AgentConfig config = config(broker, input).build();
        SendingAgent agent = new SendingAgent(output, 5);
        try (RunningAgent running = TestAgents.start(agent, config)) {
            produceItems(client, input, 20, 10);
            Await.await(TIMEOUT, "all input committed", () -> committed(client, config, input) == 20);

            assertThat(agent.attemptsOf(5))
                    .as("attempts of the item whose output failed")
                    .containsExactly(1, 2);
            List<ConsumerRecord<String, String>> forwarded;
            try (TopicWatcher watcher = new TopicWatcher(broker.bootstrapServers(), output)) {
                Await.await(
                        TIMEOUT,
                        "every item forwarded",
                        () -> watcher.poll().stream()
                                        .map(ConsumerRecord::key)
                                        .distinct()
                                        .count()
                                == 20);
                forwarded = watcher.pollToEnd(TIMEOUT);
            }
            List<Integer> order = forwarded.stream()
                    .map(record -> Integer.valueOf(record.key()))
                    .toList();
            int retried = order.indexOf(5);
            assertThat(order.subList(retried, order.size()))
                    .as("outputs from the retried item on, in input order")
                    .containsSubsequence(IntStream.range(5, 20).boxed().toList());
            try (TopicWatcher deadLetters = new TopicWatcher(broker.bootstrapServers(), input + ".dlq")) {
                assertThat(deadLetters.pollToEnd(TIMEOUT)).isEmpty();
            }
        }
    }

    @Test
    void outputAttachedThroughTheContext_fromAnotherThread_isPartOfTheHandling(
            KafkaBroker broker, KafkaTestClient client) {
        String input = client.uniqueTopic("tracked-input", 1);
        broker.createTopic(input + ".dlq", 1);
        AgentConfig config = config(broker, input).build();
        RealtimeAgent agent = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("item", Item.class, (item, context) -> {
                    CompletableFuture<Void> elsewhere = new CompletableFuture<>();
                    context.track(elsewhere);
                    Thread.ofVirtual()
                            .start(() -> elsewhere.completeExceptionally(
                                    new IllegalStateException("the database refused item " + item.id())));
                });
            }
        };
        try (RunningAgent running = TestAgents.start(agent, config)) {
            client.produce(input, "7", "{\"id\":7,\"size\":1}");
            ConsumerRecord<String, String> letter =
                    client.consume(input + ".dlq", 1, TIMEOUT).get(0);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterHeaders.REASON_OUTPUT);
            assertThat(KafkaTestClient.header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                    .isEqualTo("the database refused item 7");
        }
    }

    /**
     * The refused output is larger than a batch, so it travels alone: a batch of several records that the broker
     * refuses as too large is split and sent again by the producer, and with idempotence the split batches can meet
     * an out-of-order sequence error that the producer retries until its delivery timeout.
     */
    private static AgentConfig.Builder config(KafkaBroker broker, String input) {
        return TestAgents.config(broker, "outputs")
                .streamingTopics(input)
                .topicMessageType(input, "item")
                .kafkaProducerProperty("batch.size", Integer.toString(SMALL_TOPIC_MAX_BYTES * 2));
    }

    private static String smallOutputTopic(KafkaTestClient client, String prefix) throws Exception {
        String topic = TestAgents.uniqueName(prefix);
        NewTopic small = new NewTopic(topic, 1, (short) 1)
                .configs(Map.of("max.message.bytes", Integer.toString(SMALL_TOPIC_MAX_BYTES)));
        client.admin().createTopics(List.of(small)).all().get(30, TimeUnit.SECONDS);
        return topic;
    }

    private static void produceItems(KafkaTestClient client, String input, int count, int size) {
        for (int id = 0; id < count; id++) {
            client.produce(input, Integer.toString(id), "{\"id\":" + id + ",\"size\":" + size + "}");
        }
    }
}
