package io.realtimeagents.benchmarks.soak;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * One agent replica of the soak in a JVM of its own: a {@link SoakAgent} consuming {@link SoakTopics#INPUT} in the
 * group {@value #SERVICE}, subscribed to {@code soak/handled/+} and bridging {@code soak/bridged/{id}}, both through
 * the shared group of the service, with the persistent MQTT session {@code soak-<replica>}. It prints {@value #READY}
 * once started and runs until standard input closes.
 *
 * <p>Arguments: replica name, Kafka bootstrap servers, MQTT port, slow-flag file, slow time (ms), {@code
 * max.poll.interval.ms}.
 */
public final class SoakAgentMain {
    /** The line it prints once the agent runs. */
    static final String READY = "AGENT_READY";
    /** The service name, so also the consumer group and the MQTT shared group. */
    static final String SERVICE = "soak-agent";
    /** Longest wait between MQTT reconnect attempts: the default (30 s) would dominate recovery after a broker restart. */
    static final Duration MQTT_RECONNECT_BACKOFF_MAX = Duration.ofSeconds(2);

    private SoakAgentMain() {}

    /** Starts the replica; see the class comment for the arguments. */
    public static void main(String[] args) throws InterruptedException {
        // The log shows each rebalance (partitions revoked and assigned) and the agent's own notices, so a run can
        // tell what a fault did; the clients' reconnection warnings during broker restarts are expected.
        ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("org.apache.kafka.clients.consumer.internals.ConsumerCoordinator"))
                .setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("io.realtimeagents")).setLevel(Level.INFO);
        String replica = args[0];
        SoakAgent agent = new SoakAgent(replica, Path.of(args[3]), Duration.ofMillis(Long.parseLong(args[4])));
        RunningAgent running =
                RealtimeAgents.app(() -> agent).config(config(replica, args)).start();
        System.out.println(READY);
        System.out.flush();
        try {
            System.in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The parent is gone: stop as on the end of input.
        }
        running.close();
        System.exit(0);
    }

    static AgentConfig config(String replica, String[] args) {
        String maxPollInterval = args[5];
        return AgentConfig.builder()
                .serviceName(SERVICE)
                .kafkaBootstrapServers(args[1])
                .streamingTopics(SoakTopics.INPUT)
                .topicMessageType(SoakTopics.INPUT, SoakAgent.KAFKA_TYPE)
                .eventsTopic(SoakTopics.EVENTS)
                .httpPort(0)
                .mqttBroker("127.0.0.1", Integer.parseInt(args[2]))
                .mqttSubscription(SoakTopics.HANDLED_PREFIX + "+=" + SoakAgent.MQTT_TYPE + "@1")
                .mqttBridge(SoakTopics.BRIDGED_PREFIX + "{id}=" + SoakTopics.BRIDGED + ":id@1")
                .set(AgentSettings.MQTT_CLIENT_ID, "soak-" + replica)
                .set(AgentSettings.MQTT_RECONNECT_BACKOFF_MAX, MQTT_RECONNECT_BACKOFF_MAX)
                .kafkaConsumerProperty("max.poll.interval.ms", maxPollInterval)
                .kafkaConsumerProperty("session.timeout.ms", "6000")
                .kafkaConsumerProperty("heartbeat.interval.ms", "1000")
                .build();
    }

    /** The arguments of {@link #main} in order. */
    static List<String> arguments(
            String replica, String bootstrap, int mqttPort, Path slowFlag, Duration slow, Duration maxPollInterval) {
        return List.of(
                replica,
                bootstrap,
                String.valueOf(mqttPort),
                slowFlag.toString(),
                String.valueOf(slow.toMillis()),
                String.valueOf(maxPollInterval.toMillis()));
    }
}
