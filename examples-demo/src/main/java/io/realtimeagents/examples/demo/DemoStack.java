package io.realtimeagents.examples.demo;

import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.examples.health.HealthAgent;
import io.realtimeagents.examples.health.VitalsGatewayAgent;
import io.realtimeagents.examples.simulator.VitalsSimulator;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaBrokers;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttBrokers;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole health demo in one process: an embedded Kafka broker, an embedded MQTT 5 broker on a free port (never
 * 1883, where a local Mosquitto may listen), the {@link VitalsGatewayAgent} bridging device vitals from MQTT to
 * Kafka, the {@link HealthAgent} serving the dashboard, and the {@link VitalsSimulator} playing the patients.
 *
 * <pre>{@code
 * try (DemoStack demo = DemoStack.start(DemoOptions.defaults())) {
 *     System.out.println("Dashboard: " + demo.dashboardUrl());
 *     ...
 * }
 * }</pre>
 *
 * <p>The stack owns its brokers: an embedded Kafka and an embedded MQTT broker of the test kit, both on free ports of
 * {@code 127.0.0.1}, stopped by {@link #close()}.
 */
public final class DemoStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);
    private static final int VITALS_PARTITIONS = 6;
    private static final Duration PORT_RETRY = Duration.ofSeconds(10);

    private final DemoOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private KafkaBroker kafka;
    private MqttBroker mqtt;
    private RunningAgent gateway;
    private volatile RunningAgent processing;
    private VitalsSimulator simulator;
    private int httpPort;
    private String portNotice;

    private DemoStack(DemoOptions options) {
        this.options = options;
    }

    /**
     * Starts the brokers, the agents and the simulator, in that order; returns once the dashboard answers.
     *
     * @throws IllegalStateException when a part cannot start; what started is stopped again
     */
    public static DemoStack start(DemoOptions options) {
        DemoStack stack = new DemoStack(Objects.requireNonNull(options, "options"));
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        kafka = KafkaBrokers.startEmbedded();
        kafka.createTopic(HealthAgent.VITALS_TOPIC, VITALS_PARTITIONS);
        kafka.createTopic(HealthAgent.ALERTS_TOPIC, VITALS_PARTITIONS);
        kafka.createTopic(AgentSettings.KAFKA_EVENTS_TOPIC.defaultValue(), 1);
        kafka.createTopic(AgentSettings.KAFKA_LIVE_TOPIC.defaultValue(), 1);
        mqtt = MqttBrokers.startEmbedded();
        processing = startProcessing(options.preferredHttpPort());
        httpPort = processing.port();
        gateway = VitalsGatewayAgent.app().config(gatewayConfig()).start();
        simulator = VitalsSimulator.start(options.simulator("tcp://" + mqttServer()));
    }

    /** Starts the health agent on the preferred port, or on a free one when that is taken. */
    private RunningAgent startProcessing(int preferred) {
        if (HttpPorts.isFree(preferred)) {
            try {
                return HealthAgent.app().config(processingConfig(preferred)).start();
            } catch (RealtimeAgentException e) {
                LOG.debug("Port {} was taken after all: {}", preferred, e.getMessage());
            }
        }
        RunningAgent started = HealthAgent.app().config(processingConfig(0)).start();
        portNotice = "Port " + preferred + " is taken by another program, so the dashboard uses port " + started.port()
                + " instead.";
        return started;
    }

    private AgentConfig processingConfig(int port) {
        return AgentConfig.builder()
                .serviceName("health-agent")
                .kafkaBootstrapServers(kafka.bootstrapServers())
                .streamingTopics(HealthAgent.VITALS_TOPIC)
                .httpPort(port)
                .set(AgentSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(5))
                .build();
    }

    private AgentConfig gatewayConfig() {
        AgentConfig.Builder config = AgentConfig.builder()
                .serviceName("vitals-gateway")
                .kafkaBootstrapServers(kafka.bootstrapServers())
                .mqttBroker(mqtt.host(), mqtt.port())
                // A fresh session each run; one gateway subscribed unshared keeps each device topic in order (and
                // avoids the embedded HiveMQ CE's stalls of shared subscriptions).
                .set(
                        AgentSettings.MQTT_CLIENT_ID,
                        "vitals-gateway-" + UUID.randomUUID().toString().substring(0, 8))
                .set(AgentSettings.MQTT_SHARED_GROUP, "none")
                .set(AgentSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(5))
                .httpPort(0);
        return VitalsGatewayAgent.bridgeVitals(config).build();
    }

    /** The dashboard: {@code http://localhost:<port>/} of the health agent. */
    public URI dashboardUrl() {
        return URI.create("http://localhost:" + httpPort + "/");
    }

    /** The health agent's HTTP port. */
    public int httpPort() {
        return httpPort;
    }

    /** Why the dashboard is not on the preferred port, when it is not. */
    public Optional<String> portNotice() {
        return Optional.ofNullable(portNotice);
    }

    /** The running health agent (a new one after {@link #restartProcessingAgent()}). */
    public RunningAgent processingAgent() {
        return processing;
    }

    /** The running gateway agent. */
    public RunningAgent gatewayAgent() {
        return gateway;
    }

    /**
     * Stops the health agent gracefully and starts a new one on the same HTTP port; it goes on from the offsets the
     * old one committed. Browsers reconnect by themselves.
     *
     * @throws IllegalStateException when the port stays taken for 10 s
     */
    public synchronized void restartProcessingAgent() {
        processing.close();
        long deadline = System.nanoTime() + PORT_RETRY.toNanos();
        while (true) {
            try {
                processing =
                        HealthAgent.app().config(processingConfig(httpPort)).start();
                return;
            } catch (RealtimeAgentException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(
                            "Cannot restart the health agent on port " + httpPort + " within " + PORT_RETRY.toSeconds()
                                    + " s: " + e.getMessage(),
                            e);
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
    }

    /** The embedded Kafka broker's bootstrap servers, e.g. {@code 127.0.0.1:41234}. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The embedded MQTT broker, {@code host:port}. */
    public String mqttServer() {
        return mqtt.host() + ":" + mqtt.port();
    }

    /**
     * Stops the simulator, the gateway, the health agent, MQTT and Kafka, in that order; errors are logged, not
     * thrown.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        quietly("the simulator", simulator);
        quietly("the gateway agent", gateway);
        quietly("the health agent", processing);
        quietly("the MQTT broker", mqtt);
        quietly("the Kafka broker", kafka);
    }

    private static void quietly(String what, AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.warn("Could not stop {} cleanly: {}", what, e.toString());
        }
    }
}
