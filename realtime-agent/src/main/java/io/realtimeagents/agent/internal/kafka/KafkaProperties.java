package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client properties of an agent: safe defaults for at-least-once processing, then the user's pass-through
 * properties, validated before any client is created.
 */
public final class KafkaProperties {
    private static final Set<String> CONSUMER_FIXED = Set.of(
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    private static final Set<String> PRODUCER_FIXED =
            Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private KafkaProperties() {}

    /**
     * Checks the pass-through properties: every name must be a known Kafka client property, and the ones the
     * runtime's guarantees rest on cannot be changed.
     */
    public static void validate(AgentConfig config) {
        List<String> problems = new ArrayList<>();
        check(config.kafkaConsumerProperties(), ConsumerConfig.configNames(), CONSUMER_FIXED, "CONSUMER", problems);
        check(config.kafkaProducerProperties(), ProducerConfig.configNames(), PRODUCER_FIXED, "PRODUCER", problems);
        String acks = config.kafkaProducerProperties().get(ProducerConfig.ACKS_CONFIG);
        if (acks != null && !acks.equals("all") && !acks.equals("-1")) {
            problems.add("Invalid value " + acks + " for configuration KAFKA_PRODUCER_ACKS (property"
                    + " kafka.producer.acks): must be 'all', or messages can be lost when a broker fails");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private static void check(
            Map<String, String> given, Set<String> known, Set<String> fixed, String kind, List<String> problems) {
        for (String name : given.keySet()) {
            String setting =
                    "KAFKA_" + kind + "_" + name.toUpperCase(Locale.ROOT).replace('.', '_') + " (property kafka."
                            + kind.toLowerCase(Locale.ROOT) + "." + name + ")";
            if (fixed.contains(name)) {
                problems.add("Configuration " + setting + " cannot be set: the agent manages it to keep its"
                        + " delivery guarantees; remove it");
            } else if (!known.contains(name)) {
                problems.add("Unknown Kafka " + kind.toLowerCase(Locale.ROOT) + " property '" + name + "' in "
                        + setting + ": check the spelling against the Kafka " + kind.toLowerCase(Locale.ROOT)
                        + " configuration reference");
            }
        }
    }

    /** Consumer properties: manual commits, reads from the earliest offset of a new group, cooperative rebalancing. */
    public static Map<String, Object> consumer(AgentConfig config, String groupId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(config, "consumer"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        // A partition resumed after back-pressure waits for the fetch in flight for the others; the broker holds that
        // fetch up to this long when they have no new data (Kafka's default is 500 ms).
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        props.putAll(config.kafkaConsumerProperties());
        if (!"consumer".equalsIgnoreCase(String.valueOf(props.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            props.putIfAbsent(
                    ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /**
     * Properties of a consumer outside any group (it assigns partitions itself and commits nothing), with the security
     * settings of the agent's consumer; reads from the latest offset unless told otherwise.
     */
    public static Map<String, Object> groupless(AgentConfig config, String role) {
        Map<String, Object> props = consumer(config, null);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        props.remove(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG);
        props.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(config, role));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // The broker answers a fetch as soon as a record arrives; while none does, wake up rarely (an idle agent).
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        return props;
    }

    /** Producer properties: idempotent, {@code acks=all}. */
    public static Map<String, Object> producer(AgentConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(config, "producer"));
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putAll(config.kafkaProducerProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /**
     * Properties of the producer of live broadcasts: those of {@link #producer}, but sending at once ({@code
     * linger.ms=0}, whatever {@code KAFKA_PRODUCER_LINGER_MS} says): a broadcast is a small record that browsers are
     * waiting for, and with a producer of its own it never waits behind a batch of the agent's other output.
     */
    public static Map<String, Object> liveProducer(AgentConfig config) {
        Map<String, Object> props = producer(config);
        Object configured = config.kafkaProducerProperties().get(ProducerConfig.CLIENT_ID_CONFIG);
        props.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                configured == null ? clientId(config, "live-producer") : configured + "-live");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return props;
    }

    /** Admin properties: the security settings of the consumer, for the broker reachability check. */
    public static Map<String, Object> admin(AgentConfig config) {
        Map<String, Object> props = new HashMap<>();
        Set<String> known = AdminClientConfig.configNames();
        config.kafkaConsumerProperties().forEach((name, value) -> {
            if (known.contains(name) && !name.equals(ConsumerConfig.CLIENT_ID_CONFIG)) {
                props.put(name, value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId(config, "admin"));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        // With every bootstrap address refusing connections, Kafka's admin client "rebootstraps" in a busy loop (many
        // times a millisecond, each time logging at INFO). The agent's admin clients are short-lived or re-resolve the
        // same addresses anyway, so they retry with the reconnect backoff instead.
        props.putIfAbsent(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        return props;
    }

    /**
     * Admin properties for the KRaft controllers at the agent's bootstrap addresses: those of {@link #admin} with
     * {@code bootstrap.controllers} instead of {@code bootstrap.servers}, to tell a controller listener from a broker.
     */
    public static Map<String, Object> controllerAdmin(AgentConfig config) {
        Map<String, Object> props = admin(config);
        props.remove(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        props.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, config.kafkaBootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId(config, "controller-check"));
        return props;
    }

    private static String clientId(AgentConfig config, String role) {
        return config.serviceName() + "-" + host() + "-" + role + "-" + INSTANCES.incrementAndGet();
    }

    private static String host() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }
}
