package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.transport.TransportHealth;
import io.realtimeagents.common.config.AgentConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Kafka side's liveness, readiness and {@code kafka} object of {@code /realtime/status}. */
final class KafkaHealth {
    /** A consumer loop that has not polled for this long is stuck: liveness fails. */
    static final Duration STALLED_POLL = Duration.ofSeconds(60);

    private KafkaHealth() {}

    /** Down when the consumer loop died or stopped polling; pauses do not count. */
    static TransportHealth health(ConsumerStatus consumer) {
        if (consumer != null && consumer.fatalFailure() != null) {
            return TransportHealth.down("the Kafka consumer loop stopped: " + consumer.fatalFailure());
        }
        if (consumer != null && !consumer.isStopped() && consumer.millisSinceLastPoll() > STALLED_POLL.toMillis()) {
            return TransportHealth.down(
                    "the Kafka consumer has not polled for " + consumer.millisSinceLastPoll() + " ms");
        }
        return TransportHealth.UP;
    }

    /** Brokers unreachable, the consumer restarting or not yet assigned its partitions. */
    static List<String> readinessProblems(AgentConfig config, BrokerHealth brokers, ConsumerStatus consumer) {
        List<String> problems = new ArrayList<>();
        if (!brokers.reachable()) {
            problems.add("Kafka brokers at " + config.kafkaBootstrapServers() + " are not reachable: "
                    + brokers.lastError());
        }
        if (consumer != null && consumer.restartProblem() != null) {
            problems.add(consumer.restartProblem());
        } else if (consumer != null && !consumer.hasJoinedGroup()) {
            problems.add("the consumer has not yet received its partitions from group " + config.consumerGroup());
        }
        return problems;
    }

    /** The {@code kafka} object of {@code /realtime/status}. */
    static Map<String, Object> status(AgentConfig config, BrokerHealth brokers, ConsumerStatus consumer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bootstrap_servers", config.kafkaBootstrapServers());
        body.put("brokers_reachable", brokers.reachable());
        body.put("consumer_group", config.consumerGroup());
        body.put("events_topic", config.eventsTopic());
        body.put(
                "assigned_partitions",
                consumer == null
                        ? List.of()
                        : consumer.assignment().stream().sorted().toList());
        body.put(
                "paused_partitions",
                consumer == null
                        ? List.of()
                        : consumer.paused().stream().sorted().toList());
        return body;
    }
}
