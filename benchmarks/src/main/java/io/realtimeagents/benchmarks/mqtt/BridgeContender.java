package io.realtimeagents.benchmarks.mqtt;

import com.fasterxml.jackson.databind.ObjectReader;
import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.benchmarks.kafka.Reading;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.json.Json;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The bridge: an agent whose only MQTT route is {@code <prefix>/devices/{patient}/vitals=<topic>:patient@1}, a Kafka
 * topic of its own per run (4 partitions), and a plain {@link KafkaConsumer} on another thread that reads that topic
 * from the beginning, decodes each record and counts it. A message counts once Kafka stored it and the consumer
 * fetched it.
 */
final class BridgeContender implements Contender {
    private static final int PARTITIONS = 4;
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final String kafkaBootstrapServers;
    private final AgentSubscriber agents;
    private final ObjectReader reader = Json.mapper().readerFor(Reading.class);
    private volatile String details = "";

    BridgeContender(String kafkaBootstrapServers, AgentSubscriber agents) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.agents = agents;
    }

    @Override
    public String name() {
        return "bridge";
    }

    @Override
    public AutoCloseable start(String prefix, String runId, MessageCounter counter) throws Exception {
        String topic = runId + "-bridged";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumer =
                Thread.ofPlatform().name("benchmark-bridge-consumer").start(() -> consume(topic, counter, running));
        AgentConfig config = agents.config(runId)
                .mqttBridge(Messages.filter(prefix, "{patient}") + "=" + topic + ":patient@1")
                .build();
        RunningAgent agent = RealtimeAgents.app(() -> new RealtimeAgent() {
                    @Override
                    protected void initialize() {}
                })
                .config(config)
                .start();
        return () -> {
            try {
                details = producerMetrics();
                agent.close();
            } finally {
                running.set(false);
                consumer.join();
            }
        };
    }

    @Override
    public String details() {
        return details;
    }

    /** The agent's Kafka producer's own averages (JMX): how many records each produce request carried. */
    private static String producerMetrics() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (ObjectName name : server.queryNames(new ObjectName("kafka.producer:type=producer-metrics,*"), null)) {
                if (!name.getKeyProperty("client-id").contains("producer")) {
                    continue;
                }
                return String.format(
                        Locale.ROOT,
                        "agent's producer: %.1f records per request, request latency avg %.1f ms, %,.0f requests/s",
                        (Double) server.getAttribute(name, "records-per-request-avg"),
                        (Double) server.getAttribute(name, "request-latency-avg"),
                        (Double) server.getAttribute(name, "request-rate"));
            }
            return "agent's producer: no metrics found";
        } catch (JMException | RuntimeException e) {
            return "agent's producer: metrics unavailable (" + e + ")";
        }
    }

    private void consume(String topic, MessageCounter counter, AtomicBoolean running) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaBootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = java.util.stream.IntStream.range(0, PARTITIONS)
                    .mapToObj(partition -> new TopicPartition(topic, partition))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    Reading reading = reader.readValue(record.value());
                    counter.add(reading.heartRate());
                }
            }
        } catch (Exception e) {
            System.err.println("bridge consumer failed: " + e);
        }
    }
}
