package io.realtimeagents.benchmarks.mqtt;

import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.benchmarks.kafka.CountingAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.time.Duration;

/**
 * Contender B: a {@link CountingAgent} started with {@link RealtimeAgents#app}, its subscription configured ({@code
 * <prefix>/devices/+/vitals=reading@1}), unshared ({@code MQTT_SHARED_GROUP=none}), under a client id of its own per
 * run; all other settings at their defaults (a lane per CPU, in-order acknowledgements, metrics). With {@code bridgeTopic}
 * it has no handler route but a bridge of the same topics to that Kafka topic instead.
 */
final class AgentSubscriber implements Contender {
    /** Session expiry of the agent's client: leftovers of a run vanish soon after it. */
    static final Duration SESSION_EXPIRY = Duration.ofSeconds(30);

    private static final String SERVICE_NAME = "mqtt-throughput-agent";

    private final String kafkaBootstrapServers;
    private final String mqttHost;
    private final int mqttPort;

    AgentSubscriber(String kafkaBootstrapServers, String mqttHost, int mqttPort) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mqttHost = mqttHost;
        this.mqttPort = mqttPort;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public AutoCloseable start(String prefix, String runId, MessageCounter counter) {
        AgentConfig config = config(runId)
                .mqttSubscription(Messages.filter(prefix, "+") + "=" + CountingAgent.MESSAGE_TYPE + "@1")
                .build();
        return RealtimeAgents.app(() -> new CountingAgent(reading -> counter.add(reading.heartRate())))
                .config(config)
                .start();
    }

    /** The settings every agent of the benchmark shares. */
    AgentConfig.Builder config(String runId) {
        return AgentConfig.builder()
                .serviceName(SERVICE_NAME)
                .kafkaBootstrapServers(kafkaBootstrapServers)
                .httpPort(0)
                .mqttBroker(mqttHost, mqttPort)
                .set(AgentSettings.MQTT_CLIENT_ID, runId + "-agent")
                .set(AgentSettings.MQTT_SHARED_GROUP, "none")
                .set(AgentSettings.MQTT_SESSION_EXPIRY, SESSION_EXPIRY);
    }
}
