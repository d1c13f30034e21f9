package io.realtimeagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@WithKafka
class KafkaTestClientTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void produceThenConsume_roundTripKeepsKeyValueAndHeaders(KafkaTestClient kafka) {
        String topic = kafka.uniqueTopic("round-trip", 1);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("trace-id", "t-1");
        headers.put("source", "test");

        RecordMetadata metadata = kafka.produce(topic, "order-1", "{\"total\":42}", headers);
        List<ConsumerRecord<String, String>> records = kafka.consume(topic, 1, WAIT);

        assertThat(metadata.topic()).isEqualTo(topic);
        assertThat(metadata.offset()).isZero();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("order-1");
            assertThat(record.value()).isEqualTo("{\"total\":42}");
            assertThat(KafkaTestClient.header(record, "trace-id")).isEqualTo("t-1");
            assertThat(KafkaTestClient.header(record, "source")).isEqualTo("test");
            assertThat(KafkaTestClient.header(record, "missing")).isNull();
        });
    }

    @Test
    void produceBytesThenConsumeBytes_keepsRawData(KafkaTestClient kafka) {
        String topic = kafka.uniqueTopic("bytes", 1);
        byte[] value = {0, 1, 2, (byte) 0xff};

        kafka.produceBytes(topic, null, value);

        assertThat(kafka.consumeBytes(topic, 1, WAIT)).singleElement().satisfies(record -> {
            assertThat(record.key()).isNull();
            assertThat(record.value()).containsExactly(value);
        });
    }

    @Test
    void consume_fewerRecordsThanExpected_failsSayingHowManyArrivedAndWhich(KafkaTestClient kafka) {
        String topic = kafka.uniqueTopic("short", 1);
        kafka.produce(topic, "k1", "v1");

        assertThatThrownBy(() -> kafka.consume(topic, 3, Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Only 1 of 3 records arrived on topic '" + topic + "' within 500 ms (1 record read);"
                        + " first received:\n  " + topic + "-0@0 key=k1 value=v1");
    }

    @Test
    void consume_missingTopic_failsSayingTheTopicDoesNotExist(KafkaTestClient kafka) {
        assertThatThrownBy(() -> kafka.consume("no-such-topic-here", 1, Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Only 0 of 1 records arrived on topic 'no-such-topic-here' within 500 ms:"
                        + " the topic does not exist");
    }

    @Test
    void awaitRecords_countsOnlyMatchingRecords(KafkaTestClient kafka) {
        String topic = kafka.uniqueTopic("matching", 2);
        for (int i = 0; i < 6; i++) {
            kafka.produce(topic, "key-" + i, i % 2 == 0 ? "even" : "odd");
        }

        List<ConsumerRecord<String, String>> evens =
                kafka.awaitRecords(topic, record -> record.value().equals("even"), 3, WAIT);

        assertThat(evens).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("key-0", "key-2", "key-4");
        assertThatThrownBy(() -> kafka.awaitRecords(topic, record -> false, 1, Duration.ofMillis(300)))
                .hasMessageStartingWith("Only 0 of 1 matching records arrived on topic '" + topic + "' within 300 ms"
                        + " (6 records read); first received:");
    }

    @Test
    void uniqueTopic_withFourPartitions_createsAFreshTopicWithFourPartitions(KafkaTestClient kafka) throws Exception {
        String first = kafka.uniqueTopic("parted", 4);
        String second = kafka.uniqueTopic("parted", 4);

        assertThat(first).startsWith("parted-").isNotEqualTo(second);
        assertThat(kafka.admin()
                        .describeTopics(List.of(first))
                        .allTopicNames()
                        .get()
                        .get(first)
                        .partitions())
                .hasSize(4)
                .allSatisfy(partition -> assertThat(partition.leader()).isNotNull());
    }

    @Test
    void uniqueTopic_illegalPrefix_isRejectedNamingTheValue(KafkaTestClient kafka) {
        assertThatThrownBy(() -> kafka.uniqueTopic("orders/eu", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid value 'orders/eu' for prefix: use at most 200 characters among");
    }

    @Test
    void createTopic_existingTopic_isAcceptedAndDeleteRemovesIt(KafkaBroker broker, KafkaTestClient kafka)
            throws Exception {
        String topic = kafka.uniqueTopic("idempotent", 1);

        broker.createTopic(topic, 3);
        assertThat(kafka.admin()
                        .describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions())
                .hasSize(1);

        broker.deleteTopic(topic);
        assertThat(kafka.admin().listTopics().names().get()).doesNotContain(topic);
    }

    @Test
    void committedOffsetsAndLag_followTheGroupsCommits(KafkaTestClient kafka) {
        String topic = kafka.uniqueTopic("group", 1);
        String group = topic + "-readers";
        for (int i = 0; i < 3; i++) {
            kafka.produce(topic, "k" + i, "v" + i);
        }
        assertThat(kafka.lag(group, topic)).isEqualTo(3);

        readAndCommit(kafka.broker(), group, topic, 3);

        assertThat(kafka.committedOffsets(group, topic)).containsExactly(Map.entry(new TopicPartition(topic, 0), 3L));
        assertThat(kafka.lag(group, topic)).isZero();
        kafka.produce(topic, "k3", "v3");
        kafka.produce(topic, "k4", "v4");
        assertThat(kafka.lag(group, topic)).isEqualTo(2);
    }

    @Test
    void endOffset_countsTheRecordsOfEveryPartition(KafkaTestClient kafka) {
        String topic = kafka.uniqueTopic("ends", 2);
        assertThat(kafka.endOffset(topic)).isZero();

        kafka.produce(topic, "a", "1");
        kafka.produce(topic, "b", "2");
        kafka.produce(topic, "c", "3");

        assertThat(kafka.endOffset(topic)).isEqualTo(3);
    }

    @Test
    void close_thenUse_failsSayingTheClientIsClosed(KafkaBroker broker) {
        KafkaTestClient client = KafkaTestClient.create(broker);
        client.close();
        client.close();

        assertThatThrownBy(() -> client.produce("any", "k", "v"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This KafkaTestClient is closed: create a new one with KafkaTestClient.create(broker)");
    }

    private static void readAndCommit(KafkaBroker broker, String group, String topic, int count) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            Await.await(WAIT, "the group to read " + count + " records", () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                return seen.size() >= count;
            });
            consumer.commitSync();
        }
    }
}
